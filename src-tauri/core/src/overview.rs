//! What the desktop shell shows on opening a workspace: the agency profile, every resource as a
//! light summary with its own findings and how complete its metadata is, the catalog's summary,
//! and what an undo would reverse — computed here so the UI computes no rule. A whole record is
//! sent only on demand ([`resource_detail`]): the overview is reloaded after every edit, and at
//! 20,000 resources whole records made it tens of megabytes.

use serde::Serialize;
use ts_rs::TS;

use crate::model::domain::{Coded, OpenType, Sensitivity, SharingType, UpdateCycle};
use crate::model::fields::RESOURCE_FIELDS;
use crate::model::{Agency, Format, GradeOrigin, Resource, SecrecyReview};
use crate::rules::{Finding, RuleInfo, Summary};
use crate::store::UndoNext;

/// A resource as the lists, steps and counts show it: no data items, no long texts. It has no
/// `resource` field on purpose, so the UI cannot mistake it for a record it could save back.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ResourceSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub code: Option<String>,
    pub name: String,
    pub provider_name: Option<String>,
    pub format: Format,
    #[ts(type = "string | null")]
    pub sensitivity: Option<Coded<Sensitivity>>,
    #[ts(type = "string | null")]
    pub sharing_type: Option<Coded<SharingType>>,
    #[ts(type = "string | null")]
    pub open_type: Option<Coded<OpenType>>,
    #[ts(type = "string | null")]
    pub update_cycle: Option<Coded<UpdateCycle>>,
    pub source_system: Option<String>,
    pub source_business: Option<String>,
    pub item_count: usize,
    /// Whether the grade was suggested by the questionnaire (step 4's list ticks it).
    pub graded_by_questionnaire: bool,
    /// Where the grade came from while the officer has not confirmed it (step 4: "to confirm").
    pub grade_unconfirmed: Option<GradeOrigin>,
    pub secrecy_review: Option<SecrecyReview>,
    pub findings: Vec<Finding>,
    pub completeness: Completeness,
}

impl ResourceSummary {
    /// The one place a summary is made from a record.
    pub fn new(id: i64, r: Resource, findings: Vec<Finding>) -> Self {
        let grade_unconfirmed = r.unconfirmed_grade();
        ResourceSummary {
            id,
            completeness: completeness(&findings),
            findings,
            code: r.code,
            name: r.name,
            provider_name: r.provider_name,
            format: r.format,
            sensitivity: r.sensitivity,
            sharing_type: r.sharing.kind,
            open_type: r.open.kind,
            update_cycle: r.update_cycle,
            source_system: r.source_system,
            source_business: r.source_business,
            item_count: r.items.len(),
            // A suggestion a scan or a sheet brought is not the questionnaire's until confirmed.
            graded_by_questionnaire: r.grading.as_ref().is_some_and(|g| g.suggested.is_some())
                && grade_unconfirmed.is_none(),
            grade_unconfirmed,
            secrecy_review: r.secrecy_review,
        }
    }
}

