//! Workbooks calamine reads whole before the first row reaches Mulu: an .xls (its workbook
//! stream held in memory, every sheet parsed at once) and an .ods (every table of content.xml at
//! once). Each sheet becomes a dense grid of its used area, every cell of it some 32 to 56 bytes
//! and each repeat of a text a copy of it: a 1 KB .ods repeating one cell a million times each
//! way, or an .xls with one cell in A1 and one in IV65536, would take gigabytes. So what calamine
//! would build is measured here first, with a flat buffer, and a workbook over a limit is refused
//! naming it, as `limits` does for an .xlsx.

use std::io::Read;
use std::path::Path;

use super::limits::{over, Limit, Stop, MAX_SHARED_STRINGS, MAX_STRING_BYTES, MAX_TEXT_BYTES};
use crate::error::{Error, Result};

/// Cells of the grids an .xls or .ods is read into, all sheets together (a sheet's grid spans
/// its used area, empty cells included). calamine keeps an .ods's grids and hands out a copy of
/// the one read: with its texts, some 110 bytes a cell while the rows are read, so this many take
/// about 450 MB, leaving the import room under 1 GB. A city's catalog (3.8 million cells) fits.
pub const MAX_GRID_CELLS: u64 = 4_000_000;
/// An .xls file: calamine holds its workbook stream whole (an .xls holds 65,536 rows at most;
/// such a catalog is some tens of MB).
pub const MAX_XLS_BYTES: u64 = 64 << 20;

/// The grid one sheet is read into, and the text its cells copy, as cells are met.
#[derive(Default)]
struct Grid {
    rows: Option<(u64, u64)>,
    cols: Option<(u64, u64)>,
}

impl Grid {
    fn add(&mut self, rows: (u64, u64), cols: (u64, u64)) {
        let widen = |span: &mut Option<(u64, u64)>, (a, b): (u64, u64)| {
            *span = Some(span.map_or((a, b), |(lo, hi)| (lo.min(a), hi.max(b))));
        };
        widen(&mut self.rows, rows);
        widen(&mut self.cols, cols);
    }

    fn cells(&self) -> u64 {
        match (self.rows, self.cols) {
            (Some((r0, r1)), Some((c0, c1))) => (r1 - r0 + 1).saturating_mul(c1 - c0 + 1),
            _ => 0,
        }
    }
}

/// What a whole workbook makes calamine hold: grid cells and copied text, checked as they grow.
#[derive(Default)]
struct Tally {
    cells: u64,
    text: u64,
}

impl Tally {
    fn text(&mut self, bytes: u64) -> std::result::Result<(), Limit> {
        self.text = self.text.saturating_add(bytes);
        if self.text > MAX_TEXT_BYTES {
            return Err(Limit::TextBytes);
        }
        Ok(())
    }

    fn check(&self, open: u64) -> std::result::Result<(), Limit> {
        if self.cells.saturating_add(open) > MAX_GRID_CELLS {
            return Err(Limit::Cells);
        }
        Ok(())
    }
}

// ---- .ods: the tables of content.xml ----

/// Measures the tables of an .ods's content.xml (streamed): the grid of each (rows and columns
/// repeated as calamine repeats them), the text its cells copy, and each cell's text.
pub(super) fn check_ods(path: &Path, xml: impl Read) -> Result<()> {
    let mut scan = Ods::default();
    scan.run(xml).map_err(|e| e.error(path, "content.xml"))
}

#[derive(Default)]
struct Ods {
    tally: Tally,
    grid: Grid,
    /// Bytes read before the buffer's first byte.
    base: u64,
    /// Rows of the current table before the current row, repeats counted.
    row: u64,
    /// The current row's repeat count and the column its next cell starts at.
    row_repeat: u64,
    col: u64,
    row_used: Option<(u64, u64)>,
    /// The open cell: its repeat count, where its content starts, and whether it holds a value.
    cell: Option<(u64, u64, bool)>,
}

