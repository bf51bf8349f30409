//! Atomic file writes: write a temporary file beside the target, flush it to disk, rename it
//! over the target. A failure or a killed process never leaves half a file.

use std::path::Path;

use crate::error::{Error, Result};

/// Runs `write` on a temporary path in the target's folder, then renames it to `target`.
pub fn atomic_write<T>(target: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".mulu-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(target, e))?;
    let written = write(tmp.path()).and_then(|value| {
        std::fs::File::open(tmp.path()).and_then(|f| f.sync_all()).map_err(|e| Error::io(target, e))?;
        tmp.persist(target).map_err(|e| Error::io(target, e.error))?;
        Ok(value)
    });
    written.map_err(|e| disk_full_or(e, target))
}

/// A writer's failure (a spreadsheet or zip library's, which may not say why) is reported as a
/// full disk when the target's folder takes no more bytes: the person needs that advice, not
/// the library's.
fn disk_full_or(e: Error, target: &Path) -> Error {
    let write_failure = matches!(e, Error::SheetWrite { .. } | Error::PackageWrite { .. } | Error::Io { .. });
    if write_failure
        && crate::store::guard::probe_write(target).is_err_and(|p| p.kind() == std::io::ErrorKind::StorageFull)
    {
        return Error::DiskFull { path: target.to_path_buf() };
    }
    e
}
