//! Change events and their deadlines over a workspace: met by a later change of each resource
//! named (not by an undone one), by a package where asked, and reported by validation.

use chrono::NaiveDate;

use super::deadlines::{self, DueKind, EventKind, EventRequest};
use super::resources::{self, FieldText, ResourceEdit};
use crate::calendar::Standing;
use crate::i18n::Lang;
use crate::rules::{Context, Severity};
use crate::store::packages::PackageRecord;
use crate::store::Workspace;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn workspace() -> (tempfile::TempDir, Workspace, i64, i64) {
    let dir = tempfile::tempdir().unwrap();
    let mut ws = Workspace::open_or_create(&dir.path().join("t.mulu")).unwrap();
    let named = |n: &str| ResourceEdit { fields: vec![FieldText::new("name", n)], ..Default::default() };
    let a = resources::add(&mut ws, &named("低保名册")).unwrap();
    let b = resources::add(&mut ws, &named("村级集体资产台账")).unwrap();
    (dir, ws, a, b)
}

fn event(kind: EventKind, date: &str, resources: &[&str]) -> EventRequest {
    EventRequest {
        kind,
        date: d(date),
        resources: resources.iter().map(|s| s.to_string()).collect(),
        note: Some("  ".into()),
        needs_package: false,
    }
}

fn edit(ws: &mut Workspace, id: i64, notes: &str) {
    assert!(resources::set_field(ws, id, "notes", notes).unwrap());
}

#[test]
fn an_event_is_met_once_every_resource_it_names_changed_after_it_was_recorded() {
    let (_d, mut ws, a, b) = workspace();
    let today = d("2026-09-18");
    let e = deadlines::add_event(&mut ws, &event(EventKind::Law, "2026-09-18", &["低保名册", "#2"]), today).unwrap();
    assert_eq!((e.days, e.due.date, e.due.provisional), (10, d("2026-10-09"), false));
    assert_eq!(e.note, None, "a blank note is none");
    assert_eq!(e.status, Some(Standing::Due));
    let due = deadlines::due(&ws, d("2026-10-01")).unwrap();
    assert_eq!((due.len(), due[0].kind, due[0].status, due[0].days_left), (1, DueKind::Law, Standing::DueSoon, 2));
    edit(&mut ws, a, "按新条例更新");
    assert!(deadlines::events(&ws, today).unwrap()[0].met.is_none(), "one of two resources changed");
    // An edit undone is no update.
    edit(&mut ws, b, "误改");
    assert!(deadlines::events(&ws, today).unwrap()[0].met.is_some());
    ws.undo().unwrap().unwrap();
    assert!(deadlines::events(&ws, today).unwrap()[0].met.is_none(), "the undone edit does not count");
    edit(&mut ws, b, "按新条例更新");
    let e = &deadlines::events(&ws, today).unwrap()[0];
    assert!(e.met.is_some() && e.status.is_none(), "{e:?}");
    assert!(deadlines::due(&ws, today).unwrap().is_empty(), "a met event is not due");
}

#[test]
fn a_change_before_the_event_does_not_meet_it_and_a_package_is_needed_where_asked() {
    let (_d, mut ws, a, _b) = workspace();
    let today = d("2026-02-11");
    edit(&mut ws, a, "事件之前的修改");
    let mut req = event(EventKind::Data, "2026-02-13", &[]);
    req.needs_package = true;
    let e = deadlines::add_event(&mut ws, &req, today).unwrap();
    assert_eq!(e.due.date, d("2026-02-24"), "across the Spring Festival");
    assert!(e.met.is_none(), "the catalog has not changed since");
    edit(&mut ws, a, "事件之后的修改");
    assert!(deadlines::events(&ws, today).unwrap()[0].met.is_none(), "no package made yet");
    let seq = ws.next_package_seq().unwrap();
    let rec = PackageRecord {
        seq,
        package_id: "115201110091453295-2026-001".into(),
        created_at: crate::store::changelog::now(),
        file_name: "p.zip".into(),
        tagmanifest_sha256: "0".repeat(64),
        signer_fingerprint: "f".into(),
    };
    ws.record_package(&rec, "{}").unwrap();
    let met = deadlines::events(&ws, today).unwrap()[0].met.clone().expect("met by the package");
    assert_eq!(met.package_id.as_deref(), Some("115201110091453295-2026-001"));
}

