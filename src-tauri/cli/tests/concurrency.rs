//! Several `mulu` processes writing one workspace at once (the app and the CLI, or two windows):
//! every edit that reports success is in the file, none is written over with a record read
//! before it, and resources added at once get different codes.

mod common;

use std::collections::HashSet;
use std::process::{Child, Command, Stdio};

use common::{init, json, mulu};

fn spawn(ws: &std::path::Path, args: &[&str]) -> Child {
    Command::new(assert_cmd::cargo::cargo_bin("mulu"))
        .arg("--workspace")
        .arg(ws)
        .args(args)
        .env_remove("MULU_LANG")
        .env_remove("MULU_WORKSPACE")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn parallel_writers_lose_nothing_and_never_share_a_code() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    init(&ws);
    mulu(&ws).args(["resource", "add", "--name", "农村低保对象名册", "--item", "姓名:C:50"]).assert().success();

    // Each editor adds its own data item to the one resource (a different part of the record),
    // two more set fields; adders create resources numbered under the agency's prefix.
    const EDITORS: usize = 14;
    const ADDERS: usize = 6;
    let mut children = Vec::new();
    for k in 0..EDITORS {
        let item = format!("并发项{k:02}:C:20");
        children
            .push((format!("item {k}"), spawn(&ws, &["resource", "edit", "农村低保对象名册", "--add-item", &item])));
        if k == EDITORS / 2 {
            for (field, value) in [("--notes", "并发备注"), ("--update-cycle", "每月")] {
                children.push((field.to_string(), spawn(&ws, &["resource", "edit", "农村低保对象名册", field, value])));
            }
            for a in 0..ADDERS {
                let name = format!("并发新增资源{a}");
                children.push((format!("add {a}"), spawn(&ws, &["resource", "add", "--name", &name])));
            }
        }
    }
    let mut succeeded = HashSet::new();
    for (what, child) in children {
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            succeeded.insert(what);
        } else {
            // A writer that cannot get the lock in time says so; it never fails silently.
            let err = String::from_utf8_lossy(&out.stderr);
            assert!(err.contains("正被另一个程序使用"), "{what} failed: {err}");
        }
    }
    assert!(succeeded.len() > EDITORS, "most writers got through: {succeeded:?}");

    let catalog = common::show(&ws);
    let resources = catalog["resources"].as_array().unwrap();
    let record = resources.iter().find(|r| r["name"] == "农村低保对象名册").unwrap();
    let items: HashSet<&str> =
        record["items"].as_array().unwrap().iter().map(|i| i["name"].as_str().unwrap()).collect();
    for k in 0..EDITORS {
        if succeeded.contains(&format!("item {k}")) {
            assert!(items.contains(format!("并发项{k:02}").as_str()), "item {k} reported saved but lost: {items:?}");
        }
    }
    assert!(items.contains("姓名"), "the first item kept: {items:?}");
    if succeeded.contains("--notes") {
        assert_eq!(record["notes"], "并发备注");
    }
    if succeeded.contains("--update-cycle") {
        assert_eq!(record["update_cycle"], "每月");
    }

    let codes: Vec<&str> = resources.iter().map(|r| r["code"].as_str().unwrap_or("")).collect();
    let unique: HashSet<&str> = codes.iter().copied().collect();
    assert_eq!(unique.len(), codes.len(), "codes handed out twice: {codes:?}");
    let adds = (0..ADDERS).filter(|a| succeeded.contains(&format!("add {a}"))).count();
    assert_eq!(resources.len(), 1 + adds, "every add reported is there");

    // The change log: every item change of the resource adds an item; none replaces or removes
    // one (which is what writing back a record read before another's edit looks like).
    let history = json(
        &mulu(&ws)
            .args(["history", "农村低保对象名册", "--limit", "1000", "--json"])
            .assert()
            .success()
            .get_output()
            .stdout,
    );
    for c in history.as_array().unwrap() {
        let path = c["path"].as_str().unwrap();
        if path.starts_with("items") {
            assert!(c["old"].is_null() && !c["new"].is_null(), "an item written over in the log: {c}");
        }
        if path == "notes" || path == "update_cycle" {
            assert!(c["old"].is_null(), "a field set twice, one overwritten: {c}");
        }
    }
    let item_changes =
        history.as_array().unwrap().iter().filter(|c| c["path"].as_str().unwrap().starts_with("items")).count();
    let item_edits = (0..EDITORS).filter(|k| succeeded.contains(&format!("item {k}"))).count();
    assert_eq!(item_changes, item_edits, "one logged addition per edit reported saved");
}
