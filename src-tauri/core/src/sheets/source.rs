//! Opening a workbook of any supported format and reading a sheet row by row.
//!
//! .xlsx/.xlsm are streamed with calamine's cell reader (memory stays flat on city-sized
//! sheets); .xls and .ods are read a sheet at a time. The format is decided by the file's
//! bytes, not its name, so a renamed file is read for what it is — or refused clearly.

use std::fs::File;
use std::io::{BufReader, Read};
use std::path::{Path, PathBuf};

use calamine::{open_workbook_from_rs, Data, DataRef, Ods, Reader, Xls, Xlsx};

use super::cell::Cell;
use crate::error::{Error, Result};

/// Limits that keep a hostile file (a zip bomb, a runaway sheet) from exhausting the machine.
pub const MAX_UNPACKED_BYTES: u64 = 2 << 30;
pub const MAX_RATIO: u64 = 1000;

/// Cells handed from the parsing thread to the reading thread at a time.
const BATCH_CELLS: usize = 8192;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Xlsx,
    Xls,
    Ods,
}

pub enum Book {
    Xlsx(Xlsx<BufReader<File>>),
    Xls(Xls<BufReader<File>>),
    Ods(Ods<BufReader<File>>),
}

/// One row: its 0-based index and its non-empty cells as (0-based column, value).
pub type Row<'a> = (u32, Vec<(u32, Cell<'a>)>);

fn unreadable(path: &Path, reason: impl std::fmt::Display) -> Error {
    Error::SheetUnreadable { file: path.to_path_buf(), reason: reason.to_string() }
}

/// Sniffs the format from the first bytes; checks a zip's declared sizes against the limits.
pub fn sniff(path: &Path) -> Result<Format> {
    let mut head = [0u8; 8];
    let mut f = File::open(path).map_err(|e| Error::io(path, e))?;
    let n = f.read(&mut head).map_err(|e| Error::io(path, e))?;
    if n >= 8 && head == [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] {
        // calamine reads an .xls whole, every sheet at once: measure it first.
        super::whole::check_xls(path)?;
        return Ok(Format::Xls);
    }
    if n < 4 || &head[..4] != b"PK\x03\x04" {
        return Err(unreadable(path, "not-a-spreadsheet"));
    }
    let file = File::open(path).map_err(|e| Error::io(path, e))?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).map_err(|e| unreadable(path, format!("zip: {e}")))?;
    let mut total: u64 = 0;
    let mut ods = false;
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| unreadable(path, format!("zip: {e}")))?;
        total = total.saturating_add(entry.size());
        if entry.size() > 1 << 20 && entry.size() / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(unreadable(path, "zip-bomb"));
        }
        let name = entry.name().map(|n| n.to_string()).unwrap_or_default();
        if name == "mimetype" || name == "content.xml" {
            ods = true;
        }
    }
    if total > MAX_UNPACKED_BYTES {
        return Err(unreadable(path, "zip-bomb"));
    }
    if ods {
        // calamine reads every table of content.xml at once, and each XML event whole.
        for i in 0..zip.len() {
            let name = zip.name_for_index(i).and_then(|n| n.ok()).map(|n| n.to_string()).unwrap_or_default();
            let f = zip.by_index(i).map_err(|e| unreadable(path, format!("zip: {e}")))?;
            let declared = f.size();
            if name == "content.xml" {
                super::whole::check_ods(path, f)?;
            } else {
                drop(f);
            }
            if super::long_text::worth_scanning(&name, declared) {
                let f = zip.by_index(i).map_err(|e| unreadable(path, format!("zip: {e}")))?;
                super::long_text::check_sheet(path, &name, f, declared)?;
            }
        }
        return Ok(Format::Ods);
    }
    // calamine loads the shared strings whole when it opens the workbook, and reads each string
    // of a sheet whole: measure them first.
    for i in 0..zip.len() {
        let name = zip.name_for_index(i).and_then(|n| n.ok()).map(|n| n.to_string()).unwrap_or_default();
        let f = zip.by_index(i).map_err(|e| unreadable(path, format!("zip: {e}")))?;
        if name.to_ascii_lowercase().ends_with("sharedstrings.xml") {
            super::limits::check_shared_strings(path, f)?;
        } else if super::long_text::worth_scanning(&name, f.size()) {
            let declared = f.size();
            super::long_text::check_sheet(path, &name, f, declared)?;
        }
    }
    Ok(Format::Xlsx)
}

pub struct Workbook {
    pub path: PathBuf,
    pub book: Book,
    pub is_1904: bool,
}

impl Workbook {
    pub fn open(path: &Path) -> Result<Self> {
        let format = sniff(path)?;
        let reader = || File::open(path).map(BufReader::new).map_err(|e| Error::io(path, e));
        let book = match format {
            Format::Xlsx => {
                Book::Xlsx(open_workbook_from_rs(reader()?).map_err(|e: calamine::XlsxError| unreadable(path, e))?)
            }
            Format::Xls => {
                Book::Xls(open_workbook_from_rs(reader()?).map_err(|e: calamine::XlsError| unreadable(path, e))?)
            }
            Format::Ods => {
                Book::Ods(open_workbook_from_rs(reader()?).map_err(|e: calamine::OdsError| unreadable(path, e))?)
            }
        };
        let is_1904 = match &book {
            Book::Xlsx(x) => x.has_1904_epoch(),
            _ => false,
        };
        Ok(Workbook { path: path.to_path_buf(), book, is_1904 })
    }

