//! The grading questionnaire from the command line (`mulu grade answer`): the app's step 4 form,
//! for one resource or many, with the same suggestion and the same refusal of an override
//! without a reason.

mod common;

use common::{init, json, mulu, show};
use predicates::str::contains;

fn graded(ws: &std::path::Path, name: &str) -> serde_json::Value {
    let all = show(ws);
    all["resources"].as_array().unwrap().iter().find(|r| r["name"] == name).unwrap().clone()
}

#[test]
fn the_answers_grade_many_resources_in_one_undoable_change() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("w.mulu");
    init(&ws);
    mulu(&ws).args(["resource", "add", "--name", "低保对象名册", "--item", "姓名:C:20"]).assert().success();
    mulu(&ws).args(["resource", "add", "--name", "道路养护记录"]).assert().success();
    let names = ["低保对象名册", "道路养护记录"];

    // A dry run says what the answers suggest and saves nothing.
    mulu(&ws)
        .args(["grade", "answer", "--dry-run", "--state-secret", "否", "--legal-restriction", "否"])
        .args(["--personal-or-commercial", "是"])
        .args(names)
        .assert()
        .success()
        .stdout(contains("建议“内部”"))
        .stdout(contains("姓名"))
        .stdout(contains("未保存"));
    assert!(graded(&ws, names[0])["sensitivity"].is_null());

    // Another grade than the suggestion needs a reason, and then nothing is saved.
    mulu(&ws)
        .args(["grade", "answer", "--personal-or-commercial", "yes", "--grade", "公开"])
        .args(names)
        .assert()
        .code(2)
        .stderr(contains("理由"));
    assert!(graded(&ws, names[1])["sensitivity"].is_null(), "a refusal saves nothing");

    let out = mulu(&ws)
        .args(["grade", "answer", "--json", "--state-secret", "否", "--personal-or-commercial", "是"])
        .args(names)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    let answer = json(&out);
    assert_eq!(answer.as_array().unwrap().len(), 2);
    assert_eq!(answer[0]["suggestion"]["sensitivity"], "内部");
    for name in names {
        let r = graded(&ws, name);
        assert_eq!(r["sensitivity"], "内部", "{name}");
        assert_eq!(r["grading"]["personal_or_commercial"], true);
        assert_eq!(r["grading"]["state_secret"], false);
        assert!(r["grading"]["legal_restriction"].is_null(), "a question left out stays unanswered");
        assert_eq!(r["open"]["type"], "不予开放", "what 内部 does not allow is set to the suggestion");
    }

    mulu(&ws).arg("undo").assert().success().stdout(contains("resource.grade"));
    for name in names {
        assert!(graded(&ws, name)["sensitivity"].is_null(), "one undo ungrades both");
    }

    mulu(&ws)
        .args(["--lang", "en", "grade", "answer", "道路养护记录", "--already-public", "maybe"])
        .assert()
        .code(2)
        .stderr(contains("expected yes or no"));
}
