//! Deadlines in working days (issue 14) from the command line: calendars, change events and
//! their due dates, correction requests, `mulu due`.

use std::path::Path;

mod common;

use common::{init, json, mulu};
use serde_json::Value;

fn run_json(ws: &Path, args: &[&str]) -> Value {
    json(&mulu(ws).args(args).arg("--json").assert().success().get_output().stdout)
}

const Y2027: &str = "year = 2027
source = \"国务院办公厅关于2027年部分节假日安排的通知\"

[[holiday]]
name = \"元旦\"
from = \"2027-01-01\"
to = \"2027-01-03\"
";

#[test]
fn a_calendar_for_a_new_year_is_imported_and_bad_files_are_refused_by_line_and_field() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("青岩镇.mulu");
    init(&ws);
    let years = |ws: &Path| -> Vec<(i64, bool)> {
        let list = run_json(ws, &["calendar", "list"]);
        list.as_array().unwrap().iter().map(|c| (c["year"].as_i64().unwrap(), c["imported"] == true)).collect()
    };
    assert_eq!(years(&ws), [(2025, false), (2026, false)]);

    // Each bad file is refused whole, naming the file, the line and the field; nothing is kept.
    let bad = [
        (
            "both.toml",
            "year = 2027\n[[holiday]]\nfrom = \"2027-01-01\"\nto = \"2027-01-03\"\nworkdays = [\"2027-01-02\"]\n",
            "第 5 行",
            "holiday[1].workdays",
        ),
        (
            "outside.toml",
            "year = 2027\n[[holiday]]\nfrom = \"2026-12-31\"\nto = \"2027-01-03\"\n",
            "第 3 行",
            "holiday[1].from",
        ),
        (
            "malformed.toml",
            "year = 2027\n\n[[holiday]]\nname = \"元旦\"\nfrom = \"2027-1-1\"\nto = \"2027-01-03\"\n",
            "第 5 行",
            "holiday[1] “元旦”.from",
        ),
    ];
    for (name, text, line, field) in bad {
        let file = d.path().join(name);
        std::fs::write(&file, text).unwrap();
        let out = mulu(&ws).args(["calendar", "import"]).arg(&file).assert().code(2).get_output().stderr.clone();
        let err = String::from_utf8(out).unwrap();
        assert!(err.contains(name) && err.contains(line) && err.contains(field), "{name}: {err}");
        assert!(err.contains("mulu calendar import"), "says what to do: {err}");
    }
    assert_eq!(years(&ws).len(), 2, "nothing was kept");

    // Before 2027's calendar, a deadline running into it is provisional; after, exact.
    let file = d.path().join("2027.toml");
    std::fs::write(&file, Y2027).unwrap();
    let info = run_json(&ws, &["calendar", "import", file.to_str().unwrap()]);
    assert_eq!((info["year"].as_i64(), info["holidays"].as_i64()), (Some(2027), Some(3)));
    assert_eq!(years(&ws), [(2025, false), (2026, false), (2027, true)]);
    let out = mulu(&ws).args(["calendar", "list", "--lang", "en"]).assert().success().get_output().stdout.clone();
    assert!(String::from_utf8(out).unwrap().contains("2027 (imported): 3 days off"));
}

