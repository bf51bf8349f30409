//! Automatic backups with SQLite's online backup API: before any migration and once a day on
//! open, into `<name>.mulu-backups/` beside the workspace; the newest [`KEEP_BACKUPS`] are kept.

use std::path::{Path, PathBuf};

use rusqlite::{Connection, MAIN_DB};

use crate::error::{Error, Result};

pub const KEEP_BACKUPS: usize = 10;

pub fn backup_dir(workspace: &Path) -> PathBuf {
    let name = workspace.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    super::guard::parent(workspace).join(format!("{name}-backups"))
}

/// Backups of `workspace`, oldest first (names sort by time).
pub fn list_backups(workspace: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(backup_dir(workspace))
        .map(|rd| {
            rd.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "mulu")).collect()
        })
        .unwrap_or_default();
    v.sort();
    v
}

/// Takes a backup now, labelled with `reason`, then prunes old ones.
pub fn create(conn: &Connection, workspace: &Path, reason: &str) -> Result<PathBuf> {
    let dir = backup_dir(workspace);
    std::fs::create_dir_all(&dir).map_err(|e| super::guard::write_error(&dir, e))?;
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S%.3f");
    let target = dir.join(format!("{stamp}-{reason}.mulu"));
    let tmp = dir.join(format!(".{stamp}-{reason}.tmp"));
    conn.backup(MAIN_DB, &tmp, None)?;
    std::fs::rename(&tmp, &target).map_err(|e| Error::io(&target, e))?;
    let all = list_backups(workspace);
    if all.len() > KEEP_BACKUPS {
        for old in &all[..all.len() - KEEP_BACKUPS] {
            let _ = std::fs::remove_file(old);
        }
    }
    Ok(target)
}

/// Takes today's backup unless one exists.
pub fn daily(conn: &Connection, workspace: &Path) -> Result<()> {
    let today = chrono::Local::now().format("%Y%m%d").to_string();
    let has_today =
        list_backups(workspace).iter().any(|p| p.file_name().is_some_and(|n| n.to_string_lossy().starts_with(&today)));
    if !has_today {
        create(conn, workspace, "daily")?;
    }
    Ok(())
}
