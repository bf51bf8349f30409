//! What a summary (汇总) flags for the reviewer, each conflict with every side: one resource code
//! used by several agencies; base or thematic data (类 1/2) catalogued by an agency that is not
//! its lead (Guiyang measures Art. 12); and the same data collected by several agencies — one
//! data, one source (Art. 22; Guizhou measures Art. 15) — found by a key item (公民身份号码,
//! 统一社会信用代码…) and the same resource name or the same data items.
//! The agency of a side is where the resource was catalogued (its first provenance step), so a
//! city's summary of district summaries still names the township.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Lang;
use crate::ids::code::ResourceCode;
use crate::model::domain::tables;
use crate::model::names::{classify, NameKind};
use crate::model::{Agency, Resource};
use crate::text::match_key;

/// Which conflict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ConflictKind {
    /// One resource code, several agencies.
    SameCode,
    /// A base or thematic resource (类 1/2) catalogued by an agency not its lead.
    NotLead,
    /// The same data collected by several agencies.
    SameData,
}

/// One resource in a conflict: who catalogued it, and the package it came here in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ConflictSide {
    pub agency_uscc: String,
    pub agency_name: String,
    pub package_id: String,
    pub code: Option<String>,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Conflict {
    pub kind: ConflictKind,
    /// What the sides share: the code, the 类/项 (`1/01 人口`), or the key items.
    pub subject: String,
    /// For `not_lead`: the agency that should catalogue it.
    pub lead: Option<String>,
    pub sides: Vec<ConflictSide>,
}

fn side(r: &Resource) -> ConflictSide {
    let origin = r.provenance.first();
    ConflictSide {
        agency_uscc: origin.map(|p| p.agency_uscc.clone()).unwrap_or_default(),
        agency_name: origin.map(|p| p.agency_name.clone()).unwrap_or_default(),
        package_id: r.provenance.last().map(|p| p.package_id.clone()).unwrap_or_default(),
        code: r.code.clone(),
        name: r.name.clone(),
    }
}

fn origin_uscc(r: &Resource) -> &str {
    r.provenance.first().map(|p| p.agency_uscc.as_str()).unwrap_or_default()
}

/// Whether an agency called `name` is the lead described as `lead` (公安部门 → 花溪区公安分局,
/// 发展改革部门 → 花溪区发展和改革局): the description without 部门 within the name, 和 aside.
fn is_lead(name: &str, lead: &str) -> bool {
    let strip = |s: &str| match_key(s).replace('和', "");
    let stem = strip(lead.trim_end_matches("部门"));
    !stem.is_empty() && strip(name).contains(&stem)
}

/// Groups of resources (indices) that share a key, kept when they come from several agencies.
fn shared<'a>(
    resources: &'a [Resource],
    key: impl Fn(&'a Resource) -> Option<String>,
) -> impl Iterator<Item = (String, Vec<usize>)> + 'a {
    let mut groups: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, r) in resources.iter().enumerate() {
        if let Some(k) = key(r) {
            groups.entry(k).or_default().push(i);
        }
    }
    groups.into_iter().filter(move |(_, ix)| {
        let agencies: BTreeSet<&str> = ix.iter().map(|&i| origin_uscc(&resources[i])).collect();
        agencies.len() > 1
    })
}

/// The key items of a resource (公民身份号码, 统一社会信用代码, 营业执照号…).
fn key_items(r: &Resource) -> Vec<&str> {
    r.items
        .iter()
        .filter(|i| matches!(classify(&i.name), NameKind::PersonId | NameKind::EntityId | NameKind::EntityLicence))
        .map(|i| i.name.as_str())
        .collect()
}

/// The conflicts among the summarized `resources` (each with its provenance), in `lang`.
pub fn find(resources: &[Resource], lang: Lang) -> Vec<Conflict> {
    let mut out = Vec::new();
    let sides = |ix: &[usize]| ix.iter().map(|&i| side(&resources[i])).collect::<Vec<_>>();
    for (code, ix) in shared(resources, |r| r.code.clone()) {
        out.push(Conflict { kind: ConflictKind::SameCode, subject: code, lead: None, sides: sides(&ix) });
    }
    not_lead(resources, lang, &mut out);
    // One data, one source: a key item and the same name, or the same items.
    let mut seen: BTreeSet<Vec<usize>> = BTreeSet::new();
    let by_name = shared(resources, |r| (!key_items(r).is_empty()).then(|| format!("n:{}", match_key(&r.name))));
    let by_items = shared(resources, |r| {
        if key_items(r).is_empty() || r.items.len() < 2 {
            return None;
        }
        let names: BTreeSet<String> = r.items.iter().map(|i| match_key(&i.name)).collect();
        Some(format!("i:{}", names.into_iter().collect::<Vec<_>>().join("\u{1f}")))
    });
    for (_, ix) in by_name.chain(by_items) {
        if seen.insert(ix.clone()) {
            let subject = key_items(&resources[ix[0]]).join("、");
            out.push(Conflict { kind: ConflictKind::SameData, subject, lead: None, sides: sides(&ix) });
        }
    }
    out
}

