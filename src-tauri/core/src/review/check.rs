//! What the reviewer is shown besides the catalog, computed here rather than believed: this
//! workspace's validation against the package's `findings.json`, and the changes since the
//! agency's last approved catalog, with the package's own `changes.json` checked against the
//! same comparison from the base it names.

use std::collections::BTreeSet;

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::model::Catalog;
use crate::package::diff::{self, Changes, PreviousPackage};
use crate::rules::{Finding, Report, ResourceRef, Severity};
use crate::store::Workspace;

/// A finding as the package reports it (its `findings.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct SenderFinding {
    pub rule: String,
    pub severity: Option<Severity>,
    pub resource: Option<ResourceRef>,
    pub field: Option<String>,
    #[serde(default)]
    pub message: String,
}

/// This workspace's validation next to the package's.
#[derive(Debug, Clone, Serialize, TS)]
pub struct FindingsCheck {
    /// Validated here, in the person's language.
    pub here: Report,
    /// What the package says it found (`None` when its findings.json cannot be read).
    pub package_errors: Option<usize>,
    pub package_warnings: Option<usize>,
    /// Found here, not in the package's findings…
    pub only_here: Vec<Finding>,
    /// …and the other way round.
    pub only_in_package: Vec<SenderFinding>,
    /// Both found the same (rule, resource, field).
    pub agree: bool,
}

fn finding_key(rule: &str, r: Option<&ResourceRef>, field: Option<&str>) -> (String, String, String) {
    let who = r.map(|r| super::resource_key(r.code.as_deref(), &r.name)).unwrap_or_default();
    (rule.to_string(), who, field.unwrap_or_default().to_string())
}

/// Compares `here` with the package's `findings.json` text.
pub fn findings(here: Report, sender_json: &str) -> FindingsCheck {
    let sender: Option<Vec<SenderFinding>> = serde_json::from_str::<Value>(sender_json)
        .ok()
        .and_then(|v| v.get("findings").cloned())
        .and_then(|f| serde_json::from_value(f).ok());
    let theirs = sender.clone().unwrap_or_default();
    let their_keys: BTreeSet<_> =
        theirs.iter().map(|f| finding_key(&f.rule, f.resource.as_ref(), f.field.as_deref())).collect();
    let our_keys: BTreeSet<_> =
        here.findings.iter().map(|f| finding_key(f.rule, f.resource.as_ref(), f.field.as_deref())).collect();
    let only_here: Vec<Finding> = here
        .findings
        .iter()
        .filter(|f| !their_keys.contains(&finding_key(f.rule, f.resource.as_ref(), f.field.as_deref())))
        .cloned()
        .collect();
    let only_in_package: Vec<SenderFinding> = theirs
        .into_iter()
        .filter(|f| !our_keys.contains(&finding_key(&f.rule, f.resource.as_ref(), f.field.as_deref())))
        .collect();
    let count = |s: Severity| sender.as_ref().map(|f| f.iter().filter(|x| x.severity == Some(s)).count());
    FindingsCheck {
        agree: sender.is_some() && only_here.is_empty() && only_in_package.is_empty(),
        package_errors: count(Severity::Error),
        package_warnings: count(Severity::Warning),
        only_here,
        only_in_package,
        here,
    }
}

/// The changes since the agency's last approved catalog, and whether the package's own
/// `changes.json` tells the truth about its base.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ChangesCheck {
    /// The approved package compared against; `None`: none approved yet, everything is new.
    pub against: Option<String>,
    pub changes: Changes,
    /// The package the sender compared against (`changes.json`'s `previous`).
    pub package_previous: Option<String>,
    /// Whether `changes.json` matches the comparison made here from that same base; `None`
    /// when that base was never received here, so it cannot be checked.
    pub package_agrees: Option<bool>,
    /// Changes found here that `changes.json` leaves out, and those it lists that are not
    /// there (`added code:352111009/000003`, `changed code:352111009/000001 abstract`…).
    pub missing_from_package: Vec<String>,
    pub only_in_package: Vec<String>,
}

/// The comparable lines of a `changes.json`: `agency <field>`, `added <resource>`,
/// `removed <resource>`, `changed <resource> <field>`.
fn change_lines(v: &Value) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let who = |r: &Value| {
        let code = r.get("code").and_then(Value::as_str);
        super::resource_key(code, r.get("name").and_then(Value::as_str).unwrap_or_default())
    };
    let list = |k: &str| v.get(k).and_then(Value::as_array).cloned().unwrap_or_default();
    for f in list("agency") {
        out.insert(format!("agency {}", f.get("field").and_then(Value::as_str).unwrap_or_default()));
    }
    for (k, word) in [("added", "added"), ("removed", "removed")] {
        for r in list(k) {
            out.insert(format!("{word} {}", who(&r)));
        }
    }
    for r in list("changed") {
        for f in r.get("fields").and_then(Value::as_array).cloned().unwrap_or_default() {
            out.insert(format!("changed {} {}", who(&r), f.get("field").and_then(Value::as_str).unwrap_or_default()));
        }
    }
    out
}

fn previous(id: &str, sequence: u32, at: &str) -> PreviousPackage {
    PreviousPackage { package_id: id.to_string(), sequence, created_at: at.to_string() }
}

/// The changes of `catalog` (package `id` of agency `uscc`) since the last approved one, and
/// the check of the package's `changes.json`.
pub fn changes(
    ws: &Workspace,
    id: &str,
    uscc: &str,
    catalog: &Catalog,
    sender_json: &str,
) -> crate::Result<ChangesCheck> {
    let approved = ws.last_approved(uscc, id)?;
    let approved_catalog: Option<Catalog> = approved.as_ref().map(|(_, c)| serde_json::from_str(c)).transpose()?;
    let base = approved
        .as_ref()
        .zip(approved_catalog.as_ref())
        .map(|((h, _), c)| (previous(&h.package_id, h.sequence, &h.received_at), c));
    let against = approved.as_ref().map(|(h, _)| h.package_id.clone());
    let changes = diff::changes(base, catalog);

    let sender: Value = serde_json::from_str(sender_json).unwrap_or(Value::Null);
    let package_previous =
        sender.get("previous").and_then(|p| p.get("package_id")).and_then(Value::as_str).map(str::to_string);
    let recomputed = match &package_previous {
        None => Some(diff::changes(None, catalog)),
        Some(p) if Some(p) == against.as_ref() => Some(changes.clone()),
        Some(p) => match ws.received_package(p) {
            Ok((h, c, ..)) => {
                let c: Catalog = serde_json::from_str(&c)?;
                Some(diff::changes(Some((previous(&h.package_id, h.sequence, &h.received_at), &c)), catalog))
            }
            Err(crate::Error::ReviewNotFound { .. }) => None,
            Err(e) => return Err(e),
        },
    };
    // At most this many lines each: a wholly wrong changes.json is said in a few.
    const SHOWN: usize = 200;
    let (package_agrees, missing_from_package, only_in_package) = match recomputed {
        None => (None, vec![], vec![]),
        Some(ours) => {
            let (a, b) = (change_lines(&serde_json::to_value(&ours)?), change_lines(&sender));
            let missing: Vec<String> = a.difference(&b).take(SHOWN).cloned().collect();
            let extra: Vec<String> = b.difference(&a).take(SHOWN).cloned().collect();
            (Some(missing.is_empty() && extra.is_empty() && !sender.is_null()), missing, extra)
        }
    };
    Ok(ChangesCheck { against, changes, package_previous, package_agrees, missing_from_package, only_in_package })
}
