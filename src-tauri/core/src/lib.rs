//! Mulu's domain: the government data resource catalog (政务数据资源目录), its validation rules
//! and its SQLite store. No Tauri and no UI here, so the whole domain builds and tests fast and
//! the `mulu` command line and the desktop app share exactly the same behaviour.

pub mod bindings;
pub mod calendar;
pub mod dcat;
pub mod error;
pub mod error_codes;
mod error_text;
pub mod fsutil;
pub mod grading;
pub mod i18n;
pub mod ids;
pub mod messages;
pub mod model;
pub mod ops;
pub mod output;
pub mod overview;
pub mod package;
pub mod review;
pub mod rules;
#[doc(hidden)]
pub mod sample;
pub mod scan;
pub mod sheets;
pub mod store;
pub mod text;

#[cfg(test)]
mod layers_tests;
#[cfg(test)]
mod unicode_tests;

pub use error::{Error, Result};
pub use i18n::Lang;
pub use model::{Agency, Catalog, DataItem, InfoSystem, Resource};
