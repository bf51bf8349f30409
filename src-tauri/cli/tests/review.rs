//! The bureau's review loop on real files (issue 13): townships package with `mulu package`, the
//! district bureau receives (refusing a broken package, an unknown signer, an agency it does not
//! expect), reviews, returns with comments and issues a signed receipt; the township imports it,
//! sees each comment as a finding, fixes, repackages; the bureau approves the resubmission. A
//! receipt changed by one byte, or for a package the workspace did not make, is refused.

use std::path::{Path, PathBuf};

use serde_json::Value;

mod common;

use common::bureau::{key, package, receive, run_json, township, uscc, ws_cmd};

fn with_byte_changed(src: &Path, dst: &Path) -> PathBuf {
    let mut b = std::fs::read(src).unwrap();
    let at = b.len() / 3;
    b[at] ^= 0x01;
    std::fs::write(dst, b).unwrap();
    dst.to_path_buf()
}

#[test]
fn a_returned_package_is_fixed_resubmitted_and_approved_with_signed_receipts() {
    let d = tempfile::tempdir().unwrap();
    let dir = d.path();
    let (qy, other) = (dir.join("青岩镇.mulu"), dir.join("黔陶乡.mulu"));
    let (qy_uscc, other_uscc, bureau_uscc) =
        (uscc("11520111009145329"), uscc("11520111009145330"), uscc("11520111MB1234567"));
    let (qy_key, qy_fp) = township(dir, &qy, "花溪区青岩镇人民政府", &qy_uscc);
    let (other_key, _) = township(dir, &other, "花溪区黔陶乡人民政府", &other_uscc);

    let bureau = dir.join("花溪区数据局.mulu");
    ws_cmd(dir, &bureau)
        .args(["init", "--name", "贵阳市花溪区大数据发展管理局", "--uscc", &bureau_uscc, "--division", "520111"])
        .args(["--level", "区县", "--contact-name", "张审核", "--contact-phone", "0851-83600000"])
        .assert()
        .success();
    let (bureau_key, bureau_fp) = key(dir, "bureau.key");
    ws_cmd(dir, &bureau)
        .args(["submitter", "add", "--uscc", &qy_uscc, "--name", "花溪区青岩镇人民政府", "--level", "乡镇"])
        .assert()
        .success();
    // Reviewing is a bureau's: a township's workspace is told so.
    assert_eq!(run_json(dir, &qy, &["review", "list"], &[]).2.as_deref(), Some("review.not_bureau"));

    let p1 = package(dir, &qy, &qy_key, "青岩镇-1.zip");

    // A broken package: refused with the reason, stored nowhere.
    let broken = with_byte_changed(&p1, &dir.join("改过.zip"));
    let r = receive(dir, &bureau, &broken, &[]);
    assert_eq!(r["error"]["code"], "receive.broken", "{r}");
    assert!(r["error"]["message"].as_str().unwrap().contains("verify."), "the reason named: {r}");
    // An unknown signer: refused with its fingerprint until the fingerprint heard matches.
    let r = receive(dir, &bureau, &p1, &[]);
    assert_eq!(r["error"]["code"], "receive.unknown_signer", "{r}");
    let (_, list, _) = run_json(dir, &bureau, &["review", "list"], &[]);
    assert_eq!(list.as_array().unwrap().len(), 0, "nothing refused is stored: {list}");
    let wrong = format!("{}0000", &qy_fp[..qy_fp.len() - 4]);
    assert_eq!(receive(dir, &bureau, &p1, &["--fingerprint", &wrong])["error"]["code"], "key.fingerprint_mismatch");
    let r = receive(dir, &bureau, &p1, &["--fingerprint", &qy_fp]);
    assert_eq!(r["received"]["key_trusted_now"], true, "{r}");
    let id1 = r["received"]["package_id"].as_str().unwrap().to_string();
    assert_eq!(id1, format!("{qy_uscc}-2026-001"));
    // Twice is once.
    let again = receive(dir, &bureau, &p1, &[]);
    assert_eq!(again["received"]["already_received"], true, "{again}");
    let (_, list, _) = run_json(dir, &bureau, &["review", "list"], &[]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    // An agency the bureau does not expect.
    let stranger = package(dir, &other, &other_key, "黔陶乡-1.zip");
    let r = receive(dir, &bureau, &stranger, &[]);
    assert_eq!(r["error"]["code"], "receive.not_expected", "{r}");
    assert!(r["error"]["message"].as_str().unwrap().contains(&other_uscc));

    // The review: one resource returned with a comment on its abstract, one approved.
    let (_, shown, _) = run_json(dir, &bureau, &["review", "show", &id1], &[]);
    assert_eq!(shown["overall"], "undecided");
    assert_eq!(shown["findings"]["agree"], true, "validated again here, same findings: {}", shown["findings"]);
    assert_eq!(shown["changes"]["package_agrees"], true, "a first package adds everything");
    assert_eq!(shown["changes"]["changes"]["added"].as_array().unwrap().len(), 2);
    let (c1, c2) = ("352111009/000001", "352111009/000002");
    ws_cmd(dir, &bureau)
        .args(["review", "decide", &id1, "--resource", c1, "--return", "--comment", "摘要未说明数据范围"])
        .args(["--field", "abstract"])
        .assert()
        .success();
    ws_cmd(dir, &bureau).args(["review", "decide", &id1, "--resource", c2, "--approve"]).assert().success();
    let (_, unknown, err) = run_json(
        dir,
        &bureau,
        &["review", "decide", &id1, "--resource", c2, "--return", "--comment", "x", "--field", "colour"],
        &[],
    );
    assert_eq!((err.as_deref(), unknown), (Some("field.unknown"), Value::Null));
    let (_, shown, _) = run_json(dir, &bureau, &["review", "show", &id1], &[]);
    assert_eq!(shown["overall"], "returned");
    assert_eq!(shown["resources"][0]["comments"][0]["field"], "abstract");
    let r1 = dir.join("回执-1.zip");
    ws_cmd(dir, &bureau)
        .args(["review", "receipt", &id1, "--key"])
        .arg(&bureau_key)
        .arg("--out")
        .arg(&r1)
        .assert()
        .success();
    let (code, _, err) = run_json(dir, &bureau, &["review", "decide", &id1, "--resource", c1, "--approve"], &[]);
    assert_eq!((code, err.as_deref()), (2, Some("review.closed")), "final once the receipt is out");
    // A receipt is no submission.
    assert_eq!(receive(dir, &bureau, &r1, &[])["error"]["code"], "receive.not_submission");

    // The township: the bureau's key trusted by fingerprint; a changed receipt refused.
    let tampered = with_byte_changed(&r1, &dir.join("回执-改.zip"));
    let import = |ws: &Path, r: &Path, extra: &[&str]| {
        let mut args = vec!["receipt", "import"];
        args.extend_from_slice(extra);
        run_json(dir, ws, &args, &[r])
    };
    assert_eq!(import(&qy, &r1, &[]).2.as_deref(), Some("receipt.untrusted"));
    assert_eq!(import(&qy, &tampered, &["--fingerprint", &bureau_fp]).2.as_deref(), Some("receipt.broken"));
    // Another township, trusting the same bureau: not its package.
    assert_eq!(import(&other, &r1, &["--fingerprint", &bureau_fp]).2.as_deref(), Some("receipt.foreign"));
    let (code, imported, _) = import(&qy, &r1, &["--fingerprint", &bureau_fp]);
    assert_eq!((code, &imported["decision"], &imported["tasks"]), (0, &Value::from("returned"), &Value::from(1)));
    assert_eq!(import(&qy, &r1, &[]).1["already_imported"], true);

    // The comment is a finding at its resource and field; packaging is refused until it is addressed.
    let (code, report, _) = run_json(dir, &qy, &["validate"], &[]);
    assert_eq!(code, 1);
    let f = report["findings"].as_array().unwrap().iter().find(|f| f["rule"] == "review.returned").unwrap().clone();
    assert_eq!((f["resource"]["code"].as_str(), f["field"].as_str()), (Some(c1), Some("abstract")));
    assert!(f["message"].as_str().unwrap().contains("摘要未说明数据范围"), "{f}");
    let (_, _, err) = run_json(dir, &qy, &["package", "--key", qy_key.to_str().unwrap(), "--out", "x.zip"], &[]);
    assert_eq!(err.as_deref(), Some("package.findings"));
    ws_cmd(dir, &qy)
        .args(["resource", "edit", c1, "--abstract", "本镇年度一般公共预算收支及三公经费预算，范围为全镇各部门。"])
        .assert()
        .success();
    ws_cmd(dir, &qy).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    let (_, tasks, _) = run_json(dir, &qy, &["receipt", "tasks"], &[]);
    assert_eq!(tasks[0]["addressed"], true, "the field changed since the returned package: {tasks}");
    ws_cmd(dir, &qy).arg("validate").assert().success();
    let p2 = package(dir, &qy, &qy_key, "青岩镇-2.zip");

    // Resubmitted: number 2, its changes against the returned package, checked here; approved.
    let r = receive(dir, &bureau, &p2, &[]);
    let id2 = r["received"]["package_id"].as_str().unwrap().to_string();
    assert_eq!(id2, format!("{qy_uscc}-2026-002"), "{r}");
    let (_, shown, _) = run_json(dir, &bureau, &["review", "show", &id2], &[]);
    assert_eq!(shown["changes"]["package_previous"], Value::from(id1.clone()));
    assert_eq!(shown["changes"]["package_agrees"], true, "{}", shown["changes"]);
    let (code, _, err) = run_json(
        dir,
        &bureau,
        &["review", "receipt", &id2, "--key", bureau_key.to_str().unwrap(), "--out", "r.zip"],
        &[],
    );
    assert_eq!((code, err.as_deref()), (2, Some("review.undecided")));
    ws_cmd(dir, &bureau).args(["review", "decide", &id2, "--approve"]).assert().success();
    let r2 = dir.join("回执-2.zip");
    ws_cmd(dir, &bureau)
        .args(["review", "receipt", &id2, "--key"])
        .arg(&bureau_key)
        .arg("--out")
        .arg(&r2)
        .assert()
        .success();
    let (_, list, _) = run_json(dir, &bureau, &["review", "list"], &[]);
    let status: Vec<&str> = list.as_array().unwrap().iter().map(|p| p["status"].as_str().unwrap()).collect();
    assert_eq!(status.iter().filter(|s| **s == "approved").count(), 1, "{list}");
    assert_eq!(status.iter().filter(|s| **s == "returned").count(), 1, "{list}");
    let (code, imported, _) = import(&qy, &r2, &[]);
    assert_eq!((code, &imported["decision"]), (0, &Value::from("approved")));
    // The receipt is an ordinary signed bag: `mulu verify` checks it with the bureau's key.
    common::isolated(dir).args(["verify", "--trust"]).arg(bureau_key.with_extension("pem")).arg(&r2).assert().success();
}
