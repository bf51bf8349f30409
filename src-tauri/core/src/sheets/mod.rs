//! Spreadsheets both ways: import the catalogs officers keep in Excel/WPS (calamine) and export
//! the catalog workbook (rust_xlsxwriter).

pub mod apply;
pub mod cell;
pub mod columns;
pub mod draft;
pub mod export;
pub mod fold;
pub mod header;
pub mod import;
pub mod limit_kind;
pub mod limits;
mod long_text;
pub mod report;
pub mod roles;
pub mod source;
pub mod template;
mod whole;

pub use apply::{commit, plan, ImportPlan};
pub use export::export_catalog;
pub use import::{read, read_with, ImportOptions, Imported};
pub use template::export_template;

#[cfg(test)]
mod formats;
#[cfg(test)]
mod hostile;
#[cfg(test)]
mod hostile_whole;
#[cfg(test)]
mod integrity;
#[cfg(test)]
mod officer_tests;
#[cfg(test)]
mod tests;
