//! `mulu key`, `trust`, `secrecy confirm`, `package` and `verify` on real files: exit codes,
//! refusal messages in both languages, the `--json` shape, and a reviewer's machine with no
//! workspace.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use predicates::prelude::PredicateBooleanExt;
use predicates::str::contains;
use serde_json::Value;

mod common;

/// `mulu` with a private HOME (no default workspace) and the passphrase in the environment.
fn mulu(dir: &Path) -> Command {
    common::isolated(dir)
}

fn ws_cmd(dir: &Path, ws: &Path) -> Command {
    let mut c = mulu(dir);
    c.arg("--workspace").arg(ws);
    c
}

/// A workspace with two complete resources.
fn workspace(dir: &Path) -> PathBuf {
    let ws = dir.join("青岩镇.mulu");
    common::init(&ws);
    for name in ["镇级财政预算公开信息", "镇级财政决算公开信息"] {
        common::add_complete(&ws, name, "本镇年度一般公共预算收支及三公经费预算");
    }
    ws_cmd(dir, &ws).arg("validate").assert().success();
    ws
}

fn new_key(dir: &Path, name: &str) -> PathBuf {
    let key = dir.join(name);
    mulu(dir).args(["key", "new", "--out"]).arg(&key).assert().success().stdout(contains("公钥指纹"));
    key
}

fn export(dir: &Path, key: &Path, out: &str) -> (PathBuf, String) {
    let o = mulu(dir).args(["key", "export"]).arg(key).output().unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let pem = dir.join(out);
    std::fs::write(&pem, &o.stdout).unwrap();
    let stderr = String::from_utf8(o.stderr).unwrap();
    (pem, stderr.trim().rsplit('：').next().unwrap().to_string())
}

#[test]
fn key_new_writes_only_an_encrypted_key_and_export_prints_pem_and_fingerprint() {
    let dir = tempfile::tempdir().unwrap();
    let key = new_key(dir.path(), "签名.key");
    let text = std::fs::read_to_string(&key).unwrap();
    assert!(text.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), "{text}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&key).unwrap().permissions().mode() & 0o777, 0o600, "owner-only key file");
    }
    let (pem, fp) = export(dir.path(), &key, "pub.pem");
    assert!(std::fs::read_to_string(pem).unwrap().starts_with("-----BEGIN PUBLIC KEY-----\n"));
    assert_eq!(fp.split(' ').count(), 16, "sixteen groups of four on stderr: {fp}");

    // Never over an existing key; a wrong passphrase; no passphrase at all.
    mulu(dir.path()).args(["key", "new", "--out"]).arg(&key).assert().code(2).stderr(contains("已存在"));
    mulu(dir.path())
        .env("MULU_PASSPHRASE", "wrong")
        .args(["--lang", "en", "key", "export"])
        .arg(&key)
        .assert()
        .code(2)
        .stderr(contains("Wrong passphrase"));
    mulu(dir.path())
        .env("MULU_PASSPHRASE", "")
        .args(["key", "new", "--out"])
        .arg(dir.path().join("k2"))
        .assert()
        .code(2);
    assert!(!dir.path().join("k2").exists());
}

