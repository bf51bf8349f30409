//! `--json` is honoured by every command: one JSON document on stdout when it ran, a JSON error
//! line as the last line of stderr (and nothing on stdout) when it could not.

use std::path::Path;

mod common;

use common::mulu;
use serde_json::Value;

/// Every subcommand, with the arguments it needs to get as far as the workspace.
const COMMANDS: &[&[&str]] = &[
    &["init", "--name", "青岩镇"],
    &["agency", "set", "--name", "青岩镇"],
    &["system", "add", "低保管理系统"],
    &["system", "rm", "低保管理系统"],
    &["system", "list"],
    &["resource", "add", "--name", "低保名册"],
    &["resource", "edit", "低保名册", "--notes", "备注"],
    &["resource", "rm", "低保名册"],
    &["show"],
    &["search", "低保"],
    &["validate"],
    &["import", "IN.xlsx"],
    &["scan", "IN.xlsx", "--accept"],
    &["export", "catalogs", "OUT.xlsx"],
    &["export", "template", "OUT.xlsx"],
    &["export", "dcat", "OUT.json"],
    &["undo"],
    &["history"],
    &["trust", "list"],
    &["secrecy", "confirm", "--all", "--reviewer", "李审查"],
    &["grade", "confirm", "--all"],
    &["package", "--key", "IN.key", "--out", "OUT.zip"],
    &["calendar", "list"],
    &["event", "add", "--kind", "law", "--date", "2026-09-18"],
    &["due"],
    &["correction", "list"],
    &["versions"],
    &["diff", "1", "working"],
    &["restore", "1", "--resource", "低保名册"],
    &["maintain", "status"],
    &["export", "project", "低保管理系统", "--out", "OUT.xlsx"],
    &["submitter", "list"],
    &["review", "receive", "IN.xlsx"],
    &["receipt", "import", "IN.xlsx"],
    &["review", "status"],
    &["summarize"],
    &["summarize", "approve", "--by", "花溪区人民政府", "--date", "2026-12-01", "--document", "花府函〔2026〕12号"],
    &["summarize", "package", "--key", "IN.key", "--out", "OUT.zip"],
];

/// The subcommands `mulu --help` lists (what a new command must be added to above).
fn listed_commands() -> Vec<String> {
    let out = mulu(Path::new("x.mulu")).arg("--help").output().unwrap();
    let help = String::from_utf8(out.stdout).unwrap();
    let commands = help.split("Commands:").nth(1).unwrap().split("Options:").next().unwrap();
    commands.lines().filter_map(|l| l.split_whitespace().next()).filter(|c| *c != "help").map(str::to_string).collect()
}

fn last_line_json(stderr: &[u8]) -> Value {
    let text = String::from_utf8_lossy(stderr);
    let last = text.lines().last().unwrap_or_default();
    serde_json::from_str(last).unwrap_or_else(|e| panic!("last stderr line is not JSON ({e}): {text}"))
}

#[test]
fn every_command_answers_a_broken_workspace_in_json() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("坏的.mulu");
    std::fs::write(&ws, "这不是工作区 not a workspace").unwrap();
    std::fs::write(d.path().join("IN.xlsx"), "not a workbook").unwrap();
    std::fs::write(d.path().join("IN.key"), "not a key").unwrap();
    let tested: Vec<&str> = COMMANDS.iter().map(|c| c[0]).collect();
    for name in listed_commands() {
        // `key`, `verify` and `rules` never open the workspace: they are tried below.
        if !matches!(name.as_str(), "key" | "verify" | "rules") {
            assert!(tested.contains(&name.as_str()), "`mulu {name}` is not tried with --json here");
        }
    }
    for args in COMMANDS {
        let out = mulu(&ws).current_dir(d.path()).args(*args).arg("--json").output().unwrap();
        let what = args.join(" ");
        assert_eq!(out.status.code(), Some(2), "mulu {what}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(out.stdout.is_empty(), "mulu {what}: nothing on stdout when it could not run");
        let code = last_line_json(&out.stderr)["error"]["code"].as_str().unwrap().to_string();
        assert!(
            code == "workspace.foreign" || code.starts_with("sheet.") || code.starts_with("key."),
            "mulu {what}: {code}"
        );
    }
    assert_eq!(std::fs::read_to_string(&ws).unwrap(), "这不是工作区 not a workspace", "never modified");
    let out = mulu(&ws).arg("rules").arg("--json").assert().success().get_output().stdout.clone();
    assert!(serde_json::from_slice::<Value>(&out).unwrap().as_array().is_some_and(|a| !a.is_empty()), "the rule list");
    // The commands that read only their own files.
    for args in [&["verify", "IN.xlsx"][..], &["key", "export", "IN.key"]] {
        let out = mulu(&ws).current_dir(d.path()).args(args).arg("--json").output().unwrap();
        let what = args.join(" ");
        assert_eq!(out.status.code(), Some(2), "mulu {what}");
        assert!(out.stdout.is_empty() || serde_json::from_slice::<Value>(&out.stdout).is_ok(), "mulu {what}");
        assert!(last_line_json(&out.stderr)["error"]["code"].is_string(), "mulu {what}");
    }
}

#[test]
fn commands_without_a_json_shape_of_their_own_answer_ok_and_their_messages() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("青岩镇.mulu");
    common::init(&ws);
    for args in [&["resource", "add", "--name", "低保名册"][..], &["undo"], &["system", "add", "低保管理系统"]]
    {
        let out = mulu(&ws).args(args).arg("--json").assert().success().get_output().stdout.clone();
        let v: Value = serde_json::from_slice(&out).expect("one JSON document on stdout");
        assert_eq!(v["ok"], true);
        assert_eq!(v["exit"], 0);
        assert!(!v["messages"].as_array().unwrap().is_empty(), "{v}");
    }
    // `--json` may come before the subcommand too.
    let out = mulu(&ws).args(["--json", "system", "list"]).assert().success().get_output().stdout.clone();
    let systems: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(systems[0]["name"], "低保管理系统", "its own shape: the list");
}