    pub fn sheet_names(&self) -> Vec<String> {
        match &self.book {
            Book::Xlsx(b) => b.sheet_names(),
            Book::Xls(b) => b.sheet_names(),
            Book::Ods(b) => b.sheet_names(),
        }
    }

    /// The last row (0-based) `sheet` declares it has (an .xlsx sheet's `<dimension>`), read
    /// before any row. `None` when it declares nothing (or a single cell, as some streaming
    /// writers put whatever the size); `Some(u32::MAX)` for .xls and .ods, which calamine reads
    /// whole anyway (.xls holds 65,536 rows at most).
    pub fn declared_last_row(&mut self, sheet: &str) -> Result<Option<u32>> {
        let Book::Xlsx(b) = &mut self.book else { return Ok(Some(u32::MAX)) };
        let reader = b.worksheet_cells_reader(sheet).map_err(|e| unreadable(&self.path, format!("{sheet}: {e}")))?;
        let d = reader.dimensions();
        Ok((d.start != d.end).then_some(d.end.0))
    }

    /// Whether `sheet` has more than `max` rows with a value, counted by a pass that holds
    /// nothing: for a sheet whose declared size cannot be trusted.
    pub fn more_rows_than(&mut self, sheet: &str, max: u32) -> Result<bool> {
        let Book::Xlsx(b) = &mut self.book else { return Ok(false) };
        let err = |e: calamine::XlsxError| unreadable(&self.path, format!("{sheet}: {e}"));
        let mut reader = b.worksheet_cells_reader(sheet).map_err(err)?;
        let (mut rows, mut last) = (0u32, None);
        while let Some(cell) = reader.next_cell().map_err(err)? {
            let r = cell.get_position().0;
            if last != Some(r) && !from_ref(cell.get_value()).is_blank() {
                last = Some(r);
                rows += 1;
                if rows > max {
                    return Ok(true);
                }
            }
        }
        Ok(false)
    }

    /// Calls `each` for every row of `sheet` that has a non-empty cell, in order.
    /// `each` returns `false` to stop early.
    pub fn rows(&mut self, sheet: &str, mut each: impl FnMut(Row<'_>) -> Result<bool>) -> Result<()> {
        let path = self.path.clone();
        let err =
            |e: &dyn std::fmt::Display| Error::SheetUnreadable { file: path.clone(), reason: format!("{sheet}: {e}") };
        match &mut self.book {
            Book::Xlsx(b) => {
                // Two cores: one parses the sheet's XML, the other (this thread) takes the rows
                // in. Text from the shared strings is borrowed; inline text (streaming writers
                // put every string inline) is copied into the batch's buffer rather than into a
                // string of its own, so no cell costs an allocation here or a free over there.
                // Batches go back to the parser for reuse.
                let b: &mut Xlsx<BufReader<File>> = b;
                std::thread::scope(|scope| {
                    let (tx, rx) = std::sync::mpsc::sync_channel::<Batch<'_>>(4);
                    let (back_tx, back_rx) = std::sync::mpsc::channel::<Batch<'_>>();
                    let producer = scope.spawn(move || -> std::result::Result<(), String> {
                        let mut reader = Xlsx::worksheet_cells_reader(b, sheet).map_err(|e| e.to_string())?;
                        let mut batch = Batch::default();
                        while let Some(cell) = reader.next_cell().map_err(|e| e.to_string())? {
                            let (r, c) = cell.get_position();
                            batch.push(r, c, cell.get_value());
                            if batch.cells.len() >= BATCH_CELLS {
                                let next = back_rx.try_recv().unwrap_or_default();
                                if tx.send(std::mem::replace(&mut batch, next)).is_err() {
                                    return Ok(()); // the reader stopped: no header, or an error
                                }
                            }
                        }
                        let _ = tx.send(batch);
                        Ok(())
                    });
                    let mut outcome = Ok(());
                    let mut current: Option<u32> = None;
                    // The row in progress when a batch ended, owning its text.
                    let mut carry: Vec<(u32, Cell<'_>)> = Vec::new();
                    'batches: for mut batch in rx.iter() {
                        let Batch { cells: sent, text } = &mut batch;
                        let mut cells = std::mem::take(&mut carry);
                        for (r, c, value) in sent.drain(..) {
                            if current != Some(r) {
                                if let Some(prev) = current.filter(|_| !cells.is_empty()) {
                                    let width = cells.len();
                                    let row = std::mem::replace(&mut cells, Vec::with_capacity(width));
                                    match each((prev, row)) {
                                        Ok(true) => {}
                                        Ok(false) => break 'batches,
                                        Err(e) => {
                                            outcome = Err(e);
                                            break 'batches;
                                        }
                                    }
                                }
                                current = Some(r);
                            }
                            cells.push((c, value.cell(text)));
                        }
                        carry = cells.into_iter().map(|(c, v)| (c, v.into_owned())).collect();
                        text.clear();
                        let _ = back_tx.send(batch);
                    }
                    if outcome.is_ok() {
                        if let Some(prev) = current.filter(|_| !carry.is_empty()) {
                            outcome = each((prev, carry)).map(|_| ());
                        }
                    }
                    drop(rx);
                    match producer.join() {
                        Ok(Ok(())) => outcome,
                        Ok(Err(e)) => outcome.and(Err(err(&e))),
                        Err(_) => outcome.and(Err(err(&"the sheet reader stopped unexpectedly"))),
                    }
                })
            }
            Book::Xls(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| err(&e))?;
                range_rows(&range, each)
            }
            Book::Ods(b) => {
                let range = b.worksheet_range(sheet).map_err(|e| err(&e))?;
                range_rows(&range, each)
            }
        }
    }
}

