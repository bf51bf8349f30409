//! Versions (every package kept whole, compared, restored from) and the annual full maintenance
//! over a workspace.

use std::path::{Path, PathBuf};

use super::{export, maintenance, package, resources, versions};
use crate::error::Error;
use crate::model::InfoSystem;
use crate::store::Workspace;

/// A packageable workspace with two reviewed resources, and a key.
fn ready(dir: &Path) -> (Workspace, PathBuf, i64, i64) {
    let mut ws = Workspace::create(&dir.join("w.mulu")).unwrap();
    ws.set_agency(&crate::sample::agency()).unwrap();
    let a = ws.add_resource(crate::sample::resource()).unwrap();
    let mut second = crate::sample::resource();
    second.code = Some("352111009/000002".into());
    second.name = "村级集体资产台账".into();
    let b = ws.add_resource(second).unwrap();
    let key = dir.join("key.pem");
    crate::package::keys::write_new_key_file(&key, "口令").unwrap();
    (ws, key, a, b)
}

fn pack(ws: &mut Workspace, key: &Path, out: &Path, reason: Option<&str>) -> crate::Result<u32> {
    for s in ws.resources().unwrap() {
        if s.resource.secrecy_review.is_none() {
            ws.confirm_secrecy(s.id, "王芳").unwrap();
        }
    }
    let req = package::PackageRequest { key, passphrase: "口令", out, allow_findings: true, force: false };
    Ok(package::make_with_reason(ws, &req, reason, &mut |_| {})?.made.sequence)
}

fn name(ws: &Workspace, id: i64) -> String {
    ws.resource(id).unwrap().resource.name
}

#[test]
fn every_package_is_kept_as_a_version_and_any_two_compare_field_by_field() {
    let d = tempfile::tempdir().unwrap();
    let (mut ws, key, a, b) = ready(d.path());
    pack(&mut ws, &key, &d.path().join("1.zip"), None).unwrap();
    resources::set_field(&mut ws, a, "name", "镇级财政预算公开信息（修订）").unwrap();
    pack(&mut ws, &key, &d.path().join("2.zip"), None).unwrap();
    resources::set_field(&mut ws, b, "notes", "第三次").unwrap();
    pack(&mut ws, &key, &d.path().join("3.zip"), None).unwrap();

    let all = versions::list(&ws).unwrap();
    assert_eq!(all.iter().map(|v| v.sequence).collect::<Vec<_>>(), [1, 2, 3], "every package kept");
    assert!(all.iter().all(|v| v.errors.is_some() && v.period.as_deref() == Some("2026")), "{all:?}");
    assert!(all.iter().all(|v| v.signer.len() == 64), "{all:?}");

    // The first version's catalog survives two later packages.
    let c = versions::diff(&ws, "1", &all[2].package_id).unwrap();
    assert_eq!(c.from.sequence, Some(1));
    let fields: Vec<(&str, Vec<&str>)> =
        c.changed.iter().map(|r| (r.name.as_str(), r.fields.iter().map(|f| f.field.as_str()).collect())).collect();
    assert_eq!(fields, [("镇级财政预算公开信息（修订）", vec!["name"]), ("村级集体资产台账", vec!["notes"])]);
    assert!(c.added.is_empty() && c.removed.is_empty() && c.agency.is_empty());

    ws.remove_resource(b).unwrap();
    let w = versions::diff(&ws, "3", "working").unwrap();
    assert_eq!((w.to.sequence, w.removed.len(), w.changed.len()), (None, 1, 0), "{w:?}");
    assert_eq!(w.removed[0].code.as_deref(), Some("352111009/000002"));
    assert!(matches!(versions::diff(&ws, "9", "working"), Err(Error::VersionNotFound { .. })));
}

#[test]
fn a_resource_restored_from_a_version_is_one_undoable_change() {
    let d = tempfile::tempdir().unwrap();
    let (mut ws, key, a, b) = ready(d.path());
    pack(&mut ws, &key, &d.path().join("1.zip"), None).unwrap();
    resources::set_field(&mut ws, a, "name", "改过的名称").unwrap();
    resources::set_field(&mut ws, a, "notes", "改过的备注").unwrap();

    let r = versions::restore(&mut ws, "1", "352111009/000001").unwrap();
    assert_eq!((r.id, r.added_back), (a, false));
    assert_eq!(r.fields.iter().map(|f| f.field.as_str()).collect::<Vec<_>>(), ["name", "notes"]);
    assert_eq!(name(&ws, a), "镇级财政预算公开信息");
    let undone = ws.undo().unwrap().unwrap();
    assert_eq!(undone.action, versions::RESTORE_ACTION);
    assert_eq!(name(&ws, a), "改过的名称", "one undo takes the whole restore back");

    // A resource removed since is added back, by its name too.
    ws.remove_resource(b).unwrap();
    let r = versions::restore(&mut ws, "1", "村级集体资产台账").unwrap();
    assert!(r.added_back);
    assert_eq!(ws.find("352111009/000002").unwrap(), r.id);
    ws.undo().unwrap().unwrap();
    assert!(ws.find("352111009/000002").is_err(), "undone: removed again");

    assert!(matches!(versions::restore(&mut ws, "1", "无此资源"), Err(Error::VersionLacksResource { .. })));
    assert!(matches!(versions::restore(&mut ws, "working", "#1"), Err(Error::VersionNotFound { .. })));
}

