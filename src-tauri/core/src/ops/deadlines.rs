//! Change events (变更事件) and what is due (G Art. 15, 16): an event — a change in law, in the
//! agency's functions, or another change to the data — obliges an update of the resources it
//! affects within 10 or 2 working days; `due` lists every open deadline, and the findings
//! `maintenance.deadline` / `feedback.deadline` put them on the resources. "Today" is passed in.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::calendars;
use crate::calendar::{Calendars, Due, Standing};
use crate::error::{Error, Result};
use crate::store::{StoredEvent, Workspace};

/// What changed (G Art. 15).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    /// 法律、法规修改: 10 working days.
    Law,
    /// 行政管理职能变化: 10 working days.
    Functions,
    /// Another change to the data (政治、经济、文化、社会和生态文明等情况): 2 working days.
    Data,
}

impl EventKind {
    /// The working days allowed.
    pub fn days(self) -> u32 {
        match self {
            EventKind::Law | EventKind::Functions => 10,
            EventKind::Data => 2,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            EventKind::Law => "law",
            EventKind::Functions => "functions",
            EventKind::Data => "data",
        }
    }

    fn parse(s: &str) -> Option<Self> {
        [EventKind::Law, EventKind::Functions, EventKind::Data].into_iter().find(|k| k.name() == s)
    }
}

/// A change event to record.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct EventRequest {
    pub kind: EventKind,
    /// The day the change happened (day 0).
    #[ts(type = "string")]
    pub date: NaiveDate,
    /// The resources it affects (code, name or `#id`); none: the catalog as a whole.
    #[serde(default)]
    pub resources: Vec<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Met only once a package is made after the update.
    #[serde(default)]
    pub needs_package: bool,
}

/// How an event was met: the change completing the update and, where asked, the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Met {
    #[ts(type = "number")]
    pub change_set: i64,
    pub at: String,
    pub package_id: Option<String>,
}

/// A recorded event, its deadline and whether it was met.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Event {
    #[ts(type = "number")]
    pub id: i64,
    pub kind: EventKind,
    #[ts(type = "string")]
    pub date: NaiveDate,
    pub note: Option<String>,
    pub needs_package: bool,
    /// The resources it affects, by code and name as named; empty: the catalog.
    pub resources: Vec<String>,
    #[ts(skip)]
    #[serde(skip)]
    pub resource_ids: Vec<i64>,
    /// Working days allowed.
    pub days: u32,
    pub due: Due,
    pub met: Option<Met>,
    /// Where the deadline stands today; `None` once met.
    pub status: Option<Standing>,
    pub recorded_at: String,
}

/// Records a change event against the catalog as it stands now; the resources named must exist.
pub fn add_event(ws: &mut Workspace, req: &EventRequest, today: NaiveDate) -> Result<Event> {
    let mut resources = Vec::with_capacity(req.resources.len());
    for sel in &req.resources {
        let id = ws.find(sel)?;
        resources.push((id, super::resources::label(ws, id)?));
    }
    let note = req.note.as_deref().map(str::trim).filter(|n| !n.is_empty());
    let id = ws.add_event(req.kind.name(), &req.date.to_string(), note, req.needs_package, &resources)?;
    let all = events(ws, today)?;
    all.into_iter()
        .find(|e| e.id == id)
        .ok_or_else(|| Error::Corrupt { path: ws.path().into(), detail: format!("change event {id} vanished") })
}

/// Every event with its deadline and whether it was met, oldest first.
pub fn events(ws: &Workspace, today: NaiveDate) -> Result<Vec<Event>> {
    let cal = calendars(ws)?;
    ws.events()?.into_iter().map(|e| event(ws, &cal, e, today)).collect()
}

