//! The working-day calendars (工作日历): the ones Mulu ships and those a bureau imports for a
//! new year (G Art. 15, 16 count deadlines in working days; domain.md §9).

use std::path::Path;

use crate::calendar::{self, CalendarInfo, Calendars};
use crate::error::{Error, Result};
use crate::store::Workspace;

/// The shipped calendars with this workspace's imports over them.
pub fn calendars(ws: &Workspace) -> Result<Calendars> {
    let mut all = Calendars::builtin();
    for (year, text) in ws.imported_calendars()? {
        // Checked when imported; a file edited by hand since is named by its year.
        let name = format!("{}#calendar-{year}", ws.path().display());
        all.insert_imported(calendar::parse(&text, Path::new(&name))?);
    }
    Ok(all)
}

/// Reads and checks the calendar `file` and keeps it in the workspace, replacing the calendar
/// of its year (shipped or imported before). Nothing is kept when the file has a problem.
pub fn import(ws: &mut Workspace, file: &Path) -> Result<CalendarInfo> {
    let text = std::fs::read_to_string(file).map_err(|e| Error::io(file, e))?;
    let year = calendar::parse(&text, file)?;
    ws.put_calendar(year.year, &year.source, &text)?;
    Ok(year.info(true))
}

/// The known calendars, by year.
pub fn list(ws: &Workspace) -> Result<Vec<CalendarInfo>> {
    Ok(calendars(ws)?.list())
}