#[test]
fn secrecy_confirm_and_package_refusals_name_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let ws = workspace(d);
    let key = new_key(d, "k.key");
    let out = d.join("报送包.zip");

    // No secrecy review yet: refused, each resource named.
    ws_cmd(d, &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("保密审查").and(contains("352111009/000001 镇级财政预算公开信息")))
        .stderr(contains("352111009/000002"));
    ws_cmd(d, &ws)
        .args(["--lang", "en", "package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("secrecy review").and(contains("mulu secrecy confirm")));
    assert!(!out.exists());

    ws_cmd(d, &ws)
        .args(["secrecy", "confirm", "--resource", "352111009/000001", "--reviewer", "李审查"])
        .assert()
        .success();
    ws_cmd(d, &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("352111009/000002").and(contains("000001").not()));
    ws_cmd(d, &ws)
        .args(["secrecy", "confirm", "--all", "--reviewer", "李审查"])
        .assert()
        .success()
        .stdout(contains("2 个资源"));
    let shown: Value =
        serde_json::from_slice(&ws_cmd(d, &ws).args(["show", "--json"]).output().unwrap().stdout).unwrap();
    assert_eq!(shown["resources"][1]["secrecy_review"]["reviewer"], "李审查");
    ws_cmd(d, &ws).args(["secrecy", "confirm", "--reviewer", "李"]).assert().code(2); // neither --all nor --resource

    // An error in validation: refused unless --allow-findings, which bag-info then records.
    ws_cmd(d, &ws).args(["resource", "edit", "352111009/000002", "--update-cycle", ""]).assert().success();
    ws_cmd(d, &ws).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    ws_cmd(d, &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(contains("--allow-findings"));
    ws_cmd(d, &ws)
        .args(["package", "--allow-findings", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out)
        .assert()
        .success()
        .stdout(contains("115201110091453295-2026-001").and(contains("校验错误")));
    let zip = std::fs::read(&out).unwrap();
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(zip)).unwrap();
    let mut info = String::new();
    std::io::Read::read_to_string(&mut z.by_name("报送包/bag-info.txt").unwrap(), &mut info).unwrap();
    assert!(info.contains("Mulu-Packaged-With-Errors: yes"), "{info}");
    assert!(info.contains("Mulu-Contains-Classified: no"), "{info}");

    // A wrong passphrase writes nothing.
    let out2 = d.join("second.zip");
    ws_cmd(d, &ws)
        .env("MULU_PASSPHRASE", "wrong")
        .args(["package", "--allow-findings", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(&out2)
        .assert()
        .code(2)
        .stderr(contains("口令不正确"));
    assert!(!out2.exists());
}

fn ready(d: &Path) -> (PathBuf, PathBuf, PathBuf) {
    let ws = workspace(d);
    ws_cmd(d, &ws).args(["secrecy", "confirm", "--all", "--reviewer", "李审查"]).assert().success();
    let key = new_key(d, "k.key");
    let out = d.join("青岩镇目录-2026.zip");
    ws_cmd(d, &ws).args(["package", "--key"]).arg(&key).arg("--out").arg(&out).assert().success();
    (ws, key, out)
}

#[test]
fn verify_verdicts_and_exit_codes() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (ws, key, pkg) = ready(d);
    let (pem, fp) = export(d, &key, "pub.pem");

    // A reviewer's machine: no workspace, no trust → intact but signer unknown, exit 3.
    mulu(d)
        .arg("verify")
        .arg(&pkg)
        .assert()
        .code(3)
        .stdout(contains("INTACT BUT SIGNER UNKNOWN").and(contains(fp.as_str())));
    assert!(!d.join("home/.local/share/mulu").exists(), "verify creates no workspace");
    // Trusted by --trust → exit 0.
    mulu(d)
        .args(["--lang", "en", "verify"])
        .arg(&pkg)
        .arg("--trust")
        .arg(&pem)
        .assert()
        .code(0)
        .stdout(contains("INTACT AND TRUSTED"));
    // Trusted by the workspace's trust list, for this agency only.
    let bureau = d.join("区数据局.mulu");
    ws_cmd(d, &bureau).args(["init", "--name", "花溪区大数据局"]).assert().success();
    ws_cmd(d, &bureau)
        .args(["trust", "add"])
        .arg(&pem)
        .args(["--agency", "915201110000000000", "--name", "别的单位"])
        .assert()
        .code(2); // not a valid USCC
    ws_cmd(d, &bureau)
        .args(["trust", "add"])
        .arg(&pem)
        .args(["--agency", "115201110091453295", "--name", "青岩镇 王芳"])
        .assert()
        .success()
        .stdout(contains(fp.as_str()));
    ws_cmd(d, &bureau).args(["trust", "list"]).assert().success().stdout(contains("青岩镇 王芳"));
    ws_cmd(d, &bureau)
        .arg("verify")
        .arg(&pkg)
        .assert()
        .code(0)
        .stdout(contains("完好且可信").and(contains("青岩镇 王芳")));

    // --json: one object with the verdict and its exit code.
    let o = ws_cmd(d, &bureau).args(["verify", "--json"]).arg(&pkg).output().unwrap();
    assert_eq!(o.status.code(), Some(0));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "intact_trusted");
    assert_eq!(v["exit_code"], 0);
    assert_eq!(v["package_id"], "115201110091453295-2026-001");
    assert_eq!(v["agency_uscc"], "115201110091453295");
    assert_eq!(v["fingerprint"], fp.as_str());
    assert_eq!(v["signer"]["name"], "青岩镇 王芳");
    assert_eq!(v["problems"], Value::Array(vec![]));

    ws_cmd(d, &bureau).args(["trust", "rm", "青岩镇 王芳"]).assert().success();
    ws_cmd(d, &bureau).arg("verify").arg(&pkg).assert().code(3);
    ws_cmd(d, &bureau).args(["trust", "rm", "nobody"]).assert().code(2).stderr(contains("信任列表"));

    // Broken: one byte changed → exit 2, the file named, in --json too.
    let mut bytes = std::fs::read(&pkg).unwrap();
    // bagit.txt is stored, not deflated: its bytes are in the zip as they are.
    let at = bytes.windows(13).position(|w| w == b"BagIt-Version").unwrap();
    bytes[at + 6] ^= 0x20;
    let broken = d.join("broken.zip");
    std::fs::write(&broken, &bytes).unwrap();
    let o = mulu(d).args(["verify", "--json"]).arg(&broken).output().unwrap();
    assert_eq!(o.status.code(), Some(2));
    let v: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["verdict"], "broken");
    assert!(
        v["problems"].as_array().unwrap().iter().any(|p| p["code"].as_str().unwrap().starts_with("verify.")),
        "{v}"
    );
    mulu(d).arg("verify").arg(&broken).assert().code(2).stdout(contains("已损坏"));
    // Not a package at all.
    mulu(d)
        .args(["--lang", "en", "verify"])
        .arg(&ws)
        .assert()
        .code(2)
        .stdout(contains("BROKEN").and(contains("verify.not_zip")));
    // No file: could not run.
    mulu(d).arg("verify").arg(d.join("nothing.zip")).assert().code(2).stderr(contains("无法读取"));
}

#[test]
fn a_second_package_lists_the_changes_since_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let (ws, key, _) = ready(d);
    ws_cmd(d, &ws).args(["resource", "edit", "352111009/000002", "--abstract", "本镇年度决算"]).assert().success();
    ws_cmd(d, &ws).args(["package", "--key"]).arg(&key).arg("--out").arg(d.join("p2.zip")).assert().code(2);
    ws_cmd(d, &ws)
        .args(["secrecy", "confirm", "--resource", "352111009/000002", "--reviewer", "李审查"])
        .assert()
        .success();
    ws_cmd(d, &ws)
        .args(["package", "--key"])
        .arg(&key)
        .arg("--out")
        .arg(d.join("p2.zip"))
        .assert()
        .success()
        .stdout(contains("115201110091453295-2026-002").and(contains("修改 1")));
    let mut z = zip::ZipArchive::new(std::fs::File::open(d.join("p2.zip")).unwrap()).unwrap();
    let changes: Value = serde_json::from_reader(z.by_name("p2/data/changes.json").unwrap()).unwrap();
    assert_eq!(changes["previous"]["package_id"], "115201110091453295-2026-001");
    assert_eq!(changes["changed"][0]["code"], "352111009/000002");
    assert_eq!(changes["changed"][0]["fields"][0]["field"], "abstract");
    assert_eq!(changes["changed"][0]["fields"][0]["new"], "本镇年度决算");
    assert_eq!(changes["added"], Value::Array(vec![]));
}
