//! What a workbook may make an import hold: rows, text, shared strings. calamine loads the shared-string table whole, and
//! reserves room for as many strings as the file claims, before the first row is read; a 3 MB
//! file whose table unpacks to a gigabyte would take several. So the table is read once here,
//! streamed and measured with a flat buffer, and a workbook over a limit is refused naming it.
//!
//! The limits are far above any catalog (a city's 240,000 rows hold a table of some tens of
//! MiB): a hostile file is refused at a flat few tens of MB, where it used to take gigabytes.

use std::io::Read;
use std::path::Path;

use super::cell::Cell;
use super::source::Workbook;
use crate::error::{Error, Result};

/// The shared-string table (xl/sharedStrings.xml), unpacked.
pub const MAX_SHARED_STRINGS_BYTES: u64 = 128 << 20;
/// Strings in the shared-string table.
pub const MAX_SHARED_STRINGS: u64 = 2_000_000;
/// One string, as stored in the file (a cell holds 32,767 characters; a crafted one may hold
/// more, and is read and kept whole up to this).
pub const MAX_STRING_BYTES: u64 = 1 << 20;
/// The text of every cell an import reads, summed: shared strings are stored once but copied
/// into each record that uses them, so a small file could otherwise fill the memory.
pub const MAX_TEXT_BYTES: u64 = 256 << 20;

/// Resources (信息资源) one import may create. Each costs some kilobytes until the import ends
/// (its record, its stored form, where its values came from, the rules' findings on it): a flat
/// sheet of 240,000 one-row resources peaked at 1.45 GB. A city's catalog is about 20,000;
/// 100,000 keeps any import of a workbook under about 700 MB.
pub const MAX_RESOURCES: u64 = 100_000;

pub use super::limit_kind::Limit;

/// Data rows read from one sheet at most: a city's catalog is 240,000 rows; a sheet of a
/// million rows is not a catalog, and reading it whole would only exhaust the machine.
pub const MAX_ROWS: u32 = 500_000;

/// How many rows from the top are searched for the header.
pub const SEARCH_ROWS: usize = 40;

impl Limit {
    pub fn max(self) -> u64 {
        match self {
            Limit::SharedStringsBytes => MAX_SHARED_STRINGS_BYTES,
            Limit::SharedStrings => MAX_SHARED_STRINGS,
            Limit::StringBytes => MAX_STRING_BYTES,
            Limit::TextBytes => MAX_TEXT_BYTES,
            Limit::Resources => MAX_RESOURCES,
            Limit::Cells => super::whole::MAX_GRID_CELLS,
            Limit::XlsBytes => super::whole::MAX_XLS_BYTES,
        }
    }
}

pub(super) fn over(path: &Path, what: Limit) -> Error {
    Error::SheetLimit { file: path.to_path_buf(), what, max: what.max() }
}

/// Measures the shared-string table `xml` (streamed): its size, its number of strings, the
/// number it claims (`uniqueCount`, which calamine reserves room for) and its longest string.
pub fn check_shared_strings(path: &Path, xml: impl Read) -> Result<()> {
    let mut scan = Scan::default();
    scan.run(xml).map_err(|e| e.error(path, "sharedStrings.xml"))
}

/// Reads what `r` has next into `buf` (0: the end), trying again when a read is interrupted:
/// the streamed measures all read this way.
pub(super) fn read_some(r: &mut impl std::io::Read, buf: &mut [u8]) -> std::io::Result<usize> {
    loop {
        match r.read(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            other => return other,
        }
    }
}

/// Why a streamed measure of part of a workbook stopped: it could not be read, or a limit.
pub(super) enum Stop {
    Io(std::io::Error),
    Over(Limit),
}

impl From<Limit> for Stop {
    fn from(l: Limit) -> Self {
        Stop::Over(l)
    }
}

impl Stop {
    /// The error naming the workbook `path` and its `part`.
    pub(super) fn error(self, path: &Path, part: &str) -> Error {
        match self {
            Stop::Io(e) => Error::SheetUnreadable { file: path.to_path_buf(), reason: format!("{part}: {e}") },
            Stop::Over(what) => over(path, what),
        }
    }
}

