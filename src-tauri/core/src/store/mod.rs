//! The workspace: one SQLite file holding one agency's catalog.
//!
//! Opening never modifies a file that is not a healthy Mulu workspace ([`guard`]); migrations
//! run in one transaction after a backup ([`migrate`], [`backup`]); every mutation is one
//! transaction recorded in the change log ([`changelog`]).

mod backup;
mod bulk;
pub mod bureau;
mod calendars;
pub mod changelog;
mod corrections;
pub(crate) mod doc;
mod events;
mod grades;
pub(crate) mod guard;
mod maintenance;
mod migrate;
mod operator;
pub mod packages;
pub mod receipts;
pub(crate) mod resources;
mod search;
mod secrecy;
pub mod summary;
pub mod trust;
mod undo;
mod versions;
pub(crate) mod write;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension};

pub use backup::{backup_dir, list_backups, KEEP_BACKUPS};
pub use bulk::BULK_ACTION;
pub use changelog::Change;
pub use corrections::StoredCorrection;
pub use events::{StoredEvent, StoredMet};
pub use grades::CONFIRM_ACTION as GRADE_CONFIRM_ACTION;
pub use maintenance::{StoredCampaign, StoredConfirmation};
pub use migrate::SCHEMA_VERSION as STORE_VERSION;
pub use resources::StoredResource;
pub use undo::{UndoNext, Undone};
pub use versions::{StoredVersion, VersionExtra};

use crate::error::{Error, Result};
use crate::model::{Agency, Catalog, InfoSystem};

/// `PRAGMA application_id`: "MULU". Tells our files from any other SQLite database.
pub const APPLICATION_ID: i32 = 0x4D55_4C55;

/// The extension of workspace files.
pub const EXTENSION: &str = "mulu";

pub struct Workspace {
    conn: Connection,
    path: PathBuf,
}

/// Where the workspace lives when none is named: the user's data directory.
pub fn default_path() -> PathBuf {
    directories::ProjectDirs::from("cn.gov", "Mulu", "mulu")
        .map(|d| d.data_dir().join("workspace.mulu"))
        .unwrap_or_else(|| PathBuf::from("workspace.mulu"))
}

impl Error {
    /// This error from an operation on the workspace at `path`: a database failure is told
    /// apart (full disk, read-only, locked, damaged) and named with the file. Here, not in
    /// `error.rs`, so that the error module depends on no store.
    pub fn in_workspace(self, path: &Path) -> Self {
        match self {
            Error::Sqlite(e) => classify(path, e),
            other => other,
        }
    }
}

/// What an SQLite failure on the workspace at `path` means for the person. Only SQLite's own
/// verdict on the file's contents is "damaged": a full disk, a read-only place, another program's
/// lock or a failing device each get their own advice, and the file was not changed.
pub fn classify(path: &Path, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode::*;
    match e.sqlite_error_code() {
        Some(NotADatabase) => Error::NotAWorkspace { path: path.into(), reason: "not-sqlite" },
        Some(DatabaseCorrupt) => Error::Corrupt { path: path.into(), detail: e.to_string() },
        Some(DiskFull) => Error::DiskFull { path: path.into() },
        Some(ReadOnly) | Some(CannotOpen) | Some(PermissionDenied) => Error::ReadOnly { path: path.into() },
        Some(DatabaseBusy) | Some(DatabaseLocked) => Error::Busy { path: path.into() },
        // SQLite reports a failed write (as when the -wal or -shm file cannot grow) as an I/O
        // error: a write beside the file tells a full disk and a read-only place apart.
        Some(SystemIoFailure) => match crate::fsutil::probe_write(path) {
            Err(probe) if probe.kind() == std::io::ErrorKind::StorageFull => Error::DiskFull { path: path.into() },
            Err(_) => Error::ReadOnly { path: path.into() },
            Ok(()) => Error::io(path, std::io::Error::other(e.to_string())),
        },
        _ => Error::Sqlite(e),
    }
}

impl Workspace {
    /// Creates a new, empty workspace. The file appears complete or not at all.
    pub fn create(path: &Path) -> Result<Self> {
        guard::check_new(path)?;
        let dir = guard::parent(path);
        let tmp = tempfile::Builder::new()
            .prefix(".mulu-new-")
            .suffix(".tmp")
            .tempfile_in(&dir)
            .map_err(|e| guard::write_error(path, e))?;
        {
            let conn = Connection::open(tmp.path()).map_err(|e| classify(path, e))?;
            conn.pragma_update(None, "application_id", APPLICATION_ID)?;
            migrate::apply(&conn, 0, migrate::MIGRATIONS)?;
            conn.execute("INSERT INTO meta(key, value) VALUES ('created_at', ?1)", [changelog::now()])?;
            conn.pragma_update(None, "journal_mode", "WAL")?;
            conn.close().map_err(|(_, e)| Error::Sqlite(e))?;
        }
        tmp.persist_noclobber(path).map_err(|e| {
            if e.error.kind() == std::io::ErrorKind::AlreadyExists {
                Error::AlreadyExists { path: path.into() }
            } else {
                guard::write_error(path, e.error)
            }
        })?;
        Self::open(path)
    }

