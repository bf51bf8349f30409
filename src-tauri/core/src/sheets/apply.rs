//! What an import will do to a workspace (the dry run), and doing it in one transaction.
//! Resources are matched by code, else by name; a matched resource takes only the fields its
//! sheets had columns for, so a partial sheet never wipes what the officer already filled.

use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::import::Imported;
use crate::error::Result;
use crate::model::fields;
use crate::model::{Catalog, Resource};
use crate::rules::{self, Context, Finding, Summary};
use crate::store::{self, changelog, StoredResource, Workspace};

#[derive(Debug, Clone, Serialize, TS)]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct ResourceChange {
    pub code: Option<String>,
    pub name: String,
    pub fields: Vec<FieldChange>,
}

/// The effect of an import, shown before it is committed (and returned after).
#[derive(Debug, Clone, Serialize, TS)]
pub struct ImportPlan {
    pub added: Vec<crate::rules::ResourceRef>,
    pub changed: Vec<ResourceChange>,
    pub unchanged: usize,
    /// The agency profile will be taken from the workbook (the workspace had none).
    pub agency: bool,
    pub systems: usize,
    pub sheets: Vec<super::import::SheetReport>,
    /// Findings on the imported records, with their sheet, row and column.
    pub findings: Vec<Finding>,
    pub summary: Summary,
    pub committed: bool,
}

/// The decided effect: new records and (id, merged record) updates, and — when the rules have
/// not run yet — what they need, so that `commit` runs them on one core while SQLite writes on
/// the other.
pub struct Effect {
    pub plan: ImportPlan,
    /// The imported records (with the workspace's agency, for the rules) and their JSON.
    catalog: Catalog,
    docs: Vec<String>,
    /// Positions in `catalog.resources` of the records to add.
    adds: Vec<usize>,
    updates: Vec<(i64, Resource)>,
    /// The workbook's agency profile, taken when the workspace has none at the commit.
    file_agency: Option<crate::model::Agency>,
    /// Which columns each imported record had (what a merge takes from it).
    present: Vec<u64>,
    /// The workspace's change mark when the records were matched and merged: the commit redoes
    /// the matching against the records as they are inside its write when the mark has moved
    /// (another program or window changed the workspace meanwhile).
    mark: i64,
    /// Where the values came from, to position the findings; `None` once the rules have run.
    pending: Option<(Imported, Context)>,
}

fn merge(existing: &Resource, imported: &Resource, present: u64) -> Resource {
    let mut m = existing.clone();
    let mut items = false;
    for (i, spec) in super::columns::columns().specs.iter().enumerate() {
        if present & (1 << i) == 0 {
            continue;
        }
        match spec.key.as_str() {
            k if k.starts_with("item.") => items = true,
            "format" => m.format = imported.format.clone(),
            "sharing.method" => m.sharing.method = imported.sharing.method.clone(),
            k => {
                let v = fields::get(imported, k).unwrap_or_default();
                // A key `set` rejects was reported while reading; the existing value stays.
                let _ = fields::set(&mut m, k, &v);
            }
        }
    }
    if items {
        m.items = imported.items.clone();
    }
    // A grade the sheet changes is the sheet's until the officer confirms it; the grade the
    // workspace already had keeps its confirmation (or its lack of one).
    if m.sensitivity != existing.sensitivity {
        m.mark_grade_unconfirmed(crate::model::GradeOrigin::Import);
    } else if let Some(origin) = existing.unconfirmed_grade() {
        m.mark_grade_unconfirmed(origin);
    }
    // What the import kept in the notes (a value it could not read, a disagreeing row) reaches
    // the stored record even when the sheet had no notes column, and stays a finding there.
    if let Some(notes) = &imported.notes {
        for line in notes.lines().filter(|l| super::fold::kept_lines(l).next().is_some()) {
            super::fold::append_note(&mut m, line.to_string());
        }
    }
    m
}

/// What importing `catalog` does to the records `existing`: which to add, and the merged
/// version of each matched one that changes.
struct Decision {
    adds: Vec<usize>,
    updates: Vec<(i64, Resource)>,
    added: Vec<rules::ResourceRef>,
    changed: Vec<ResourceChange>,
    unchanged: usize,
}

