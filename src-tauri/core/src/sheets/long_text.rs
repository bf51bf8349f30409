//! One string too long for a cell, anywhere in a sheet's XML. calamine (through quick_xml) reads
//! each text, tag and cell whole into memory before Mulu sees it: an inline string
//! (`<c t="inlineStr"><is><t>…</t></is></c>`) or a formula's string (`t="str"`) of a gigabyte,
//! which compresses to a few MB, would take several gigabytes. So a sheet that could hold a string
//! over `MAX_STRING_BYTES` is streamed here first with a flat buffer, and refused naming the
//! limit if any text, tag or cell is longer.
//!
//! Which sheets: zip refuses to inflate an entry past its declared size, so one declared at or
//! under `MAX_STRING_BYTES` cannot hold a longer string. Scanning every larger sheet costs a
//! second inflate of it (~0.5 s of a city workbook's 3 s import, over the 1.5× of a bare read
//! that the sheets bench allows), so only a sheet that could hide such a string cheaply is
//! scanned: one unpacking more than `PLAIN_RATIO` times its packed size (cell XML packs 10–30:1;
//! the hostile string of issue 10 packed 500:1), or to more than `PLAIN_BYTES`. What is left
//! unscanned — a string packing at most 40:1 in a sheet under 512 MiB, so a file of 13 MB or
//! more for the largest — is still bounded by the 256 MiB text limit once read.
//! (`sheets` bench: import 1.61× a bare read scanning every sheet, vs ~1.3× on main.)

use std::io::Read;
use std::path::Path;

use super::limits::{Limit, MAX_STRING_BYTES};
use crate::error::{Error, Result};

/// A sheet unpacking at most this many times its packed size is ordinary cell XML.
pub const PLAIN_RATIO: u64 = 40;
/// A sheet declaring more than this is scanned whatever its ratio (a city's is ~300 MB).
pub const PLAIN_BYTES: u64 = 512 << 20;

/// Whether entry `name`, declaring `declared` bytes packed in `packed`, is scanned: XML parts
/// that could hold a string over the limit cheaply. Pictures and binary parts (`xl/media/`,
/// `*.bin`) are never parsed as XML.
pub(super) fn worth_scanning(name: &str, declared: u64, packed: u64) -> bool {
    let name = name.to_ascii_lowercase();
    declared > MAX_STRING_BYTES
        && (declared / packed.max(1) > PLAIN_RATIO || declared > PLAIN_BYTES)
        && !name.starts_with("xl/media/")
        && !name.ends_with(".bin")
        && !name.ends_with("sharedstrings.xml") // measured by `limits::check_shared_strings`
}

/// Streams the XML of entry `name` and refuses it if one text, tag or cell is longer than
/// `MAX_STRING_BYTES`, or if it inflates past its `declared` size (the count is ours, not zip's).
pub(super) fn check_sheet(path: &Path, name: &str, xml: impl Read, declared: u64) -> Result<()> {
    let mut scan = Scan::default();
    scan.run(xml, declared).map_err(|stop| match stop {
        Stop::Io(e) => Error::SheetUnreadable { file: path.to_path_buf(), reason: format!("{name}: {e}") },
        Stop::Inflated => Error::SheetUnreadable { file: path.to_path_buf(), reason: "zip-bomb".into() },
        Stop::Long => Error::SheetLimit { file: path.to_path_buf(), what: Limit::StringBytes, max: MAX_STRING_BYTES },
    })
}

#[derive(Debug)]
enum Stop {
    Io(std::io::Error),
    Inflated,
    Long,
}

/// Markup that may hold a `<` of its own, read by quick_xml as one event: its start and its end.
const OPAQUE: [(&[u8], &[u8]); 3] = [(b"!--", b"-->"), (b"![CDATA[", b"]]>"), (b"?", b"?>")];
/// The longest start looked for after a `<` (`![CDATA[`): bytes kept across chunk boundaries.
const KEEP: usize = 9;
const CHUNK: usize = 64 << 10;

#[derive(Default)]
struct Scan {
    /// Bytes read before the buffer's first byte.
    base: u64,
    /// Where the last `<` was: a text or a tag runs from one `<` to the next.
    last: u64,
    /// Where the `<c …>` being read started (an inline string may be cut into many runs).
    cell: Option<u64>,
    /// Inside a comment, CDATA or processing instruction: where it started and its end.
    opaque: Option<(u64, &'static [u8])>,
}

impl Scan {
    fn run(&mut self, mut r: impl Read, declared: u64) -> std::result::Result<(), Stop> {
        let mut buf = vec![0u8; CHUNK + 1024];
        let mut len = 0;
        loop {
            let n = match r.read(&mut buf[len..]) {
                Ok(0) => return self.measure(self.base + len as u64),
                Ok(n) => n,
                Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(Stop::Io(e)),
            };
            len += n;
            if self.base + len as u64 > declared {
                return Err(Stop::Inflated);
            }
            let done = self.tags(&buf[..len])?;
            buf.copy_within(done..len, 0);
            self.base += done as u64;
            len -= done;
            self.measure(self.base + len as u64)?;
        }
    }