    /// Opens an existing workspace, migrating it if it is older than this program.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_known(path, migrate::MIGRATIONS)
    }

    /// [`Workspace::open`] by a program that knows `migrations` (a test stands in for an older
    /// Mulu with a prefix of the list).
    fn open_known(path: &Path, migrations: &[migrate::Migration]) -> Result<Self> {
        let known = migrations.len() as i64;
        let header = guard::check_existing(path, known)?;
        let conn =
            Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)
                .map_err(|e| classify(path, e))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        guard::quick_check(&conn, path)?;
        let app_id: i32 =
            conn.pragma_query_value(None, "application_id", |r| r.get(0)).map_err(|e| classify(path, e))?;
        if app_id != APPLICATION_ID {
            return Err(Error::NotAWorkspace { path: path.into(), reason: "other-application" });
        }
        // `user_version` is the compatibility version: above what we know, a migration we do not
        // know changed what we would read.
        let compat: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
        debug_assert_eq!(compat, header.user_version);
        if compat > known {
            return Err(Error::NewerSchema { path: path.into(), found: compat, supported: known });
        }
        conn.pragma_update(None, "journal_mode", "WAL").map_err(|e| classify(path, e))?;
        conn.pragma_update(None, "foreign_keys", true)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        let applied = migrate::applied(&conn, compat)?;
        if applied < known {
            backup::create(&conn, path, &format!("before-migration-v{applied}"))?;
            migrate::apply(&conn, applied, migrations)?;
        } else {
            backup::daily(&conn, path)?;
        }
        Ok(Workspace { conn, path: path.to_path_buf() })
    }

    /// Opens the workspace, creating it when the file does not exist yet.
    pub fn open_or_create(path: &Path) -> Result<Self> {
        if path.exists() {
            Self::open(path)
        } else {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                std::fs::create_dir_all(dir).map_err(|e| guard::write_error(path, e))?;
            }
            Self::create(path)
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The underlying connection, for read-only queries by other core modules.
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn agency(&self) -> Result<Agency> {
        let doc: Option<String> =
            self.conn.query_row("SELECT doc FROM agency WHERE id = 1", [], |r| r.get(0)).optional()?;
        Ok(match doc {
            Some(d) => serde_json::from_str(&d)?,
            None => Agency::default(),
        })
    }

    /// Whether an agency profile was ever saved.
    pub fn has_agency(&self) -> Result<bool> {
        Ok(self.conn.query_row("SELECT count(*) FROM agency", [], |r| r.get::<_, i64>(0))? > 0)
    }

    /// Replaces the agency profile whole (a profile read from a file). A change of some fields
    /// goes through [`Workspace::edit_agency`], which reads the profile inside the write.
    pub fn set_agency(&mut self, agency: &Agency) -> Result<()> {
        self.edit_agency(|a| {
            *a = agency.clone();
            Ok(())
        })
        .map(|_| ())
    }

    pub fn systems(&self) -> Result<Vec<InfoSystem>> {
        let mut st = self.conn.prepare("SELECT doc FROM info_system ORDER BY id")?;
        let rows = st.query_map([], |r| r.get::<_, String>(0))?;
        rows.map(|d| Ok(serde_json::from_str(&d?)?)).collect()
    }

    /// Adds or replaces (by name) an information system.
    pub fn put_system(&mut self, system: &InfoSystem) -> Result<()> {
        self.write(|tx| {
            let old: Option<(i64, String)> = tx
                .query_row("SELECT id, doc FROM info_system WHERE name = ?1", [&system.name], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })
                .optional()?;
            let set = changelog::begin(tx, "system.put")?;
            let new = serde_json::to_value(system)?;
            match old {
                Some((id, doc)) => {
                    changelog::record_diff(tx, set, "system", Some(id), &serde_json::from_str(&doc)?, &new)?;
                    tx.execute(
                        "UPDATE info_system SET doc = ?1 WHERE id = ?2",
                        rusqlite::params![new.to_string(), id],
                    )?;
                }
                None => {
                    tx.execute("INSERT INTO info_system(doc) VALUES (?1)", [new.to_string()])?;
                    changelog::record_whole(tx, set, "system", tx.last_insert_rowid(), None, Some(&new))?;
                }
            }
            Ok(())
        })
    }

    pub fn remove_system(&mut self, name: &str) -> Result<()> {
        self.write(|tx| {
            let old: Option<(i64, String)> = tx
                .query_row("SELECT id, doc FROM info_system WHERE name = ?1", [name], |r| Ok((r.get(0)?, r.get(1)?)))
                .optional()?;
            let Some((id, doc)) = old else { return Err(Error::SystemNotFound { name: name.into() }) };
            let set = changelog::begin(tx, "system.remove")?;
            changelog::record_whole(tx, set, "system", id, Some(&serde_json::from_str(&doc)?), None)?;
            tx.execute("DELETE FROM info_system WHERE id = ?1", [id])?;
            Ok(())
        })
    }

    /// The whole catalog, in the shape of `mulu show --json`.
    pub fn catalog(&self) -> Result<Catalog> {
        Ok(self.catalog_with_ids()?.1)
    }

    /// The catalog and, in the same order, each resource's row id (for the app and `#N`).
    pub fn catalog_with_ids(&self) -> Result<(Vec<i64>, Catalog)> {
        let stored = self.resources()?;
        let ids = stored.iter().map(|s| s.id).collect();
        let catalog = Catalog {
            agency: self.agency()?,
            systems: self.systems()?,
            resources: stored.into_iter().map(|s| s.resource).collect(),
            ..Catalog::default()
        };
        Ok((ids, catalog))
    }
}

#[cfg(test)]
mod tests;
