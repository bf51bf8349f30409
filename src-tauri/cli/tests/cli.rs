//! The `mulu` binary on real temporary workspaces: exit codes, output shapes, languages, and
//! every kind of bad workspace file (refused with exit 2, never modified, no panic).

use std::path::{Path, PathBuf};

mod common;

use common::{json, mulu};
use predicates::str::contains;
use serde_json::Value;

fn init(dir: &Path) -> PathBuf {
    let ws = dir.join("青岩镇.mulu");
    common::init(&ws);
    ws
}

const COMPLETE: &[&str] = &[
    "resource",
    "add",
    "--name",
    "镇级财政预算公开信息",
    "--abstract",
    "本镇年度一般公共预算收支及三公经费预算",
    "--format",
    "电子表格(xlsx)",
    "--sensitivity",
    "公开",
    "--sharing-type",
    "无条件",
    "--sharing-method",
    "共享平台方式/文件",
    "--open-type",
    "是",
    "--open-method",
    "下载",
    "--open-address",
    "https://data.guiyang.gov.cn/dataset/budget",
    "--update-cycle",
    "年度",
    "--published-on",
    "2026年1月15日",
    "--source-business",
    "财政预算编制",
    "--item",
    "预算年度:N",
    "--item",
    "科目编码:字符型C",
    "--item",
    "科目名称:字符",
    "--item",
    "预算金额:货币型",
];

#[test]
fn a_complete_resource_validates_clean_and_shows_in_the_documented_shape() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    let out = mulu(&ws).args(COMPLETE).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8_lossy(&out).contains("352111009/000001"), "numbered under the prefix");
    // Not reviewed yet: the one finding is the secrecy review packaging would refuse (a warning).
    let v = json(&mulu(&ws).args(["validate", "--json"]).assert().code(0).get_output().stdout);
    let rules: Vec<&str> = v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap()).collect();
    assert_eq!(rules, ["review.secrecy"]);
    assert_eq!(v["findings"][0]["severity"], "warning");
    // domain.md §12 with its secrecy review: nothing left to report.
    mulu(&ws).args(["secrecy", "confirm", "--resource", "352111009/000001", "--reviewer", "李审查"]).assert().success();
    mulu(&ws).args(["validate"]).assert().code(0);
    let v = json(&mulu(&ws).args(["validate", "--json"]).assert().code(0).get_output().stdout);
    assert_eq!(v["findings"].as_array().unwrap().len(), 0, "{v:#}");
    assert_eq!(v["summary"]["resources"], 1);

    let c = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    assert_eq!(c["schema_version"], 1);
    assert_eq!(c["agency"]["level"], "乡镇");
    let r = &c["resources"][0];
    // Spellings were normalised to the value domains.
    assert_eq!(r["code"], "352111009/000001");
    assert_eq!(r["classification"]["item"], "52");
    assert_eq!(r["format"], serde_json::json!({"class": "电子表格", "type": "xlsx"}));
    assert_eq!(r["sharing"]["type"], "无条件共享");
    assert_eq!(r["open"]["type"], "无条件开放");
    assert_eq!(r["update_cycle"], "每年");
    assert_eq!(r["published_on"], "2026-01-15");
    assert_eq!(r["provider_code"], "115201110091453295", "the agency provides its own resources by default");
    assert_eq!(
        r["items"][1],
        serde_json::json!({"name": "科目编码", "data_type": "C", "length": null, "is_identifier": false, "is_personal": false, "description": null})
    );
    for key in [
        "abstract",
        "sensitivity",
        "related_codes",
        "source_business",
        "source_system",
        "usage_requirements",
        "notes",
        "grading",
        "secrecy_review",
    ] {
        assert!(r.get(key).is_some(), "every field is in the shape, even when empty: {key}");
    }
}

#[test]
fn findings_give_exit_1_with_messages_in_the_chosen_language() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws)
        .args([
            "resource",
            "add",
            "--name",
            "低保对象名册",
            "--format",
            "数据库",
            "--sensitivity",
            "内部",
            "--sharing-type",
            "有条件共享",
            "--item",
            "姓名:C",
            "--item",
            "住址:文本型",
        ])
        .assert()
        .success();
    let out = mulu(&ws).args(["validate"]).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    // 内部 + 有条件共享: the sharing type is the one problem, with both ways out (not also
    // "fill in the condition and the basis", which would fix nothing).
    assert!(text.contains("不能“有条件共享”") && text.contains("应定为“涉密”"), "{text}");
    assert!(!text.contains("时须填写依据"), "{text}");
    assert!(text.contains("第九条"), "the article is cited: {text}");
    let en =
        String::from_utf8(mulu(&ws).args(["--lang", "en", "validate"]).assert().code(1).get_output().stdout.clone())
            .unwrap();
    assert!(en.contains("grade it classified"), "{en}");

    let v = json(&mulu(&ws).args(["validate", "--json"]).assert().code(1).get_output().stdout);
    let f = v["findings"].as_array().unwrap();
    let rules: Vec<&str> = f.iter().map(|f| f["rule"].as_str().unwrap()).collect();
    for r in ["grade.sharing", "item.data_type.domain", "identity.person", "field.required"] {
        assert!(rules.contains(&r), "{r} in {rules:?}");
    }
    for r in ["sharing.condition", "sharing.basis", "usage.required"] {
        assert!(!rules.contains(&r), "{r} follows from the wrong sharing type: {rules:?}");
    }
    let one = f.iter().find(|f| f["rule"] == "item.data_type.domain").unwrap();
    assert_eq!(one["severity"], "error");
    assert_eq!(one["resource"], serde_json::json!({"code": "352111009/000001", "name": "低保对象名册"}));
    assert_eq!(one["field"], "items[1].data_type");
    assert!(one["message"].as_str().unwrap().contains("文本型"));
    assert!(one["article"].as_str().unwrap().contains("编制指南"));
    assert!(v["summary"]["errors"].as_u64().unwrap() >= 5);
}

