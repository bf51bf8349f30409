//! What the CLI integration tests share: running `mulu` on a workspace, reading its JSON, and
//! the agency profile every test workspace starts with.

#![allow(dead_code)] // each test file uses its own subset

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
        .args(["--level", "乡镇", "--contact-name", "王芳", "--contact-phone", "0851-83200000"])
        .args(["--code-prefix", "352111009", "--period", "2026"])
        .assert()
        .success();
}
