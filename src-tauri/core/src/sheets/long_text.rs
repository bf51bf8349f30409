//! One string too long for a cell, anywhere in a sheet's XML. calamine (through quick_xml) reads
//! each text, tag and cell whole into memory before Mulu sees it: an inline string
//! (`<c t="inlineStr"><is><t>…</t></is></c>`) or a formula's string (`t="str"`) of a gigabyte,
//! which compresses to a few MB, would take several gigabytes. So a sheet that could hold a string
//! over `MAX_STRING_BYTES` is streamed here first with a flat buffer, and refused naming the
//! limit if any text, tag or cell is longer.
//!
//! Every sheet over `MAX_STRING_BYTES` is scanned (zip refuses to inflate an entry past its
//! declared size, so a smaller one cannot hold a longer string): a string packing at 40:1 or
//! less was left unscanned before, and a 13 MB file holding one of 500 MiB took 1.7 GB. The scan
//! costs little more than a second inflate: it stops only at each `<`, and there reads one or two
//! bytes (a comment, CDATA or processing instruction, rare in a sheet, is followed to its end).
//! The inflate is zlib-rs already (zip's `deflate` feature).

use std::io::Read;
use std::path::Path;

use super::limits::{Limit, MAX_STRING_BYTES};
use crate::error::{Error, Result};

/// Whether entry `name`, declaring `declared` bytes, is scanned: XML parts that could hold a
/// string over the limit. Pictures and binary parts (`xl/media/`, `*.bin`) are never parsed as
/// XML.
pub(super) fn worth_scanning(name: &str, declared: u64) -> bool {
    let name = name.to_ascii_lowercase();
    declared > MAX_STRING_BYTES
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

/// Markup that may hold a `<` of its own, read by quick_xml as one event: what follows its `<`,
/// and its end.
const OPAQUE: [(&[u8], &[u8]); 3] = [(b"!--", b"-->"), (b"![CDATA[", b"]]>"), (b"?", b"?>")];
/// The longest start looked for after a `<` (`![CDATA[`): bytes kept across chunk boundaries.
const KEEP: usize = 9;
const CHUNK: usize = 256 << 10;

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
            let n = match super::limits::read_some(&mut r, &mut buf[len..]).map_err(Stop::Io)? {
                0 => {
                    self.tags(&buf[..len])?;
                    return self.measure(self.base + len as u64);
                }
                n => n,
            };
            len += n;
            if self.base + len as u64 > declared {
                return Err(Stop::Inflated);
            }
            if len < CHUNK {
                continue; // fill the buffer: fewer, longer passes
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
        loop {
            if let Some((start, end)) = self.opaque {
                match memchr::memmem::find(&b[i..], end) {
                    Some(j) => {
                        self.opaque = None;
                        i += j + end.len();
                        if self.base + i as u64 - start > MAX_STRING_BYTES {
                            return Err(Stop::Long);
                        }
                        self.last = self.base + i as u64 - 1;
                    }
                    None => return Ok(b.len().saturating_sub(end.len() - 1).max(i)),
                }
            }
            // The hot loop: most `<` open or close an element and need two bytes read.
            for lt in memchr::memchr_iter(b'<', &b[i..]).map(|j| i + j) {
                if lt + KEEP >= b.len() {
                    return Ok(lt);
                }
                let at = self.base + lt as u64;
                if at - self.last > MAX_STRING_BYTES {
                    return Err(Stop::Long);
                }
                self.last = at;
                match b[lt + 1] {
                    b'c' if matches!(b[lt + 2], b'>' | b' ' | b'/' | b'\t' | b'\r' | b'\n') => self.cell = Some(at),
                    b'/' if b[lt + 2] == b'c' && b[lt + 3] == b'>' => {
                        let cell = self.cell.take();
                        if cell.is_some_and(|start| at - start > MAX_STRING_BYTES) {
                            return Err(Stop::Long);
                        }
                    }
                    b'!' | b'?' => {
                        let tag = &b[lt + 1..];
                        if let Some((_, end)) = OPAQUE.iter().find(|(start, _)| tag.starts_with(start)) {
                            self.opaque = Some((at, end));
                            i = lt + 1;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            if self.opaque.is_none() {
                return Ok(b.len());
            }
        }
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
    fn every_xml_part_that_could_hold_a_long_string_is_scanned() {
        let sheet = "xl/worksheets/sheet1.xml";
        assert!(worth_scanning(sheet, 1 << 30), "a gigabyte packed 500:1");
        assert!(worth_scanning(sheet, 500 << 20), "500 MiB packed 40:1, the hole of issue 10");
        assert!(worth_scanning(sheet, 300 << 20), "a city's sheet, 20:1");
        assert!(!worth_scanning(sheet, 1 << 20), "too small to hold one");
        assert!(!worth_scanning("xl/media/image1.png", 1 << 30));
    }

    #[test]
    fn the_scan_stops_at_the_declared_size_by_bytes_inflated() {
        let xml = sheet("<c r=\"A1\"><v>1</v></c>");
        assert!(matches!(Scan::default().run(Drip(xml.as_bytes()), xml.len() as u64 - 1), Err(Stop::Inflated)));
        assert!(Scan::default().run(Drip(xml.as_bytes()), xml.len() as u64).is_ok());
    }
}
