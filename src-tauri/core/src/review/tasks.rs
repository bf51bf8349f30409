//! The comments of a returned package, on the agency's side: each a task shown at its resource
//! and field as a `review.returned` finding (an error, so packaging is refused) until it is
//! addressed — the field (or, for a comment on the whole resource, anything in it) changed
//! since the returned package, the resource removed, or the task resolved by hand.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::Result;
use crate::model::Catalog;
use crate::rules::{self, Context, Finding, Report, ResourceRef};
use crate::store::receipts::StoredTask;
use crate::store::Workspace;

/// A task as shown.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Task {
    pub id: i64,
    pub package_id: String,
    /// `None`: a comment on the package as a whole.
    pub resource: Option<ResourceRef>,
    pub field: Option<String>,
    pub comment: String,
    pub resolved_at: Option<String>,
    /// Changed since the returned package, or resolved.
    pub addressed: bool,
}

/// Whether the change-log path `path` lies in `field` (`items[2]` holds `items[2].name`).
fn within(path: &str, field: &str) -> bool {
    path == field || path.strip_prefix(field).is_some_and(|rest| rest.starts_with('.') || rest.starts_with('['))
}

/// Whether `t` is addressed in `catalog`, and the resource it concerns there.
fn addressed(t: &StoredTask, catalog: &Catalog) -> (bool, Option<usize>) {
    if t.resolved_at.is_some() {
        return (true, None);
    }
    let Some(name) = &t.resource_name else { return (false, None) };
    let key = super::resource_key(t.resource_code.as_deref(), name);
    let Some(i) = catalog.resources.iter().position(|r| super::key_of(r) == key) else { return (true, None) };
    let now = crate::package::diff::comparable(&catalog.resources[i]);
    let then: Value = t.snapshot.as_deref().and_then(|s| serde_json::from_str(s).ok()).unwrap_or(Value::Null);
    if then.is_null() {
        return (false, Some(i));
    }
    let mut diffs = Vec::new();
    crate::store::changelog::diff("", &then, &now, &mut diffs);
    let changed = match &t.field {
        None => !diffs.is_empty(),
        Some(f) => diffs.iter().any(|(p, ..)| within(p, f)),
    };
    (changed, Some(i))
}

/// Every task with whether it is addressed in `catalog`.
pub fn list(ws: &Workspace, catalog: &Catalog) -> Result<Vec<Task>> {
    Ok(ws
        .review_tasks(false)?
        .into_iter()
        .map(|t| {
            let (done, _) = addressed(&t, catalog);
            Task {
                id: t.id,
                package_id: t.package_id,
                resource: t.resource_name.map(|name| ResourceRef { code: t.resource_code, name }),
                field: t.field,
                comment: t.comment,
                resolved_at: t.resolved_at,
                addressed: done,
            }
        })
        .collect())
}

/// The open tasks as `review.returned` findings, in the person's language.
pub fn findings(ws: &Workspace, catalog: &Catalog, ctx: &Context) -> Result<Vec<Finding>> {
    let mut out = Vec::new();
    for t in ws.review_tasks(true)? {
        let (done, at) = addressed(&t, catalog);
        if done {
            continue;
        }
        let resource = t.resource_name.clone().map(|name| ResourceRef { code: t.resource_code.clone(), name });
        let args = [("package", t.package_id.as_str()), ("comment", t.comment.as_str()), ("id", &t.id.to_string())];
        if let Some(mut f) = rules::finding("review.returned", ctx.lang, resource, t.field.as_deref(), &args) {
            f.resource_index = at;
            out.push(f);
        }
    }
    Ok(out)
}

/// The workspace's validation: the catalog's rules and the bureau's open comments.
pub fn validate(ws: &Workspace, catalog: &Catalog, ctx: &Context) -> Result<Report> {
    let mut report = rules::validate(catalog, ctx);
    let open = findings(ws, catalog, ctx)?;
    if !open.is_empty() {
        report.findings.extend(open);
        report.summary = rules::summarize(catalog, &report.findings);
    }
    Ok(report)
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_field_holds_its_parts_and_items() {
        assert!(super::within("abstract", "abstract"));
        assert!(super::within("sharing.type", "sharing"));
        assert!(super::within("items[2].name", "items[2]"));
        assert!(super::within("items[2].name", "items"));
        assert!(!super::within("items[12].name", "items[1]"));
        assert!(!super::within("abstract_en", "abstract"));
    }
}