    /// Refuses when what is open at `now` (a text or tag, a cell, opaque markup) is too long.
    fn measure(&self, now: u64) -> std::result::Result<(), Stop> {
        let open = [Some(self.last), self.cell, self.opaque.map(|(at, _)| at)];
        if open.into_iter().flatten().any(|start| now - start > MAX_STRING_BYTES) {
            return Err(Stop::Long);
        }
        Ok(())
    }

    /// Measures the texts, tags and cells in `b`; returns how much of `b` was consumed (markup
    /// cut by the end of the buffer is left for the next read).
    fn tags(&mut self, b: &[u8]) -> std::result::Result<usize, Stop> {
        let mut i = 0;
        while i < b.len() {
            if let Some((_, end)) = self.opaque {
                match memchr::memmem::find(&b[i..], end) {
                    Some(j) => {
                        self.opaque = None;
                        i += j + end.len();
                        self.last = self.base + i as u64 - 1;
                    }
                    None => return Ok(b.len().saturating_sub(end.len() - 1).max(i)),
                }
                continue;
            }
            let Some(j) = memchr::memchr(b'<', &b[i..]) else { return Ok(b.len()) };
            let lt = i + j;
            if lt + KEEP >= b.len() {
                return Ok(lt);
            }
            let at = self.base + lt as u64;
            self.measure(at)?;
            self.last = at;
            let tag = &b[lt + 1..];
            i = lt + 1;
            if let Some((_, end)) = OPAQUE.iter().find(|(start, _)| tag.starts_with(start)) {
                self.opaque = Some((at, end));
            } else if tag[0] == b'c' && matches!(tag[1], b'>' | b' ' | b'/' | b'\t' | b'\r' | b'\n') {
                self.cell = Some(at);
            } else if tag.starts_with(b"/c>") {
                self.cell = None;
            }
        }
        Ok(b.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::sheets::limits::tests::Drip;

    fn scan(xml: &str) -> std::result::Result<(), Stop> {
        Scan::default().run(Drip(xml.as_bytes()), u64::MAX)
    }

    fn sheet(cell: &str) -> String {
        format!(
            r#"<?xml version="1.0"?><worksheet><sheetData><row r="1">{cell}<c r="B1"><v>1</v></c></row></sheetData></worksheet>"#
        )
    }

    const OVER: usize = MAX_STRING_BYTES as usize + 1;

    #[test]
    fn an_inline_or_formula_string_over_the_limit_is_refused() {
        let x = "x".repeat(OVER);
        let inline = sheet(&format!(r#"<c r="A1" t="inlineStr"><is><t>{x}</t></is></c>"#));
        assert!(matches!(scan(&inline), Err(Stop::Long)));
        let formula = sheet(&format!(r#"<c r="A1" t="str"><f>A2</f><v>{x}</v></c>"#));
        assert!(matches!(scan(&formula), Err(Stop::Long)));
        // Cut into short runs, the string is still one cell's text.
        let runs = "<r><t>xxxxxxxx</t></r>".repeat(OVER / 8);
        assert!(matches!(scan(&sheet(&format!(r#"<c r="A1" t="inlineStr"><is>{runs}</is></c>"#))), Err(Stop::Long)));
        // Hidden in markup quick_xml reads as one event, whatever `<` it holds.
        let comment = sheet(&format!("<!-- {} -->", "<a>".repeat(OVER / 3)));
        assert!(matches!(scan(&comment), Err(Stop::Long)));
        // A string at the limit, and many cells of any total size, pass.
        let fits = "x".repeat(MAX_STRING_BYTES as usize - 100);
        assert!(scan(&sheet(&format!(r#"<c r="A1" t="inlineStr"><is><t>{fits}</t></is></c>"#))).is_ok());
        assert!(scan(&sheet(&r#"<c r="A1" t="inlineStr"><is><t>短文本</t></is></c>"#.repeat(OVER / 20))).is_ok());
        assert!(scan(&sheet("<!-- a --><![CDATA[ b ]]><?pi c?>")).is_ok());
    }

    #[test]
    fn only_sheets_that_could_hide_a_long_string_cheaply_are_scanned() {
        let sheet = "xl/worksheets/sheet1.xml";
        assert!(worth_scanning(sheet, 1 << 30, 2 << 20), "a gigabyte packed 500:1");
        assert!(worth_scanning(sheet, 600 << 20, 60 << 20), "over PLAIN_BYTES at 10:1");
        assert!(!worth_scanning(sheet, 300 << 20, 15 << 20), "a city's sheet, 20:1");
        assert!(!worth_scanning(sheet, 1 << 20, 1 << 10), "too small to hold one");
        assert!(!worth_scanning("xl/media/image1.png", 1 << 30, 1 << 20));
    }

    #[test]
    fn the_scan_stops_at_the_declared_size_by_bytes_inflated() {
        let xml = sheet("<c r=\"A1\"><v>1</v></c>");
        assert!(matches!(Scan::default().run(Drip(xml.as_bytes()), xml.len() as u64 - 1), Err(Stop::Inflated)));
        assert!(Scan::default().run(Drip(xml.as_bytes()), xml.len() as u64).is_ok());
    }
}
