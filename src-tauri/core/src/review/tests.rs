//! The bureau's side against real packages: receiving (and refusing) them, validating again,
//! checking what the sender claims, deciding, the receipt and its tasks on the agency's side.

use std::path::{Path, PathBuf};

use super::decide::{self, DecideRequest, Overall};
use super::{receipt, receive, tasks, ReviewVerdict};
use crate::model::domain::AgencyLevel;
use crate::model::Catalog;
use crate::package::tests::{bag_of, bag_with, catalog, zip_bytes};
use crate::package::trust::TrustedKey;
use crate::package::{diff, keys, make};
use crate::rules::{Context, Report};
use crate::store::Workspace;
use crate::Lang;

const TOWNSHIP: &str = "115201110091453295";

fn bureau(dir: &Path) -> Workspace {
    let mut ws = Workspace::create(&dir.join("区数据局.mulu")).unwrap();
    let mut a = crate::sample::agency();
    a.name = Some("贵阳市花溪区大数据发展管理局".into());
    a.uscc = Some(format!("11520111MB1234567{}", crate::ids::uscc::check_char("11520111MB1234567").unwrap()));
    a.level = Some(AgencyLevel::County.into());
    ws.set_agency(&a).unwrap();
    ws
}

fn expect(ws: &mut Workspace, uscc: &str) {
    let s = super::submitters::checked(uscc, "花溪区青岩镇人民政府", Some("乡镇"), None).unwrap();
    ws.put_submitters(&[s]).unwrap();
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn code(e: crate::Error) -> &'static str {
    e.code()
}

#[test]
fn a_bureau_is_a_county_or_city_workspace() {
    let mut a = crate::sample::agency();
    for (level, bureau) in [
        (AgencyLevel::Township, false),
        (AgencyLevel::CountyDepartment, false),
        (AgencyLevel::County, true),
        (AgencyLevel::CityDepartment, false),
        (AgencyLevel::City, true),
    ] {
        a.level = Some(level.into());
        assert_eq!(super::is_bureau(&a), bureau, "{level:?}");
    }
    a.level = None;
    assert!(!super::is_bureau(&a));
    let d = tempfile::tempdir().unwrap();
    let mut township = Workspace::create(&d.path().join("镇.mulu")).unwrap();
    township.set_agency(&crate::sample::agency()).unwrap();
    let pkg = write(d.path(), "p.zip", b"x");
    assert_eq!(code(receive::receive(&mut township, &pkg, None).unwrap_err()), "review.not_bureau");
}

#[test]
fn refused_packages_are_kept_nowhere_and_the_same_package_twice_is_received_once() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = bureau(d.path());
    let key = keys::generate().unwrap();
    let fp = keys::grouped(&keys::fingerprint(&key.public_key()));
    let bytes = zip_bytes(&bag_of(&catalog(3), &key));
    let pkg = write(d.path(), "青岩镇.zip", &bytes);

    assert_eq!(code(receive::receive(&mut ws, &pkg, Some(&fp)).unwrap_err()), "receive.not_expected");
    expect(&mut ws, TOWNSHIP);
    let mut broken = bytes.clone();
    let at = broken.len() / 2;
    broken[at] ^= 0x20;
    let bad = write(d.path(), "坏.zip", &broken);
    let e = receive::receive(&mut ws, &bad, Some(&fp)).unwrap_err();
    assert_eq!(code(e), "receive.broken");
    assert_eq!(code(receive::receive(&mut ws, &pkg, None).unwrap_err()), "receive.unknown_signer");
    assert!(ws.received().unwrap().is_empty(), "nothing refused is stored");
    assert!(ws.trusted_keys().unwrap().is_empty(), "no key trusted by a refusal");

    let one = receive::receive(&mut ws, &pkg, Some(&fp)).unwrap();
    assert!(one.key_trusted_now && !one.already_received);
    assert_eq!(ws.received_bytes(&one.package_id).unwrap(), bytes, "the very bytes verified");
    assert_eq!(ws.submitters().unwrap()[0].keys, vec![keys::fingerprint(&key.public_key())]);
    let again = receive::receive(&mut ws, &pkg, None).unwrap();
    assert!(again.already_received && !again.key_trusted_now);
    assert_eq!(ws.received().unwrap().len(), 1);

    // Another package under the same identifier: one identifier, one package.
    let mut other = catalog(3);
    other.resources[0].name.push_str("（改）");
    let twin = write(d.path(), "同号.zip", &zip_bytes(&bag_of(&other, &key)));
    assert_eq!(code(receive::receive(&mut ws, &twin, None).unwrap_err()), "receive.conflict");

    // A key trusted for another agency does not sign for this one.
    let stranger = keys::generate().unwrap();
    let pem = keys::public_pem(&stranger.public_key());
    ws.trust_key(&TrustedKey::from_pem(&pem, "11520111MB1234567X", "别的单位", "2026-12-01 09:00:00").unwrap())
        .unwrap();
    let signed = write(d.path(), "别人签.zip", &zip_bytes(&bag_of(&other, &stranger)));
    let sfp = keys::grouped(&keys::fingerprint(&stranger.public_key()));
    assert_eq!(code(receive::receive(&mut ws, &signed, Some(&sfp)).unwrap_err()), "receive.other_agency");
}

