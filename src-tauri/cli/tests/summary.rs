//! The district's summary on real files (issue 13, part 2): three generated townships report to
//! the district bureau — one returned, fixed and approved, one approved at once, one left in
//! review — the status board says so; the summary merges the approved catalogs with their
//! provenance and flags the same data collected by two townships; the district government's
//! approval is recorded (and needed again once another package is approved); the summary
//! package goes to the city, which receives, approves and summarizes it with the township →
//! district chain kept on every resource.

use std::path::Path;

use serde_json::Value;

mod common;

use common::bureau::{add_recipients, bureau, init_agency, key, package, receipt, receive, run_json, uscc, ws_cmd};

/// A township numbering under `prefix`: a budget, and (`recipients`) a list of people.
fn township(
    dir: &Path,
    ws: &Path,
    name: &str,
    code: &str,
    prefix: &str,
    recipients: Option<&str>,
) -> std::path::PathBuf {
    init_agency(dir, ws, name, code, "乡镇", prefix);
    common::add_complete(ws, "镇级财政预算公开信息", "本镇年度一般公共预算收支及三公经费预算");
    if let Some(r) = recipients {
        add_recipients(ws, r);
    }
    ws_cmd(dir, ws).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    key(dir, &format!("{code}.key")).0
}

fn fingerprint(dir: &Path, key: &Path) -> String {
    let o = common::isolated(dir)
        .args(["key", "export", "--out"])
        .arg(key.with_extension("pub.pem"))
        .arg(key)
        .output()
        .unwrap();
    String::from_utf8(o.stderr).unwrap().trim().rsplit('：').next().unwrap().to_string()
}

fn state_of(board: &Value, uscc: &str) -> String {
    let row = board.as_array().unwrap().iter().find(|r| r["uscc"] == uscc).unwrap();
    row["state"].as_str().unwrap().to_string()
}