const CHUNK: usize = 64 << 10;

impl Ods {
    fn run(&mut self, mut r: impl Read) -> std::result::Result<(), Stop> {
        let mut buf = vec![0u8; CHUNK];
        let mut len = 0;
        loop {
            if len == buf.len() {
                // One tag fills the buffer: grow it, up to the longest tag allowed.
                if buf.len() as u64 > MAX_STRING_BYTES {
                    return Err(Limit::StringBytes.into());
                }
                buf.resize(buf.len() * 2, 0);
            }
            let n = match super::limits::read_some(&mut r, &mut buf[len..]).map_err(Stop::Io)? {
                0 => return Ok(()),
                n => n,
            };
            len += n;
            let done = self.tags(&buf[..len])?;
            buf.copy_within(done..len, 0);
            self.base += done as u64;
            len -= done;
        }
    }

    /// Reads the whole tags in `b`; returns how much of `b` was consumed.
    fn tags(&mut self, b: &[u8]) -> std::result::Result<usize, Stop> {
        let mut i = 0;
        while let Some(j) = memchr::memchr(b'<', &b[i..]) {
            let lt = i + j;
            let Some(k) = memchr::memchr(b'>', &b[lt..]) else { return Ok(lt) };
            let tag = &b[lt + 1..lt + k];
            self.tag(tag, self.base + lt as u64, self.base + (lt + k + 1) as u64)?;
            i = lt + k + 1;
        }
        Ok(b.len())
    }

    fn tag(&mut self, tag: &[u8], at: u64, after: u64) -> std::result::Result<(), Limit> {
        // The name ends at a space or `/` (a closing tag's own `/` comes first and is kept).
        let end = tag
            .iter()
            .skip(1)
            .position(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b'/'))
            .map_or(tag.len(), |e| e + 1);
        let closed = tag.ends_with(b"/");
        match &tag[..end] {
            b"table:table" => {
                self.grid = Grid::default();
                self.row = 0;
            }
            b"/table:table" => {
                self.tally.cells = self.tally.cells.saturating_add(self.grid.cells());
                self.grid = Grid::default();
                self.tally.check(0)?;
            }
            b"table:table-row" => {
                self.row_repeat = repeat(tag, b"table:number-rows-repeated=\"");
                self.col = 0;
                self.row_used = None;
                if closed {
                    self.end_row()?;
                }
            }
            b"/table:table-row" => self.end_row()?,
            b"table:table-cell" | b"table:covered-table-cell" => {
                let valued = memchr::memmem::find(tag, b"office:value-type=").is_some()
                    || memchr::memmem::find(tag, b"table:formula=").is_some();
                self.cell = Some((repeat(tag, b"table:number-columns-repeated=\""), after, valued));
                if closed {
                    self.end_cell(after)?;
                }
            }
            b"/table:table-cell" | b"/table:covered-table-cell" => self.end_cell(at)?,
            _ => {}
        }
        Ok(())
    }

    fn end_cell(&mut self, at: u64) -> std::result::Result<(), Limit> {
        let Some((repeat, start, valued)) = self.cell.take() else { return Ok(()) };
        let text = at.saturating_sub(start);
        if text > MAX_STRING_BYTES {
            return Err(Limit::StringBytes);
        }
        if valued {
            let last = self.col.saturating_add(repeat - 1);
            self.row_used = Some(self.row_used.map_or((self.col, last), |(a, _)| (a, last)));
            // Each repeat, across and down, is a copy of the text.
            self.tally.text(text.saturating_mul(repeat).saturating_mul(self.row_repeat))?;
        }
        self.col = self.col.saturating_add(repeat);
        Ok(())
    }

    fn end_row(&mut self) -> std::result::Result<(), Limit> {
        if let Some(cols) = self.row_used.take() {
            self.grid.add((self.row, self.row.saturating_add(self.row_repeat - 1)), cols);
        }
        self.row = self.row.saturating_add(self.row_repeat);
        self.tally.check(self.grid.cells())
    }
}

