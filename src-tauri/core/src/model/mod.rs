//! The catalog's records. Plain data with serde; no I/O here.

pub mod agency;
pub mod basis;
pub mod catalog;
pub mod domain;
pub mod fields;
pub mod labels;
pub mod names;
pub mod registry;
pub mod resource;

pub use agency::{Agency, InfoSystem};
pub use catalog::{Catalog, View, SCHEMA_VERSION};
pub use domain::{Coded, Domain};
pub use resource::{
    Classification, DataItem, Format, GradeOrigin, Grading, Open, Provenance, Resource, SecrecyReview, Sharing,
    SharingMethod,
};

#[cfg(test)]
mod registry_tests;
