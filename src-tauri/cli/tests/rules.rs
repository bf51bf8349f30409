//! The rule set as a bureau reviews it (`mulu rules`, `mulu validate --explain`).

mod common;

use common::{json, mulu};
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
    assert!(all.len() >= 36, "{}", all.len());
    for r in all {
        for k in ["id", "severity", "title", "article", "message"] {
            assert!(r[k].as_str().is_some_and(|s| !s.is_empty()), "{k} of {r}");
        }
        let article = r["article"].as_str().unwrap();
        if article.contains("measures Art") {
            assert!(article.contains("(Chinese text)"), "{article}");
        }
    }
    let sharing = all.iter().find(|r| r["id"] == "grade.sharing").expect("listed");
    assert_eq!(sharing["article"], "Guiyang measures Art. 9 (Chinese text)");
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
