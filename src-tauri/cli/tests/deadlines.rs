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