#[test]
fn a_campaign_counts_confirmations_and_edits_and_holds_the_package_back() {
    let d = tempfile::tempdir().unwrap();
    let (mut ws, key, a, b) = ready(d.path());
    pack(&mut ws, &key, &d.path().join("1.zip"), None).unwrap();
    assert!(matches!(maintenance::status(&ws, None), Err(Error::MaintenanceNone)));

    let s = maintenance::start(&mut ws, 2027, Some("王芳")).unwrap();
    assert!(s.started);
    assert_eq!((s.status.total, s.status.reviewed, s.status.next_sequence), (2, 0, 2));
    assert_eq!(ws.agency().unwrap().period.as_deref(), Some("2027"), "the period advanced");
    assert!(!maintenance::start(&mut ws, 2027, None).unwrap().started, "started once");
    assert!(maintenance::start(&mut ws, 2026, None).is_err(), "not back to an earlier year");

    // Refused while incomplete, unless a reason is given (kept with the version).
    let out = d.path().join("2.zip");
    let refused = pack(&mut ws, &key, &out, None).unwrap_err();
    assert!(matches!(refused, Error::MaintenanceIncomplete { year: 2027, left: 2, total: 2 }), "{refused:?}");
    assert!(!out.exists());

    assert!(maintenance::confirm(&mut ws, &["#1".into()], false, "  ").is_err(), "someone confirms");
    let s = maintenance::confirm(&mut ws, &["352111009/000001".into()], false, "李明").unwrap();
    assert_eq!((s.reviewed, s.left.len()), (1, 1));
    assert_eq!((s.done[0].id, s.done[0].by.as_deref()), (a, Some("李明")));
    assert_eq!(s.done[0].kind, maintenance::ReviewKind::Confirmed);

    // An edit during the campaign is a review; an edit undone is not.
    resources::set_field(&mut ws, b, "notes", "年度复核").unwrap();
    let s = maintenance::status(&ws, Some(2027)).unwrap();
    assert!(s.complete, "{s:?}");
    assert_eq!(s.done[1].kind, maintenance::ReviewKind::Updated);
    ws.undo().unwrap().unwrap();
    assert_eq!(maintenance::status(&ws, None).unwrap().left[0].id, b);
    ws.confirm_secrecy(b, "王芳").unwrap();
    assert!(!maintenance::status(&ws, None).unwrap().complete, "a secrecy review is no update");

    assert_eq!(pack(&mut ws, &key, &out, Some("待审批")).unwrap(), 2);
    let kept = versions::list(&ws).unwrap();
    assert_eq!(kept[1].incomplete_reason.as_deref(), Some("待审批"));
    assert_eq!(kept[1].period.as_deref(), Some("2027"));
    assert!(kept[1].package_id.contains("-2027-002"), "{}", kept[1].package_id);

    let s = maintenance::confirm(&mut ws, &[], true, "李明").unwrap();
    assert!(s.complete);
    assert_eq!(pack(&mut ws, &key, &d.path().join("3.zip"), None).unwrap(), 3, "complete: no reason needed");
    assert_eq!(versions::list(&ws).unwrap()[2].incomplete_reason, None);
}

#[test]
fn a_project_catalog_holds_the_resources_of_one_system_built_with_public_funds() {
    let d = tempfile::tempdir().unwrap();
    let (mut ws, _key, a, _b) = ready(d.path());
    let put = |ws: &mut Workspace, name: &str, public_funds: bool| {
        ws.put_system(&InfoSystem { name: name.into(), public_funds, funding: None, description: None }).unwrap();
    };
    put(&mut ws, "社会救助系统", true);
    put(&mut ws, "办公系统", false);
    resources::set_field(&mut ws, a, "source_system", "社会救助系统").unwrap();
    let out = d.path().join("项目目录.xlsx");
    let done = export::project(&ws, " 社会救助系统 ", &out, false).unwrap();
    assert_eq!((done.system.as_str(), done.resources), ("社会救助系统", 1));
    let back = crate::sheets::read(&out, &Default::default(), crate::Lang::Zh).unwrap().catalog;
    assert_eq!(back.resources.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(), ["镇级财政预算公开信息"]);

    let other = d.path().join("x.xlsx");
    assert!(matches!(export::project(&ws, "办公系统", &other, false), Err(Error::ProjectNotPublic { .. })));
    assert!(matches!(export::project(&ws, "无", &other, false), Err(Error::SystemNotFound { .. })));
    assert!(!other.exists());
    let into_ws = ws.path().to_path_buf();
    assert!(export::project(&ws, "社会救助系统", &into_ws, true).is_err(), "never over the workspace");
}