/// One whole resource with its findings: what the resource's form edits.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourceDetail {
    #[ts(type = "number")]
    pub id: i64,
    pub resource: Resource,
    pub findings: Vec<Finding>,
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
        .filter(|s| s.required && !NOT_METADATA.contains(&s.key.as_str()))
        .filter(|s| {
            findings.iter().any(|f| {
                matches!(f.rule, "field.required" | "item.required") && f.field.as_deref() == Some(s.key.as_str())
            })
        })
        .map(|s| s.key.clone())
        .collect();
    let required = RESOURCE_FIELDS.iter().filter(|s| s.required && !NOT_METADATA.contains(&s.key.as_str())).count();
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
    pub resources: Vec<ResourceSummary>,
    pub summary: Summary,
    /// The rules with findings here, with their titles: step 5 heads each rule's group with it.
    pub rules: Vec<RuleInfo>,
    /// What the next undo would reverse; `None` when there is nothing to undo.
    pub undo: Option<UndoNext>,
    /// The workspace's change mark this overview shows: an edit's delta applies to it
    /// (`ops::overview`).
    #[ts(type = "number")]
    pub revision: i64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ops::overview::{overview, resource_detail};
    use crate::rules::Context;
    use crate::store::Workspace;

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

    #[test]
    fn the_overview_carries_summaries_and_the_detail_the_whole_record() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("s.mulu")).unwrap();
        let mut full = crate::sample::resource();
        full.grading =
            Some(crate::model::Grading { suggested: Some(Sensitivity::Public.into()), ..Default::default() });
        full.secrecy_review = Some(SecrecyReview { reviewer: "王五".into(), at: "2026-01-02T03:04:05Z".into() });
        let bare = crate::model::Resource { name: "村级集体资产台账".into(), ..Default::default() };
        let ids = [ws.add_resource(full.clone()).unwrap(), ws.add_resource(bare.clone()).unwrap()];
        // The same name twice, and a related code that exists: the detail's findings must see
        // the catalog as the overview does.
        let mut twin = bare.clone();
        twin.related_codes = vec![full.code.clone().unwrap()];
        ws.add_resource(twin).unwrap();
        let ctx = Context::now(crate::Lang::Zh);
        let o = overview(&ws, &ctx).unwrap();

        let s = &o.resources[0];
        assert_eq!(s.id, ids[0]);
        assert_eq!((s.code.as_deref(), s.name.as_str()), (full.code.as_deref(), full.name.as_str()));
        assert_eq!(s.provider_name, full.provider_name);
        assert_eq!(s.format, full.format);
        assert_eq!(s.sensitivity, full.sensitivity);
        assert_eq!(s.sharing_type, full.sharing.kind);
        assert_eq!(s.open_type, full.open.kind);
        assert_eq!(s.update_cycle, full.update_cycle);
        assert_eq!((&s.source_system, &s.source_business), (&full.source_system, &full.source_business));
        assert_eq!(s.item_count, full.items.len());
        assert!(s.item_count > 0);
        assert!(s.graded_by_questionnaire);
        assert_eq!(s.secrecy_review, full.secrecy_review);

        let bare = &o.resources[1];
        assert!(!bare.findings.is_empty(), "the findings stay: step 5 lists them");
        assert!(bare.findings.iter().any(|f| f.rule == "name.duplicate"), "{:?}", bare.findings);
        let dup = o.rules.iter().find(|r| r.id == "name.duplicate").expect("its rule is described");
        assert_eq!(dup.title, "资源名称重复（一数一源）");
        assert_eq!(o.rules.len(), o.summary.by_rule.len(), "one description per rule with findings");
        assert!(bare.findings.iter().all(|f| f.resource.as_ref().map(|r| r.name.as_str()) == Some("村级集体资产台账")));
        assert_eq!((bare.item_count, bare.graded_by_questionnaire), (0, false));
        let json = serde_json::to_value(&o.resources[0]).unwrap();
        assert!(json.get("resource").is_none() && json.get("items").is_none(), "no whole record: {json}");

        let detail = resource_detail(&ws, &ctx, ids[1]).unwrap();
        assert_eq!(detail.resource.name, "村级集体资产台账");
        assert_eq!(
            serde_json::to_value(&detail.findings).unwrap(),
            serde_json::to_value(&bare.findings).unwrap(),
            "the same findings as in the overview"
        );
        assert_eq!(resource_detail(&ws, &ctx, ids[0]).unwrap().resource.items, full.items);
        for (row, id) in o.resources.iter().zip(ids.iter().copied().chain([o.resources[2].id])) {
            let d = resource_detail(&ws, &ctx, id).unwrap();
            assert_eq!(serde_json::to_value(&d.findings).unwrap(), serde_json::to_value(&row.findings).unwrap());
        }
        let missing = resource_detail(&ws, &ctx, 999).unwrap_err();
        assert_eq!(missing.payload(crate::Lang::En).code, "resource.not_found");
    }
}