/// Base and thematic resources whose cataloguing agency is not the lead the table names.
fn not_lead(resources: &[Resource], lang: Lang, out: &mut Vec<Conflict>) {
    let leads = &tables().lead;
    for r in resources {
        let Some(code) = r.code.as_deref().and_then(ResourceCode::parse) else { continue };
        if !matches!(code.class, "1" | "2") {
            continue;
        }
        let Some(entry) = leads.iter().find(|l| l.class == code.class && l.item == code.item) else { continue };
        // A thematic item names no department: its lead is whoever leads the project.
        let Some(lead) = &entry.lead else { continue };
        let Some(origin) = r.provenance.first() else { continue };
        let agency = Agency {
            name: Some(origin.agency_name.clone()),
            uscc: Some(origin.agency_uscc.clone()),
            ..Agency::default()
        };
        if !crate::rules::lead::provided_by(r, &agency) || is_lead(&origin.agency_name, &lead.zh) {
            continue;
        }
        let mut sides = vec![side(r)];
        // The lead's own resources of the same 类/项, when it reports here too.
        let same_item = |o: &&Resource| {
            o.code
                .as_deref()
                .and_then(ResourceCode::parse)
                .is_some_and(|c| c.class == code.class && c.item == code.item)
        };
        let lead_side = resources
            .iter()
            .filter(same_item)
            .find(|o| o.provenance.first().is_some_and(|p| is_lead(&p.agency_name, &lead.zh)));
        sides.extend(lead_side.map(side));
        out.push(Conflict {
            kind: ConflictKind::NotLead,
            subject: format!("{}/{} {}", code.class, code.item, entry.name.get(lang)),
            lead: Some(lead.get(lang).to_string()),
            sides,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{DataItem, Provenance};

    fn from(agency: &str, uscc: &str, code: &str, name: &str, items: &[&str]) -> Resource {
        Resource {
            code: Some(code.into()),
            name: name.into(),
            items: items.iter().map(|n| DataItem { name: (*n).into(), ..Default::default() }).collect(),
            provenance: vec![Provenance {
                agency_uscc: uscc.into(),
                agency_name: agency.into(),
                package_id: format!("{uscc}-2026-001"),
                ..Default::default()
            }],
            ..Default::default()
        }
    }

    #[test]
    fn each_conflict_is_found_with_its_sides() {
        let rs = vec![
            from("青岩镇人民政府", "A", "352111009/000001", "镇级财政预算", &["预算年度", "金额"]),
            from("黔陶乡人民政府", "B", "352111009/000001", "乡级财政预算", &["预算年度", "金额"]),
            // Base data (1/01 人口) by a township; the public security bureau is its lead.
            from("青岩镇人民政府", "A", "101000000/000001", "辖区户籍人口", &["公民身份号码", "姓名"]),
            from("花溪区公安分局", "C", "101000000/000002", "户籍人口信息", &["姓名", "公民身份号码"]),
            // The same recipients collected twice, under other names but the same items.
            from("青岩镇人民政府", "A", "352111009/000009", "低保对象名册", &["公民身份号码", "姓名", "保障金额"]),
            from("黔陶乡人民政府", "B", "352111010/000003", "最低生活保障人员", &["姓名", "保障金额", "公民身份号码"]),
            // The same name without a key item is each agency's own (two budgets).
            from("青岩镇人民政府", "A", "352111009/000002", "三公经费", &["年度"]),
            from("黔陶乡人民政府", "B", "352111010/000002", "三公经费", &["年度"]),
        ];
        let found = find(&rs, Lang::Zh);
        let of = |k| found.iter().filter(|c| c.kind == k).collect::<Vec<_>>();
        let same_code = of(ConflictKind::SameCode);
        assert_eq!(same_code.len(), 1, "{found:#?}");
        assert_eq!(same_code[0].sides.iter().map(|s| s.agency_uscc.as_str()).collect::<Vec<_>>(), ["A", "B"]);
        let not_lead = of(ConflictKind::NotLead);
        assert_eq!(not_lead.len(), 1, "the police's own population data is not flagged: {not_lead:#?}");
        assert_eq!(not_lead[0].lead.as_deref(), Some("公安部门"));
        assert_eq!(not_lead[0].sides.len(), 2, "the township and the lead that also catalogues it");
        assert_eq!(not_lead[0].sides[1].agency_name, "花溪区公安分局");
        let same_data = of(ConflictKind::SameData);
        let pairs: Vec<Vec<&str>> =
            same_data.iter().map(|c| c.sides.iter().map(|s| s.name.as_str()).collect()).collect();
        assert!(pairs.contains(&vec!["低保对象名册", "最低生活保障人员"]), "{pairs:?}");
        assert!(pairs.contains(&vec!["辖区户籍人口", "户籍人口信息"]), "{pairs:?}");
        assert!(!pairs.iter().any(|p| p.contains(&"三公经费")), "no key item, no conflict: {pairs:?}");
        assert!(same_data[0].subject.contains("公民身份号码"));
    }

    #[test]
    fn a_lead_is_recognised_by_its_department_words() {
        assert!(is_lead("花溪区发展和改革局", "发展改革部门"));
        assert!(is_lead("贵阳市公安局花溪分局", "公安部门"));
        assert!(!is_lead("花溪区青岩镇人民政府", "公安部门"));
    }
}