#[derive(Default)]
struct Scan {
    /// Bytes read before the buffer's first byte.
    base: u64,
    strings: u64,
    /// Where the `<si>` being read started.
    open: Option<u64>,
    /// The `<sst>` tag was seen (its `uniqueCount` checked).
    header: bool,
}

const CHUNK: usize = 64 << 10;
/// The longest tag looked for (`</si>`), less one: bytes kept across chunk boundaries.
const KEEP: usize = 4;

impl Scan {
    fn run(&mut self, mut r: impl Read) -> std::result::Result<(), Stop> {
        let mut buf = vec![0u8; CHUNK + 1024];
        let mut len = 0;
        loop {
            let n = match read_some(&mut r, &mut buf[len..]).map_err(Stop::Io)? {
                0 => return Ok(()),
                n => n,
            };
            len += n;
            if self.base + len as u64 > MAX_SHARED_STRINGS_BYTES {
                return Err(Stop::Over(Limit::SharedStringsBytes));
            }
            if !self.header {
                // The root tag and its attributes come first; wait for its end.
                match memchr::memmem::find(&buf[..len], b"<sst").map(|i| (i, memchr::memchr(b'>', &buf[i..len]))) {
                    Some((i, Some(j))) => {
                        self.header = true;
                        if claimed(&buf[i..i + j]) > MAX_SHARED_STRINGS {
                            return Err(Stop::Over(Limit::SharedStrings));
                        }
                    }
                    _ if len < buf.len() => continue,
                    _ => self.header = true, // a prologue of over 64 KiB: no `<sst` to trust
                }
            }
            let done = self.tags(&buf[..len])?;
            buf.copy_within(done..len, 0);
            self.base += done as u64;
            len -= done;
            if let Some(start) = self.open {
                if self.base + len as u64 - start > MAX_STRING_BYTES {
                    return Err(Stop::Over(Limit::StringBytes));
                }
            }
        }
    }

    /// Counts the strings in `b` and measures each; returns how much of `b` was consumed (a tag
    /// cut by the end of the buffer is left for the next read).
    fn tags(&mut self, b: &[u8]) -> std::result::Result<usize, Stop> {
        for i in memchr::memchr_iter(b'<', b) {
            if i + KEEP >= b.len() {
                return Ok(i);
            }
            let at = self.base + i as u64;
            let tag = &b[i + 1..];
            if tag.starts_with(b"si") && matches!(tag[2], b'>' | b' ' | b'/' | b'\t' | b'\r' | b'\n') {
                self.strings += 1;
                if self.strings > MAX_SHARED_STRINGS {
                    return Err(Stop::Over(Limit::SharedStrings));
                }
                self.open = Some(at);
            } else if tag.starts_with(b"/si>") {
                if let Some(start) = self.open.take() {
                    if at - start > MAX_STRING_BYTES {
                        return Err(Stop::Over(Limit::StringBytes));
                    }
                }
            }
        }
        Ok(b.len().saturating_sub(KEEP))
    }
}

