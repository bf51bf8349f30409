//! What the desktop shell shows on opening a workspace: the agency profile, every resource with
//! its own findings, and the catalog's summary — computed here so the UI computes no rule.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::{Agency, Resource};
use crate::rules::{self, Context, Finding, Summary};
use crate::store::Workspace;

#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourceRow {
    #[ts(type = "number")]
    pub id: i64,
    pub resource: Resource,
    pub findings: Vec<Finding>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct Overview {
    pub path: String,
    /// Whether an agency profile was ever saved (a new workspace has none).
    pub has_agency: bool,
    pub agency: Agency,
    /// Findings on the agency profile and the catalog as a whole.
    pub catalog_findings: Vec<Finding>,
    pub resources: Vec<ResourceRow>,
    pub summary: Summary,
}

pub fn overview(ws: &Workspace, ctx: &Context) -> Result<Overview> {
    let (ids, catalog) = ws.catalog_with_ids()?;
    let report = rules::validate(&catalog, ctx);
    let mut per: Vec<Vec<Finding>> = vec![Vec::new(); catalog.resources.len()];
    let mut catalog_findings = Vec::new();
    for f in report.findings {
        match f.resource_index {
            Some(i) => per[i].push(f),
            None => catalog_findings.push(f),
        }
    }
    let crate::model::Catalog { agency, resources, .. } = catalog;
    Ok(Overview {
        path: ws.path().display().to_string(),
        has_agency: ws.has_agency()?,
        agency,
        catalog_findings,
        resources: ids
            .into_iter()
            .zip(resources)
            .zip(per)
            .map(|((id, resource), findings)| ResourceRow { id, resource, findings })
            .collect(),
        summary: report.summary,
    })
}
