//! The annual full maintenance (年度全面维护, G Art. 15) in the store: a campaign per year, the
//! resources confirmed unchanged in it, and the resources changed since it started (read from
//! the change log). Confirmations are not changes of the catalog: they stay out of undo.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension};

use super::events::LIVE;
use super::{changelog, Workspace};
use crate::error::Result;

/// A campaign as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCampaign {
    pub year: i32,
    pub started_at: String,
    pub started_by: Option<String>,
    /// The newest change set when it started (after the period was advanced).
    pub mark: i64,
    /// The newest package when it started.
    pub package_seq: i64,
}

/// A resource confirmed unchanged: (row id, code and name as confirmed, operator, when).
pub type StoredConfirmation = (i64, String, String, String);

impl Workspace {
    /// Starts the campaign of `year`: advances the agency's period (目录期次) to it — one change
    /// of the profile, undoable — and records the campaign after that change. A campaign already
    /// started is left as it is; returns it and whether this call started it.
    pub fn start_campaign(&mut self, year: i32, by: Option<&str>) -> Result<(StoredCampaign, bool)> {
        let started = self.write(|tx| {
            let exists: bool =
                tx.query_row("SELECT count(*) > 0 FROM maintenance WHERE year = ?1", [year], |r| r.get(0))?;
            if exists {
                return Ok(false);
            }
            let (old, _) = super::write::read_agency(tx)?;
            let period = year.to_string();
            if old.period.as_deref() != Some(period.as_str()) {
                let mut new = old.clone();
                new.period = Some(period);
                super::write::save_agency(tx, &old, &new)?;
            }
            let mark = super::write::change_mark(tx)?;
            let seq: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM package_record", [], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO maintenance(year, started_at, started_by, mark, package_seq) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![year, changelog::now(), by, mark, seq],
            )?;
            Ok(true)
        })?;
        let campaign = self.campaign(Some(year))?.expect("recorded or found above");
        Ok((campaign, started))
    }

    /// The campaign of `year`, or the latest one.
    pub fn campaign(&self, year: Option<i32>) -> Result<Option<StoredCampaign>> {
        let sql = "SELECT year, started_at, started_by, mark, package_seq FROM maintenance
                   WHERE ?1 IS NULL OR year = ?1 ORDER BY year DESC LIMIT 1";
        Ok(self
            .conn()
            .query_row(sql, [year], |r| {
                Ok(StoredCampaign {
                    year: r.get(0)?,
                    started_at: r.get(1)?,
                    started_by: r.get(2)?,
                    mark: r.get(3)?,
                    package_seq: r.get(4)?,
                })
            })
            .optional()?)
    }

    /// Confirms resources unchanged in the campaign of `year`, by `operator`, now. A resource
    /// confirmed before keeps its first confirmation. Returns how many were newly confirmed.
    pub fn confirm_unchanged(&mut self, year: i32, resources: &[(i64, String)], operator: &str) -> Result<usize> {
        self.write(|tx| {
            let at = changelog::now();
            let mut st = tx.prepare_cached(
                "INSERT OR IGNORE INTO maintenance_confirm(year, resource_id, label, operator, at)
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )?;
            let mut n = 0;
            for (id, label) in resources {
                n += st.execute(params![year, id, label, operator, at])?;
            }
            Ok(n)
        })
    }

    /// The confirmations of the campaign of `year`, in the order made.
    pub fn confirmations(&self, year: i32) -> Result<Vec<StoredConfirmation>> {
        let mut st = self.conn().prepare(
            "SELECT resource_id, label, operator, at FROM maintenance_confirm WHERE year = ?1 ORDER BY at, rowid",
        )?;
        let rows = st.query_map([year], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The resources changed (edited or added) after change set `mark` by a change still
    /// standing, each with the time of its first such change. The secrecy review alone is no
    /// update: it is stamped again each time it is recorded, and reviews secrecy, not the entry.
    pub fn changed_since(&self, mark: i64) -> Result<HashMap<i64, String>> {
        let mut st = self.conn().prepare(&format!(
            "SELECT c.entity_id, min(s.at) FROM change c JOIN change_set s ON s.id = c.set_id
             WHERE c.entity = 'resource' AND c.entity_id IS NOT NULL AND s.id > ?1 AND {LIVE}
               AND substr(c.path, 1, 14) <> 'secrecy_review'
             GROUP BY c.entity_id"
        ))?;
        let rows = st.query_map([mark], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
