//! Versions and the annual full maintenance at the command line: a campaign (start, confirm
//! some, edit one, status, the package refused until complete or given a reason), a diff of two
//! versions and of a version against the working catalog, and a restore then undo.

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
fn a_campaign_is_confirmed_or_edited_through_and_holds_the_years_package_back() {
    let d = tempfile::tempdir().unwrap();
    let (dir, (ws, key)) = (d.path(), ready(d.path()));
    package(dir, &ws, &key, "1.zip").assert().success();

    ws_cmd(dir, &ws).args(["maintain", "status"]).assert().code(2).stderr(contains("mulu maintain start"));
    let s = run_json(dir, &ws, &["maintain", "start", "2027", "--operator", "王芳"]);
    assert_eq!((s["started"].as_bool(), s["status"]["total"].as_u64()), (Some(true), Some(2)));
    assert_eq!(s["status"]["next_sequence"], 2);
    assert_eq!(common::show(&ws)["agency"]["period"], "2027", "the period carried over to the year");

    // Who confirms comes from --operator or MULU_OPERATOR; without either it is refused.
    ws_cmd(dir, &ws).args(["maintain", "confirm", "352111009/000001"]).assert().code(2);
    ws_cmd(dir, &ws)
        .env("MULU_OPERATOR", "李明")
        .args(["maintain", "confirm", "352111009/000001"])
        .assert()
        .success()
        .stdout(contains("已复核 1 / 2"));

    // Refused while a resource is left, in both languages, before the passphrase is asked.
    package(dir, &ws, &key, "2.zip").assert().code(2).stderr(contains("2027 年度全面维护尚未完成"));
    let refused = package(dir, &ws, &key, "2.zip").args(["--lang", "en", "--json"]).output().unwrap();
    let err: Value = serde_json::from_str(String::from_utf8_lossy(&refused.stderr).lines().last().unwrap()).unwrap();
    assert_eq!(err["error"]["code"], "maintain.incomplete");
    assert!(err["error"]["message"].as_str().unwrap().contains("1 of 2 resources"), "{err}");
    assert!(!dir.join("2.zip").exists());

    // An edit during the campaign is a review.
    ws_cmd(dir, &ws).args(["resource", "edit", "352111009/000002", "--notes", "年度复核"]).assert().success();
    let s = run_json(dir, &ws, &["maintain", "status"]);
    assert_eq!((s["reviewed"].as_u64(), s["complete"].as_bool()), (Some(2), Some(true)), "{s}");
    let done = s["done"].as_array().unwrap();
    assert_eq!((done[0]["kind"].as_str(), done[0]["by"].as_str()), (Some("confirmed"), Some("李明")));
    assert_eq!(done[1]["kind"], "updated");
    ws_cmd(dir, &ws).args(["maintain", "status"]).assert().success().stdout(contains("已确认无变化：352111009/000001"));

    // The edit undone, the package needs a reason again — and is made with one, kept.
    ws_cmd(dir, &ws).arg("undo").assert().success();
    package(dir, &ws, &key, "2.zip").assert().code(2);
    package(dir, &ws, &key, "2.zip").args(["--incomplete-reason", "机构改革，待重新梳理"]).assert().success();
    let versions = run_json(dir, &ws, &["versions"]);
    assert_eq!(versions[1]["incomplete_reason"], "机构改革，待重新梳理");
    assert!(versions[1]["package_id"].as_str().unwrap().ends_with("-2027-002"), "{versions}");

    ws_cmd(dir, &ws).args(["maintain", "confirm", "--all", "--operator", "李明"]).assert().success();
    package(dir, &ws, &key, "3.zip").assert().success();
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

#[test]
fn a_project_catalog_is_the_workbook_of_one_system_built_with_public_funds() {
    let d = tempfile::tempdir().unwrap();
    let (dir, (ws, _key)) = (d.path(), ready(d.path()));
    ws_cmd(dir, &ws).args(["system", "add", "财政预算系统", "--public-funds"]).assert().success();
    ws_cmd(dir, &ws).args(["system", "add", "办公系统"]).assert().success();
    ws_cmd(dir, &ws)
        .args(["resource", "edit", "352111009/000001", "--source-system", "财政预算系统"])
        .assert()
        .success();
    let out = dir.join("项目目录.xlsx");
    let done = run_json(dir, &ws, &["export", "project", "财政预算系统", "--out", out.to_str().unwrap()]);
    assert_eq!(done["resources"], 1);
    assert!(out.is_file());
    let back = mulu_core::sheets::read(&out, &Default::default(), mulu_core::Lang::Zh).unwrap().catalog;
    let names: Vec<&str> = back.resources.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["镇级财政预算公开信息"], "only the system's resources");
    ws_cmd(dir, &ws)
        .args(["export", "project", "办公系统", "--out"])
        .arg(dir.join("x.xlsx"))
        .assert()
        .code(2)
        .stderr(contains("未登记为使用财政资金建设"));
    ws_cmd(dir, &ws).args(["export", "project", "财政预算系统", "--out"]).arg(&ws).assert().code(2);
}