fn decide(existing: &[StoredResource], catalog: &Catalog, present: &[u64]) -> Result<Decision> {
    let mut by_code = std::collections::HashMap::new();
    let mut by_name = std::collections::HashMap::new();
    for (i, s) in existing.iter().enumerate() {
        if let Some(c) = &s.resource.code {
            by_code.entry(c.clone()).or_insert(i);
        }
        by_name.entry(s.resource.name.clone()).or_insert(i);
    }
    // Records of this import sharing a code (a slip between two resources) each match only the
    // stored record of their own name; and no stored record takes two imported ones, which
    // would merge them into one and lose the other.
    let mut code_count: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for c in catalog.resources.iter().filter_map(|r| r.code.as_deref()) {
        *code_count.entry(c).or_default() += 1;
    }
    let mut claimed = vec![false; existing.len()];
    let (mut adds, mut updates, mut added, mut changed, mut unchanged) = (vec![], vec![], vec![], vec![], 0);
    for (i, r) in catalog.resources.iter().enumerate() {
        let same_name =
            |j: &usize| crate::text::match_key(&existing[*j].resource.name) == crate::text::match_key(&r.name);
        let by_its_code = r.code.as_ref().and_then(|c| by_code.get(c)).copied();
        let by_its_code = match r.code.as_deref().map(|c| code_count[c]) {
            Some(n) if n > 1 => by_its_code.filter(same_name),
            _ => by_its_code,
        };
        let hit = by_its_code.or_else(|| by_name.get(&r.name).copied()).filter(|&j| !claimed[j]);
        if let Some(j) = hit {
            claimed[j] = true;
        }
        match hit {
            None => {
                added.push(rules::ResourceRef { code: r.code.clone(), name: r.name.clone() });
                adds.push(i);
            }
            Some(j) => {
                let old = &existing[j];
                let merged = merge(&old.resource, r, present[i]);
                let (a, b) = (serde_json::to_value(&old.resource)?, serde_json::to_value(&merged)?);
                let mut diffs = Vec::new();
                changelog::diff("", &a, &b, &mut diffs);
                if diffs.is_empty() {
                    unchanged += 1;
                } else {
                    let text = |v: Option<&Value>| {
                        v.filter(|v| !v.is_null()).map(|v| match v {
                            Value::String(s) => s.clone(),
                            other => other.to_string(),
                        })
                    };
                    changed.push(ResourceChange {
                        code: merged.code.clone(),
                        name: merged.name.clone(),
                        fields: diffs
                            .iter()
                            .map(|(p, o, n)| FieldChange { field: p.clone(), old: text(*o), new: text(*n) })
                            .collect(),
                    });
                    updates.push((old.id, merged));
                }
            }
        }
    }
    Ok(Decision { adds, updates, added, changed, unchanged })
}

/// Computes what importing `imported` into `ws` would do, with the rules' findings (the dry run
/// and the preview); writes nothing.
pub fn plan(ws: &Workspace, imported: Imported, ctx: &Context) -> Result<Effect> {
    let mut effect = prepare(ws, imported, ctx)?;
    if let Some((located, ctx)) = effect.pending.take() {
        let (findings, summary) = check(&effect.catalog, located, &ctx);
        effect.plan.findings = findings;
        effect.plan.summary = summary;
    }
    Ok(effect)
}

/// Like [`plan`], leaving the rules to run during the commit.
pub fn prepare(ws: &Workspace, imported: Imported, ctx: &Context) -> Result<Effect> {
    // Taken before the records are read: a change in between makes the commit redo the matching.
    let mark = ws.change_mark()?;
    let existing = ws.resources()?;
    let Imported { mut catalog, has_agency, sheets, findings, locations, present, field_columns, sheet_names, docs } =
        imported;
    let located = Imported { locations, field_columns, sheet_names, findings, ..Default::default() };
    // The rules judge the records against the workspace's agency; the file's is kept for the commit.
    let file_agency = std::mem::replace(&mut catalog.agency, ws.agency()?);
    // The stored form of every record: most were written while reading (`Imported::docs`);
    // the rest now, on both cores when they are many (a workbook whose items sheet reopened
    // every resource).
    let mut docs = docs;
    docs.resize(catalog.resources.len(), None);
    let missing: Vec<usize> = (0..docs.len()).filter(|&i| docs[i].is_none()).collect();
    for &i in &missing {
        catalog.resources[i].derive_classification();
    }
    let encode =
        |is: &[usize]| is.iter().map(|&i| crate::store::doc::encode(&catalog.resources[i])).collect::<Result<Vec<_>>>();
    let (a, b) = missing.split_at(missing.len() / 2);
    let (head, tail) = std::thread::scope(|s| {
        let head = s.spawn(|| encode(a));
        (head.join(), encode(b))
    });
    let encoded = head.unwrap_or_else(|p| std::panic::resume_unwind(p))?.into_iter().chain(tail?);
    for (&i, doc) in missing.iter().zip(encoded) {
        docs[i] = Some(doc);
    }
    let docs: Vec<String> = docs.into_iter().map(Option::unwrap_or_default).collect();

    let Decision { adds, updates, added, changed, unchanged } = decide(&existing, &catalog, &present)?;
    let file_agency = has_agency.then_some(file_agency);
    let plan = ImportPlan {
        added,
        changed,
        unchanged,
        agency: file_agency.is_some() && !ws.has_agency()?,
        systems: catalog.systems.len(),
        sheets,
        findings: vec![],
        summary: Summary::default(),
        committed: false,
    };
    Ok(Effect { plan, catalog, docs, adds, updates, file_agency, present, mark, pending: Some((located, *ctx)) })
}