/// The repeat count a tag's attribute `attr` (`…-repeated="`) gives; 1 without one.
fn repeat(tag: &[u8], attr: &[u8]) -> u64 {
    let Some(i) = memchr::memmem::find(tag, attr).map(|i| i + attr.len()) else { return 1 };
    let digits = tag[i..].iter().take_while(|c| c.is_ascii_digit()).count();
    std::str::from_utf8(&tag[i..i + digits]).ok().and_then(|d| d.parse().ok()).unwrap_or(u64::MAX).clamp(1, 1 << 40)
}

// ---- .xls: the workbook stream of a compound file ----

/// Measures an .xls as calamine reads it: the size of its workbook stream, its shared strings,
/// and for each sheet the globals name (a sheet named twice is read twice) the grid of its values
/// and formulas and the text they copy.
pub(super) fn check_xls(path: &Path) -> Result<()> {
    let unreadable =
        |e: std::io::Error| Error::SheetUnreadable { file: path.to_path_buf(), reason: format!("xls: {e}") };
    if std::fs::metadata(path).map_err(|e| Error::io(path, e))?.len() > MAX_XLS_BYTES {
        return Err(over(path, Limit::XlsBytes));
    }
    let mut file = cfb::open(path).map_err(unreadable)?;
    let name = if file.is_stream("/Workbook") { "/Workbook" } else { "/Book" };
    let mut stream = Vec::new();
    file.open_stream(name).map_err(unreadable)?.take(MAX_XLS_BYTES + 1).read_to_end(&mut stream).map_err(unreadable)?;
    if stream.len() as u64 > MAX_XLS_BYTES {
        return Err(over(path, Limit::XlsBytes));
    }
    measure_xls(&stream).map_err(|what| over(path, what))
}

/// One BIFF record: its type and data.
fn records(stream: &[u8], from: usize) -> impl Iterator<Item = (u16, &[u8])> {
    let mut at = from;
    std::iter::from_fn(move || {
        let head = stream.get(at..at + 4)?;
        let (typ, len) = (u16::from_le_bytes([head[0], head[1]]), u16::from_le_bytes([head[2], head[3]]) as usize);
        let data = stream.get(at + 4..(at + 4 + len).min(stream.len()))?;
        at += 4 + len;
        Some((typ, data))
    })
}

fn u16_at(d: &[u8], i: usize) -> u64 {
    d.get(i..i + 2).map_or(0, |b| u16::from_le_bytes([b[0], b[1]]) as u64)
}

fn u32_at(d: &[u8], i: usize) -> u64 {
    d.get(i..i + 4).map_or(0, |b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as u64)
}

fn measure_xls(stream: &[u8]) -> std::result::Result<(), Limit> {
    // The globals: where each sheet starts, and the shared strings (SST and its CONTINUEs).
    let (mut sheets, mut sst): (Vec<usize>, Vec<&[u8]>) = (vec![], vec![]);
    let mut in_sst = false;
    for (typ, data) in records(stream, 0) {
        match typ {
            0x0085 => sheets.push(u32_at(data, 0) as usize),
            0x00FC => {
                sst = vec![data.get(8..).unwrap_or_default()];
                in_sst = true;
                continue;
            }
            0x003C if in_sst => {
                sst.push(data);
                continue;
            }
            0x000A => break,
            _ => {}
        }
        in_sst = false;
    }
    let strings = shared_string_sizes(sst)?;
    let mut tally = Tally::default();
    for start in sheets {
        let (mut values, mut formulas, mut cells) = (Grid::default(), Grid::default(), 0u64);
        let mut depth = 0usize;
        for (typ, d) in records(stream, start) {
            // Nested substreams (a chart in the sheet) are skipped, as calamine skips them.
            match typ {
                0x0809 => depth += 1,
                0x000A if depth <= 1 => break,
                0x000A => depth -= 1,
                _ if depth > 1 => continue,
                _ => {}
            }
            let (row, col) = (u16_at(d, 0), u16_at(d, 2));
            let text = match typ {
                0x0203 | 0x027E | 0x0205 => 0,
                // A label's UTF-16 or Latin-1 text, as UTF-8: at most twice its bytes.
                0x0204 | 0x00D6 | 0x0207 => 2 * d.len() as u64,
                0x00FD => strings.get(u32_at(d, 6) as usize).copied().unwrap_or(0),
                0x00BD => {
                    let last = u16_at(d, d.len().saturating_sub(2));
                    values.add((row, row), (col, last.max(col)));
                    cells += last.saturating_sub(col) + 1;
                    continue;
                }
                // A formula's text is rebuilt from its tokens: a few bytes each, spelt out.
                0x0006 => {
                    formulas.add((row, row), (col, col));
                    16 * d.len() as u64
                }
                _ => continue,
            };
            if typ != 0x0207 {
                values.add((row, row), (col, col));
            }
            cells += 1;
            tally.text(text)?;
        }
        // The cells as read, then the grids they are laid into.
        tally.cells = tally.cells.saturating_add(cells + values.cells() + formulas.cells());
        tally.check(0)?;
    }
    Ok(())
}

