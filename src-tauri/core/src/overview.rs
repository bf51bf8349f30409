//! What the desktop shell shows on opening a workspace: the agency profile, every resource with
//! its own findings and how complete its metadata is, the catalog's summary, and what an undo
//! would reverse — computed here so the UI computes no rule.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::fields::RESOURCE_FIELDS;
use crate::model::{Agency, Resource};
use crate::rules::{self, Context, Finding, Summary};
use crate::store::{UndoNext, Workspace};

#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourceRow {
    #[ts(type = "number")]
    pub id: i64,
    pub resource: Resource,
    pub findings: Vec<Finding>,
    pub completeness: Completeness,
}

/// How far a resource's metadata (step 3) is filled in: the required fields the rules do not
/// report as missing. The grade is left out: it is step 4's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Completeness {
    pub filled: usize,
    pub required: usize,
    /// The keys of the required fields still empty, in the guide's order.
    pub missing: Vec<String>,
}

/// Fields required by the guide that step 3 does not ask for.
const NOT_METADATA: &[&str] = &["sensitivity"];

pub fn completeness(findings: &[Finding]) -> Completeness {
    let missing: Vec<String> = RESOURCE_FIELDS
        .iter()
        .filter(|s| s.required && !NOT_METADATA.contains(&s.key))
        .filter(|s| {
            findings.iter().any(|f| {
                matches!(f.rule.as_str(), "field.required" | "item.required") && f.field.as_deref() == Some(s.key)
            })
        })
        .map(|s| s.key.to_string())
        .collect();
    let required = RESOURCE_FIELDS.iter().filter(|s| s.required && !NOT_METADATA.contains(&s.key)).count();
    Completeness { filled: required - missing.len(), required, missing }
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
    /// What the next undo would reverse; `None` when there is nothing to undo.
    pub undo: Option<UndoNext>,
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
            .map(|((id, resource), findings)| ResourceRow {
                id,
                resource,
                completeness: completeness(&findings),
                findings,
            })
            .collect(),
        summary: report.summary,
        // The overview is what the app shows: the refusal is worded for it.
        undo: ws.next_undo(ctx.lang, crate::i18n::Face::App)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn completeness_counts_the_required_fields_the_rules_find_missing() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("o.mulu")).unwrap();
        let full = crate::sample::resource();
        let mut bare = crate::model::Resource { name: "村级集体资产台账".into(), ..Default::default() };
        crate::model::fields::set(&mut bare, "format", "电子表格 xlsx").unwrap();
        ws.add_resources(vec![full, bare]).unwrap();
        let o = overview(&ws, &Context::now(crate::Lang::Zh)).unwrap();
        let done = &o.resources[0].completeness;
        assert_eq!((done.filled, done.required), (12, 12), "{done:?}");
        let c = &o.resources[1].completeness;
        assert_eq!(
            c.missing,
            [
                "code",
                "provider_name",
                "provider_code",
                "abstract",
                "items",
                "sharing.type",
                "open.type",
                "update_cycle",
                "published_on"
            ],
            "the sensitivity is step 4's; the classification follows the code"
        );
        assert_eq!(c.filled + c.missing.len(), c.required);
        assert_eq!(o.undo.as_ref().map(|u| u.action.as_str()), Some("resource.add_many"));
    }
}
