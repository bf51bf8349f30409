//! Versions at the command line: a diff of two versions and of a version against the working
//! catalog, and a restore then undo.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::str::contains;
use serde_json::Value;

mod common;

fn ws_cmd(dir: &Path, ws: &Path) -> Command {
    let mut c = common::isolated(dir);
    c.arg("--workspace").arg(ws).env_remove("MULU_OPERATOR");
    c
}

fn run_json(dir: &Path, ws: &Path, args: &[&str]) -> Value {
    let out = ws_cmd(dir, ws).args(args).arg("--json").assert().success().get_output().stdout.clone();
    common::json(&out)
}

/// A workspace with two complete, reviewed resources and a key.
fn ready(dir: &Path) -> (PathBuf, PathBuf) {
    let ws = dir.join("青岩镇.mulu");
    common::init(&ws);
    common::add_complete(&ws, "镇级财政预算公开信息", "本镇年度一般公共预算收支");
    common::add_complete(&ws, "镇级财政决算公开信息", "本镇年度一般公共预算决算");
    let key = dir.join("签名.key");
    common::isolated(dir).args(["key", "new", "--out"]).arg(&key).assert().success();
    (ws, key)
}

fn package(dir: &Path, ws: &Path, key: &Path, out: &str) -> Command {
    ws_cmd(dir, ws).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    let mut c = ws_cmd(dir, ws);
    c.arg("package").arg("--key").arg(key).arg("--out").arg(dir.join(out));
    c
}

#[test]
fn versions_compare_field_by_field_and_a_restore_is_undone_by_one_undo() {
    let d = tempfile::tempdir().unwrap();
    let (dir, (ws, key)) = (d.path(), ready(d.path()));
    package(dir, &ws, &key, "1.zip").assert().success();
    ws_cmd(dir, &ws).args(["resource", "edit", "352111009/000001", "--name", "镇级预算公开信息"]).assert().success();
    package(dir, &ws, &key, "2.zip").assert().success();
    ws_cmd(dir, &ws).args(["resource", "rm", "352111009/000002"]).assert().success();

    let first = run_json(dir, &ws, &["versions"])[0]["package_id"].as_str().unwrap().to_string();
    let d12 = run_json(dir, &ws, &["diff", &first, "2"]);
    assert_eq!(d12["changed"][0]["fields"][0]["field"], "name");
    assert_eq!(d12["changed"][0]["fields"][0]["old"], "镇级财政预算公开信息");
    assert_eq!(d12["changed"][0]["fields"][0]["new"], "镇级预算公开信息");
    assert_eq!(d12["removed"].as_array().unwrap().len(), 0);

    let dw = run_json(dir, &ws, &["diff", "2", "working"]);
    assert_eq!(dw["to"]["sequence"], Value::Null);
    assert_eq!(dw["removed"][0]["code"], "352111009/000002");
    ws_cmd(dir, &ws)
        .args(["diff", "1", "working"])
        .assert()
        .success()
        .stdout(contains("资源名称 (name): 镇级财政预算公开信息 → 镇级预算公开信息"));
    ws_cmd(dir, &ws).args(["diff", "7", "working", "--lang", "en"]).assert().code(2).stderr(contains("mulu versions"));

    let r = run_json(dir, &ws, &["restore", "1", "--resource", "352111009/000001"]);
    assert_eq!(r["fields"][0]["field"], "name");
    assert_eq!(common::show(&ws)["resources"][0]["name"], "镇级财政预算公开信息");
    ws_cmd(dir, &ws).arg("undo").assert().success();
    assert_eq!(common::show(&ws)["resources"][0]["name"], "镇级预算公开信息", "one undo takes it back");

    ws_cmd(dir, &ws)
        .args(["restore", "1", "--resource", "镇级财政决算公开信息"])
        .assert()
        .success()
        .stdout(contains("恢复已删除的资源"));
    assert_eq!(common::show(&ws)["resources"].as_array().unwrap().len(), 2);
    ws_cmd(dir, &ws)
        .args(["restore", "1", "--resource", "无此资源"])
        .assert()
        .code(2)
        .stderr(contains("没有资源“无此资源”"));
}
