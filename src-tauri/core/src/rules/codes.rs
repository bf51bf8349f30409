//! Resource codes and names across the catalog: format, class table, uniqueness, related codes;
//! and publicly funded systems that have no resource (G Art. 17).

use std::collections::{HashMap, HashSet};

use crate::ids::code::ResourceCode;
use crate::model::Catalog;
use crate::model::{InfoSystem, Resource};
use crate::text::match_key;

use super::Sink;

/// Counts of codes and normalised names, built once per validation run.
pub(super) struct CatalogIndex<'a> {
    codes: HashMap<&'a str, usize>,
    names: HashMap<String, usize>,
}

impl<'a> CatalogIndex<'a> {
    pub fn build(c: &'a Catalog) -> Self {
        Self::of(c.resources.iter().map(|r| (r.code.as_deref(), r.name.as_str())))
    }

    /// From each resource's code and name: all the index reads, so one resource can be checked
    /// without loading every record.
    pub fn of(resources: impl IntoIterator<Item = (Option<&'a str>, &'a str)>) -> Self {
        let (mut codes, mut names) = (HashMap::<&str, usize>::new(), HashMap::<String, usize>::new());
        for (code, name) in resources {
            if let Some(code) = code {
                *codes.entry(code).or_default() += 1;
            }
            if !name.trim().is_empty() {
                *names.entry(match_key(name)).or_default() += 1;
            }
        }
        CatalogIndex { codes, names }
    }
}

pub(super) fn check(r: &Resource, index: &CatalogIndex, sink: &mut Sink) {
    if let Some(code) = r.code.as_deref() {
        match ResourceCode::parse(code) {
            None => sink.emit("code.format", Some("code"), &[("value", code)]),
            Some(c) if !c.item_allowed() => {
                sink.emit("code.class", Some("code"), &[("value", code), ("class", c.class), ("item", c.item)])
            }
            Some(_) => {}
        }
        let n = index.codes.get(code).copied().unwrap_or(0);
        if n > 1 {
            sink.emit("code.duplicate", Some("code"), &[("value", code), ("count", &n.to_string())]);
        }
    }
    if !r.name.trim().is_empty() {
        let n = index.names.get(&match_key(&r.name)).copied().unwrap_or(0);
        if n > 1 {
            sink.emit("name.duplicate", Some("name"), &[("value", &r.name), ("count", &n.to_string())]);
        }
    }
    for (i, rel) in r.related_codes.iter().enumerate() {
        let field = format!("related_codes[{i}]");
        if ResourceCode::parse(rel).is_none() {
            sink.emit("code.format", Some(&field), &[("value", rel)]);
        } else if !index.codes.contains_key(rel.as_str()) {
            sink.emit("code.related.missing", Some(&field), &[("value", rel)]);
        }
    }
}

/// `sources`: the source system named by any resource.
pub(super) fn check_systems(systems: &[InfoSystem], sources: &HashSet<&str>, sink: &mut Sink) {
    for (i, s) in systems.iter().enumerate() {
        let lang = sink.lang();
        if let Some(crate::model::domain::Coded::Raw(raw)) = &s.funding {
            use crate::model::domain::Domain;
            let allowed = crate::model::domain::SystemFunding::allowed(lang);
            let label = lang.pick("信息系统资金来源", "System funding");
            sink.emit(
                "field.domain",
                Some(&format!("systems[{i}].funding")),
                &[("label", label), ("value", raw), ("allowed", &allowed)],
            );
        }
        if s.needs_catalog() && !sources.contains(s.name.as_str()) {
            let funding = match s.funding.as_ref().and_then(|f| f.known()) {
                Some(f) => crate::model::domain::Domain::label(f, lang).to_string(),
                None => lang.pick("财政资金建设", "built with public funds").to_string(),
            };
            sink.emit("system.catalog", Some(&format!("systems[{i}]")), &[("value", &s.name), ("funding", &funding)]);
        }
    }
}
