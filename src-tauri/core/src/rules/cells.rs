//! What the catalog workbook can hold, and what an import left for the officer to resolve.
//!
//! A spreadsheet cell (单元格) holds at most 32,767 characters (UTF-16 units, as Excel counts):
//! a longer text cannot be exported or packaged, so it is an error at its field. Values an import
//! could not take, or that disagreed between the rows of one resource, were kept in the notes (or
//! the item's description) behind a marker; they stay findings until the line is deleted.

use crate::model::fields::{get, get_agency, get_item, label, AGENCY_FIELDS};
use crate::model::{Agency, InfoSystem, Resource};
use crate::sheets::export::{exported_item_keys, exported_resource_keys, over_cell, CELL_MAX};
use crate::sheets::fold::{kept_lines, Kept};

use super::Sink;

fn too_long(sink: &mut Sink, field: &str, label: &str, len: usize) {
    sink.emit(
        "field.cell_limit",
        Some(field),
        &[("label", label), ("len", &len.to_string()), ("max", &CELL_MAX.to_string())],
    );
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    for key in exported_resource_keys() {
        if let Some(n) = get(r, key).as_deref().and_then(over_cell) {
            too_long(sink, key, label(key, lang), n);
        }
    }
    for (i, item) in r.items.iter().enumerate() {
        for key in exported_item_keys() {
            if let Some(n) = get_item(item, key).as_deref().and_then(over_cell) {
                let field = format!("items[{i}].{}", &key["item.".len()..]);
                too_long(sink, &field, label(key, lang), n);
            }
        }
        if let Some(d) = &item.description {
            let field = format!("items[{i}].description");
            kept(sink, &field, d);
        }
    }
    if let Some(n) = &r.notes {
        kept(sink, "notes", n);
    }
}

/// Agency fields (机构信息) too are cells of the workbook.
pub(super) fn check_agency(a: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    for f in AGENCY_FIELDS.iter() {
        if let Some(n) = get_agency(a, &f.key).as_deref().and_then(over_cell) {
            too_long(sink, &format!("agency.{}", f.key), lang.pick(&f.zh, &f.en), n);
        }
    }
}

/// A system's description keeps the yes/no of 是否财政资金建设 an import could not read.
pub(super) fn check_systems(systems: &[InfoSystem], sink: &mut Sink) {
    for (i, s) in systems.iter().enumerate() {
        if let Some(d) = &s.description {
            kept(sink, &format!("systems[{i}].description"), d);
        }
    }
}

fn kept(sink: &mut Sink, field: &str, text: &str) {
    // Most notes are short and unmarked: look for the marker's first character before the lines.
    if !text.contains('〔') {
        return;
    }
    for (kind, line) in kept_lines(text) {
        let rule = match kind {
            Kept::Unread => "notes.unread",
            Kept::Conflict => "notes.conflict",
        };
        let shown: String = line.chars().take(80).collect();
        let shown = if shown.len() < line.len() { format!("{shown}…") } else { shown };
        sink.emit(rule, Some(field), &[("line", &shown)]);
    }
}
