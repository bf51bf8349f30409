//! The changes since the agency's previous package (`data/changes.json`): resources added,
//! removed, and changed field by field. Resources are matched by code, or by name when they
//! have none. The secrecy review is not a change of the catalog and is left out.

use std::collections::HashMap;

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::model::{Catalog, Resource};

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Changes {
    /// The package these changes are relative to; `None` for an agency's first package.
    pub previous: Option<PreviousPackage>,
    pub agency: Vec<FieldChange>,
    pub added: Vec<ResourceKey>,
    pub removed: Vec<ResourceKey>,
    pub changed: Vec<ChangedResource>,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviousPackage {
    pub package_id: String,
    pub sequence: u32,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ResourceKey {
    pub code: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChangedResource {
    pub code: Option<String>,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// One field: its dotted key (`sharing.type`, `items[2].name`), old and new values.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
#[ts(rename = "PackageFieldChange")]
pub struct FieldChange {
    pub field: String,
    #[ts(type = "unknown")]
    pub old: Value,
    #[ts(type = "unknown")]
    pub new: Value,
}

fn key(r: &Resource) -> String {
    match &r.code {
        Some(c) => format!("code:{c}"),
        None => format!("name:{}", r.name),
    }
}

fn rkey(r: &Resource) -> ResourceKey {
    ResourceKey { code: r.code.clone(), name: r.name.clone() }
}

fn fields(old: &Value, new: &Value) -> Vec<FieldChange> {
    let mut out = Vec::new();
    crate::store::changelog::diff("", old, new, &mut out);
    out.into_iter()
        .map(|(field, o, n)| FieldChange {
            field,
            old: o.cloned().unwrap_or(Value::Null),
            new: n.cloned().unwrap_or(Value::Null),
        })
        .collect()
}

pub(crate) fn comparable(r: &Resource) -> Value {
    let mut v = serde_json::to_value(r).unwrap_or(Value::Null);
    if let Value::Object(m) = &mut v {
        m.remove("secrecy_review");
    }
    v
}

/// The fields that differ between two records of one resource (the secrecy review aside).
pub fn resource_fields(old: &Resource, new: &Resource) -> Vec<FieldChange> {
    if old == new {
        return vec![];
    }
    fields(&comparable(old), &comparable(new))
}

/// The changes from `previous` (the catalog of the last package) to `current`.
pub fn changes(previous: Option<(PreviousPackage, &Catalog)>, current: &Catalog) -> Changes {
    let Some((prev_pkg, prev)) = previous else {
        return Changes {
            previous: None,
            agency: vec![],
            added: current.resources.iter().map(rkey).collect(),
            removed: vec![],
            changed: vec![],
        };
    };
    let agency = fields(
        &serde_json::to_value(&prev.agency).unwrap_or(Value::Null),
        &serde_json::to_value(&current.agency).unwrap_or(Value::Null),
    );
    let old: HashMap<String, &Resource> = prev.resources.iter().map(|r| (key(r), r)).collect();
    let new_keys: std::collections::HashSet<String> = current.resources.iter().map(key).collect();
    let mut added = Vec::new();
    let mut changed = Vec::new();
    for r in &current.resources {
        match old.get(&key(r)) {
            None => added.push(rkey(r)),
            Some(o) => {
                // Most resources are unchanged between two versions: equal records need no JSON.
                let f = resource_fields(o, r);
                if !f.is_empty() {
                    changed.push(ChangedResource { code: r.code.clone(), name: r.name.clone(), fields: f });
                }
            }
        }
    }
    let removed = prev.resources.iter().filter(|r| !new_keys.contains(&key(r))).map(rkey).collect();
    Changes { previous: Some(prev_pkg), agency, added, removed, changed }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::SecrecyReview;

    #[test]
    fn lists_added_removed_and_changed_fields() {
        let prev = crate::sample::large_catalog(3, 2);
        let mut cur = prev.clone();
        let gone = cur.resources.remove(0);
        cur.resources[0].name.push_str("（修订）");
        cur.resources[0].secrecy_review = Some(SecrecyReview { reviewer: "李".into(), at: "2026".into() });
        let mut extra = crate::sample::resource();
        extra.code = Some("352111009/999999".into());
        cur.resources.push(extra);
        let p = PreviousPackage { package_id: "X-001".into(), sequence: 1, created_at: "t".into() };
        let c = changes(Some((p, &prev)), &cur);
        assert_eq!(c.removed, vec![rkey(&gone)]);
        assert_eq!(c.added.len(), 1);
        assert_eq!(c.added[0].code.as_deref(), Some("352111009/999999"));
        assert_eq!(c.changed.len(), 1);
        assert_eq!(c.changed[0].fields.len(), 1, "the secrecy review is not a change: {:?}", c.changed[0].fields);
        assert_eq!(c.changed[0].fields[0].field, "name");
        let first = changes(None, &cur);
        assert_eq!(first.added.len(), cur.resources.len(), "a first package adds everything");
    }
}
