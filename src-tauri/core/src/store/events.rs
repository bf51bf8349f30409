//! Change events (issue 14, G Art. 15): a change in law, in the agency's functions or in the
//! data that obliges an update within a number of working days. An event is not a change of the
//! catalog (it stays out of the change log and undo); it is met by catalog changes read from
//! that log.

use rusqlite::{params, OptionalExtension};

use super::{changelog, Workspace};
use crate::error::Result;

/// A change event as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredEvent {
    pub id: i64,
    pub kind: String,
    pub date: String,
    pub note: Option<String>,
    pub needs_package: bool,
    /// The newest change set and package when it was recorded.
    pub mark: i64,
    pub package_seq: i64,
    pub recorded_at: String,
    /// The resources it affects: (row id, code and name as named then).
    pub resources: Vec<(i64, String)>,
}

/// How an event was met: the change set completing the update and, where asked, the package.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMet {
    pub set_id: i64,
    pub at: String,
    pub package_id: Option<String>,
}

/// Change sets that count as changes: not undone, and not an undo (which only takes one back).
pub(crate) const LIVE: &str = "s.undone_by IS NULL AND s.action NOT LIKE 'undo%'";

impl Workspace {
    /// Records an event against the catalog as it stands (its change mark and last package).
    pub(crate) fn add_event(
        &mut self,
        kind: &str,
        date: &str,
        note: Option<&str>,
        needs_package: bool,
        resources: &[(i64, String)],
    ) -> Result<i64> {
        self.write(|tx| {
            let mark = super::write::change_mark(tx)?;
            let seq: i64 = tx.query_row("SELECT coalesce(max(seq), 0) FROM package_record", [], |r| r.get(0))?;
            tx.execute(
                "INSERT INTO change_event(kind, date, note, needs_package, mark, package_seq, recorded_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![kind, date, note, needs_package, mark, seq, changelog::now()],
            )?;
            let id = tx.last_insert_rowid();
            for (rid, label) in resources {
                tx.execute(
                    "INSERT OR IGNORE INTO change_event_resource(event_id, resource_id, label) VALUES (?1, ?2, ?3)",
                    params![id, rid, label],
                )?;
            }
            Ok(id)
        })
    }

    /// Every event, oldest first.
    pub fn events(&self) -> Result<Vec<StoredEvent>> {
        let mut st = self.conn().prepare(
            "SELECT id, kind, date, note, needs_package, mark, package_seq, recorded_at FROM change_event ORDER BY id",
        )?;
        let rows = st.query_map([], |r| {
            Ok(StoredEvent {
                id: r.get(0)?,
                kind: r.get(1)?,
                date: r.get(2)?,
                note: r.get(3)?,
                needs_package: r.get(4)?,
                mark: r.get(5)?,
                package_seq: r.get(6)?,
                recorded_at: r.get(7)?,
                resources: vec![],
            })
        })?;
        let mut events: Vec<StoredEvent> = rows.collect::<rusqlite::Result<_>>()?;
        let mut st = self
            .conn()
            .prepare("SELECT resource_id, label FROM change_event_resource WHERE event_id = ?1 ORDER BY rowid")?;
        for e in &mut events {
            e.resources = st.query_map([e.id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
        }
        Ok(events)
    }

    /// Whether `e` is met: every resource it names (or, naming none, the catalog) changed after
    /// it was recorded, and — when it asks for one — a package made after that change.
    pub fn event_met(&self, e: &StoredEvent) -> Result<Option<StoredMet>> {
        let first_after = |resource: Option<i64>| -> Result<Option<i64>> {
            let id: Option<i64> = match resource {
                Some(rid) => self.conn().query_row(
                    &format!(
                        "SELECT min(s.id) FROM change c JOIN change_set s ON s.id = c.set_id
                         WHERE c.entity = 'resource' AND c.entity_id = ?1 AND s.id > ?2 AND {LIVE}"
                    ),
                    params![rid, e.mark],
                    |r| r.get(0),
                )?,
                None => self.conn().query_row(
                    &format!("SELECT min(s.id) FROM change_set s WHERE s.id > ?1 AND {LIVE}"),
                    [e.mark],
                    |r| r.get(0),
                )?,
            };
            Ok(id)
        };
        // The update is complete at the latest of the resources' first changes.
        let mut set_id = 0;
        let targets: Vec<Option<i64>> =
            if e.resources.is_empty() { vec![None] } else { e.resources.iter().map(|(id, _)| Some(*id)).collect() };
        for t in targets {
            match first_after(t)? {
                Some(id) => set_id = set_id.max(id),
                None => return Ok(None),
            }
        }
        let at: String = self.conn().query_row("SELECT at FROM change_set WHERE id = ?1", [set_id], |r| r.get(0))?;
        let package_id = if e.needs_package {
            let made: Option<String> = self
                .conn()
                .query_row(
                    "SELECT package_id FROM package_record WHERE seq > ?1 AND created_at >= ?2 ORDER BY seq LIMIT 1",
                    params![e.package_seq, at],
                    |r| r.get(0),
                )
                .optional()?;
            match made {
                Some(p) => Some(p),
                None => return Ok(None),
            }
        } else {
            None
        };
        Ok(Some(StoredMet { set_id, at, package_id }))
    }
}