#[test]
fn the_bureau_validates_again_and_checks_the_changes_the_package_claims() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = bureau(d.path());
    expect(&mut ws, TOWNSHIP);
    let key = keys::generate().unwrap();
    let fp = keys::grouped(&keys::fingerprint(&key.public_key()));
    let mut c: Catalog = catalog(3);
    c.resources[1].summary = None; // an error the sender does not report
    let silent = Report::default();
    let changes = diff::changes(None, &c);
    let p1 = write(d.path(), "1.zip", &zip_bytes(&bag_with(&c, &silent, &changes, 1, &key)));
    let id1 = receive::receive(&mut ws, &p1, Some(&fp)).unwrap().package_id;
    let shown = decide::show(&ws, &id1, Lang::En).unwrap();
    assert!(!shown.findings.agree);
    assert_eq!(shown.findings.package_errors, Some(0));
    assert!(shown
        .findings
        .only_here
        .iter()
        .any(|f| f.resource.as_ref().is_some_and(|r| r.name == c.resources[1].name)));
    assert_eq!(shown.changes.package_agrees, Some(true), "a first package adds everything");

    // Package 2 claims nothing changed since package 1, but a resource was renamed.
    let mut c2 = c.clone();
    c2.resources[0].name.push_str("（修订）");
    let prev = diff::PreviousPackage { package_id: id1.clone(), sequence: 1, created_at: "t".into() };
    let lie = diff::Changes { previous: Some(prev), agency: vec![], added: vec![], removed: vec![], changed: vec![] };
    let report = crate::rules::validate(&c2, &Context::now(Lang::Zh));
    let p2 = write(d.path(), "2.zip", &zip_bytes(&bag_with(&c2, &report, &lie, 2, &key)));
    let id2 = receive::receive(&mut ws, &p2, None).unwrap().package_id;
    let shown = decide::show(&ws, &id2, Lang::Zh).unwrap();
    assert_eq!(shown.changes.package_agrees, Some(false));
    assert_eq!(shown.changes.against, None, "nothing approved yet: compared with nothing");
    assert!(shown.changes.missing_from_package.iter().any(|l| l.starts_with("changed ")), "{:?}", shown.changes);
}

