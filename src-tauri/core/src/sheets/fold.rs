//! Which resource a row belongs to, and what an import keeps of a value it could not take.
//!
//! Rows fold into one resource only when they are the same resource: the same code and the same
//! name after normalisation (or no name: a merged or blank name cell). A code repeated with a
//! different name is a copy-paste slip between two resources: both are kept, and the catalog's
//! `code.duplicate` error stays on both until one is corrected.

use std::collections::HashMap;

use crate::model::Resource;
use crate::text::match_key;

/// The resources of one import by code and by name, for rows that continue one.
#[derive(Debug, Default)]
pub(super) struct Index {
    /// Every resource read with this code, in order (more than one only after a slip).
    by_code: HashMap<String, Vec<usize>>,
    by_name: HashMap<String, usize>,
}

/// Two names of one resource: equal as written, or after normalisation (width, case, spaces).
pub(super) fn same_name(a: &str, b: &str) -> bool {
    a == b || match_key(a) == match_key(b)
}

impl Index {
    /// The resource a row with this (cleaned) code and name continues, if any; `current` is the
    /// resource the rows above belong to.
    pub fn target(&self, code: &str, name: &str, current: Option<usize>, resources: &[Resource]) -> Option<usize> {
        if code.is_empty() && name.is_empty() {
            return current;
        }
        if code.is_empty() {
            return self.by_name.get(name).copied();
        }
        let candidates = self.by_code.get(code)?;
        if name.is_empty() {
            // A merged-down name cell: the resource above when it has this code, else the first.
            return current.filter(|c| candidates.contains(c)).or_else(|| candidates.first().copied());
        }
        candidates.iter().copied().find(|&i| {
            let known = &resources[i].name;
            known.is_empty() || same_name(known, name)
        })
    }

    /// Records that resource `ri` was read with this code and name.
    pub fn note(&mut self, code: String, name: String, ri: usize) {
        if !code.is_empty() {
            let list = self.by_code.entry(code).or_default();
            if !list.contains(&ri) {
                list.push(ri);
            }
        }
        if !name.is_empty() {
            self.by_name.entry(name).or_insert(ri);
        }
    }
}

/// Why an import kept a value in the notes rather than in its field. The line starts with a
/// marker the rules look for (`notes.unread`, `notes.conflict`), so the finding stays after the
/// commit until the officer resolves it and deletes the line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kept {
    /// The value could not be held (a yes/no that is neither) or the cell was an error value.
    Unread,
    /// Another row of the same resource gave a different value; the first was kept.
    Conflict,
}

/// Marker of a value the import could not read (未识别).
pub const UNREAD: &str = "〔导入未识别〕";
/// Marker of a value that disagreed with the resource's other rows (不一致).
pub const CONFLICT: &str = "〔导入不一致〕";

/// The notes line for a value kept: `〔marker〕header: value`.
pub fn kept_line(kept: Kept, header: &str, value: &str) -> String {
    let marker = match kept {
        Kept::Unread => UNREAD,
        Kept::Conflict => CONFLICT,
    };
    format!("{marker}{header}: {value}")
}

/// The marked lines of a notes or description text: (kind, `header: value`).
pub fn kept_lines(text: &str) -> impl Iterator<Item = (Kept, &str)> {
    text.lines().filter_map(|l| {
        let l = l.trim_start();
        if let Some(rest) = l.strip_prefix(UNREAD) {
            Some((Kept::Unread, rest))
        } else {
            l.strip_prefix(CONFLICT).map(|rest| (Kept::Conflict, rest))
        }
    })
}

/// Adds a line to a resource's notes, once.
pub(super) fn append_note(r: &mut Resource, line: String) {
    match &mut r.notes {
        Some(n) if n.lines().any(|l| l == line) => {}
        Some(n) => {
            n.push('\n');
            n.push_str(&line);
        }
        None => r.notes = Some(line),
    }
}
