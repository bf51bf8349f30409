//! The bureau's side, shared by the review and the summary tests: agencies and bureaus made
//! with `mulu init`, their keys, their packages, and `mulu … --json` read back.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;

/// A USCC with its check character.
pub fn uscc(first17: &str) -> String {
    format!("{first17}{}", mulu_core::ids::uscc::check_char(first17).unwrap())
}

pub fn ws_cmd(dir: &Path, ws: &Path) -> Command {
    let mut c = super::isolated(dir);
    c.arg("--workspace").arg(ws);
    c
}

/// A township with two complete, secrecy-reviewed resources and its key; returns the key's
/// file and grouped fingerprint.
pub fn township(dir: &Path, ws: &Path, name: &str, code: &str) -> (PathBuf, String) {
    init_agency(dir, ws, name, code, "乡镇", "352111009");
    for r in ["镇级财政预算公开信息", "镇级财政决算公开信息"] {
        super::add_complete(ws, r, "本镇年度一般公共预算收支及三公经费预算");
    }
    ws_cmd(dir, ws).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    key(dir, &format!("{code}.key"))
}

pub fn key(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    super::isolated(dir).args(["key", "new", "--out"]).arg(&key).assert().success();
    let o = super::isolated(dir)
        .args(["key", "export", "--out"])
        .arg(key.with_extension("pem"))
        .arg(&key)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let fp = String::from_utf8(o.stderr).unwrap().trim().rsplit('：').next().unwrap().to_string();
    (key, fp)
}

pub fn package(dir: &Path, ws: &Path, key: &Path, out: &str) -> PathBuf {
    let out = dir.join(out);
    ws_cmd(dir, ws).args(["package", "--key"]).arg(key).arg("--out").arg(&out).assert().success();
    out
}

/// `mulu … --json`: (exit code, stdout JSON or Null, the error code on stderr's last line).
pub fn run_json(dir: &Path, ws: &Path, args: &[&str], files: &[&Path]) -> (i32, Value, Option<String>) {
    let o = ws_cmd(dir, ws).args(args).args(files).arg("--json").output().unwrap();
    let stdout = serde_json::from_slice(&o.stdout).unwrap_or(Value::Null);
    let err = String::from_utf8_lossy(&o.stderr).lines().last().and_then(|l| serde_json::from_str::<Value>(l).ok());
    let code = err.and_then(|e| e["error"]["code"].as_str().map(str::to_string));
    (o.status.code().unwrap(), stdout, code)
}

pub fn receive(dir: &Path, bureau: &Path, pkg: &Path, extra: &[&str]) -> Value {
    let mut args = vec!["review", "receive"];
    args.extend_from_slice(extra);
    let (_, out, _) = run_json(dir, bureau, &args, &[pkg]);
    out[0].clone()
}

/// `mulu init` of an agency at `level` numbering its resources under `prefix`.
pub fn init_agency(dir: &Path, ws: &Path, name: &str, code: &str, level: &str, prefix: &str) {
    ws_cmd(dir, ws)
        .args(["init", "--name", name, "--uscc", code, "--division", "520111", "--level", level])
        .args(["--contact-name", "王芳", "--contact-phone", "0851-83200000", "--code-prefix", prefix])
        .args(["--principal-head", "张明"])
        .args(["--period", "2026"])
        .assert()
        .success();
}

/// Adds an internal list of people keyed by 公民身份号码 (shared, not opened): the data several
/// agencies may collect twice.
pub fn add_recipients(ws: &Path, name: &str) {
    super::mulu(ws)
        .args(["resource", "add", "--name", name, "--abstract", "享受最低生活保障的对象及保障金额"])
        .args(["--format", "电子表格 xlsx", "--sensitivity", "内部", "--sharing-type", "无条件共享"])
        .args(["--sharing-method", "共享平台方式/文件", "--open-type", "不予开放"])
        .args(["--open-basis", "《中华人民共和国个人信息保护法》", "--update-cycle", "每月"])
        .args(["--published-on", "2026-01-15", "--source-business", "低保审批"])
        .args(["--item", "公民身份号码:C:18", "--item", "姓名:C:50", "--item", "保障金额:Y:10,2"])
        .assert()
        .success();
}

/// `mulu review receipt ID --key KEY --out OUT`.
pub fn receipt(dir: &Path, bureau: &Path, id: &str, key: &Path, out: &str) -> PathBuf {
    let out = dir.join(out);
    ws_cmd(dir, bureau).args(["review", "receipt", id, "--key"]).arg(key).arg("--out").arg(&out).assert().success();
    out
}

/// A bureau (`level` 区县 or 市) expecting `submitters` (USCC, name, level); returns its key.
pub fn bureau(
    dir: &Path,
    ws: &Path,
    name: &str,
    code: &str,
    level: &str,
    submitters: &[(&str, &str, &str)],
) -> PathBuf {
    ws_cmd(dir, ws)
        .args(["init", "--name", name, "--uscc", code, "--division", "520111", "--level", level])
        .args(["--contact-name", "张审核", "--contact-phone", "0851-83600000", "--period", "2026"])
        .args(["--principal-head", "赵局长"])
        .assert()
        .success();
    for (u, n, l) in submitters {
        ws_cmd(dir, ws).args(["submitter", "add", "--uscc", u, "--name", n, "--level", l]).assert().success();
    }
    key(dir, &format!("{code}.key")).0
}