#[test]
fn three_townships_are_summarized_approved_packaged_and_summarized_again_by_the_city() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let (a, b, c) = (uscc("11520111009145329"), uscc("11520111009145330"), uscc("11520111009145331"));
    let (district_uscc, city_uscc) = (uscc("11520111MB1234567"), uscc("11520100MB7654321"));
    let (qy, qt, gp) = (dir.join("青岩镇.mulu"), dir.join("黔陶乡.mulu"), dir.join("高坡乡.mulu"));
    let qy_key = township(dir, &qy, "花溪区青岩镇人民政府", &a, "352111009", Some("最低生活保障对象名册"));
    let qt_key = township(dir, &qt, "花溪区黔陶乡人民政府", &b, "352111010", Some("低保人员信息"));
    let gp_key = township(dir, &gp, "花溪区高坡乡人民政府", &c, "352111011", None);
    let district = dir.join("花溪区数据局.mulu");
    let subs = [
        (a.as_str(), "花溪区青岩镇人民政府", "乡镇"),
        (b.as_str(), "花溪区黔陶乡人民政府", "乡镇"),
        (c.as_str(), "花溪区高坡乡人民政府", "乡镇"),
    ];
    let district_key = bureau(dir, &district, "贵阳市花溪区大数据发展管理局", &district_uscc, "区县", &subs);
    let board = |ws: &Path| run_json(dir, ws, &["review", "status"], &[]).1;
    assert_eq!(state_of(&board(&district), &a), "not_submitted");
    // Nothing approved: nothing to summarize, nothing to approve.
    let (_, _, err) = run_json(
        dir,
        &district,
        &["summarize", "approve", "--by", "花溪区人民政府", "--date", "2026-12-01", "--document", "花府函〔2026〕12号"],
        &[],
    );
    assert_eq!(err.as_deref(), Some("summary.empty"));

    // 青岩镇: returned with a comment, fixed, approved.
    let fp = |k: &Path| fingerprint(dir, k);
    // Packaged by the township, received by the district (its key trusted by fingerprint).
    let submit = |ws: &Path, k: &Path, name: &str| {
        let r = receive(dir, &district, &package(dir, ws, k, name), &["--fingerprint", &fp(k)]);
        r["received"]["package_id"].as_str().unwrap_or_else(|| panic!("{r}")).to_string()
    };
    let id1 = submit(&qy, &qy_key, "青岩镇-1.zip");
    assert_eq!(state_of(&board(&district), &a), "received");
    ws_cmd(dir, &district).args(["review", "decide", &id1, "--return", "--comment", "请补充摘要"]).assert().success();
    let r1 = receipt(dir, &district, &id1, &district_key, "回执-1.zip");
    let b1 = board(&district);
    assert_eq!(state_of(&b1, &a), "returned", "{b1}");
    ws_cmd(dir, &qy)
        .args(["receipt", "import"])
        .arg(&r1)
        .args(["--fingerprint", &fp(&district_key)])
        .assert()
        .success();
    ws_cmd(dir, &qy).args(["receipt", "resolve", "1"]).assert().success();
    let id2 = submit(&qy, &qy_key, "青岩镇-2.zip");
    ws_cmd(dir, &district).args(["review", "decide", &id2, "--approve"]).assert().success();
    receipt(dir, &district, &id2, &district_key, "回执-2.zip");
    // 黔陶乡 approved at once; 高坡乡 received and left in review.
    let idq = submit(&qt, &qt_key, "黔陶乡-1.zip");
    ws_cmd(dir, &district).args(["review", "decide", &idq, "--approve"]).assert().success();
    receipt(dir, &district, &idq, &district_key, "回执-q.zip");
    let idg = submit(&gp, &gp_key, "高坡乡-1.zip");

    let b2 = board(&district);
    assert_eq!([state_of(&b2, &a), state_of(&b2, &b), state_of(&b2, &c)], ["approved", "approved", "received"], "{b2}");
    let row = b2.as_array().unwrap().iter().find(|r| r["uscc"] == a).unwrap();
    assert_eq!(
        (row["packages"].as_u64(), row["errors"].as_u64(), row["package_id"].as_str()),
        (Some(2), Some(0), Some(id2.as_str()))
    );
    assert!(row["last_package_on"].as_str().unwrap().starts_with("20"), "{row}");

    // The summary: the two approved catalogs, each resource with its provider and provenance.
    let (code, s, _) = run_json(dir, &district, &["summarize"], &[]);
    assert_eq!(code, 0);
    let ids: Vec<&str> = s["sources"].as_array().unwrap().iter().map(|x| x["package_id"].as_str().unwrap()).collect();
    assert_eq!(ids.len(), 2, "the latest approved package of each agency, none in review: {ids:?}");
    assert!(ids.contains(&id2.as_str()) && ids.contains(&idq.as_str()) && !ids.contains(&id1.as_str()));
    assert_eq!((s["resources"].as_u64(), s["open"].as_u64()), (Some(4), Some(2)), "two budgets open, two lists not");
    let resources = s["catalog"]["resources"].as_array().unwrap();
    let recipients = resources.iter().find(|r| r["name"] == "低保人员信息").unwrap();
    assert_eq!(recipients["provider_code"], b);
    let step = &recipients["provenance"][0];
    assert_eq!((step["agency_uscc"].as_str(), step["package_id"].as_str()), (Some(b.as_str()), Some(idq.as_str())));
    assert_eq!(step["signer_fingerprint"].as_str().unwrap().len(), 64, "{step}");
    assert!(step["approved_on"].as_str().unwrap().starts_with("20"), "{step}");
    assert_eq!(s["catalog"]["agency"]["uscc"], district_uscc, "the district's catalog");
    // The same people collected by two townships: flagged with both sides.
    let same: Vec<&Value> = s["conflicts"].as_array().unwrap().iter().filter(|c| c["kind"] == "same_data").collect();
    assert_eq!(same.len(), 1, "{}", s["conflicts"]);
    let sides: Vec<&str> =
        same[0]["sides"].as_array().unwrap().iter().map(|x| x["agency_uscc"].as_str().unwrap()).collect();
    assert_eq!(sides, [a.as_str(), b.as_str()]);
    assert!(same[0]["subject"].as_str().unwrap().contains("公民身份号码"));
    let text = ws_cmd(dir, &district).arg("summarize").output().unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    assert!(
        text.contains("一数多源") && text.contains("最低生活保障对象名册") && text.contains("低保人员信息"),
        "{text}"
    );

    // Approval (Art. 14): a document number required; only then the package.
    let approve = |doc: &str| {
        run_json(
            dir,
            &district,
            &["summarize", "approve", "--by", "花溪区人民政府", "--date", "2026-12-01", "--document", doc],
            &[],
        )
    };
    let out = |name: &str| dir.join(name).to_str().unwrap().to_string();
    let make = |name: &str| {
        let o = out(name);
        run_json(dir, &district, &["summarize", "package", "--key", district_key.to_str().unwrap(), "--out", &o], &[])
    };
    assert_eq!(make("汇总-0.zip").2.as_deref(), Some("summary.unapproved"));
    assert_eq!(approve("同意").2.as_deref(), Some("field.invalid"));
    assert_eq!(approve("花府函〔2026〕12号").0, 0);
    // 高坡乡 approved since: the summary changed, approve it again.
    ws_cmd(dir, &district).args(["review", "decide", &idg, "--approve"]).assert().success();
    receipt(dir, &district, &idg, &district_key, "回执-g.zip");
    assert_eq!(make("汇总-0.zip").2.as_deref(), Some("summary.stale"));
    assert!(!dir.join("汇总-0.zip").exists());
    assert_eq!(approve("花府函〔2026〕15号").0, 0);
    let (code, made, _) = make("花溪区汇总.zip");
    assert_eq!((code, made["resources"].as_u64()), (0, Some(5)), "{made}");
    let summary_pkg = dir.join("花溪区汇总.zip");

    // The city: the district is one of its submitters; its summary package is received like a
    // township's, reviewed, approved and summarized.
    let city = dir.join("贵阳市数据局.mulu");
    let city_subs = [(district_uscc.as_str(), "贵阳市花溪区大数据发展管理局", "区县")];
    let city_key = bureau(dir, &city, "贵阳市大数据发展管理局", &city_uscc, "市", &city_subs);
    let r = receive(dir, &city, &summary_pkg, &["--fingerprint", &fp(&district_key)]);
    let idd = r["received"]["package_id"].as_str().unwrap_or_else(|| panic!("{r}")).to_string();
    assert_eq!(idd, format!("{district_uscc}-2026-001"));
    let (_, shown, _) = run_json(dir, &city, &["review", "show", &idd], &[]);
    assert_eq!(shown["resources"].as_array().unwrap().len(), 5);
    ws_cmd(dir, &city).args(["review", "decide", &idd, "--approve"]).assert().success();
    receipt(dir, &city, &idd, &city_key, "市回执.zip");
    let (_, cs, _) = run_json(dir, &city, &["summarize"], &[]);
    let rs = cs["catalog"]["resources"].as_array().unwrap();
    assert_eq!(rs.len(), 5);
    let chain: Vec<(&str, &str)> = rs.iter().find(|r| r["name"] == "最低生活保障对象名册").unwrap()["provenance"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["agency_uscc"].as_str().unwrap(), p["package_id"].as_str().unwrap()))
        .collect();
    assert_eq!(chain, [(a.as_str(), id2.as_str()), (district_uscc.as_str(), idd.as_str())], "township → district");
    assert!(rs.iter().all(|r| r["provenance"].as_array().unwrap().len() == 2));
    // The city sees the townships behind the district in its own conflicts.
    let same = cs["conflicts"].as_array().unwrap().iter().find(|c| c["kind"] == "same_data").unwrap();
    assert_eq!(same["sides"][0]["agency_uscc"], a);
    assert_eq!(same["sides"][0]["package_id"], idd, "came to the city in the district's package");
}