#[test]
fn edit_and_remove_by_code_name_or_number() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws).args(COMPLETE).assert().success();
    mulu(&ws)
        .args([
            "resource",
            "edit",
            "镇级财政预算公开信息",
            "--update-cycle",
            "月",
            "--notes",
            "按月更新",
            "--add-item",
            "身份证号:C:18",
        ])
        .assert()
        .success();
    let c = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    assert_eq!(c["resources"][0]["update_cycle"], "每月");
    assert_eq!(c["resources"][0]["items"][4]["is_identifier"], true, "flagged from its name");
    mulu(&ws)
        .args(["resource", "edit", "352111009/000001", "--notes", "", "--remove-item", "身份证号"])
        .assert()
        .success();
    let c = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    assert_eq!(c["resources"][0]["notes"], Value::Null, "an empty value clears the field");
    assert_eq!(c["resources"][0]["items"].as_array().unwrap().len(), 4);
    let h = json(&mulu(&ws).args(["history", "#1", "--json"]).assert().success().get_output().stdout);
    assert!(h
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["path"] == "update_cycle" && c["old"] == "\"每年\"" && c["new"] == "\"每月\""));

    mulu(&ws).args(["resource", "edit", "无此资源", "--notes", "x"]).assert().code(2).stderr(contains("没有找到"));
    mulu(&ws).args(["resource", "rm", "#1"]).assert().success();
    let c = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    assert_eq!(c["resources"].as_array().unwrap().len(), 0);
}

#[test]
fn views_filter_the_same_records() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws).args(COMPLETE).assert().success();
    mulu(&ws)
        .args([
            "resource",
            "add",
            "--name",
            "涉密台账",
            "--sensitivity",
            "涉密",
            "--sharing-type",
            "不予共享",
            "--open-type",
            "不予开放",
        ])
        .assert()
        .success();
    let count = |view: &str| {
        json(&mulu(&ws).args(["show", "--json", "--view", view]).assert().success().get_output().stdout)["resources"]
            .as_array()
            .unwrap()
            .len()
    };
    assert_eq!((count("resource"), count("sharing"), count("open")), (2, 1, 1));
}

#[test]
fn bad_arguments_exit_2() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws).args(["frobnicate"]).assert().code(2);
    mulu(&ws).args(["--lang", "fr", "show"]).assert().code(2);
    mulu(&ws).args(["resource", "add", "--name", "x", "--item", ":C"]).assert().code(2).stderr(contains("信息项信息"));
    mulu(&ws).args(["resource", "add", "--name", "x", "--declassified", "也许"]).assert().code(2);
    mulu(&ws).args(["init", "--name", "again"]).assert().code(2).stderr(contains("已存在"));
    let c = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    assert_eq!(c["resources"].as_array().unwrap().len(), 0, "a failed command saved nothing");
    assert_eq!(c["agency"]["name"], "花溪区青岩镇人民政府", "init did not overwrite the profile");
}

