//! Exports (导出): the catalog workbook, the fill-in template and the open catalog as DCAT.

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::model::View;
use crate::output::{check_output, OutputKind};
use crate::store::Workspace;

/// What to export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ExportKind {
    /// The catalog workbook: resource, sharing and open catalogs, and the data items.
    Catalog,
    /// The fill-in template, with dropdowns and required-field marks.
    Template,
    /// The open catalog as DCAT 3 JSON-LD.
    Dcat,
}

impl ExportKind {
    /// The kind of file it writes, for the output guard.
    pub fn output(self) -> OutputKind {
        match self {
            ExportKind::Dcat => OutputKind::Json,
            _ => OutputKind::Workbook,
        }
    }
}

/// Writes one export to `out`; returns how many resources it holds (none for the template).
/// The workspace, a key, a package or (without `force`) any file of another kind is refused.
pub fn write(ws: &Workspace, kind: ExportKind, out: &Path, force: bool) -> Result<usize> {
    check_output(out, kind.output(), Some(ws.path()), &[], force)?;
    match kind {
        ExportKind::Catalog => {
            let catalog = ws.catalog()?;
            crate::sheets::export_catalog(&catalog, out)?;
            Ok(catalog.resources.len())
        }
        ExportKind::Template => crate::sheets::export_template(&ws.agency()?, out).map(|_| 0),
        ExportKind::Dcat => {
            let catalog = ws.catalog()?;
            crate::dcat::export_dcat(&catalog, out)?;
            Ok(catalog.view(View::Open).count())
        }
    }
}
