//! Outputs never replace what they must not: the workspace (or its log and backups), a key
//! file, the command's own input — and, unless `--force`, a file of another kind.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;

mod common;

fn mulu(dir: &Path, ws: &Path) -> Command {
    let mut c = common::isolated(dir);
    c.arg("--workspace").arg(ws);
    c
}

/// A workspace ready to package: one complete resource, reviewed.
fn ready(dir: &Path) -> PathBuf {
    let ws = dir.join("青岩镇.mulu");
    common::init(&ws);
    common::add_complete(&ws, "镇级财政预算公开信息", "本镇年度一般公共预算收支");
    mulu(dir, &ws).args(["secrecy", "confirm", "--all", "--reviewer", "王芳"]).assert().success();
    ws
}

fn intact(dir: &Path, ws: &Path) {
    let out = mulu(dir, ws).args(["show", "--json"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&out).contains("镇级财政预算公开信息"), "the workspace is intact");
}

#[test]
fn an_export_never_replaces_the_workspace_its_log_or_backups_even_forced() {
    let d = tempfile::tempdir().unwrap();
    let ws = ready(d.path());
    let before = std::fs::read(&ws).unwrap();
    for (cmd, force) in [("catalogs", false), ("catalogs", true), ("template", true), ("dcat", true)] {
        let mut c = mulu(d.path(), &ws);
        c.args(["export", cmd]).arg(&ws);
        if force {
            c.arg("--force");
        }
        c.assert().code(2).stderr(contains("当前工作区"));
        assert_eq!(std::fs::read(&ws).unwrap(), before, "{cmd}: the workspace file untouched");
    }
    // The same file by another name, its log, a backup.
    mulu(d.path(), &ws).args(["export", "catalogs"]).arg(d.path().join(".").join("青岩镇.mulu")).assert().code(2);
    let mut wal = ws.clone().into_os_string();
    wal.push("-wal");
    mulu(d.path(), &ws).args(["export", "dcat"]).arg(&wal).arg("--force").assert().code(2);
    let backups = std::fs::read_dir(d.path().join("青岩镇.mulu-backups")).unwrap().next().unwrap().unwrap().path();
    mulu(d.path(), &ws).args(["export", "catalogs"]).arg(&backups).arg("--force").assert().code(2);
    #[cfg(unix)]
    {
        let link = d.path().join("目录.xlsx");
        std::os::unix::fs::symlink(&ws, &link).unwrap();
        mulu(d.path(), &ws).args(["export", "catalogs"]).arg(&link).arg("--force").assert().code(2);
    }
    intact(d.path(), &ws);
    mulu(d.path(), &ws)
        .args(["--lang", "en", "export", "catalogs"])
        .arg(&ws)
        .assert()
        .code(2)
        .stderr(contains("it is the workspace"));
}

#[test]
fn a_package_or_public_key_never_replaces_a_key_and_other_kinds_need_force() {
    let d = tempfile::tempdir().unwrap();
    let ws = ready(d.path());
    let key = d.path().join("签名私钥.pem");
    mulu(d.path(), &ws).args(["key", "new", "--out"]).arg(&key).assert().success();
    let key_bytes = std::fs::read(&key).unwrap();

    mulu(d.path(), &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&key)
        .assert()
        .code(2)
        .stderr(contains("私钥"));
    // A key by its content, whatever it is called, even forced.
    let copy = d.path().join("备份.zip");
    std::fs::copy(&key, &copy).unwrap();
    mulu(d.path(), &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&copy)
        .arg("--force")
        .assert()
        .code(2)
        .stderr(contains("私钥"));
    mulu(d.path(), &ws).args(["key", "export"]).arg(&key).arg("--out").arg(&key).arg("--force").assert().code(2);
    mulu(d.path(), &ws).args(["package", "--key"]).arg(&key).arg("--out").arg(&ws).arg("--force").assert().code(2);
    assert_eq!(std::fs::read(&key).unwrap(), key_bytes, "the private key untouched");
    assert_eq!(std::fs::read(&copy).unwrap(), key_bytes);
    intact(d.path(), &ws);

    // A workbook where a package goes: refused, then replaced when forced.
    let sheet = d.path().join("报送包.zip");
    mulu(d.path(), &ws).args(["export", "catalogs"]).arg(&sheet).assert().success();
    mulu(d.path(), &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&sheet)
        .assert()
        .code(2)
        .stderr(contains("电子表格工作簿").and(contains("--force")));
    mulu(d.path(), &ws).args(["package", "--key"]).arg(&key).arg("--out").arg(&sheet).arg("--force").assert().success();
    // A package again where one was: the same kind, replaced without asking.
    mulu(d.path(), &ws).args(["package", "--key"]).arg(&key).arg("--out").arg(&sheet).assert().success();
    mulu(d.path(), &ws).args(["export", "catalogs"]).arg(&sheet).assert().code(2).stderr(contains("报送包"));

    let public = d.path().join("公钥.pem");
    mulu(d.path(), &ws).args(["key", "export"]).arg(&key).arg("--out").arg(&public).assert().success();
    assert!(std::fs::read_to_string(&public).unwrap().starts_with("-----BEGIN PUBLIC KEY-----"));
}

#[test]
fn a_saved_mapping_never_replaces_the_workbook_it_came_from() {
    let d = tempfile::tempdir().unwrap();
    let ws = ready(d.path());
    let book = d.path().join("目录.xlsx");
    mulu(d.path(), &ws).args(["export", "catalogs"]).arg(&book).assert().success();
    let before = std::fs::read(&book).unwrap();
    mulu(d.path(), &ws).arg("import").arg(&book).arg("--save-mapping").arg(&book).arg("--force").assert().code(2);
    assert_eq!(std::fs::read(&book).unwrap(), before);
    let mapping = d.path().join("映射.json");
    mulu(d.path(), &ws)
        .arg("import")
        .arg(&book)
        .arg("--dry-run")
        .arg("--save-mapping")
        .arg(&mapping)
        .assert()
        .success();
    mulu(d.path(), &ws)
        .arg("import")
        .arg(&book)
        .arg("--dry-run")
        .arg("--mapping")
        .arg(&mapping)
        .arg("--save-mapping")
        .arg(&mapping)
        .assert()
        .code(2);
}

use predicates::prelude::PredicateBooleanExt;
