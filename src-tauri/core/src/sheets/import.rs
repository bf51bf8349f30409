//! Reading a workbook into catalog records: sheet by sheet, row by row, without holding the
//! sheet in memory. Values are normalised through the same setters as every other input;
//! a value that cannot be held is kept as written (in the notes) and reported with its sheet,
//! row and column. Only a structural failure (unreadable file, no header, no name column)
//! stops the import.

use std::collections::HashMap;
use std::ops::ControlFlow;
use std::path::Path;

use super::cell::Cell;
use super::fold::{append_note, kept_line, same_name, Index, Kept};
use super::header::{self, Header};
use super::limits;
use super::roles::{read_agency, read_systems, roles, Role};
use super::source::{column_letter, Row, Workbook};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::fields::{self, label};
use crate::model::{Catalog, DataItem, GradeOrigin, Resource};
use crate::rules::{self, Finding, ResourceRef};

/// Where a value came from: the sheet (its index in `Imported::sheet_names`), the 1-based row
/// and the 0-based column. Small and `Copy`: an import keeps one for every field it read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Loc {
    pub sheet: u16,
    pub row: u32,
    pub col: u32,
}

/// Where one imported resource's values came from.
#[derive(Debug, Clone, Default)]
pub struct Places {
    /// Its first row.
    pub first: Option<Loc>,
    /// Each field's cell, by the column's index in `columns().specs`.
    pub fields: Vec<(u8, Loc)>,
    /// Each data item's row.
    pub items: Vec<Loc>,
}

pub use super::report::{MappedColumn, SheetReport};

#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    /// Read only this sheet.
    pub sheet: Option<String>,
    /// The person's corrections to the header mapping.
    pub mapping: Option<header::Mapping>,
}

pub use super::limits::MAX_ROWS;

/// What a workbook holds, before it touches a workspace.
#[derive(Debug, Default)]
pub struct Imported {
    pub catalog: Catalog,
    /// The workbook had an agency sheet (机构信息).
    pub has_agency: bool,
    pub sheets: Vec<SheetReport>,
    /// Findings raised while reading (error cells, values that could not be held, conflicts).
    pub findings: Vec<Finding>,
    /// The names of the sheets read, for `Loc::sheet`.
    pub sheet_names: Vec<String>,
    /// Per resource: where its values came from.
    pub locations: Vec<Places>,
    /// Per resource: the columns (bits by index in `columns().specs`) its sheets had; an update
    /// of a matched resource touches only these.
    pub present: Vec<u64>,
    /// Per sheet (by `Loc::sheet`): the column of each field, to point at an empty cell.
    pub field_columns: Vec<HashMap<String, u32>>,
    /// Per resource: its stored form (`store::doc`), written on the reading thread, which waits
    /// on the XML parser most of the time, as soon as the rows moved on to the next resource;
    /// `None` until then, or again when a later row or sheet changed it.
    pub docs: Vec<Option<String>>,
}

impl Imported {
    /// Writes the stored form of a resource the rows have moved on from (see `docs`), with its
    /// classification derived from its code as the commit would.
    fn encode(&mut self, i: usize) {
        let r = &mut self.catalog.resources[i];
        r.derive_classification();
        self.docs[i] = crate::store::doc::encode(r).ok();
    }

    /// Attaches the cell position to a finding about an imported resource: the row, and the
    /// column only when the sheet has one for the field (a missing 来源业务 is on no cell).
    pub fn locate(&self, f: &mut Finding) {
        let Some(places) = f.resource_index.and_then(|i| self.locations.get(i)) else { return };
        let field = f.field.as_deref().unwrap_or("");
        let column_in =
            |sheet: u16, key: &str| self.field_columns.get(sheet as usize).and_then(|m| m.get(key)).copied();
        let cols = super::columns::columns();
        let loc = cols
            .index(field)
            .and_then(|i| places.fields.iter().find(|(k, _)| *k as usize == i))
            .map(|(_, l)| (*l, Some(l.col)))
            .or_else(|| {
                // A data item's field: the item's row, in that field's column.
                if let Some((head, tail)) = field.split_once("].") {
                    let n: usize = head.strip_prefix("items[")?.parse().ok()?;
                    let l = *places.items.get(n)?;
                    return Some((l, column_in(l.sheet, &format!("item.{tail}"))));
                }
                // An empty cell (or one entry of a list, `related_codes[1]`): the resource's first row.
                let key = field.strip_suffix(']').and_then(|f| f.rsplit_once('[')).map_or(field, |(k, _)| k);
                let first = places.first?;
                Some((first, column_in(first.sheet, key)))
            });
        if let Some((l, col)) = loc {
            f.sheet = self.sheet_names.get(l.sheet as usize).cloned();
            f.row = Some(l.row);
            f.column = col.map(column_letter);
        }
    }
}

