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
    let value = write(tmp.path())?;
    std::fs::File::open(tmp.path()).and_then(|f| f.sync_all()).map_err(|e| Error::io(target, e))?;
    tmp.persist(target).map_err(|e| Error::io(target, e.error))?;
    Ok(value)
}