/// The `uniqueCount` (else `count`) an `<sst …>` tag claims; 0 when it claims none.
fn claimed(tag: &[u8]) -> u64 {
    let number = |attr: &[u8]| {
        let i = memchr::memmem::find(tag, attr)? + attr.len();
        let digits = tag[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        std::str::from_utf8(&tag[i..i + digits]).ok()?.parse::<u64>().ok().or(Some(u64::MAX))
    };
    number(b" uniqueCount=\"").or_else(|| number(b" count=\"")).unwrap_or(0)
}

/// Rows with a value a sheet may have at most: MAX_ROWS below a header found in the first
/// SEARCH_ROWS. More is refused before a row is read; fewer may still be, by the read's count.
const ROWS_WITH_HEAD: u32 = MAX_ROWS + SEARCH_ROWS as u32;

fn too_many_rows(path: &Path, sheet: &str) -> Error {
    Error::SheetTooLarge { file: path.to_path_buf(), sheet: sheet.into(), max: MAX_ROWS }
}

/// Refuses a sheet over the row limit before its rows become records: by the size it declares,
/// else by counting first. Returns the last row the sheet declared when that was trusted, for
/// [`past_declared`] to check as the rows come.
pub(super) fn rows_before_reading(book: &mut Workbook, sheet: &str) -> Result<Option<u32>> {
    match book.declared_last_row(sheet)? {
        Some(u32::MAX) => Ok(None),
        Some(last) if last < ROWS_WITH_HEAD => Ok(Some(last)),
        _ if book.more_rows_than(sheet, ROWS_WITH_HEAD)? => Err(too_many_rows(&book.path, sheet)),
        _ => Ok(None),
    }
}

/// A row past the size its sheet declared: the declaration was wrong, so the rows are counted
/// (by a second reader, holding nothing) before any more of them is kept.
pub(super) fn past_declared(path: &Path, sheet: &str, trusted_until: &mut Option<u32>, row: u32) -> Result<()> {
    if trusted_until.is_some_and(|last| row > last) {
        *trusted_until = None;
        if Workbook::open(path)?.more_rows_than(sheet, ROWS_WITH_HEAD)? {
            return Err(too_many_rows(path, sheet));
        }
    }
    Ok(())
}

/// Refuses an import that has created more than `MAX_RESOURCES` resources, as the one over
/// is created: before the rest of the rows (and the rules' findings on them) fill the memory.
pub(super) fn count_resources(path: &Path, resources: usize) -> Result<()> {
    if resources as u64 > MAX_RESOURCES {
        return Err(over(path, Limit::Resources));
    }
    Ok(())
}

/// Adds a row's text to the import's total (`MAX_TEXT_BYTES`).
pub(super) fn count_text(path: &Path, total: &mut u64, cells: &[(u32, Cell<'_>)]) -> Result<()> {
    *total += cells.iter().map(|(_, c)| if let Cell::Text(t) = c { t.len() as u64 } else { 0 }).sum::<u64>();
    if *total > MAX_TEXT_BYTES {
        return Err(over(path, Limit::TextBytes));
    }
    Ok(())
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A reader of 3 bytes at a time: every tag is cut by a chunk boundary somewhere (the
    /// streaming scans here and in `long_text` are tested through it).
    pub(in crate::sheets) struct Drip<'a>(pub &'a [u8]);
    impl Read for Drip<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            let n = self.0.len().min(out.len()).min(3);
            out[..n].copy_from_slice(&self.0[..n]);
            self.0 = &self.0[n..];
            Ok(n)
        }
    }

    fn scan(xml: &str) -> std::result::Result<u64, Limit> {
        let mut s = Scan::default();
        match s.run(Drip(xml.as_bytes())) {
            Ok(()) => Ok(s.strings),
            Err(Stop::Over(l)) => Err(l),
            Err(Stop::Io(e)) => panic!("{e}"),
        }
    }

    #[test]
    fn strings_are_counted_across_any_boundary() {
        let xml = r#"<?xml version="1.0"?><sst count="3" uniqueCount="3"><si><t>甲</t></si><si><r><t>乙</t></r></si><si/></sst>"#;
        assert_eq!(scan(xml), Ok(3));
    }

    #[test]
    fn a_claimed_count_or_a_long_string_over_the_limit_is_refused() {
        let xml = r#"<sst uniqueCount="999999999999"><si><t>甲</t></si></sst>"#;
        assert_eq!(scan(xml), Err(Limit::SharedStrings));
        let long = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(MAX_STRING_BYTES as usize + 1));
        assert_eq!(scan(&long), Err(Limit::StringBytes));
        let fits = format!("<sst><si><t>{}</t></si></sst>", "x".repeat(MAX_STRING_BYTES as usize - 20));
        assert_eq!(scan(&fits), Ok(1));
    }
}