/// Every hostile workspace file: exit 2, a clear message on stderr in the chosen language, the
/// file byte for byte unchanged, nothing created beside it, and no panic.
#[test]
fn bad_workspace_files_exit_2_untouched() {
    let d = tempfile::tempdir().unwrap();
    let good = init(d.path());
    mulu(&good).args(COMPLETE).assert().success();
    let good_bytes = std::fs::read(&good).unwrap();
    let bad = d.path().join("bad");
    std::fs::create_dir(&bad).unwrap();

    let newer = bad.join("newer.mulu");
    std::fs::copy(&good, &newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 42).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let foreign_db = bad.join("foreign.mulu");
    {
        let c = rusqlite::Connection::open(&foreign_db).unwrap();
        c.execute_batch("CREATE TABLE x(y); INSERT INTO x VALUES (1);").unwrap();
    }
    let files: Vec<(PathBuf, &str, &str)> = vec![
        (bad.join("random.mulu"), "不是数据库文件", "not a database"),
        (bad.join("text.mulu"), "不是数据库文件", "not a database"),
        (bad.join("empty.mulu"), "文件为空", "empty"),
        (bad.join("truncated.mulu"), "不完整", "incomplete"),
        (foreign_db, "其他程序", "another program"),
        (newer, "更新版本", "newer Mulu"),
        (bad.join("missing.mulu"), "找不到", "No workspace"),
    ];
    std::fs::write(&files[0].0, (0..4096u32).map(|i| (i.wrapping_mul(2654435761) >> 7) as u8).collect::<Vec<_>>())
        .unwrap();
    std::fs::write(&files[1].0, "名称,代码\n户籍人口,1\n").unwrap();
    std::fs::write(&files[2].0, b"").unwrap();
    std::fs::write(&files[3].0, &good_bytes[..good_bytes.len() * 2 / 3]).unwrap();
    let listing = || {
        let mut v: Vec<_> = std::fs::read_dir(&bad).unwrap().map(|e| e.unwrap().file_name()).collect();
        v.sort();
        v
    };
    let before_listing = listing();
    for (path, zh, en) in &files {
        let before = std::fs::read(path).ok();
        for cmd in [&["show"][..], &["validate", "--json"], &["resource", "add", "--name", "x"]] {
            let out = mulu(path).args(cmd).output().unwrap();
            let err = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(2), "{} {cmd:?}: {err}", path.display());
            assert!(err.contains(zh), "{}: {err}", path.display());
            assert!(!err.contains("panicked"), "{err}");
        }
        let out = mulu(path).args(["--lang", "en", "show"]).output().unwrap();
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(en),
            "{}: {}",
            path.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        assert_eq!(std::fs::read(path).ok(), before, "{} must be left untouched", path.display());
    }
    assert_eq!(listing(), before_listing, "no -wal, -shm or backup folder appeared beside the bad files");
    let out = mulu(&bad).args(["show"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2), "a folder is not a workspace");
}

#[cfg(unix)]
#[test]
fn a_read_only_location_exits_2_untouched() {
    use std::os::unix::fs::PermissionsExt;
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    let before = std::fs::read(&ws).unwrap();
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out = mulu(&ws).args(["resource", "add", "--name", "x"]).output().unwrap();
    std::fs::set_permissions(&ws, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("不可写"), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(std::fs::read(&ws).unwrap(), before);
}

#[test]
fn json_errors_carry_a_code() {
    let d = tempfile::tempdir().unwrap();
    let out = mulu(&d.path().join("nope.mulu")).args(["validate", "--json"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap();
    let v: Value = serde_json::from_str(last).unwrap();
    assert_eq!(v["error"]["code"], "workspace.missing");
    assert!(out.stdout.is_empty(), "nothing on stdout when the command could not run");
}

#[test]
fn search_finds_chinese_substrings() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws).args(COMPLETE).assert().success();
    mulu(&ws).args(["resource", "add", "--name", "农村低保对象名册"]).assert().success();
    let v = json(&mulu(&ws).args(["search", "低保对象", "--json"]).assert().success().get_output().stdout);
    assert_eq!(v.as_array().unwrap().len(), 1);
    assert_eq!(v[0]["resource"]["name"], "农村低保对象名册");
    mulu(&ws).args(["search", "预算"]).assert().success().stdout(contains("镇级财政预算公开信息"));
}

#[test]
fn undo_puts_the_last_edit_back() {
    let d = tempfile::tempdir().unwrap();
    let ws = init(d.path());
    mulu(&ws).args(COMPLETE).assert().success();
    let before = json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout);
    mulu(&ws)
        .args(["resource", "edit", "#1", "--update-cycle", "每月", "--remove-item", "预算年度"])
        .assert()
        .success();
    mulu(&ws).arg("undo").assert().success().stdout(contains("resource.edit"));
    assert_eq!(json(&mulu(&ws).args(["show", "--json"]).assert().success().get_output().stdout), before);
}

#[test]
fn every_change_in_the_history_names_its_operator_given_once_and_kept() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    mulu(&ws)
        .args(["--operator", "王芳", "init", "--name", "花溪区青岩镇人民政府", "--level", "事业单位"])
        .assert()
        .success();
    // No --operator now: the workspace's default signs the change.
    mulu(&ws).args(["agency", "set", "--period", "2026"]).assert().success();
    mulu(&ws).env("MULU_OPERATOR", "李明").args(["agency", "set", "--principal-head", "张明"]).assert().success();
    let v = json(&mulu(&ws).args(["history", "--json"]).assert().success().get_output().stdout);
    let ops: Vec<(&str, &str)> = v
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["path"].as_str().unwrap(), c["operator"].as_str().unwrap_or("")))
        .collect();
    assert!(ops.contains(&("principal_head", "李明")), "{ops:?}");
    assert!(ops.contains(&("period", "王芳")), "kept from init: {ops:?}");
    assert!(ops.contains(&("name", "王芳")), "{ops:?}");
    let text = mulu(&ws).args(["history"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8(text).unwrap().contains("经办人：李明"));
    // 事业单位 is a level of its own: no field.domain finding on it.
    let v = json(&mulu(&ws).args(["validate", "--json"]).output().unwrap().stdout);
    assert!(!v["findings"].as_array().unwrap().iter().any(|f| f["field"] == "agency.level"), "{v}");
}