fn event(ws: &Workspace, cal: &Calendars, e: StoredEvent, today: NaiveDate) -> Result<Event> {
    let corrupt =
        |what: &str| Error::Corrupt { path: ws.path().into(), detail: format!("change event {}: {what}", e.id) };
    let kind = EventKind::parse(&e.kind).ok_or_else(|| corrupt(&e.kind))?;
    let date = NaiveDate::parse_from_str(&e.date, "%Y-%m-%d").map_err(|_| corrupt(&e.date))?;
    let due = cal.due(date, kind.days());
    let met = ws.event_met(&e)?.map(|m| Met { change_set: m.set_id, at: m.at, package_id: m.package_id });
    Ok(Event {
        id: e.id,
        kind,
        date,
        note: e.note,
        needs_package: e.needs_package,
        resources: e.resources.iter().map(|(_, l)| l.clone()).collect(),
        resource_ids: e.resources.iter().map(|(id, _)| *id).collect(),
        days: kind.days(),
        due,
        status: met.is_none().then(|| cal.standing(today, due.date)),
        met,
        recorded_at: e.recorded_at,
    })
}

/// What a deadline is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum DueKind {
    Law,
    Functions,
    Data,
    /// A correction request (校核, G Art. 16).
    Correction,
}

impl DueKind {
    /// Its stable name (`law`, `functions`, `data`, `correction`), as in JSON.
    pub fn name(self) -> &'static str {
        match self {
            DueKind::Law => "law",
            DueKind::Functions => "functions",
            DueKind::Data => "data",
            DueKind::Correction => "correction",
        }
    }
}

impl From<EventKind> for DueKind {
    fn from(k: EventKind) -> Self {
        match k {
            EventKind::Law => DueKind::Law,
            EventKind::Functions => DueKind::Functions,
            EventKind::Data => DueKind::Data,
        }
    }
}

/// One open deadline (`mulu due`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct DueItem {
    pub kind: DueKind,
    /// The event's or the request's number.
    #[ts(type = "number")]
    pub id: i64,
    /// Day 0: the event's date, or the day the request was received.
    #[ts(type = "string")]
    pub start: NaiveDate,
    #[ts(type = "string")]
    pub due: NaiveDate,
    /// Working days allowed.
    pub days: u32,
    /// Counted over a year without a holiday calendar (weekends only).
    pub provisional: bool,
    pub status: Standing,
    /// Working days left after today (negative: past the due day).
    #[ts(type = "number")]
    pub days_left: i64,
    /// The resources concerned, by code and name; empty: the catalog.
    pub resources: Vec<String>,
    #[ts(skip)]
    #[serde(skip)]
    pub resource_ids: Vec<i64>,
    /// The field a request is about.
    pub field: Option<String>,
    /// An event met only once a package is made after the update.
    pub needs_package: bool,
    /// The event's note, or the request's text.
    pub text: Option<String>,
    /// Who asked (a correction request).
    pub from: Option<String>,
}

/// Every open deadline — events not yet met, requests not yet answered — soonest first.
pub fn due(ws: &Workspace, today: NaiveDate) -> Result<Vec<DueItem>> {
    let cal = calendars(ws)?;
    let mut items = Vec::new();
    for e in events(ws, today)? {
        let Some(status) = e.status else { continue };
        items.push(DueItem {
            kind: e.kind.into(),
            id: e.id,
            start: e.date,
            due: e.due.date,
            days: e.days,
            provisional: e.due.provisional,
            status,
            days_left: cal.working_days_left(today, e.due.date),
            resources: e.resources,
            resource_ids: e.resource_ids,
            field: None,
            needs_package: e.needs_package,
            text: e.note,
            from: None,
        });
    }
    for c in super::corrections::list(ws, today)? {
        let Some(status) = c.status else { continue };
        items.push(DueItem {
            kind: DueKind::Correction,
            id: c.id,
            start: c.received,
            due: c.due.date,
            days: c.days,
            provisional: c.due.provisional,
            status,
            days_left: cal.working_days_left(today, c.due.date),
            resources: vec![c.resource],
            resource_ids: vec![c.resource_id],
            field: c.field,
            needs_package: false,
            text: Some(c.text),
            from: Some(c.from),
        });
    }
    items.sort_by_key(|i| (i.due, i.kind, i.id));
    Ok(items)
}
