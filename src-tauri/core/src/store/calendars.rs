//! The working-day calendars a bureau imported into the workspace (issue 14), kept as their
//! files' text and checked again when read. Not a change of the catalog: not in the change log.

use rusqlite::params;

use super::{changelog, Workspace};
use crate::error::Result;

impl Workspace {
    /// The calendars imported into this workspace: (year, file text).
    pub fn imported_calendars(&self) -> Result<Vec<(i32, String)>> {
        let mut st = self.conn().prepare("SELECT year, text FROM calendar ORDER BY year")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Keeps a checked calendar's text for its year, replacing an earlier import.
    pub(crate) fn put_calendar(&mut self, year: i32, source: &str, text: &str) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO calendar(year, source, text, imported_at) VALUES (?1, ?2, ?3, ?4)
                 ON CONFLICT(year) DO UPDATE SET source = excluded.source, text = excluded.text,
                                                 imported_at = excluded.imported_at",
                params![year, source, text, changelog::now()],
            )?;
            Ok(())
        })
    }
}