/// The size as UTF-8 (at most) of each shared string, read from the SST's data and its
/// CONTINUE records: a string's characters cut by a record boundary go on after a flags byte.
fn shared_string_sizes(segments: Vec<&[u8]>) -> std::result::Result<Vec<u64>, Limit> {
    let mut r = Segments { segments, i: 0, at: 0 };
    let mut sizes = Vec::new();
    while let Some(count) = r.u16() {
        let Some(flags) = r.byte() else { break };
        let runs = if flags & 0x08 != 0 { r.u16().unwrap_or(0) * 4 } else { 0 };
        let ext = if flags & 0x04 != 0 { r.u32().unwrap_or(0) } else { 0 };
        if sizes.len() as u64 >= MAX_SHARED_STRINGS {
            return Err(Limit::SharedStrings);
        }
        sizes.push(count * 3);
        if r.chars(count, flags & 0x01 != 0).is_none() || r.skip(runs + ext).is_none() {
            break;
        }
    }
    Ok(sizes)
}

struct Segments<'a> {
    segments: Vec<&'a [u8]>,
    i: usize,
    at: usize,
}

impl Segments<'_> {
    /// Moves past the end of the current segment, if there; `None` past the last.
    fn ready(&mut self) -> Option<&[u8]> {
        while self.at >= self.segments.get(self.i)?.len() {
            self.i += 1;
            self.at = 0;
        }
        Some(&self.segments[self.i][self.at..])
    }

    fn byte(&mut self) -> Option<u8> {
        let b = *self.ready()?.first()?;
        self.at += 1;
        Some(b)
    }

    fn u16(&mut self) -> Option<u64> {
        Some(self.byte()? as u64 | (self.byte()? as u64) << 8)
    }

    fn u32(&mut self) -> Option<u64> {
        Some(self.u16()? | self.u16()? << 16)
    }

    fn skip(&mut self, mut n: u64) -> Option<()> {
        while n > 0 {
            let left = self.ready()?.len() as u64;
            let step = left.min(n);
            self.at += step as usize;
            n -= step;
        }
        Some(())
    }

    /// Skips `count` characters of one or two bytes; a new segment starts with a flags byte.
    fn chars(&mut self, mut count: u64, mut wide: bool) -> Option<()> {
        while count > 0 {
            if self.at >= self.segments.get(self.i)?.len() {
                self.i += 1;
                self.at = 0;
                wide = self.byte()? & 0x01 != 0;
                continue;
            }
            let width = if wide { 2 } else { 1 };
            let fit = ((self.segments[self.i].len() - self.at) as u64 / width).clamp(1, count);
            self.at += (fit * width) as usize;
            count -= fit;
        }
        Some(())
    }
}