#[test]
fn a_change_event_is_due_in_working_days_and_met_by_an_edit_of_its_resource() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("青岩镇.mulu");
    init(&ws);
    common::add_complete(&ws, "低保名册", "城乡最低生活保障对象名册及保障金发放情况");
    let e = run_json(
        &ws,
        &[
            "event",
            "add",
            "--kind",
            "law",
            "--date",
            "2026-09-18",
            "--resource",
            "低保名册",
            "--note",
            "新条例",
            "--today",
            "2026-09-18",
        ],
    );
    assert_eq!((e["days"].as_i64(), e["due"]["date"].as_str()), (Some(10), Some("2026-10-09")));
    assert_eq!(e["due"]["provisional"], false);
    assert_eq!(e["status"], "due");
    // A data change at the end of 2026 reaches into 2027, which has no calendar yet.
    run_json(&ws, &["event", "add", "--kind", "data", "--date", "2026-12-30"]);

    let due = |today: &str| run_json(&ws, &["due", "--today", today]);
    let items = due("2026-10-08");
    let items = items.as_array().unwrap();
    assert_eq!(items.len(), 2, "{items:?}");
    let first = &items[0];
    assert_eq!(
        (first["kind"].as_str(), first["start"].as_str(), first["due"].as_str()),
        (Some("law"), Some("2026-09-18"), Some("2026-10-09"))
    );
    assert_eq!(
        (first["days"].as_i64(), first["status"].as_str(), first["days_left"].as_i64()),
        (Some(10), Some("due_soon"), Some(1))
    );
    assert_eq!(first["resources"][0].as_str().map(|s| s.ends_with("低保名册")), Some(true));
    assert_eq!((items[1]["kind"].as_str(), items[1]["due"].as_str()), (Some("data"), Some("2027-01-01")));
    assert_eq!(items[1]["provisional"], true, "2027 has no calendar");

    // Overdue: `mulu due` exits 1 and validation reports an error at the resource.
    mulu(&ws).args(["due", "--today", "2026-10-12"]).assert().code(1);
    let out = mulu(&ws)
        .args(["validate", "--today", "2026-10-12", "--lang", "en"])
        .assert()
        .code(1)
        .get_output()
        .stdout
        .clone();
    let text = String::from_utf8(out).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("maintenance.deadline") && l.contains("低保名册"))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.starts_with("[error]") && line.contains("by 2026-10-09") && line.contains("Art. 15"), "{line}");

    // The edit meets both (the data event names the whole catalog): they leave `mulu due`.
    mulu(&ws).args(["resource", "edit", "低保名册", "--notes", "已按新条例更新"]).assert().success();
    assert_eq!(due("2026-10-12"), serde_json::json!([]));
    let events = run_json(&ws, &["event", "list"]);
    assert!(events[0]["met"]["change_set"].is_i64() && events[0]["status"].is_null(), "{events}");
    let out = mulu(&ws).args(["validate", "--today", "2026-10-12", "--json"]).output().unwrap();
    let report = json(&out.stdout);
    let on_resource = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["rule"] == "maintenance.deadline" && !f["resource"].is_null())
        .count();
    assert_eq!(on_resource, 0);
}

#[test]
fn a_correction_request_is_listed_as_due_then_answered_with_the_change_made() {
    let d = tempfile::tempdir().unwrap();
    let ws = d.path().join("青岩镇.mulu");
    init(&ws);
    common::add_complete(&ws, "低保名册", "城乡最低生活保障对象名册及保障金发放情况");
    let add = ["correction", "add", "--from", "市民政局", "--resource", "低保名册", "--field", "update_cycle"];
    let c = run_json(&ws, &[&add[..], &["--text", "更新周期应为每月", "--received", "2026-04-30"]].concat());
    assert_eq!(
        (c["id"].as_i64(), c["days"].as_i64(), c["due"]["date"].as_str()),
        (Some(1), Some(5), Some("2026-05-11"))
    );
    // An unknown field is refused, naming it.
    let mut bad = add.to_vec();
    bad[7] = "colour";
    let err = mulu(&ws).args(&bad).args(["--text", "t", "--received", "2026-04-30"]).assert().code(2);
    assert!(String::from_utf8_lossy(&err.get_output().stderr).contains("colour"));

    let items = run_json(&ws, &["due", "--today", "2026-05-08"]);
    assert_eq!(items.as_array().unwrap().len(), 1);
    let item = &items[0];
    assert_eq!(
        (item["kind"].as_str(), item["start"].as_str(), item["due"].as_str()),
        (Some("correction"), Some("2026-04-30"), Some("2026-05-11"))
    );
    assert_eq!(
        (item["status"].as_str(), item["days_left"].as_i64(), item["from"].as_str()),
        (Some("due_soon"), Some(2), Some("市民政局"))
    );
    let out = mulu(&ws).args(["validate", "--today", "2026-05-12"]).assert().code(1).get_output().stdout.clone();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.lines().any(|l| l.contains("feedback.deadline") && l.contains("更新周期") && l.contains("第十六条")),
        "{text}"
    );

    mulu(&ws).args(["resource", "edit", "低保名册", "--update-cycle", "每月"]).assert().success();
    let answered = run_json(&ws, &["correction", "answer", "1", "--text", "已改为每月", "--today", "2026-05-08"]);
    assert_eq!(answered["answer"]["on"], "2026-05-08");
    let history =
        json(&mulu(&ws).args(["history", "低保名册", "--limit", "1", "--json"]).assert().success().get_output().stdout);
    let edit_set = &history[0]["set_id"];
    assert!(answered["answer"]["change_sets"].as_array().unwrap().contains(edit_set), "{answered}");
    assert_eq!(run_json(&ws, &["due", "--today", "2026-05-12"]), serde_json::json!([]), "closed");
    let list = run_json(&ws, &["correction", "list"]);
    assert!(list[0]["status"].is_null() && list[0]["answer"]["text"] == "已改为每月", "{list}");
    // Answering again is refused: the request is closed.
    let err =
        mulu(&ws).args(["correction", "answer", "1", "--text", "再答"]).assert().code(2).get_output().stderr.clone();
    assert!(String::from_utf8(err).unwrap().contains("已经答复并关闭"));
}
