//! How one sheet was read (a leaf, shared by the reader `import` and the saved header mapping
//! `header`, so neither depends on the other for it).

use serde::Serialize;
use ts_rs::TS;

/// How one sheet was read, for the preview and the header-mapping screen.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SheetReport {
    pub sheet: String,
    /// 1-based header rows (two for a two-level header); empty when the sheet was skipped.
    pub header_rows: Vec<u32>,
    pub columns: Vec<MappedColumn>,
    pub rows: u32,
    /// Why the sheet was not read: one of `roles::SKIP_REASONS`, shown by `roles::skip_reason`.
    #[ts(type = "\"view\" | \"instructions\" | \"no-header\" | null")]
    pub skipped: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct MappedColumn {
    /// Column letter: `A`, `B`, … `AA`.
    pub column: String,
    pub header: String,
    /// The field it was mapped to; `null` when unknown (its text goes to the notes).
    pub field: Option<String>,
}
