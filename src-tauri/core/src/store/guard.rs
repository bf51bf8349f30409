//! Checks made before SQLite touches a file, so that a file that is not a healthy workspace
//! (random bytes, text, a truncated copy, a newer version, a read-only place) is refused with
//! a clear error and left exactly as it was.

use std::io::Read;
use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::error::{Error, Result};

const MAGIC: &[u8; 16] = b"SQLite format 3\0";

/// What the 100-byte SQLite header tells before opening.
#[derive(Debug)]
pub struct Header {
    pub user_version: i64,
}

pub fn parent(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Maps an I/O error while writing near `path` to the error the person should see.
pub fn write_error(path: &Path, e: std::io::Error) -> Error {
    match e.kind() {
        std::io::ErrorKind::PermissionDenied | std::io::ErrorKind::ReadOnlyFilesystem => {
            Error::ReadOnly { path: path.into() }
        }
        _ => Error::io(path, e),
    }
}

fn read_only(meta: &std::fs::Metadata) -> bool {
    // Mode bits, not access(2): the owner (even root) marking a file or folder read-only means
    // "do not write here", and that is what we honour.
    meta.permissions().readonly()
}

/// A new workspace may be created at `path`.
pub fn check_new(path: &Path) -> Result<()> {
    if path.exists() {
        return Err(Error::AlreadyExists { path: path.into() });
    }
    let dir = parent(path);
    match std::fs::metadata(&dir) {
        Ok(m) if read_only(&m) => Err(Error::ReadOnly { path: path.into() }),
        Ok(_) => Ok(()),
        Err(e) => Err(Error::io(&dir, e)),
    }
}

/// An existing file looks like a Mulu workspace this program may open and write.
pub fn check_existing(path: &Path, known: i64) -> Result<Header> {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return Err(Error::WorkspaceMissing { path: path.into() })
        }
        Err(e) => return Err(Error::io(path, e)),
    };
    if meta.is_dir() {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "directory" });
    }
    let len = meta.len();
    if len == 0 {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "empty" });
    }
    let mut head = [0u8; 100];
    let mut f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    let mut got = 0;
    while got < head.len() {
        match f.read(&mut head[got..]).map_err(|e| Error::io(path, e))? {
            0 => break,
            n => got += n,
        }
    }
    if got < MAGIC.len() || &head[..16] != MAGIC {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "not-sqlite" });
    }
    if got < 100 {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "truncated" });
    }
    let be32 = |o: usize| u32::from_be_bytes([head[o], head[o + 1], head[o + 2], head[o + 3]]);
    let page_size = match u16::from_be_bytes([head[16], head[17]]) {
        1 => 65_536u64,
        n if n >= 512 && n.is_power_of_two() => u64::from(n),
        _ => return Err(Error::NotAWorkspace { path: path.into(), reason: "not-sqlite" }),
    };
    // The in-header page count is valid when "version-valid-for" equals the change counter.
    // With a write-ahead log beside the file, a checkpoint interrupted by a crash can leave the
    // file shorter than its header says; SQLite completes it from the log, so only judge the
    // size when there is no log.
    let pages = u64::from(be32(28));
    let mut wal = path.as_os_str().to_owned();
    wal.push("-wal");
    let has_wal = std::fs::metadata(PathBuf::from(wal)).is_ok_and(|m| m.len() > 0);
    if !has_wal && be32(92) == be32(24) && pages > 0 && len < pages * page_size {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "truncated" });
    }
    if len % page_size != 0 {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "truncated" });
    }
    if be32(68) as i32 != super::APPLICATION_ID {
        return Err(Error::NotAWorkspace { path: path.into(), reason: "other-application" });
    }
    let user_version = i64::from(be32(60) as i32);
    // The compatibility version (see `migrate`) against the migrations this program knows.
    if user_version > known {
        return Err(Error::NewerSchema { path: path.into(), found: user_version, supported: known });
    }
    if read_only(&meta) || std::fs::metadata(parent(path)).map(|m| read_only(&m)).unwrap_or(false) {
        return Err(Error::ReadOnly { path: path.into() });
    }
    Ok(Header { user_version })
}

/// `PRAGMA quick_check`: structure and page integrity, in well under a second for a city catalog.
pub fn quick_check(conn: &Connection, path: &Path) -> Result<()> {
    let result: rusqlite::Result<String> = conn.query_row("PRAGMA quick_check(1)", [], |r| r.get(0));
    match result {
        Ok(s) if s == "ok" => Ok(()),
        Ok(s) => Err(Error::Corrupt { path: path.into(), detail: s }),
        Err(e) => Err(super::classify(path, e)),
    }
}