#[test]
fn validation_reports_an_open_event_at_its_resource_a_warning_then_an_error_when_overdue() {
    let (_d, mut ws, a, _b) = workspace();
    deadlines::add_event(&mut ws, &event(EventKind::Functions, "2026-09-18", &["低保名册"]), d("2026-09-18")).unwrap();
    let on = |ws: &Workspace, day: &str, lang| super::validate::validate(ws, &Context { today: d(day), lang }).unwrap();
    let found = |ws: &Workspace, day: &str, lang| {
        on(ws, day, lang).findings.into_iter().filter(|f| f.rule == "maintenance.deadline").collect::<Vec<_>>()
    };
    let open = found(&ws, "2026-09-21", Lang::Zh);
    assert_eq!(open.len(), 1);
    assert_eq!(open[0].severity, Severity::Warning);
    assert_eq!(open[0].resource.as_ref().map(|r| r.name.as_str()), Some("低保名册"));
    assert!(
        open[0].message.contains("2026-10-09") && open[0].message.contains("还剩 8 个工作日"),
        "{}",
        open[0].message
    );
    assert!(open[0].article.contains("第十五条"));
    let late = found(&ws, "2026-10-12", Lang::En);
    assert_eq!(late[0].severity, Severity::Error);
    assert!(late[0].message.contains("overdue by 2 working days"), "{}", late[0].message);
    assert!(on(&ws, "2026-10-12", Lang::En).summary.resources_with_errors >= 1);
    edit(&mut ws, a, "已更新");
    assert!(found(&ws, "2026-10-12", Lang::En).is_empty(), "met: no finding");
}

#[test]
fn a_correction_request_is_due_in_five_working_days_and_closes_when_answered() {
    use super::corrections::{self, CorrectionRequest};
    let (_d, mut ws, a, _b) = workspace();
    let req = |from: &str, field: Option<&str>| CorrectionRequest {
        from: from.into(),
        resource: "低保名册".into(),
        field: field.map(str::to_string),
        text: "更新周期应为每月".into(),
        received: d("2026-04-30"),
        source: Some("receipt 115201110091453295-2026-001".into()),
    };
    assert!(matches!(
        corrections::add(&mut ws, &req(" ", None), d("2026-04-30")),
        Err(crate::Error::InvalidValue { field, .. }) if field == "correction.from"
    ));
    assert!(matches!(
        corrections::add(&mut ws, &req("市民政局", Some("colour")), d("2026-04-30")),
        Err(crate::Error::UnknownField { .. })
    ));
    let c = corrections::add(&mut ws, &req("市民政局", Some("update_cycle")), d("2026-04-30")).unwrap();
    assert_eq!((c.days, c.due.date, c.status), (5, d("2026-05-11"), Some(Standing::Due)), "a worked Saturday 5/9");
    assert_eq!(c.source.as_deref(), Some("receipt 115201110091453295-2026-001"));
    let due = deadlines::due(&ws, d("2026-05-08")).unwrap();
    assert_eq!(
        (due[0].kind, due[0].field.as_deref(), due[0].from.as_deref()),
        (DueKind::Correction, Some("update_cycle"), Some("市民政局"))
    );
    let late = super::validate::validate(&ws, &Context { today: d("2026-05-12"), lang: Lang::Zh }).unwrap();
    let f = late.findings.iter().find(|f| f.rule == "feedback.deadline").expect("reported");
    assert_eq!((f.severity, f.field.as_deref()), (Severity::Error, Some("update_cycle")));
    assert!(
        f.message.contains("市民政局") && f.message.contains("2026-05-11") && f.article.contains("第十六条"),
        "{}",
        f.message
    );

    edit(&mut ws, a, "更新周期已改");
    let answered = corrections::answer(&mut ws, c.id, " 已改为每月 ", d("2026-05-08")).unwrap();
    let answer = answered.answer.expect("answered");
    assert_eq!((answer.text.as_str(), answer.on), ("已改为每月", d("2026-05-08")));
    let edit_set = ws.history(Some(a), 1).unwrap()[0].set_id;
    assert!(answer.change_sets.contains(&edit_set), "the edit since receipt is linked: {answer:?}");
    // Changes before a request was received are not its answer (the change log's clock is real).
    let tomorrow = chrono::Local::now().date_naive().succ_opt().unwrap();
    let later = corrections::add(&mut ws, &CorrectionRequest { received: tomorrow, ..req("市民政局", None) }, tomorrow)
        .unwrap();
    let none = corrections::answer(&mut ws, later.id, "无需修改", tomorrow).unwrap();
    assert_eq!(none.answer.unwrap().change_sets, Vec::<i64>::new());
    assert_eq!(answered.status, None);
    assert!(deadlines::due(&ws, d("2026-05-12")).unwrap().is_empty(), "closed");
    assert!(
        matches!(corrections::answer(&mut ws, c.id, "再答", d("2026-05-12")), Err(crate::Error::CorrectionAnswered { id }) if id == c.id)
    );
    assert!(matches!(
        corrections::answer(&mut ws, 99, "答", d("2026-05-12")),
        Err(crate::Error::CorrectionNotFound { id: 99 })
    ));
}
