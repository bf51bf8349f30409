//! Versions (every package kept whole, compared, restored from) and the annual full maintenance
//! over a workspace.

use std::path::{Path, PathBuf};

use super::{package, resources, versions};
use crate::error::Error;
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

fn pack(ws: &mut Workspace, key: &Path, out: &Path) -> crate::Result<u32> {
    for s in ws.resources().unwrap() {
        if s.resource.secrecy_review.is_none() {
            ws.confirm_secrecy(s.id, "王芳").unwrap();
        }
    }
    let req = package::PackageRequest { key, passphrase: "口令", out, allow_findings: true, force: false };
    Ok(package::make(ws, &req, &mut |_| {})?.made.sequence)
}

fn name(ws: &Workspace, id: i64) -> String {
    ws.resource(id).unwrap().resource.name
}

#[test]
fn every_package_is_kept_as_a_version_and_any_two_compare_field_by_field() {
    let d = tempfile::tempdir().unwrap();
    let (mut ws, key, a, b) = ready(d.path());
    pack(&mut ws, &key, &d.path().join("1.zip")).unwrap();
    resources::set_field(&mut ws, a, "name", "镇级财政预算公开信息（修订）").unwrap();
    pack(&mut ws, &key, &d.path().join("2.zip")).unwrap();
    resources::set_field(&mut ws, b, "notes", "第三次").unwrap();
    pack(&mut ws, &key, &d.path().join("3.zip")).unwrap();

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
    pack(&mut ws, &key, &d.path().join("1.zip")).unwrap();
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
