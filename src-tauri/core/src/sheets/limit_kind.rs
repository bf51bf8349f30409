//! Which limit a workbook is over (`Error::SheetLimit`): a leaf of its own so that the error
//! module names it without depending on the reader that enforces it (`sheets::limits`).

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    SharedStringsBytes,
    SharedStrings,
    StringBytes,
    TextBytes,
    Resources,
    /// The grids an .xls or .ods is read into (`whole::MAX_GRID_CELLS`).
    Cells,
    /// An .xls file (`whole::MAX_XLS_BYTES`).
    XlsBytes,
}
