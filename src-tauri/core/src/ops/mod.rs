//! The use cases (用例): what the officer does — add, edit or remove resources, grade them with
//! the questionnaire's answers, record the secrecy review, package, verify, trust a key — each
//! one function over the workspace and one write transaction (through `store::write`). The `mulu`
//! command line and the app's commands are thin adapters over these: they parse, call and print
//! or return, so a use case behaves the same wherever it is started from.

pub mod calendar;
pub mod catalog;
pub mod corrections;
pub mod deadlines;
pub mod export;
pub mod grading;
pub mod history;
pub mod import;
pub mod keys;
pub mod maintenance;
pub mod overview;
pub mod package;
pub mod receipt;
pub mod resources;
pub mod review;
pub mod scan;
pub mod secrecy;
pub mod summary;
pub mod systems;
pub mod trust;
pub mod validate;
pub mod versions;
pub mod workspace;

#[cfg(test)]
mod deadline_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod version_tests;
