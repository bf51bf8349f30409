//! Correction requests from data users (校核, G Art. 16): a user who finds an error in the
//! catalog or the data asks the agency to check it, and is answered within 5 working days of
//! receipt. A bureau's review comment arrives the same way, with its `source` ("receipt <package
//! id>"). A request closes when answered; the answer links the changes made to its resource
//! since it was received.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::calendar::calendars;
use crate::calendar::{Calendars, Due, Standing};
use crate::error::{Error, Result};
use crate::store::{StoredCorrection, Workspace};

/// The working days allowed for an answer (G Art. 16).
pub const DAYS: u32 = 5;

/// A correction request to record.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct CorrectionRequest {
    /// Who asks: the data user (a department, a person) or the bureau.
    pub from: String,
    /// The resource (code, name or `#id`).
    pub resource: String,
    /// The field concerned, by its key (`sharing.basis`), if one.
    #[serde(default)]
    pub field: Option<String>,
    pub text: String,
    /// Day 0 of the deadline.
    #[ts(type = "string")]
    pub received: NaiveDate,
    /// Where it came from when not typed in, e.g. "receipt <package id>".
    #[serde(default)]
    pub source: Option<String>,
}

/// The answer that closed a request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Answer {
    pub text: String,
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// The change sets of the resource since the request was received: the change made.
    #[ts(type = "number[]")]
    pub change_sets: Vec<i64>,
}

/// A correction request with its deadline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Correction {
    #[ts(type = "number")]
    pub id: i64,
    pub from: String,
    /// The resource by its code and name as named.
    pub resource: String,
    #[ts(type = "number")]
    pub resource_id: i64,
    pub field: Option<String>,
    pub text: String,
    #[ts(type = "string")]
    pub received: NaiveDate,
    pub source: Option<String>,
    /// Working days allowed.
    pub days: u32,
    pub due: Due,
    pub answer: Option<Answer>,
    /// Where the deadline stands today; `None` once answered.
    pub status: Option<Standing>,
    pub recorded_at: String,
}

fn required(key: &str, value: &str, expected: &str) -> Result<String> {
    let v = crate::text::clean_line(value);
    if v.is_empty() {
        return Err(Error::invalid(key, value, expected));
    }
    Ok(v)
}

/// Records a request about an existing resource (and a known field, if one).
pub fn add(ws: &mut Workspace, req: &CorrectionRequest, today: NaiveDate) -> Result<Correction> {
    let from = required("correction.from", &req.from, "提出校核的单位或个人 / who asks")?;
    let text = required("correction.text", &req.text, "需要校核的内容 / what to check")?;
    let field = req.field.as_deref().map(str::trim).filter(|f| !f.is_empty());
    if let Some(f) = field {
        if crate::model::fields::label(f, crate::Lang::Zh) == f {
            return Err(Error::UnknownField { field: f.into() });
        }
    }
    let resource_id = ws.find(&req.resource)?;
    let stored = StoredCorrection {
        id: 0,
        from,
        resource_id,
        label: super::resources::label(ws, resource_id)?,
        field: field.map(str::to_string),
        text,
        received: req.received.to_string(),
        source: req.source.as_deref().map(str::trim).filter(|s| !s.is_empty()).map(str::to_string),
        recorded_at: String::new(),
        answer: None,
    };
    let id = ws.add_correction(&stored)?;
    correction(ws, &calendars(ws)?, ws.correction(id)?, today)
}

/// Closes request `id` with `text`, answered on `today`, linking the changes made to its
/// resource since it was received. Refused when unknown or already answered.
pub fn answer(ws: &mut Workspace, id: i64, text: &str, today: NaiveDate) -> Result<Correction> {
    let text = required("correction.answer", text, "答复内容 / the answer")?;
    ws.answer_correction(id, &text, &today.to_string())?;
    correction(ws, &calendars(ws)?, ws.correction(id)?, today)
}

/// Every request, oldest first.
pub fn list(ws: &Workspace, today: NaiveDate) -> Result<Vec<Correction>> {
    let cal = calendars(ws)?;
    ws.corrections()?.into_iter().map(|c| correction(ws, &cal, c, today)).collect()
}

fn correction(ws: &Workspace, cal: &Calendars, c: StoredCorrection, today: NaiveDate) -> Result<Correction> {
    let date = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| Error::Corrupt { path: ws.path().into(), detail: format!("correction {}: {s}", c.id) })
    };
    let received = date(&c.received)?;
    let due = cal.due(received, DAYS);
    let answer = match &c.answer {
        Some((text, on, sets)) => Some(Answer { text: text.clone(), on: date(on)?, change_sets: sets.clone() }),
        None => None,
    };
    Ok(Correction {
        id: c.id,
        from: c.from,
        resource: c.label,
        resource_id: c.resource_id,
        field: c.field,
        text: c.text,
        received,
        source: c.source,
        days: DAYS,
        due,
        status: answer.is_none().then(|| cal.standing(today, due.date)),
        answer,
        recorded_at: c.recorded_at,
    })
}
