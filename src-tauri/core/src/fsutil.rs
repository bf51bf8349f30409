//! Atomic file writes: write a temporary file beside the target, flush it to disk, rename it
//! over the target. A failure or a killed process never leaves half a file.

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};

/// A file written in full and flushed to disk beside its target, not yet in place: what a
/// package is between being written and being published, so the workspace can record it first.
/// Dropped without [`Staged::publish`], it is removed.
pub struct Staged {
    tmp: tempfile::NamedTempFile,
    target: PathBuf,
}

impl Staged {
    /// Renames the file over its target.
    pub fn publish(self) -> Result<()> {
        let target = self.target;
        self.tmp.persist(&target).map_err(|e| Error::io(&target, e.error))?;
        Ok(())
    }
}

/// Writes and removes a small file beside `path`: whether the folder takes a write now (a full
/// disk answers `StorageFull`). Never touches the file itself
/// (here, not in the store, so that writing a file depends on no workspace).
pub(crate) fn probe_write(path: &Path) -> std::io::Result<()> {
    use std::io::Write as _;
    let folder = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut f = tempfile::Builder::new().prefix(".mulu-probe-").tempfile_in(folder)?;
    f.write_all(&[0u8; 64 * 1024])?;
    f.as_file().sync_all()
}

/// Runs `write` on a temporary path in the target's folder and flushes it to disk.
pub fn stage<T>(target: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<(Staged, T)> {
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let tmp = tempfile::Builder::new()
        .prefix(".mulu-")
        .suffix(".part")
        .tempfile_in(&dir)
        .map_err(|e| Error::io(target, e))?;
    let value = write(tmp.path())
        .and_then(|value| {
            std::fs::File::open(tmp.path()).and_then(|f| f.sync_all()).map_err(|e| Error::io(target, e))?;
            Ok(value)
        })
        .map_err(|e| disk_full_or(e, target))?;
    Ok((Staged { tmp, target: target.to_path_buf() }, value))
}

/// A writer's failure (a spreadsheet or zip library's, which may not say why) is reported as a
/// full disk when the target's folder takes no more bytes: the person needs that advice, not
/// the library's.
fn disk_full_or(e: Error, target: &Path) -> Error {
    let write_failure = matches!(e, Error::SheetWrite { .. } | Error::PackageWrite { .. } | Error::Io { .. });
    if write_failure && probe_write(target).is_err_and(|p| p.kind() == std::io::ErrorKind::StorageFull) {
        return Error::DiskFull { path: target.to_path_buf() };
    }
    e
}

/// Runs `write` on a temporary path in the target's folder, then renames it to `target`.
pub fn atomic_write<T>(target: &Path, write: impl FnOnce(&Path) -> Result<T>) -> Result<T> {
    let (staged, value) = stage(target, write)?;
    staged.publish()?;
    Ok(value)
}