/// The rules on the imported records, each finding positioned at its cell.
fn check(catalog: &Catalog, located: Imported, ctx: &Context) -> (Vec<Finding>, Summary) {
    let mut findings = rules::validate(catalog, ctx).findings;
    // In place: half a million findings are some 100 MB, and a second list grown by doubling
    // beside them was the import's peak.
    findings.retain_mut(|f| {
        located.locate(f);
        f.resource_index.is_some()
    });
    let read = located.findings.len();
    findings.reserve_exact(read);
    findings.extend(located.findings);
    findings.rotate_right(read);
    let summary = rules::summarize(catalog, &findings);
    (findings, summary)
}

/// Commits an effect in one transaction: all of it or none of it. Rules not yet run run now,
/// on the other core, while SQLite writes.
pub fn commit(ws: &mut Workspace, effect: Effect) -> Result<ImportPlan> {
    let Effect { mut plan, catalog, docs, adds, updates, file_agency, present, mark, pending } = effect;
    let (written, checked) = std::thread::scope(|s| {
        let checked = pending.map(|(located, ctx)| {
            let catalog = &catalog;
            s.spawn(move || check(catalog, located, &ctx))
        });
        let plan = &mut plan;
        let written = ws.write(|tx| {
            // Matched and merged against records that have changed since: do it again against
            // the records as they are now, under the write lock, so no edit made meanwhile is
            // written over and no record added meanwhile is added twice.
            let (adds, updates) = if store::write::change_mark(tx)? == mark {
                (adds, updates)
            } else {
                let d = decide(&store::resources::read_all(tx)?, &catalog, &present)?;
                (plan.added, plan.changed, plan.unchanged) = (d.added, d.changed, d.unchanged);
                (d.adds, d.updates)
            };
            let agency = match &file_agency {
                Some(a) if !store::write::read_agency(tx)?.1 => Some(a),
                _ => None,
            };
            plan.agency = agency.is_some();
            let rows: Vec<(&Resource, &str)> =
                adds.iter().map(|&i| (&catalog.resources[i], docs[i].as_str())).collect();
            store::resources::apply_import_in(tx, agency, &catalog.systems, rows, updates)
        });
        (written, checked.map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))))
    });
    written?;
    if let Some((findings, summary)) = checked {
        plan.findings = findings;
        plan.summary = summary;
    }
    plan.committed = true;
    Ok(plan)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::fields::{get, set};
    use crate::sheets::{read, ImportOptions};

    /// An import previewed, then committed after another window changed the workspace: the
    /// merge is made against the records as they are at the commit, so the other window's edit
    /// is kept and a resource it added is matched, not added twice.
    #[test]
    fn an_import_committed_after_another_edit_merges_with_what_is_stored_then() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("w.mulu");
        let mut ws = Workspace::create(&path).unwrap();
        let ids = ws.add_resources(crate::sample::large_catalog(2, 1).resources).unwrap();
        let name = ws.resource(ids[0]).unwrap().resource.name;
        let file = d.path().join("更新周期.xlsx");
        let mut wb = rust_xlsxwriter::Workbook::new();
        let sheet = wb.add_worksheet();
        for (row, cells) in
            [["信息资源名称", "更新周期"], [name.as_str(), "每月"], ["新增的台账", "每季度"]].iter().enumerate()
        {
            for (col, text) in cells.iter().enumerate() {
                sheet.write_string(row as u32, col as u16, *text).unwrap();
            }
        }
        wb.save(&file).unwrap();
        let ctx = Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: crate::Lang::Zh };
        let effect = plan(&ws, read(&file, &ImportOptions::default(), crate::Lang::Zh).unwrap(), &ctx).unwrap();
        assert_eq!((effect.plan.added.len(), effect.plan.changed.len()), (1, 1));

        // Meanwhile, in another window: a field the workbook has no column for, and the new one.
        let mut other = Workspace::open(&path).unwrap();
        other.edit_resource(ids[0], |r| set(r, "notes", "预览之后补充的备注")).unwrap();
        let mut added = Resource::default();
        set(&mut added, "name", "新增的台账").unwrap();
        other.add_resource(added).unwrap();
        drop(other);

        let done = commit(&mut ws, effect).unwrap();
        let r = ws.resource(ids[0]).unwrap().resource;
        assert_eq!(get(&r, "notes").as_deref(), Some("预览之后补充的备注"), "the other window's edit is kept");
        assert_eq!(get(&r, "update_cycle").as_deref(), Some("每月"), "and the import's change made");
        let twins: Vec<_> = ws.resources().unwrap().into_iter().filter(|s| s.resource.name == "新增的台账").collect();
        assert_eq!(twins.len(), 1, "matched, not added twice");
        assert_eq!(get(&twins[0].resource, "update_cycle").as_deref(), Some("每季度"));
        assert_eq!((done.added.len(), done.changed.len()), (0, 2), "the plan returned says what was done");
    }
}
