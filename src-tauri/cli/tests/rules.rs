//! The rule set as a bureau reviews it (`mulu rules`, `mulu validate --explain`), and grades
//! read from a spreadsheet, which wait for the officer (`mulu grade confirm`).

use std::path::{Path, PathBuf};

mod common;

use common::{json, mulu, show};
use predicates::str::contains;

#[test]
fn the_rules_are_listed_with_titles_and_articles_in_both_languages() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    let out = mulu(&ws).arg("rules").assert().success().get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(text.contains("grade.sharing") && text.contains("共享类型与敏感程度不符"), "{text}");
    assert!(text.contains("《贵阳市政府数据资源管理办法》第九条"), "{text}");
    assert!(!ws.exists(), "listing the rules needs no workspace");

    let all = json(&mulu(&ws).args(["rules", "--json", "--lang", "en"]).assert().success().get_output().stdout);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 37, "{}", all.len());
    for r in all {
        for k in ["id", "severity", "title", "article", "message"] {
            assert!(r[k].as_str().is_some_and(|s| !s.is_empty()), "{k} of {r}");
        }
        let article = r["article"].as_str().unwrap();
        if article.contains("measures Art") {
            assert!(article.contains("(Chinese text)"), "{article}");
        }
    }
    let unconfirmed = all.iter().find(|r| r["id"] == "grade.unconfirmed").expect("the new rule is listed");
    assert_eq!(unconfirmed["article"], "Guiyang measures Art. 9 (Chinese text)");
}

#[test]
fn validate_explains_one_rule_and_refuses_an_unknown_one() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    mulu(&ws)
        .args(["validate", "--explain", "field.recommended"])
        .assert()
        .success()
        .stdout(contains("规则 field.recommended：建议填写的字段"))
        .stdout(contains("级别：警告"))
        .stdout(contains("依据：《贵阳市政府数据资源管理办法》第十一条"))
        .stdout(contains("提示：建议填写“{label}”"));
    mulu(&ws)
        .args(["--lang", "en", "validate", "--explain", "grade.open"])
        .assert()
        .success()
        .stdout(contains("Article: Guiyang measures Art. 9 (Chinese text)"));
    mulu(&ws)
        .args(["validate", "--explain", "grade.nope"])
        .assert()
        .code(2)
        .stderr(contains("规则编号"))
        .stderr(contains("mulu rules"));
}

/// A workspace of two graded resources, exported and imported into a fresh one.
fn imported(dir: &Path) -> PathBuf {
    let src = dir.join("src.mulu");
    common::init(&src);
    for (name, grade) in [("镇级财政预算公开信息", "公开"), ("低保对象名册", "内部")] {
        mulu(&src).args(["resource", "add", "--name", name, "--sensitivity", grade]).assert().success();
    }
    let book = dir.join("目录.xlsx");
    mulu(&src).args(["export", "catalogs"]).arg(&book).assert().success();
    let ws = dir.join("new.mulu");
    mulu(&ws).arg("import").arg(&book).assert().code(1);
    ws
}

fn unconfirmed(ws: &Path) -> usize {
    let v = json(&mulu(ws).args(["validate", "--json"]).output().unwrap().stdout);
    v["findings"].as_array().unwrap().iter().filter(|f| f["rule"] == "grade.unconfirmed").count()
}

#[test]
fn imported_grades_wait_for_the_officer_to_confirm_them() {
    let d = tempfile::tempdir().unwrap();
    let ws = imported(d.path());
    assert_eq!(unconfirmed(&ws), 2, "a warning for each grade read from the sheet");
    let c = show(&ws);
    assert_eq!(c["resources"][0]["grading"]["unconfirmed"], "import");

    mulu(&ws).args(["grade", "confirm", "低保对象名册"]).assert().success().stdout(contains("已确认 1 个资源的定级"));
    assert_eq!(unconfirmed(&ws), 1);
    mulu(&ws)
        .args(["grade", "confirm", "低保对象名册"])
        .assert()
        .success()
        .stdout(contains("无需再确认"))
        .stdout(contains("已确认 0 个"));
    mulu(&ws)
        .args(["--lang", "en", "grade", "confirm", "--all"])
        .assert()
        .success()
        .stdout(contains("Confirmed the grade of 1"));
    assert_eq!(unconfirmed(&ws), 0);
    mulu(&ws).arg("undo").assert().success().stdout(contains("resource.grade_confirm"));
    assert_eq!(unconfirmed(&ws), 1, "one undo reverts one confirmation");
    mulu(&ws).args(["grade", "confirm"]).assert().code(2);
    mulu(&ws).args(["grade", "confirm", "没有这个资源"]).assert().code(2).stderr(contains("没有这个资源"));
}