/// Keys that are read but never stored.
fn ignored(key: &str) -> bool {
    matches!(key, "seq" | "item.seq" | header::IGNORE)
}

fn is_item_key(key: &str) -> bool {
    key.starts_with("item.")
}

/// Where a read is: the sheet being read, and the rows read from the workbook so far.
#[derive(Debug, Clone, Copy)]
pub struct Progress<'a> {
    pub sheet: &'a str,
    pub rows: u64,
}

/// Rows read between two reports of progress: often enough to stop a city-sized sheet within
/// a fraction of a second, rarely enough to cost nothing.
pub const PROGRESS_ROWS: u64 = 2000;

/// Reads a workbook. Nothing is written anywhere.
pub fn read(path: &Path, opts: &ImportOptions, lang: Lang) -> Result<Imported> {
    read_with(path, opts, lang, &mut |_| ControlFlow::Continue(()))
}

/// As [`read`], telling `progress` as each sheet starts and every [`PROGRESS_ROWS`] rows;
/// `Break` stops the read at once with [`Error::Cancelled`].
pub fn read_with(
    path: &Path,
    opts: &ImportOptions,
    lang: Lang,
    progress: &mut dyn FnMut(Progress<'_>) -> ControlFlow<()>,
) -> Result<Imported> {
    let mut book = Workbook::open(path)?;
    let names = book.sheet_names();
    if let Some(s) = &opts.sheet {
        if !names.contains(s) {
            return Err(Error::SheetNotFound { file: path.to_path_buf(), sheet: s.clone(), sheets: names });
        }
    }
    if let Some(m) = &opts.mapping {
        m.validate()?;
    }
    let mut st = State {
        lang,
        mapping: opts.mapping.clone(),
        out: Imported::default(),
        index: Index::default(),
        rows_seen: 0,
        text_bytes: 0,
    };
    let mut data_sheets = 0;
    for (name, role) in roles(&names, opts.sheet.as_deref()) {
        let skip = |reason: &str| SheetReport {
            sheet: name.clone(),
            header_rows: vec![],
            columns: vec![],
            rows: 0,
            skipped: Some(reason.into()),
        };
        match role {
            Role::Agency => read_agency(&mut book, name, &mut st.out)?,
            Role::Systems => read_systems(&mut book, name, &mut st.out)?,
            Role::View => st.out.sheets.push(skip("view")),
            Role::Instructions => st.out.sheets.push(skip("instructions")),
            Role::Data => match read_sheet(&mut book, name, &mut st, progress)? {
                true => data_sheets += 1,
                false => st.out.sheets.push(skip("no-header")),
            },
        }
    }
    if data_sheets == 0 {
        let sheet = opts.sheet.clone().unwrap_or_else(|| names.join("、"));
        return Err(Error::NoHeader { file: path.to_path_buf(), sheet });
    }
    Ok(st.out)
}

struct State {
    lang: Lang,
    mapping: Option<header::Mapping>,
    out: Imported,
    /// Resources of this import by code and by name, for rows that continue one.
    index: Index,
    /// Rows read from every sheet so far, for the progress reports.
    rows_seen: u64,
    /// Bytes of cell text read so far (`limits::MAX_TEXT_BYTES`).
    text_bytes: u64,
}

fn read_sheet(
    book: &mut Workbook,
    sheet: &str,
    st: &mut State,
    progress: &mut dyn FnMut(Progress<'_>) -> ControlFlow<()>,
) -> Result<bool> {
    if progress(Progress { sheet, rows: st.rows_seen }).is_break() {
        return Err(Error::Cancelled);
    }
    let path = book.path.clone();
    let index = st.out.sheet_names.len() as u16;
    st.out.sheet_names.push(sheet.to_string());
    st.out.field_columns.push(HashMap::new());
    let mut reader = SheetReader::new(sheet, index, book.is_1904);
    reader.trusted_until = limits::rows_before_reading(book, sheet)?;
    let mut failure: Option<Error> = None;
    book.rows(sheet, |row| {
        st.rows_seen += 1;
        if st.rows_seen % PROGRESS_ROWS == 0 && progress(Progress { sheet, rows: st.rows_seen }).is_break() {
            failure = Some(Error::Cancelled);
            return Ok(false);
        }
        match reader.row(&path, row, st) {
            Ok(go_on) => Ok(go_on),
            Err(e) => {
                failure = Some(e);
                Ok(false)
            }
        }
    })?;
    if let Some(e) = failure {
        return Err(e);
    }
    reader.finish(&path, st)
}

/// The state of reading one sheet: the rows kept while looking for the header, then the
/// resource the current rows belong to and what its first row said.
struct SheetReader<'s> {
    sheet: &'s str,
    /// This sheet's index in `Imported::sheet_names`.
    sheet_index: u16,
    /// The bits of `Imported::present` this sheet's columns set.
    columns_present: u64,
    is_1904: bool,
    head: Vec<Row<'static>>,
    header: Option<Header>,
    current: Option<usize>,
    /// Raw text of each resource-level column in the first row of the current resource, to
    /// tell a repeated or merged-down row (the same) from a disagreeing one.
    stretch: Vec<Option<String>>,
    /// The current resource was read before this stretch (another sheet, an earlier row).
    revisit: bool,
    rows_read: u32,
    items: Vec<(usize, usize)>,
    /// The last row the sheet declared, while no row has gone past it (`limits`).
    trusted_until: Option<u32>,
}

impl<'s> SheetReader<'s> {
    fn new(sheet: &'s str, sheet_index: u16, is_1904: bool) -> Self {
        SheetReader {
            sheet,
            sheet_index,
            columns_present: 0,
            is_1904,
            head: Vec::new(),
            header: None,
            current: None,
            stretch: Vec::new(),
            revisit: false,
            rows_read: 0,
            items: Vec::new(),
            trusted_until: None,
        }
    }

    /// Takes one row; `false` stops the sheet (no header in the search window).
    fn row(&mut self, path: &Path, row: Row<'_>, st: &mut State) -> Result<bool> {
        limits::past_declared(path, self.sheet, &mut self.trusted_until, row.0)?;
        // Counted before the row is kept, whether above the header or below it.
        limits::count_text(path, &mut st.text_bytes, &row.1)?;
        if self.header.is_some() {
            if self.rows_read >= MAX_ROWS {
                return Err(Error::SheetTooLarge { file: path.to_path_buf(), sheet: self.sheet.into(), max: MAX_ROWS });
            }
            self.data_row(row, st);
            limits::count_resources(path, st.out.catalog.resources.len())?;
            return Ok(true);
        }
        self.head.push((row.0, row.1.into_iter().map(|(c, v)| (c, v.into_owned())).collect()));
        if self.head.len() < header::SEARCH_ROWS {
            return Ok(true);
        }
        self.begin(path, st)
    }

    /// Finds the header in the kept rows and reads the rows below it.
    fn begin(&mut self, path: &Path, st: &mut State) -> Result<bool> {
        let head = std::mem::take(&mut self.head);
        let Some(h) = start(path, self.sheet, self.sheet_index, &head, st)? else { return Ok(false) };
        self.columns_present = h
            .columns
            .iter()
            .filter_map(|c| c.spec)
            .filter(|&i| !ignored(&super::columns::columns().specs[i as usize].key))
            .fold(0u64, |bits, i| bits | 1 << i);
        let last = h.last_row();
        self.stretch = vec![None; h.columns.len()];
        self.header = Some(h);
        for r in head.into_iter().filter(|r| r.0 > last) {
            self.data_row(r, st);
        }
        Ok(true)
    }

    fn finish(mut self, path: &Path, st: &mut State) -> Result<bool> {
        if self.header.is_none() && !self.head.is_empty() {
            // A short sheet: fewer rows than the search window.
            self.begin(path, st)?;
        }
        let Some(h) = &self.header else { return Ok(false) };
        if !h.has("item.is_identifier") && !h.has("item.is_personal") {
            // Item names repeat across a catalog (姓名, 身份证号 …): classify each name once.
            let mut memo: HashMap<String, (bool, bool)> = HashMap::new();
            for &(r, i) in &self.items {
                let item = &mut st.out.catalog.resources[r].items[i];
                let (id, personal) = match memo.get(item.name.as_str()) {
                    Some(&flags) => flags,
                    None => {
                        let mut probe = DataItem { name: item.name.clone(), ..Default::default() };
                        crate::rules::identity::detect_item_flags(&mut probe);
                        memo.insert(probe.name, (probe.is_identifier, probe.is_personal));
                        (probe.is_identifier, probe.is_personal)
                    }
                };
                if (id && !item.is_identifier) || (personal && !item.is_personal) {
                    item.is_identifier |= id;
                    item.is_personal |= personal;
                    st.out.docs[r] = None;
                }
            }
        }
        if let Some(report) = st.out.sheets.iter_mut().rev().find(|s| s.sheet == self.sheet) {
            report.rows = self.rows_read;
        }
        Ok(true)
    }

    fn data_row(&mut self, (row, cells): Row<'_>, st: &mut State) {
        let h = self.header.as_ref().expect("called after the header was found");
        let (sheet, lang) = (self.sheet, st.lang);
        self.rows_read += 1;
        let sheet_index = self.sheet_index;
        let loc = |col: u32| Loc { sheet: sheet_index, row: row + 1, col };
        let cell_of = |hc: Option<&header::HeaderColumn>| hc.and_then(|hc| cells.iter().find(|(c, _)| *c == hc.col));
        let name_col = h.col_of("name");
        let name = cell_of(name_col).map(|(_, v)| crate::text::clean_line(&v.text())).unwrap_or_default();
        let code = cell_of(h.col_of("code")).map(|(_, v)| crate::text::clean_code(&v.text())).unwrap_or_default();
        // A row that repeats the header (printed on every page) is not data.
        if name_col.is_some_and(|c| c.text == name) {
            let repeats = cells
                .iter()
                .filter(|(c, v)| {
                    h.column(*c).is_some_and(|hc| hc.key.is_some() && crate::text::clean_line(&v.text()) == hc.text)
                })
                .count();
            if repeats * 2 > cells.len() && repeats >= 2 {
                return;
            }
        }

        let target = st.index.target(&code, &name, self.current, &st.out.catalog.resources);
        let ri = match target {
            Some(i) => i,
            None => {
                let i = st.out.catalog.resources.len();
                st.out.catalog.resources.push(Resource::default());
                st.out
                    .locations
                    .push(Places { first: Some(loc(cells.first().map(|c| c.0).unwrap_or(0))), ..Default::default() });
                st.out.present.push(0);
                st.out.docs.push(None);
                i
            }
        };
        if self.current != Some(ri) {
            if let Some(left) = self.current {
                st.out.encode(left);
            }
            self.revisit = target.is_some();
            self.stretch.iter_mut().for_each(|v| *v = None);
            st.out.present[ri] |= self.columns_present;
        }
        self.current = Some(ri);

        let mut item: Option<DataItem> = None;
        let mut item_col: Option<u32> = None;
        let mut findings: Vec<Finding> = Vec::new();
        let mut notes: Vec<String> = Vec::new();
        // Lines for the data item's description, added after its cells (a description column
        // later in the row would otherwise overwrite them).
        let mut item_notes: Vec<String> = Vec::new();
        st.out.docs[ri] = None;
        let resource = &mut st.out.catalog.resources[ri];
        let locs = &mut st.out.locations[ri];
        let located = |f: Option<Finding>, col: u32, findings: &mut Vec<Finding>| {
            if let Some(mut f) = f {
                f.sheet = Some(sheet.into());
                f.row = Some(row + 1);
                f.column = Some(column_letter(col));
                findings.push(f);
            }
        };
        let rejected = |e: Error| match e {
            Error::InvalidValue { expected, .. } => expected,
            _ => String::new(),
        };
        for (col, cell) in cells {
            let Some(ci) = h.index_of(col) else { continue };
            let hc = &h.columns[ci];
            let Some(key) = hc.key.as_deref() else {
                if !hc.text.is_empty() {
                    notes.push(format!("{}: {}", hc.text, crate::text::clean(&cell.text())));
                }
                continue;
            };
            if ignored(key) {
                continue;
            }
            if let Cell::Error(e) = &cell {
                located(
                    rules::finding("import.error_cell", lang, None, Some(key), &[("value", e)]),
                    col,
                    &mut findings,
                );
                // Kept, marked, where validation keeps reporting it (`notes.unread`).
                let line = kept_line(Kept::Unread, &hc.text, e);
                if is_item_key(key) {
                    item.get_or_insert_with(DataItem::default);
                    item_col.get_or_insert(col);
                    item_notes.push(line);
                } else {
                    notes.push(line);
                }
                continue;
            }
            if is_item_key(key) {
                let text = cell.text();
                let it = item.get_or_insert_with(DataItem::default);
                if let Err(e) = fields::set_item(it, key, &text) {
                    let (l, expected) = (label(key, lang), rejected(e));
                    let args = [("label", l), ("value", &text), ("expected", &expected)];
                    located(rules::finding("import.value", lang, None, Some(key), &args), col, &mut findings);
                    item_notes.push(kept_line(Kept::Unread, &hc.text, &text));
                }
                item_col.get_or_insert(col);
                continue;
            }
            // Resource-level: rows of one resource (merged down or repeated) must agree.
            let raw = cell.text();
            if let Some(prev) = &self.stretch[ci] {
                // Names that differ only in spaces or widths are one name (how rows fold).
                if **prev != *raw && !(key == "name" && same_name(prev, &raw)) {
                    let l = label(key, lang);
                    let args = [("label", l), ("first", prev.as_str()), ("value", &raw)];
                    located(rules::finding("import.conflict", lang, None, Some(key), &args), col, &mut findings);
                    notes.push(kept_line(Kept::Conflict, &hc.text, &raw));
                }
                continue;
            }
            let text = match key {
                "published_on" => cell.date(self.is_1904).map(|d| d.to_string()).unwrap_or_else(|| raw.to_string()),
                _ => raw.to_string(),
            };
            self.stretch[ci] = Some(raw.into_owned());
            if self.revisit {
                // Read before from another sheet or row: fill what is empty; a different value
                // (after normalising both) is a conflict, the first kept.
                if let Some(old) = fields::get(resource, key) {
                    let mut probe = Resource::default();
                    let same = (fields::set(&mut probe, key, &text).is_ok()
                        && fields::get(&probe, key).as_deref() == Some(old.as_str()))
                        || (key == "name" && same_name(&old, &text));
                    if !same {
                        let l = label(key, lang);
                        let args = [("label", l), ("first", old.as_str()), ("value", &text)];
                        located(rules::finding("import.conflict", lang, None, Some(key), &args), col, &mut findings);
                        notes.push(kept_line(Kept::Conflict, &hc.text, &text));
                    }
                    continue;
                }
            }
            if let Some(i) = hc.spec {
                if !locs.fields.iter().any(|(k, _)| *k == i) {
                    locs.fields.push((i, loc(col)));
                }
            }
            match fields::set(resource, key, &text) {
                Ok(()) if key == "sensitivity" => resource.mark_grade_unconfirmed(GradeOrigin::Import),
                Ok(()) => {}
                Err(e) => {
                    let (l, expected) = (label(key, lang), rejected(e));
                    let args = [("label", l), ("value", text.as_str()), ("expected", &expected)];
                    located(rules::finding("import.value", lang, None, Some(key), &args), col, &mut findings);
                    notes.push(kept_line(Kept::Unread, &hc.text, &text));
                }
            }
        }
        for n in notes {
            append_note(resource, n);
        }
        if let Some(mut it) = item {
            for line in item_notes {
                let d = it.description.get_or_insert_with(String::new);
                if !d.is_empty() {
                    d.push('\n');
                }
                d.push_str(&line);
            }
            let n = resource.items.len();
            locs.items.push(loc(item_col.unwrap_or(0)));
            resource.items.push(it);
            self.items.push((ri, n));
        }
        if !findings.is_empty() {
            let rref = ResourceRef { code: resource.code.clone(), name: resource.name.clone() };
            for mut f in findings {
                f.resource = Some(rref.clone());
                f.resource_index = Some(ri);
                st.out.findings.push(f);
            }
        }
        st.index.note(code, name, ri);
    }
}

/// Detects the header, checks for a name column, and records the sheet's report.
fn start(path: &Path, sheet: &str, sheet_index: u16, rows: &[Row], st: &mut State) -> Result<Option<Header>> {
    let Some(mut h) = header::find(rows, st.mapping.as_ref()) else { return Ok(None) };
    if let Some(m) = &st.mapping {
        m.apply(&mut h);
    }
    if !h.has("name") {
        return Err(Error::NoNameColumn { file: path.to_path_buf(), sheet: sheet.into() });
    }
    for c in h.columns.iter().filter(|c| c.key.is_none() && !c.text.is_empty()) {
        if let Some(mut f) = rules::finding("import.unknown_column", st.lang, None, None, &[("header", &c.text)]) {
            f.sheet = Some(sheet.into());
            f.row = h.rows.last().map(|r| r + 1);
            f.column = Some(column_letter(c.col));
            st.out.findings.push(f);
        }
    }
    st.out.field_columns[sheet_index as usize] =
        h.columns.iter().filter_map(|c| c.key.clone().map(|k| (k, c.col))).collect();
    st.out.sheets.push(SheetReport {
        sheet: sheet.into(),
        header_rows: h.rows.iter().map(|r| r + 1).collect(),
        columns: h
            .columns
            .iter()
            .map(|c| MappedColumn { column: column_letter(c.col), header: c.text.clone(), field: c.key.clone() })
            .collect(),
        rows: 0,
        skipped: None,
    });
    Ok(Some(h))
}
