//! Validation of the workspace: the catalog's rules, and the deadlines its events and correction
//! requests set (`maintenance.deadline`, `feedback.deadline`: a warning while open, an error
//! once overdue), reported at the resources they concern.

use crate::calendar::Standing;
use crate::error::Result;
use crate::i18n::{fill, Lang};
use crate::messages::word;
use crate::model::Catalog;
use crate::rules::{self, Context, Finding, Report, ResourceRef, Severity};
use crate::store::Workspace;

use super::deadlines::{due, DueItem, DueKind};

/// The workspace's validation, as on `ctx.today`: the catalog's rules, the bureau's open
/// comments (`review.returned`) and the open deadlines. `mulu validate` and the app's overview
/// both show this; packaging refuses on the first two only (`review::tasks::validate`), so that
/// an overdue deadline never blocks the package that meets it.
pub fn validate(ws: &Workspace, ctx: &Context) -> Result<Report> {
    let (ids, catalog) = ws.catalog_with_ids()?;
    of_catalog(ws, &ids, &catalog, ctx)
}

/// [`validate`] of the catalog already read (`ids` are its resources' row ids, in order).
pub fn of_catalog(ws: &Workspace, ids: &[i64], catalog: &Catalog, ctx: &Context) -> Result<Report> {
    let mut report = crate::review::tasks::validate(ws, catalog, ctx)?;
    let due = due(ws, ctx.today)?;
    if !due.is_empty() {
        for item in &due {
            report.findings.extend(deadline_findings(item, ids, catalog, ctx));
        }
        report.summary = rules::summarize(catalog, &report.findings);
    }
    Ok(report)
}

/// Whether the workspace has findings beyond the catalog's own rules (open deadlines or the
/// bureau's open comments): an edit's delta cannot place them from the touched rows alone.
pub fn has_workspace_findings(ws: &Workspace, today: chrono::NaiveDate) -> Result<bool> {
    Ok(!ws.review_tasks(true)?.is_empty() || !due(ws, today)?.is_empty())
}

/// Where `item` stands, in words: the working days left or overdue, and whether provisional.
pub fn state_text(item: &DueItem, lang: Lang) -> String {
    let w = |name: &str| word("deadline", name, lang).unwrap_or_default();
    let mut state = match item.status {
        Standing::Overdue => fill(w("overdue"), &[("n", &(-item.days_left).max(1).to_string())]),
        _ if item.days_left == 0 => w("today").to_string(),
        _ => fill(w("left"), &[("n", &item.days_left.to_string())]),
    };
    if item.provisional {
        state.push_str(w("provisional"));
    }
    state
}

/// The findings of one open deadline: at each resource it concerns that is still in the
/// catalog, or on the catalog when it names none.
fn deadline_findings(item: &DueItem, ids: &[i64], catalog: &Catalog, ctx: &Context) -> Vec<Finding> {
    let lang = ctx.lang;
    let w = |group: &str, name: &str| word(group, name, lang).unwrap_or_default();
    let state = state_text(item, lang);
    let (date, due_on, days) = (item.start.to_string(), item.due.to_string(), item.days.to_string());
    let text = item.text.clone().unwrap_or_default();
    let from = item.from.clone().unwrap_or_default();
    let id = item.id.to_string();
    let kind = item.kind.name();
    let emit = |at: Option<usize>| -> Option<Finding> {
        let whom = w("deadline", if at.is_some() { "resource" } else { "catalog" });
        let resource = at.map(|i| &catalog.resources[i]);
        let rref = resource.map(|r| ResourceRef { code: r.code.clone(), name: r.name.clone() });
        let (rule, args): (&str, Vec<(&str, &str)>) = match item.kind {
            DueKind::Correction => (
                "feedback.deadline",
                vec![
                    ("from", &from),
                    ("date", &date),
                    ("id", &id),
                    ("text", &text),
                    ("due", &due_on),
                    ("state", &state),
                ],
            ),
            _ => (
                "maintenance.deadline",
                vec![
                    ("what", w("event", kind)),
                    ("date", &date),
                    ("days", &days),
                    ("due", &due_on),
                    ("whom", whom),
                    ("package", if item.needs_package { w("deadline", "package") } else { "" }),
                    ("state", &state),
                ],
            ),
        };
        let mut f = rules::finding(rule, lang, rref, item.field.as_deref(), &args)?;
        if item.status == Standing::Overdue {
            f.severity = Severity::Error;
        }
        f.resource_index = at;
        Some(f)
    };
    if item.resource_ids.is_empty() {
        return emit(None).into_iter().collect();
    }
    item.resource_ids.iter().filter_map(|id| ids.iter().position(|x| x == id)).filter_map(|i| emit(Some(i))).collect()
}