#[test]
fn decisions_hold_until_the_receipt_and_the_package_passes_only_when_every_resource_does() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = bureau(d.path());
    expect(&mut ws, TOWNSHIP);
    let key = keys::generate().unwrap();
    let fp = keys::grouped(&keys::fingerprint(&key.public_key()));
    let c = catalog(3);
    let pkg = write(d.path(), "1.zip", &zip_bytes(&bag_of(&c, &key)));
    let id = receive::receive(&mut ws, &pkg, Some(&fp)).unwrap().package_id;
    let code0 = c.resources[0].code.clone();
    let req = |resource: Option<&Option<String>>, verdict, comment: Option<&str>, field: Option<&str>| DecideRequest {
        package_id: id.clone(),
        resource: resource.map(|r| r.clone().unwrap()),
        verdict,
        comment: comment.map(str::to_string),
        field: field.map(str::to_string),
    };
    let d1 = decide::decide(&mut ws, &req(Some(&code0), ReviewVerdict::Approved, None, None), Lang::Zh).unwrap();
    assert_eq!((d1.overall, d1.undecided), (Overall::Undecided, 2));
    let e = decide::decide(&mut ws, &req(Some(&code0), ReviewVerdict::Returned, Some("  "), None), Lang::Zh);
    assert_eq!(code(e.unwrap_err()), "field.invalid", "returning needs a comment");
    let e = decide::decide(&mut ws, &req(Some(&Some("nope".into())), ReviewVerdict::Approved, None, None), Lang::Zh);
    assert_eq!(code(e.unwrap_err()), "resource.not_found");
    let all = decide::decide(&mut ws, &req(None, ReviewVerdict::Approved, None, None), Lang::Zh).unwrap();
    assert_eq!((all.overall, all.resources), (Overall::Approved, 3));
    let back = req(Some(&code0), ReviewVerdict::Returned, Some("共享条件未写明"), Some("sharing.condition"));
    assert_eq!(decide::decide(&mut ws, &back, Lang::Zh).unwrap().overall, Overall::Returned);
    assert!(ws.history(None, 10).unwrap().iter().any(|c| c.action == "review.decide"), "in the change log");

    let key_file = d.path().join("bureau.key");
    keys::write_new_key_file(&key_file, "口令").unwrap();
    let out = d.path().join("回执.zip");
    let issued = receipt::issue(&mut ws, &id, &key_file, "口令", &out).unwrap();
    assert_eq!((issued.decision, issued.approved, issued.returned), (ReviewVerdict::Returned, 2, 1));
    let e = decide::decide(&mut ws, &req(Some(&code0), ReviewVerdict::Approved, None, None), Lang::Zh);
    assert_eq!(code(e.unwrap_err()), "review.closed");
    let v = crate::package::verify_file(&out, &Default::default(), &Default::default(), Lang::Zh).unwrap();
    assert_ne!(v.verdict, crate::package::Verdict::Broken, "{v:?}");
}

/// A township that made package 1 with `make`, and a bureau that received it.
fn made(dir: &Path) -> (Workspace, Workspace, PathBuf, String) {
    let mut township = Workspace::create(&dir.join("镇.mulu")).unwrap();
    township.set_agency(&crate::sample::agency()).unwrap();
    let ids = township.add_resources(catalog(2).resources).unwrap();
    township.confirm_secrecy_many(&ids, "李审查").unwrap();
    let tkey = dir.join("镇.key");
    keys::write_new_key_file(&tkey, "口令").unwrap();
    let pkg = dir.join("镇-1.zip");
    make::make(&mut township, &tkey, "口令", &pkg, true, None, &mut |_| {}).unwrap();
    let mut ws = bureau(dir);
    expect(&mut ws, TOWNSHIP);
    let fp = keys::grouped(&keys::read_key_file(&tkey, "口令").map(|k| keys::fingerprint(&k.public_key())).unwrap());
    let id = receive::receive(&mut ws, &pkg, Some(&fp)).unwrap().package_id;
    (township, ws, pkg, id)
}

#[test]
fn a_receipt_becomes_tasks_until_each_field_changes_or_is_resolved() {
    let d = tempfile::tempdir().unwrap();
    let (mut township, mut ws, _, id) = made(d.path());
    let c: Catalog = township.catalog().unwrap();
    let (c0, c1) = (c.resources[0].code.clone(), c.resources[1].code.clone());
    for (r, field) in [(&c0, Some("abstract")), (&c1, None)] {
        let req = DecideRequest {
            package_id: id.clone(),
            resource: r.clone(),
            verdict: ReviewVerdict::Returned,
            comment: Some("请补充".into()),
            field: field.map(str::to_string),
        };
        decide::decide(&mut ws, &req, Lang::Zh).unwrap();
    }
    let bkey = d.path().join("局.key");
    keys::write_new_key_file(&bkey, "口令").unwrap();
    let out = d.path().join("回执.zip");
    receipt::issue(&mut ws, &id, &bkey, "口令", &out).unwrap();
    let bfp = keys::grouped(&keys::read_key_file(&bkey, "口令").map(|k| keys::fingerprint(&k.public_key())).unwrap());

    // Untrusted, then trusted by the fingerprint heard; the package's hash must be ours.
    assert_eq!(code(receipt::import(&mut township, &out, None).unwrap_err()), "receipt.untrusted");
    township.conn().execute("UPDATE package_record SET tagmanifest_sha256 = 'x'", []).unwrap();
    assert_eq!(code(receipt::import(&mut township, &out, Some(&bfp)).unwrap_err()), "receipt.hash");
    let real = ws.received().unwrap()[0].tagmanifest_sha256.clone();
    township.conn().execute("UPDATE package_record SET tagmanifest_sha256 = ?1", [&real]).unwrap();
    let imported = receipt::import(&mut township, &out, Some(&bfp)).unwrap();
    assert_eq!((imported.decision, imported.tasks), (ReviewVerdict::Returned, 2));

    let ctx = Context::now(Lang::Zh);
    let open = |t: &Workspace| tasks::findings(t, &t.catalog().unwrap(), &ctx).unwrap();
    let f = open(&township);
    assert_eq!(f.len(), 2);
    assert_eq!(f[0].field.as_deref(), Some("abstract"));
    assert_eq!(f[0].resource_index, Some(0), "linked to its record");
    // Another field of resource 0 does not address its abstract; the abstract does.
    let id0 = township.find(c0.as_deref().unwrap()).unwrap();
    township
        .edit_resource(id0, |r| {
            r.notes = Some("备注".into());
            Ok(())
        })
        .unwrap();
    assert_eq!(open(&township).len(), 2);
    township
        .edit_resource(id0, |r| {
            r.summary = Some("新的摘要，说明数据范围。".into());
            Ok(())
        })
        .unwrap();
    assert_eq!(open(&township).len(), 1);
    // A comment on the whole resource: resolved by hand.
    let left = tasks::list(&township, &township.catalog().unwrap()).unwrap();
    let t = left.iter().find(|t| !t.addressed).unwrap();
    township.resolve_task(t.id).unwrap();
    assert!(open(&township).is_empty());
    assert_eq!(code(township.resolve_task(999).unwrap_err()), "task.not_found");
}

