//! Correction requests (校核, G Art. 16) from data users — typed in, or a bureau's review
//! comment carried over from a receipt — open until answered with the changes made.

use rusqlite::{params, OptionalExtension, Row};

use super::events::LIVE;
use super::{changelog, Workspace};
use crate::error::{Error, Result};

/// A correction request as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCorrection {
    pub id: i64,
    pub from: String,
    pub resource_id: i64,
    pub label: String,
    pub field: Option<String>,
    pub text: String,
    pub received: String,
    pub source: Option<String>,
    pub recorded_at: String,
    /// The answer, its date and the change sets linked to it.
    pub answer: Option<(String, String, Vec<i64>)>,
}

impl Workspace {
    /// Records a correction request; returns its number.
    pub(crate) fn add_correction(&mut self, c: &StoredCorrection) -> Result<i64> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO correction(from_name, resource_id, label, field, text, received, source, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![c.from, c.resource_id, c.label, c.field, c.text, c.received, c.source, changelog::now()],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Every correction request, oldest first.
    pub fn corrections(&self) -> Result<Vec<StoredCorrection>> {
        let mut st = self.conn().prepare(&format!("{SELECT_CORRECTION} ORDER BY id"))?;
        let rows = st.query_map([], correction)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    pub fn correction(&self, id: i64) -> Result<StoredCorrection> {
        self.conn()
            .query_row(&format!("{SELECT_CORRECTION} WHERE id = ?1"), [id], correction)
            .optional()?
            .ok_or(Error::CorrectionNotFound { id })
    }

    /// Closes the request `id` with `answer` given on `on`, linking the changes made to its
    /// resource since it was received. Refused when it is unknown or already answered.
    pub(crate) fn answer_correction(&mut self, id: i64, answer: &str, on: &str) -> Result<()> {
        self.write(|tx| {
            let row: Option<(i64, String, Option<String>)> = tx
                .query_row("SELECT resource_id, received, answer FROM correction WHERE id = ?1", [id], |r| {
                    Ok((r.get(0)?, r.get(1)?, r.get(2)?))
                })
                .optional()?;
            let Some((rid, received, None)) = row else {
                return Err(if row.is_some() {
                    Error::CorrectionAnswered { id }
                } else {
                    Error::CorrectionNotFound { id }
                });
            };
            // `at` is an RFC 3339 local time: its date part compares with the received date.
            let mut st = tx.prepare(&format!(
                "SELECT DISTINCT s.id FROM change c JOIN change_set s ON s.id = c.set_id
                 WHERE c.entity = 'resource' AND c.entity_id = ?1 AND substr(s.at, 1, 10) >= ?2 AND {LIVE}
                 ORDER BY s.id"
            ))?;
            let sets: Vec<i64> =
                st.query_map(params![rid, received], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            tx.execute(
                "UPDATE correction SET answer = ?1, answered_on = ?2, change_sets = ?3 WHERE id = ?4",
                params![answer, on, serde_json::to_string(&sets)?, id],
            )?;
            Ok(())
        })
    }
}

const SELECT_CORRECTION: &str = "SELECT id, from_name, resource_id, label, field, text, received, source,
                                        recorded_at, answer, answered_on, change_sets FROM correction";

fn correction(r: &Row) -> rusqlite::Result<StoredCorrection> {
    let answer: Option<String> = r.get(9)?;
    let on: Option<String> = r.get(10)?;
    let sets: Option<String> = r.get(11)?;
    let sets: Vec<i64> = sets.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default();
    Ok(StoredCorrection {
        id: r.get(0)?,
        from: r.get(1)?,
        resource_id: r.get(2)?,
        label: r.get(3)?,
        field: r.get(4)?,
        text: r.get(5)?,
        received: r.get(6)?,
        source: r.get(7)?,
        recorded_at: r.get(8)?,
        answer: answer.map(|a| (a, on.unwrap_or_default(), sets)),
    })
}
