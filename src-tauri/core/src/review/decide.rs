//! The review itself: per resource 通过 or 退回 with a comment tied to a field (or the whole
//! resource), saved as it is made; the package's overall decision follows — approved only when
//! every resource passes, returned as soon as one (or the package as a whole) is returned.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::check::{self, ChangesCheck, FindingsCheck};
use super::{key_of, Comment, ReviewVerdict};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::Catalog;
use crate::rules::{self, Context};
use crate::store::bureau::{self, Received, StoredDecision};
use crate::store::Workspace;

/// The package's decision so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Overall {
    /// Some resources are not decided and none is returned.
    Undecided,
    Approved,
    Returned,
}

/// One resource of the package with its decision.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourceReview {
    pub code: Option<String>,
    pub name: String,
    pub verdict: Option<ReviewVerdict>,
    pub decided_at: Option<String>,
    pub comments: Vec<Comment>,
}

/// Everything the review of one package shows.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReviewDetail {
    pub package: Received,
    pub overall: Overall,
    pub undecided: usize,
    /// Comments on the package as a whole (it is returned when there are any).
    pub package_comments: Vec<Comment>,
    pub resources: Vec<ResourceReview>,
    pub findings: FindingsCheck,
    pub changes: ChangesCheck,
}

/// The decisions laid over the package's resources, and the overall decision.
pub fn tally(catalog: &Catalog, decisions: &[StoredDecision]) -> (Overall, usize, Vec<Comment>, Vec<ResourceReview>) {
    let by_key: std::collections::HashMap<&str, &StoredDecision> =
        decisions.iter().map(|d| (d.resource_key.as_str(), d)).collect();
    let package = by_key.get("").filter(|d| d.verdict == ReviewVerdict::Returned);
    let resources: Vec<ResourceReview> = catalog
        .resources
        .iter()
        .map(|r| {
            let d = by_key.get(key_of(r).as_str());
            ResourceReview {
                code: r.code.clone(),
                name: r.name.clone(),
                verdict: d.map(|d| d.verdict),
                decided_at: d.map(|d| d.decided_at.clone()),
                comments: d.map(|d| d.comments.clone()).unwrap_or_default(),
            }
        })
        .collect();
    let undecided = resources.iter().filter(|r| r.verdict.is_none()).count();
    let returned = package.is_some() || resources.iter().any(|r| r.verdict == Some(ReviewVerdict::Returned));
    let overall = match (returned, undecided) {
        (true, _) => Overall::Returned,
        (false, 0) => Overall::Approved,
        (false, _) => Overall::Undecided,
    };
    (overall, undecided, package.map(|d| d.comments.clone()).unwrap_or_default(), resources)
}

/// The review of package `id`: its decisions, this workspace's validation against the
/// package's findings, and what changed since the agency's last approved catalog.
pub fn show(ws: &Workspace, id: &str, lang: Lang) -> Result<ReviewDetail> {
    let (package, catalog_json, findings_json, changes_json) = ws.received_package(id)?;
    let catalog: Catalog = serde_json::from_str(&catalog_json)?;
    let (overall, undecided, package_comments, resources) = tally(&catalog, &ws.decisions(&package.package_id)?);
    let findings = check::findings(rules::validate(&catalog, &Context::now(lang)), &findings_json);
    let changes = check::changes(ws, &package.package_id, &package.agency_uscc, &catalog, &changes_json)?;
    Ok(ReviewDetail { package, overall, undecided, package_comments, resources, findings, changes })
}

/// One decision.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct DecideRequest {
    pub package_id: String,
    /// The resource's code (or its name when it has none); `None`: every resource when
    /// approving, the package as a whole when returning.
    pub resource: Option<String>,
    pub verdict: ReviewVerdict,
    /// Required when returning: what to fix.
    pub comment: Option<String>,
    /// The field the comment is about (a dotted key, `sharing.type`, `items[2].name`); `None`:
    /// the whole resource.
    pub field: Option<String>,
}

/// After a decision: where the package stands.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Decided {
    pub package_id: String,
    /// Resources the decision applied to (0 for the package as a whole).
    pub resources: usize,
    pub overall: Overall,
    pub undecided: usize,
}

/// Whether `field` names a field of a resource or of its data items (`items[2].name`).
fn known_field(field: &str) -> bool {
    let f = match field.strip_prefix("items[").and_then(|r| r.split_once("].")) {
        Some((n, rest)) if n.parse::<usize>().is_ok() => {
            return crate::model::fields::label(&format!("item.{rest}"), Lang::En) != format!("item.{rest}")
        }
        _ => field,
    };
    crate::model::fields::label(f, Lang::En) != f
}

/// Records one decision, refused once the receipt was issued.
pub fn decide(ws: &mut Workspace, req: &DecideRequest, lang: Lang) -> Result<Decided> {
    super::receive::require_bureau(ws)?;
    let (package, catalog_json, ..) = ws.received_package(&req.package_id)?;
    let id = package.package_id.clone();
    let catalog: Catalog = serde_json::from_str(&catalog_json)?;
    let comment = match req.verdict {
        ReviewVerdict::Approved => None,
        ReviewVerdict::Returned => {
            let text = crate::text::clean(req.comment.as_deref().unwrap_or_default());
            if text.is_empty() {
                let expected = lang.pick("退回意见：说明要改什么", "a comment saying what to fix");
                return Err(Error::invalid("comment", "", expected));
            }
            let field = req.field.as_deref().map(str::trim).filter(|f| !f.is_empty());
            if let Some(f) = field.filter(|f| !known_field(f)) {
                return Err(Error::UnknownField { field: f.to_string() });
            }
            Some(Comment { field: field.map(str::to_string), comment: text })
        }
    };
    let keys: Vec<String> = match req.resource.as_deref().map(str::trim).filter(|s| !s.is_empty()) {
        Some(sel) => {
            let r = catalog
                .resources
                .iter()
                .find(|r| r.code.as_deref() == Some(sel))
                .or_else(|| catalog.resources.iter().find(|r| r.name == sel))
                .ok_or_else(|| Error::ResourceNotFound { selector: sel.to_string() })?;
            vec![key_of(r)]
        }
        None if req.verdict == ReviewVerdict::Approved => catalog.resources.iter().map(key_of).collect(),
        None => vec![String::new()],
    };
    let whole_package_approved = req.resource.is_none() && req.verdict == ReviewVerdict::Approved;
    ws.edit_decisions(&id, |tx| {
        if whole_package_approved {
            bureau::clear_package_decision(tx, &id)?;
        }
        for k in &keys {
            bureau::set_decision(tx, &id, k, req.verdict, comment.as_ref())?;
        }
        Ok(())
    })?;
    let (overall, undecided, ..) = tally(&catalog, &ws.decisions(&id)?);
    let resources = keys.iter().filter(|k| !k.is_empty()).count();
    Ok(Decided { package_id: id, resources, overall, undecided })
}