/// Cells on their way from the parsing thread, in sheet order, and the inline text they hold.
#[derive(Default)]
struct Batch<'a> {
    cells: Vec<(u32, u32, Sent<'a>)>,
    text: String,
}

/// A cell in a [`Batch`]: its value, or where its inline text lies in the batch's buffer.
enum Sent<'a> {
    Value(Cell<'a>),
    Inline(u32, u32),
}

impl<'a> Batch<'a> {
    fn push(&mut self, r: u32, c: u32, d: &DataRef<'a>) {
        let sent = match d {
            DataRef::String(s) | DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => {
                if crate::text::is_blank_text(s) {
                    return;
                }
                let start = self.text.len() as u32;
                self.text.push_str(s);
                Sent::Inline(start, self.text.len() as u32)
            }
            d => match from_ref(d) {
                v if v.is_blank() => return,
                v => Sent::Value(v),
            },
        };
        if self.cells.capacity() == 0 {
            self.cells.reserve(BATCH_CELLS);
        }
        self.cells.push((r, c, sent));
    }
}

impl<'a> Sent<'a> {
    fn cell<'b>(self, text: &'b str) -> Cell<'b>
    where
        'a: 'b,
    {
        match self {
            Sent::Value(v) => v,
            Sent::Inline(a, b) => Cell::Text(text[a as usize..b as usize].into()),
        }
    }
}

fn range_rows(range: &calamine::Range<Data>, mut each: impl FnMut(Row<'_>) -> Result<bool>) -> Result<()> {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    for (i, row) in range.rows().enumerate() {
        let cells: Vec<(u32, Cell<'_>)> =
            row.iter().enumerate().map(|(j, d)| (c0 + j as u32, from_data(d))).filter(|(_, c)| !c.is_blank()).collect();
        if !cells.is_empty() && !each((r0 + i as u32, cells))? {
            break;
        }
    }
    Ok(())
}

fn date_of(dt: &calamine::ExcelDateTime) -> Cell<'static> {
    match dt.as_datetime() {
        Some(d) => Cell::Date(d.date()),
        None => Cell::Float(dt.as_f64()),
    }
}

fn from_ref<'a>(d: &DataRef<'a>) -> Cell<'a> {
    match d {
        DataRef::Empty => Cell::Empty,
        DataRef::String(s) => Cell::Text(s.clone().into()),
        DataRef::SharedString(s) => Cell::Text((*s).into()),
        DataRef::Int(i) => Cell::Int(*i),
        DataRef::Float(f) => Cell::Float(*f),
        DataRef::Bool(b) => Cell::Bool(*b),
        DataRef::DateTime(dt) => date_of(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => Cell::Text(s.clone().into()),
        DataRef::Error(e) => Cell::Error(e.to_string()),
    }
}

fn from_data(d: &Data) -> Cell<'_> {
    match d {
        Data::Empty => Cell::Empty,
        Data::String(s) => Cell::Text(s.as_str().into()),
        Data::Int(i) => Cell::Int(*i),
        Data::Float(f) => Cell::Float(*f),
        Data::Bool(b) => Cell::Bool(*b),
        Data::DateTime(dt) => date_of(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => Cell::Text(s.as_str().into()),
        Data::Error(e) => Cell::Error(e.to_string()),
    }
}

/// `0` → `A`, `27` → `AB`.
pub fn column_letter(mut c: u32) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (c % 26) as u8);
        if c < 26 {
            break;
        }
        c = c / 26 - 1;
    }
    s.reverse();
    String::from_utf8(s).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    #[test]
    fn letters() {
        assert_eq!(super::column_letter(0), "A");
        assert_eq!(super::column_letter(25), "Z");
        assert_eq!(super::column_letter(26), "AA");
        assert_eq!(super::column_letter(27), "AB");
        assert_eq!(super::column_letter(701), "ZZ");
        assert_eq!(super::column_letter(702), "AAA");
    }
}
