//! Read-modify-write for everything that changes the workspace. The app and the CLI (or two
//! windows) can hold one workspace open at once, so a record read before the write lock is taken
//! may be stale by the time it is written back. Every mutation therefore opens one
//! `BEGIN IMMEDIATE` transaction — the write lock first, waiting up to the busy timeout — reads
//! the records inside it, changes them, and commits; a writer that cannot get the lock in time
//! gets [`Error::Busy`], never a silent loss. Callers hand in *how* to change a record (a
//! closure), never a whole record they read earlier.

use rusqlite::{params, Connection, OptionalExtension, Transaction, TransactionBehavior};

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::model::{Agency, Resource};

const UPDATE: &str = "UPDATE resource SET code = ?1, name = ?2, doc = ?3, updated_at = ?4 WHERE id = ?5";

/// A lock that stayed taken past the busy timeout is the workspace being busy, not a failure.
pub(crate) fn busy(path: &std::path::Path, e: Error) -> Error {
    match &e {
        Error::Sqlite(s)
            if matches!(
                s.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseBusy) | Some(rusqlite::ErrorCode::DatabaseLocked)
            ) =>
        {
            Error::Busy { path: path.into() }
        }
        _ => e,
    }
}

/// One resource as stored now (inside the caller's transaction).
pub(crate) fn read_resource(conn: &Connection, id: i64) -> Result<Resource> {
    let doc: Option<String> =
        conn.prepare_cached("SELECT doc FROM resource WHERE id = ?1")?.query_row([id], |r| r.get(0)).optional()?;
    match doc {
        Some(d) => Ok(serde_json::from_str(&d)?),
        None => Err(Error::ResourceNotFound { selector: format!("#{id}") }),
    }
}

/// Saves `new` as the agency profile, as one change set (`agency.set`) recording what differs
/// from `old`, inside the caller's transaction.
pub(super) fn save_agency(tx: &Transaction, old: &Agency, new: &Agency) -> Result<()> {
    let set = changelog::begin(tx, "agency.set")?;
    changelog::record_diff(tx, set, "agency", None, &serde_json::to_value(old)?, &serde_json::to_value(new)?)?;
    tx.execute(
        "INSERT INTO agency(id, doc) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc",
        [serde_json::to_string(new)?],
    )?;
    Ok(())
}

/// The agency profile as stored now, and whether one was ever saved.
pub(crate) fn read_agency(conn: &Connection) -> Result<(Agency, bool)> {
    let doc: Option<String> = conn.query_row("SELECT doc FROM agency WHERE id = 1", [], |r| r.get(0)).optional()?;
    Ok(match doc {
        Some(d) => (serde_json::from_str(&d)?, true),
        None => (Agency::default(), false),
    })
}

/// The newest change set's id: it moves with every change of resources, agency or systems, so a
/// plan made against the records at one mark is still valid while the mark has not moved.
pub(crate) fn change_mark(conn: &Connection) -> Result<i64> {
    Ok(conn.query_row("SELECT coalesce(max(id), 0) FROM change_set", [], |r| r.get(0))?)
}

/// Writes a resource changed from `old` (the version read inside this transaction), with its
/// change-log rows and search entry. Any change other than the secrecy review itself clears the
/// review (G Art. 24: the review covers what was reviewed). Returns whether anything changed.
pub(crate) fn write_changed(
    tx: &Connection,
    set: i64,
    id: i64,
    old: &Resource,
    mut new: Resource,
    at: &str,
) -> Result<bool> {
    if *old == new {
        return Ok(false);
    }
    let touched_other = {
        let mut a = old.clone();
        let mut b = new.clone();
        a.secrecy_review = None;
        b.secrecy_review = None;
        a != b
    };
    if touched_other {
        new.secrecy_review = None;
    }
    new.derive_classification();
    changelog::record_diff(tx, set, "resource", Some(id), &serde_json::to_value(old)?, &serde_json::to_value(&new)?)?;
    tx.prepare_cached(UPDATE)?.execute(params![new.code, new.name, super::doc::encode(&new)?, at, id])?;
    super::search::index(tx, id, &new)?;
    Ok(true)
}

impl Workspace {
    /// The change mark now (see [`change_mark`]).
    pub(crate) fn change_mark(&self) -> Result<i64> {
        change_mark(self.conn())
    }

    /// Runs `f` in one `BEGIN IMMEDIATE` transaction and commits it: all of it or none of it.
    /// A lock held by another program past the busy timeout is [`Error::Busy`].
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let path = &self.path;
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|e| busy(path, Error::Sqlite(e)))?;
        let value = f(&tx).map_err(|e| busy(path, e))?;
        tx.commit().map_err(|e| busy(path, Error::Sqlite(e)))?;
        Ok(value)
    }

    /// Changes the resources `ids` with `edit`, each as stored at the moment of writing, in one
    /// transaction and one change set named `action` (`resource.edit`, `resource.bulk`,
    /// `resource.grade`, …), so one undo reverts them together. Each id is edited once however
    /// often it is named; unchanged ones are skipped. Fails whole — nothing saved — when any id
    /// is unknown or `edit` refuses any of them. Returns how many changed.
    pub fn edit_resources(
        &mut self,
        action: &str,
        ids: &[i64],
        mut edit: impl FnMut(i64, &mut Resource) -> Result<()>,
    ) -> Result<usize> {
        self.write(|tx| {
            let mut seen = std::collections::HashSet::with_capacity(ids.len());
            let at = changelog::now();
            let mut set = None;
            let mut changed = 0;
            for &id in ids.iter().filter(|id| seen.insert(**id)) {
                let old = read_resource(tx, id)?;
                let mut new = old.clone();
                edit(id, &mut new)?;
                if new == old {
                    continue;
                }
                // The change set is opened at the first change: a no-op leaves no empty set.
                let set = match set {
                    Some(s) => s,
                    None => *set.insert(changelog::begin(tx, action)?),
                };
                if write_changed(tx, set, id, &old, new, &at)? {
                    changed += 1;
                }
            }
            Ok(changed)
        })
    }

    /// Changes one resource with `edit` (see [`Workspace::edit_resources`]); returns whether it
    /// changed.
    pub fn edit_resource(&mut self, id: i64, edit: impl FnOnce(&mut Resource) -> Result<()>) -> Result<bool> {
        let mut edit = Some(edit);
        let n = self.edit_resources("resource.edit", &[id], |_, r| match edit.take() {
            Some(f) => f(r),
            None => Ok(()),
        })?;
        Ok(n > 0)
    }

    /// Changes the agency profile with `edit`, as stored at the moment of writing. Saves when it
    /// changed, or when no profile was ever saved (so `init` records one); returns whether it did.
    pub fn edit_agency(&mut self, edit: impl FnOnce(&mut Agency) -> Result<()>) -> Result<bool> {
        self.write(|tx| {
            let (old, existed) = read_agency(tx)?;
            let mut new = old.clone();
            edit(&mut new)?;
            if existed && new == old {
                return Ok(false);
            }
            save_agency(tx, &old, &new)?;
            Ok(true)
        })
    }
}
