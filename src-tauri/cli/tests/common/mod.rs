//! What the CLI integration tests share: running `mulu` on a workspace, reading its JSON, and
//! the agency profile every test workspace starts with.

#![allow(dead_code)] // each test file uses its own subset

pub mod bureau;

use std::path::Path;

use assert_cmd::Command;
use serde_json::Value;

/// `mulu --workspace WS`, isolated from the caller's environment.
pub fn mulu(ws: &Path) -> Command {
    let mut c = Command::cargo_bin("mulu").unwrap();
    c.arg("--workspace").arg(ws).env_remove("MULU_LANG").env_remove("MULU_WORKSPACE");
    c
}

pub fn json(out: &[u8]) -> Value {
    serde_json::from_slice(out).expect("valid JSON on stdout")
}

/// `mulu show --json`.
pub fn show(ws: &Path) -> Value {
    json(&mulu(ws).args(["show", "--json"]).assert().success().get_output().stdout)
}

/// Creates `ws` with 花溪区青岩镇人民政府's profile (code prefix 352111009).
pub fn init(ws: &Path) {
    mulu(ws)
        .args(["init", "--name", "花溪区青岩镇人民政府", "--uscc", "115201110091453295", "--division", "520111"])
        .args([
            "--level",
            "乡镇",
            "--principal-head",
            "张明",
            "--contact-name",
            "王芳",
            "--contact-phone",
            "0851-83200000",
        ])
        .args(["--code-prefix", "352111009", "--period", "2026"])
        .assert()
        .success();
}

/// The passphrase of the test keys.
pub const PASS: &str = "青岩镇 口令 2026";

/// `mulu` with a private HOME (no default workspace) and the passphrase in the environment.
pub fn isolated(dir: &Path) -> Command {
    let mut c = Command::cargo_bin("mulu").unwrap();
    c.env_remove("MULU_LANG")
        .env_remove("MULU_WORKSPACE")
        .env("HOME", dir.join("home"))
        .env("XDG_DATA_HOME", dir.join("home/.local/share"))
        .env("MULU_PASSPHRASE", PASS);
    c
}

/// Adds to `ws` a complete resource named `name` (public, shared and opened unconditionally).
pub fn add_complete(ws: &Path, name: &str, summary: &str) {
    mulu(ws)
        .args(["resource", "add", "--name", name, "--abstract", summary])
        .args(["--format", "电子表格 xlsx", "--sensitivity", "公开", "--sharing-type", "无条件共享"])
        .args(["--sharing-method", "共享平台方式/文件", "--open-type", "无条件开放", "--update-cycle", "每年"])
        .args(["--published-on", "2026-01-15", "--source-business", "财政预算编制"])
        .args(["--item", "预算年度:N", "--item", "预算金额:Y:18,2"])
        .assert()
        .success();
}
