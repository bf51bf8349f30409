//! Deadlines in working days (期限, G Art. 15–16) for the dashboard: what is due, the change
//! events, the correction requests (校核) and the working-day calendars — each a few lines over
//! `ops::deadlines`, `ops::corrections` and `ops::calendar`. "Today" is the shell's clock: the
//! core is always told the day. A record changes the findings (`maintenance.deadline`,
//! `feedback.deadline`), so each write answers with what it changed in the overview.
//! The calendar's open dialog has the stand-in `MULU_E2E_CALENDAR_FILE` under `MULU_E2E=1`.

use chrono::NaiveDate;
use mulu_core::calendar::CalendarInfo;
use mulu_core::error::ErrorPayload;
use mulu_core::ops;
use mulu_core::ops::corrections::{Correction, CorrectionRequest};
use mulu_core::ops::deadlines::{DueItem, Event, EventRequest};
use mulu_core::ops::overview::{OverviewDelta, Touched};
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::Lang;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::commands::AppState;
use crate::dialogs::{self, StandIn};

/// Today by the shell's clock, the same day the overview's findings are computed for.
fn today(lang: Lang) -> NaiveDate {
    Context::now(lang).today
}

/// A change event recorded, and what it changed in the overview.
#[derive(Serialize, ts_rs::TS)]
pub struct EventAdded {
    event: Event,
    delta: OverviewDelta,
}

/// A correction request recorded or answered, and what it changed in the overview.
#[derive(Serialize, ts_rs::TS)]
pub struct CorrectionDone {
    correction: Correction,
    delta: OverviewDelta,
}

/// A calendar imported, and the overview after it (every deadline may move).
#[derive(Serialize, ts_rs::TS)]
pub struct CalendarImported {
    calendar: CalendarInfo,
    delta: OverviewDelta,
}

/// The resources a record is about: an event without any concerns the whole catalog.
fn touched(ids: &[i64]) -> Touched<'_> {
    if ids.is_empty() {
        Touched::Everything
    } else {
        Touched::Resources(ids)
    }
}

/// Every open deadline, soonest first.
#[tauri::command]
pub async fn due_list(state: State<'_, AppState>, lang: Lang) -> Result<Vec<DueItem>, ErrorPayload> {
    state.with(lang, |ws| ops::deadlines::due(ws, today(lang)))
}

#[tauri::command]
pub async fn event_add(
    state: State<'_, AppState>,
    request: EventRequest,
    lang: Lang,
) -> Result<EventAdded, ErrorPayload> {
    state.change(lang, |ws| {
        let event = ops::deadlines::add_event(ws, &request, today(lang))?;
        let delta = state.delta(ws, touched(&event.resource_ids), lang)?;
        Ok(EventAdded { event, delta })
    })
}

/// Every event with its deadline and whether it was met, oldest first.
#[tauri::command]
pub async fn event_list(state: State<'_, AppState>, lang: Lang) -> Result<Vec<Event>, ErrorPayload> {
    state.with(lang, |ws| ops::deadlines::events(ws, today(lang)))
}

#[tauri::command]
pub async fn correction_add(
    state: State<'_, AppState>,
    request: CorrectionRequest,
    lang: Lang,
) -> Result<CorrectionDone, ErrorPayload> {
    state.change(lang, |ws| {
        let correction = ops::corrections::add(ws, &request, today(lang))?;
        done(&state, ws, correction, lang)
    })
}

/// Closes request `id` with `text`, answered today.
#[tauri::command]
pub async fn correction_answer(
    state: State<'_, AppState>,
    id: i64,
    text: String,
    lang: Lang,
) -> Result<CorrectionDone, ErrorPayload> {
    state.change(lang, |ws| {
        let correction = ops::corrections::answer(ws, id, &text, today(lang))?;
        done(&state, ws, correction, lang)
    })
}

fn done(state: &AppState, ws: &Workspace, correction: Correction, lang: Lang) -> mulu_core::Result<CorrectionDone> {
    let delta = state.delta(ws, Touched::Resources(&[correction.resource_id]), lang)?;
    Ok(CorrectionDone { correction, delta })
}

/// Every correction request, oldest first.
#[tauri::command]
pub async fn correction_list(state: State<'_, AppState>, lang: Lang) -> Result<Vec<Correction>, ErrorPayload> {
    state.with(lang, |ws| ops::corrections::list(ws, today(lang)))
}

/// Asks for a calendar file (docs/calendar.md) and imports it; `null` when cancelled.
#[tauri::command]
pub async fn calendar_import(app: AppHandle, lang: Lang) -> Result<Option<CalendarImported>, ErrorPayload> {
    let title = crate::words::dialog("calendar.open", lang);
    let filter = crate::words::dialog("calendar.filter", lang);
    let Some(file) = dialogs::open(&app, StandIn::CalendarFile, title, (filter, &["toml"]), true, lang).await? else {
        return Ok(None);
    };
    let state = app.state::<AppState>();
    state.change(lang, |ws| {
        let calendar = ops::calendar::import(ws, &file)?;
        Ok(Some(CalendarImported { calendar, delta: state.delta(ws, Touched::Everything, lang)? }))
    })
}

/// The known calendars, by year.
#[tauri::command]
pub async fn calendar_list(state: State<'_, AppState>, lang: Lang) -> Result<Vec<CalendarInfo>, ErrorPayload> {
    state.with(lang, ops::calendar::list)
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::ops::deadlines::EventKind;
    use mulu_core::ops::resources::{self, FieldText, ResourceEdit};

    /// The dashboard's answers are the core's: an event on one resource touches that resource
    /// only; one on the whole catalog, everything.
    #[test]
    fn an_event_touches_its_resources_or_the_whole_catalog() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open_or_create(&dir.path().join("d.mulu")).unwrap();
        let edit =
            ResourceEdit { fields: vec![FieldText::new("name", "农村低保对象名册")], ..Default::default() };
        let id = resources::add(&mut ws, &edit).unwrap();
        let req = |resources: Vec<String>| EventRequest {
            kind: EventKind::Law,
            date: NaiveDate::from_ymd_opt(2020, 3, 2).unwrap(),
            resources,
            note: None,
            needs_package: false,
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let one = ops::deadlines::add_event(&mut ws, &req(vec![format!("#{id}")]), today).unwrap();
        assert_eq!(one.resource_ids, [id]);
        assert!(matches!(touched(&one.resource_ids), Touched::Resources([i]) if *i == id));
        let all = ops::deadlines::add_event(&mut ws, &req(vec![]), today).unwrap();
        assert!(matches!(touched(&all.resource_ids), Touched::Everything));
        let due = ops::deadlines::due(&ws, today).unwrap();
        assert_eq!(due.len(), 2);
        assert!(due.iter().all(|d| d.status == mulu_core::calendar::Standing::Overdue));
    }
}
