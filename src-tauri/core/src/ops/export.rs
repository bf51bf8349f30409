//! Exports (导出): the catalog workbook, the fill-in template, the open catalog as DCAT, and a
//! project catalog (the workbook of one information system's resources).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::opening::Withheld;
use crate::output::{check_output, OutputKind};
use crate::rules::Context;
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

/// What an export wrote.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Exported {
    /// The resources it holds (none for the template; the open catalog's for DCAT).
    pub resources: usize,
    /// Resources marked for opening that the open catalog left out, with why (DCAT and the
    /// workbook's 开放目录).
    pub withheld: Vec<Withheld>,
}

/// Writes one export to `out`. The workspace, a key, a package or (without `force`) any file of
/// another kind is refused. The open catalog (the DCAT file, the workbook's 开放目录) is gated
/// as of `ctx.today` ([`crate::opening`]).
pub fn write(ws: &Workspace, kind: ExportKind, out: &Path, force: bool, ctx: &Context) -> Result<Exported> {
    check_output(out, kind.output(), Some(ws.path()), &[], force)?;
    match kind {
        ExportKind::Catalog => {
            let catalog = ws.catalog()?;
            let open = crate::opening::gate_validated(&catalog, ctx);
            crate::sheets::export::export_catalog_created(&catalog, &open, out, None)?;
            Ok(Exported { resources: catalog.resources.len(), withheld: open.withheld })
        }
        ExportKind::Template => crate::sheets::export_template(&ws.agency()?, out).map(|_| Exported::default()),
        ExportKind::Dcat => {
            let catalog = ws.catalog()?;
            let open = crate::opening::gate_validated(&catalog, ctx);
            crate::dcat::export_dcat(&catalog, &open, out)?;
            Ok(Exported { resources: open.open.len(), withheld: open.withheld })
        }
    }
}

/// A project catalog written (项目目录, G Art. 17).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProjectExport {
    pub system: String,
    pub path: String,
    /// The resources of the system it holds.
    pub resources: usize,
}

/// Writes the project catalog of `system` to `out`: the catalog workbook of the resources whose
/// source system (来源系统) it is — the attachment the approval of a system built with public
/// funds needs (G Art. 17). Refused for an unknown system or one not built with public funds.
pub fn project(ws: &Workspace, system: &str, out: &Path, force: bool) -> Result<ProjectExport> {
    let name = crate::text::clean_line(system);
    let found = ws.systems()?.into_iter().find(|s| s.name == name);
    let Some(found) = found else { return Err(crate::error::Error::SystemNotFound { name }) };
    if !found.public_funds {
        return Err(crate::error::Error::ProjectNotPublic { name });
    }
    check_output(out, OutputKind::Workbook, Some(ws.path()), &[], force)?;
    let mut catalog = ws.catalog()?;
    catalog.resources.retain(|r| r.source_system.as_deref() == Some(name.as_str()));
    catalog.systems = vec![found];
    crate::sheets::export_catalog(&catalog, out)?;
    Ok(ProjectExport { system: name, path: out.display().to_string(), resources: catalog.resources.len() })
}