/// A workbook of submitters: an instruction line, then the header, then `rows`.
fn submitter_book(dir: &Path, rows: &[[&str; 4]]) -> PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let s = wb.add_worksheet();
    s.set_name("报送单位").unwrap();
    s.write(0, 0, "花溪区报送单位名单（2026）").unwrap();
    for (c, h) in ["名称", "社会信用代码", "层级", "联系人及电话"].iter().enumerate() {
        s.write(1, c as u16, *h).unwrap();
    }
    for (r, row) in rows.iter().enumerate() {
        for (c, v) in row.iter().enumerate() {
            s.write(r as u32 + 2, c as u16, *v).unwrap();
        }
    }
    let p = dir.join("名单.xlsx");
    wb.save(&p).unwrap();
    p
}

#[test]
fn submitters_import_by_header_synonyms_all_rows_or_none() {
    let d = tempfile::tempdir().unwrap();
    let mut ws = bureau(d.path());
    let other = format!("11520111009145330{}", crate::ids::uscc::check_char("11520111009145330").unwrap());
    let good = [
        ["花溪区青岩镇人民政府", TOWNSHIP, "乡镇", "王芳 0851-83200000"],
        ["花溪区黔陶乡人民政府", other.as_str(), "乡", ""],
    ];
    let bad = [good[0], ["花溪区教育局", "1152011100914532X9", "区县部门", ""], good[1]];
    let e = crate::ops::review::import_submitters(&mut ws, &submitter_book(d.path(), &bad)).unwrap_err();
    match &e {
        crate::Error::SubmitterCell { sheet, row, column, reason, .. } => {
            assert_eq!((sheet.as_str(), *row, column.as_str(), *reason), ("报送单位", 4, "B", "uscc"))
        }
        other => panic!("{other:?}"),
    }
    assert!(e.message(Lang::Zh).contains("第 4 行 B 列"), "{}", e.message(Lang::Zh));
    assert!(ws.submitters().unwrap().is_empty(), "all or nothing");
    let dup = [good[0], good[0]];
    let e = crate::ops::review::import_submitters(&mut ws, &submitter_book(d.path(), &dup)).unwrap_err();
    assert_eq!(e.code(), "submitter.cell");
    let list = crate::ops::review::import_submitters(&mut ws, &submitter_book(d.path(), &good)).unwrap();
    assert_eq!(list.len(), 2);
    let stored = ws.submitters().unwrap();
    assert_eq!(stored.len(), 2);
    let qt = stored.iter().find(|s| s.uscc == other).unwrap();
    assert_eq!((qt.level.as_deref(), qt.contact.as_deref()), (Some("乡镇"), None), "乡 is 乡镇");
    assert_eq!(crate::ops::review::remove_submitter(&mut ws, "花溪区黔陶乡人民政府").unwrap().uscc, other);
    assert_eq!(ws.submitters().unwrap().len(), 1);
}
