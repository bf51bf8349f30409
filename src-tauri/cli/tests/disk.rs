//! A full disk is a full disk: told apart from a damaged workspace, with its own advice, and
//! nothing lost. Runs on a small tmpfs, which needs root (as CI has); elsewhere it says so and
//! passes without running.

use std::path::{Path, PathBuf};
use std::process::Command;

mod common;

use common::mulu;
use serde_json::Value;

/// A small tmpfs mounted on a temporary folder, unmounted when dropped.
struct SmallDisk {
    dir: tempfile::TempDir,
}

impl SmallDisk {
    fn mount(kib: u32) -> Option<SmallDisk> {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={kib}k"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        ok.then_some(SmallDisk { dir })
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes a file until the disk takes no more.
    fn fill(&self) -> PathBuf {
        use std::io::Write as _;
        let p = self.path().join("fill");
        let mut f = std::fs::File::create(&p).unwrap();
        let block = [0u8; 4096];
        while f.write_all(&block).is_ok() {}
        let _ = f.sync_all();
        p
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(self.dir.path()).status();
    }
}

fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .is_ok_and(|s| s.lines().any(|l| l.starts_with("Uid:") && l.split_whitespace().nth(1) == Some("0")))
}

fn error_of(out: &std::process::Output) -> Value {
    let err = String::from_utf8_lossy(&out.stderr);
    serde_json::from_str(err.lines().last().unwrap()).unwrap_or_else(|_| panic!("{err}"))
}

#[test]
fn a_full_disk_is_not_a_damaged_workspace() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let disk = SmallDisk::mount(600).expect("mount a tmpfs");
    let ws = disk.path().join("青岩镇.mulu");
    common::init(&ws);
    mulu(&ws).args(["resource", "add", "--name", "农村低保对象名册"]).assert().success();
    let fill = disk.fill();

    for args in
        [&["resource", "add", "--name", "村级集体资产台账"][..], &["validate"], &["agency", "set", "--name", "x"]]
    {
        let out = mulu(&ws).args(args).arg("--json").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let e = error_of(&out);
        assert_eq!(e["error"]["code"], "disk.full", "{args:?}: {e}");
        let message = e["error"]["message"].as_str().unwrap();
        assert!(message.contains("磁盘已满") && !message.contains("损坏") && !message.contains("备份"), "{message}");
    }
    let out = mulu(&ws).args(["--lang", "en", "show"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("disk holding"), "in English too");

    // Space again: the workspace is whole, with the one resource saved before.
    std::fs::remove_file(fill).unwrap();
    let shown = common::show(&ws);
    let names: Vec<&str> = shown["resources"].as_array().unwrap().iter().map(|r| r["name"].as_str().unwrap()).collect();
    assert_eq!(names, ["农村低保对象名册"]);
}

#[test]
fn an_export_to_a_full_disk_says_so_and_leaves_no_part_file() {
    if !is_root() {
        eprintln!("skipped: mounting a small tmpfs needs root");
        return;
    }
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("青岩镇.mulu");
    common::init(&ws);
    mulu(&ws).args(["resource", "add", "--name", "农村低保对象名册"]).assert().success();
    let disk = SmallDisk::mount(256).expect("mount a tmpfs");
    disk.fill();
    for (what, file) in [("catalogs", "目录.xlsx"), ("template", "模板.xlsx"), ("dcat", "开放目录.jsonld")] {
        let out = mulu(&ws).args(["export", what]).arg(disk.path().join(file)).arg("--json").output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{what}");
        let e = error_of(&out);
        assert_eq!(e["error"]["code"], "disk.full", "{what}: {e}");
        assert!(e["error"]["message"].as_str().unwrap().contains(file), "names the output: {e}");
    }
    let left: Vec<_> = std::fs::read_dir(disk.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left, ["fill"], "no partial or temporary file is left behind");
}
