//! Deltas over IPC (增量): after an edit the window is sent the summary rows that changed and the
//! catalog's counts, not all 20,000 rows again. The app keeps what it last sent ([`Shown`]); an
//! edit names the resources it touched, and [`after_edit`] recomputes those and every other
//! resource whose findings follow from them (a code or a name shared, a related code), compares
//! them with what was shown, and answers with the difference ([`OverviewDelta`]).
//!
//! Correctness first: the window's rows after applying a delta equal a fresh overview. When that
//! cannot be known from the touched resources alone — the agency changed (every resource's
//! provider findings), another program wrote meanwhile, the language or the day changed — the
//! whole overview is recomputed and compared row by row (still sending only what differs), or
//! sent whole when nothing comparable was shown before.

use std::collections::{HashMap, HashSet};

use chrono::NaiveDate;
use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Agency, InfoSystem, Resource};
use crate::overview::{Overview, ResourceDetail, ResourceSummary};
use crate::rules::{self, Context, Finding, RuleInfo, Severity, Standing, Summary};
use crate::store::{UndoNext, Workspace};
use crate::text::match_key;

/// What a resource's row leaves out but the catalog-wide rules and counts read.
#[derive(Debug, Clone)]
pub struct RowKeys {
    name_key: String,
    related: Vec<String>,
    in_sharing: bool,
    in_open: bool,
}

impl RowKeys {
    pub(crate) fn of(r: &Resource) -> Self {
        RowKeys {
            name_key: if r.name.trim().is_empty() { String::new() } else { match_key(&r.name) },
            related: r.related_codes.clone(),
            in_sharing: r.in_sharing_catalog(),
            in_open: r.in_open_catalog(),
        }
    }
}

/// The overview as the window has it: kept by the app between commands.
#[derive(Debug, Clone)]
pub struct Shown {
    revision: i64,
    lang: Lang,
    today: NaiveDate,
    has_agency: bool,
    agency: Agency,
    systems: Vec<InfoSystem>,
    rows: Vec<ResourceSummary>,
    keys: Vec<RowKeys>,
    at: HashMap<i64, usize>,
}

/// What an edit changed in the overview. `full` set: the whole overview instead (nothing was
/// shown before to compare with); otherwise the rows in `changed` replace those of the same id,
/// the ones the window does not have yet go at the end in this order, and `removed` go.
#[derive(Debug, Clone, Serialize, TS)]
pub struct OverviewDelta {
    /// The overview revision this applies to: a window showing another one reloads instead.
    #[ts(type = "number")]
    pub base: i64,
    #[ts(type = "number")]
    pub revision: i64,
    pub full: Option<Overview>,
    pub changed: Vec<ResourceSummary>,
    #[ts(type = "Array<number>")]
    pub removed: Vec<i64>,
    pub has_agency: bool,
    pub agency: Agency,
    pub catalog_findings: Vec<Finding>,
    pub summary: Summary,
    pub rules: Vec<RuleInfo>,
    pub undo: Option<UndoNext>,
    /// Whether the whole overview was recomputed to find the rows (not sent; for tests and the
    /// benchmark): an edit of named resources normally is not.
    #[serde(skip)]
    #[ts(skip)]
    pub recomputed_all: bool,
}

/// What an edit touched.
#[derive(Debug, Clone, Copy)]
pub enum Touched<'a> {
    /// These resources (edited, added or removed), and nothing else.
    Resources(&'a [i64]),
    /// Anything (the agency profile, an undo, an import).
    Everything,
}

/// The overview the window opens with: every resource's summary row and the catalog's findings.
pub fn overview(ws: &Workspace, ctx: &Context) -> Result<Overview> {
    Ok(build(ws, ctx)?.0)
}

/// The overview, and what an edit's delta needs besides: each resource's keys (in the rows'
/// order) and the information systems.
pub(crate) fn build(ws: &Workspace, ctx: &Context) -> Result<(Overview, Vec<RowKeys>, Vec<crate::model::InfoSystem>)> {
    // Read before the records: a change made between the two makes the mark older than the rows,
    // which only costs the next delta a full comparison, never a missed change.
    let revision = ws.change_mark()?;
    let (ids, catalog) = ws.catalog_with_ids()?;
    let keys = catalog.resources.iter().map(RowKeys::of).collect();
    // With the deadlines and the bureau's open comments, each at its resource and field.
    let report = super::validate::of_catalog(ws, &ids, &catalog, ctx)?;
    let mut per: Vec<Vec<Finding>> = vec![Vec::new(); catalog.resources.len()];
    let mut catalog_findings = Vec::new();
    for f in report.findings {
        match f.resource_index {
            Some(i) => per[i].push(f),
            None => catalog_findings.push(f),
        }
    }
    let crate::model::Catalog { agency, resources, systems, .. } = catalog;
    let with_findings = rules::info::some(report.summary.by_rule.keys().map(String::as_str), ctx.lang);
    let o = Overview {
        path: ws.path().display().to_string(),
        has_agency: ws.has_agency()?,
        agency,
        catalog_findings,
        resources: ids
            .into_iter()
            .zip(resources)
            .zip(per)
            .map(|((id, resource), findings)| ResourceSummary::new(id, resource, findings))
            .collect(),
        summary: report.summary,
        rules: with_findings,
        // The overview is what the app shows: the refusal is worded for it.
        undo: ws.next_undo(ctx.lang, crate::i18n::Face::App)?,
        revision,
    };
    Ok((o, keys, systems))
}

/// Resource `id` whole, with the findings the overview gives it: the same rules, against the
/// codes and names of the whole catalog (a duplicate code is a finding on both resources).
pub fn resource_detail(ws: &Workspace, ctx: &Context, id: i64) -> Result<ResourceDetail> {
    let resource = ws.resource(id)?.resource;
    let others = ws.codes_and_names()?;
    let findings =
        rules::validate_one(&resource, &ws.agency()?, others.iter().map(|(c, n)| (c.as_deref(), n.as_str())), ctx);
    Ok(ResourceDetail { id, resource, findings })
}

/// The whole overview, and what is kept to answer the next edit with a delta.
pub fn open(ws: &Workspace, ctx: &Context) -> Result<(Overview, Shown)> {
    let (o, keys, systems) = build(ws, ctx)?;
    let mut rows = o.resources.clone();
    // The position a full validation gives is not sent and differs from one resource's own.
    rows.iter_mut().flat_map(|r| r.findings.iter_mut()).for_each(|f| f.resource_index = None);
    let shown = Shown {
        revision: o.revision,
        lang: ctx.lang,
        today: ctx.today,
        has_agency: o.has_agency,
        agency: o.agency.clone(),
        systems,
        at: positions(&rows),
        rows,
        keys,
    };
    Ok((o, shown))
}

/// The overview's change after an edit that touched `touched`, against what `shown` holds (which
/// it then holds updated). With nothing shown, or shown in another language or on another day,
/// the answer is the whole overview. On a failure `shown` is dropped: the next answer is whole.
pub fn after_edit(ws: &Workspace, shown: &mut Option<Shown>, touched: Touched, ctx: &Context) -> Result<OverviewDelta> {
    let old = shown.take().filter(|s| s.lang == ctx.lang && s.today == ctx.today);
    let Some(mut s) = old else {
        let (o, s) = open(ws, ctx)?;
        *shown = Some(s);
        return Ok(OverviewDelta::whole(o));
    };
    let delta = match touched {
        Touched::Resources(ids) => {
            let revision = ws.change_mark()?;
            // Deadlines and the bureau's comments are placed against the whole catalog: while
            // any is open, every row is recomputed (and still only the differing rows sent).
            if only_these_since(ws, s.revision, revision, ids)?
                && !super::validate::has_workspace_findings(ws, ctx.today)?
            {
                let base = s.revision;
                let (changed, removed) = s.recompute(ws, ids, ctx)?;
                s.revision = revision;
                Some(s.delta(ws, base, changed, removed, ctx)?)
            } else {
                None
            }
        }
        Touched::Everything => None,
    };
    let delta = match delta {
        Some(d) => {
            *shown = Some(s);
            d
        }
        None => {
            let (o, new) = open(ws, ctx)?;
            let mut written = written_since(ws, s.revision, o.revision)?;
            if let Touched::Resources(ids) = touched {
                written.extend(ids);
            }
            let d = compare(&s, &new, o, &written);
            *shown = Some(new);
            d
        }
    };
    Ok(delta)
}

fn positions(rows: &[ResourceSummary]) -> HashMap<i64, usize> {
    rows.iter().enumerate().map(|(i, r)| (r.id, i)).collect()
}

/// Whether every change since `since` (up to `until`) was to the resources `ids`: then nothing
/// else the overview shows can have changed.
fn only_these_since(ws: &Workspace, since: i64, until: i64, ids: &[i64]) -> Result<bool> {
    let mut st = ws
        .conn()
        .prepare_cached("SELECT DISTINCT entity, entity_id FROM change WHERE set_id > ?1 AND set_id <= ?2 LIMIT ?3")?;
    let limit = ids.len() as i64 + 1;
    let ids: HashSet<i64> = ids.iter().copied().collect();
    let rows = st.query_map([since, until, limit], |r| Ok((r.get::<_, String>(0)?, r.get::<_, Option<i64>>(1)?)))?;
    for row in rows {
        match row? {
            (entity, Some(id)) if entity == "resource" && ids.contains(&id) => {}
            _ => return Ok(false),
        }
    }
    Ok(true)
}

/// The resources written since `since` (up to `until`): their rows are sent even when they read
/// the same (an undo of a field the row does not carry), as for an edit's own.
fn written_since(ws: &Workspace, since: i64, until: i64) -> Result<HashSet<i64>> {
    let mut st = ws.conn().prepare_cached(
        "SELECT DISTINCT entity_id FROM change WHERE set_id > ?1 AND set_id <= ?2 AND entity = 'resource'",
    )?;
    let ids = st.query_map([since, until], |r| r.get::<_, Option<i64>>(0))?;
    Ok(ids.filter_map(|id| id.transpose()).collect::<rusqlite::Result<_>>()?)
}

impl OverviewDelta {
    fn whole(o: Overview) -> Self {
        OverviewDelta {
            base: o.revision,
            revision: o.revision,
            changed: Vec::new(),
            removed: Vec::new(),
            has_agency: o.has_agency,
            agency: o.agency.clone(),
            catalog_findings: o.catalog_findings.clone(),
            summary: o.summary.clone(),
            rules: o.rules.clone(),
            undo: o.undo.clone(),
            full: Some(o),
            recomputed_all: true,
        }
    }
}

/// The rows of `new` that differ from `old`'s or whose record was `written` (or touched); the whole overview
/// when the rows kept changed order (which no edit does: new resources go last).
fn compare(old: &Shown, new: &Shown, o: Overview, written: &HashSet<i64>) -> OverviewDelta {
    let removed: Vec<i64> = old.rows.iter().map(|r| r.id).filter(|id| !new.at.contains_key(id)).collect();
    let kept: Vec<i64> = old.rows.iter().map(|r| r.id).filter(|id| new.at.contains_key(id)).collect();
    let in_order = new.rows.iter().take(kept.len()).map(|r| r.id).eq(kept.iter().copied());
    if !in_order {
        return OverviewDelta::whole(o);
    }
    let changed = new
        .rows
        .iter()
        .filter(|r| written.contains(&r.id) || old.at.get(&r.id).is_none_or(|&i| old.rows[i] != **r))
        .cloned()
        .collect();
    OverviewDelta {
        base: old.revision,
        revision: o.revision,
        full: None,
        changed,
        removed,
        has_agency: o.has_agency,
        agency: o.agency,
        catalog_findings: o.catalog_findings,
        summary: o.summary,
        rules: o.rules,
        undo: o.undo,
        recomputed_all: true,
    }
}

impl Shown {
    /// Recomputes the rows of `ids` and of every resource whose findings depend on them; returns
    /// the rows that changed (new ones last, in catalog order) and the ids removed.
    fn recompute(&mut self, ws: &Workspace, ids: &[i64], ctx: &Context) -> Result<(Vec<ResourceSummary>, Vec<i64>)> {
        let mut loaded: HashMap<i64, Resource> = HashMap::new();
        // Codes and names whose count or presence changed: every resource holding or citing one
        // may have gained or lost a finding (code.duplicate, name.duplicate, code.related.missing).
        let (mut codes, mut names) = (HashSet::new(), HashSet::new());
        let mut removed = Vec::new();
        let mut added = Vec::new();
        for &id in ids.iter().collect::<HashSet<_>>() {
            let now = match ws.resource(id) {
                Ok(s) => Some(s.resource),
                Err(Error::ResourceNotFound { .. }) => None,
                Err(e) => return Err(e),
            };
            let before = self.at.get(&id).map(|&i| (self.rows[i].code.clone(), self.keys[i].name_key.clone()));
            let after = now.as_ref().map(|r| (r.code.clone(), RowKeys::of(r).name_key));
            if before != after {
                for (code, name) in before.into_iter().chain(after) {
                    codes.extend(code);
                    names.insert(name);
                }
            }
            match now {
                Some(r) => {
                    if !self.at.contains_key(&id) {
                        added.push((position(ws, id)?, id));
                    }
                    loaded.insert(id, r);
                }
                None if self.at.contains_key(&id) => removed.push(id),
                None => {}
            }
        }
        names.remove("");
        let was: HashSet<i64> = loaded.keys().copied().collect();
        self.place(&mut loaded, &removed, added)?;
        // Every row to recompute: the touched ones, and those holding or citing a changed key.
        let affected: Vec<usize> = (0..self.rows.len())
            .filter(|&i| {
                let (row, keys) = (&self.rows[i], &self.keys[i]);
                loaded.contains_key(&row.id)
                    || row.code.as_ref().is_some_and(|c| codes.contains(c))
                    || names.contains(&keys.name_key)
                    || keys.related.iter().any(|c| codes.contains(c))
            })
            .collect();
        let mut changed = Vec::new();
        let index = self.index_for(&affected);
        let pairs: Vec<(Option<&str>, &str)> =
            index.iter().map(|&i| (self.rows[i].code.as_deref(), self.rows[i].name.as_str())).collect();
        let mut fresh = Vec::with_capacity(affected.len());
        for &i in &affected {
            let id = self.rows[i].id;
            let r = match loaded.remove(&id) {
                Some(r) => r,
                None => ws.resource(id)?.resource,
            };
            let findings = rules::validate_one(&r, &self.agency, pairs.iter().copied(), ctx);
            let mut row = ResourceSummary::new(id, r, findings);
            row.findings.iter_mut().for_each(|f| f.resource_index = None);
            fresh.push((i, row));
        }
        // A touched resource's row is always sent, even when it reads the same: the window asks
        // for the record it shows again when its row is replaced (a value typed in another form
        // is shown normalised, a field the row does not carry shows its saved value).
        for (i, row) in fresh {
            if was.contains(&row.id) || self.rows[i] != row {
                changed.push(row.clone());
            }
            self.rows[i] = row;
        }
        Ok((changed, removed))
    }

    /// Drops the removed rows and places the added ones last (in catalog order), each with its
    /// code, name and keys; their findings are computed next.
    fn place(
        &mut self,
        loaded: &mut HashMap<i64, Resource>,
        removed: &[i64],
        mut added: Vec<(i64, i64)>,
    ) -> Result<()> {
        if !removed.is_empty() {
            let gone: HashSet<i64> = removed.iter().copied().collect();
            let keep: Vec<bool> = self.rows.iter().map(|r| !gone.contains(&r.id)).collect();
            let mut k = keep.iter();
            self.rows.retain(|_| *k.next().unwrap_or(&true));
            let mut k = keep.iter();
            self.keys.retain(|_| *k.next().unwrap_or(&true));
        }
        added.sort();
        for (_, id) in added {
            let r = loaded.get(&id).ok_or(Error::ResourceNotFound { selector: format!("#{id}") })?;
            self.keys.push(RowKeys::of(r));
            self.rows.push(ResourceSummary::new(id, r.clone(), Vec::new()));
        }
        if self.rows.len() != self.at.len() || !removed.is_empty() {
            self.at = positions(&self.rows);
        }
        // The touched rows' new code and name, for the index the recomputed rows are checked against.
        for (id, r) in loaded.iter() {
            let i = self.at[id];
            self.rows[i].code = r.code.clone();
            self.rows[i].name = r.name.clone();
            self.keys[i] = RowKeys::of(r);
        }
        Ok(())
    }

    /// The rows the catalog index needs to answer for `affected` exactly as for the whole
    /// catalog: those holding one of their codes, related codes or names.
    fn index_for(&self, affected: &[usize]) -> Vec<usize> {
        let mut codes: HashSet<&str> = HashSet::new();
        let mut names: HashSet<&str> = HashSet::new();
        for &i in affected {
            codes.extend(self.rows[i].code.as_deref());
            codes.extend(self.keys[i].related.iter().map(String::as_str));
            names.insert(&self.keys[i].name_key);
        }
        names.remove("");
        (0..self.rows.len())
            .filter(|&i| {
                self.rows[i].code.as_deref().is_some_and(|c| codes.contains(c))
                    || names.contains(self.keys[i].name_key.as_str())
            })
            .collect()
    }

    /// The delta from `base` to the rows held now, with the catalog's findings and counts.
    fn delta(
        &self,
        ws: &Workspace,
        base: i64,
        changed: Vec<ResourceSummary>,
        removed: Vec<i64>,
        ctx: &Context,
    ) -> Result<OverviewDelta> {
        let mut catalog_findings = rules::check_agency(&self.agency, ctx);
        let standing = self.rows.iter().map(|r| Standing {
            code: r.code.as_deref(),
            name: &r.name,
            source_system: r.source_system.as_deref(),
            needs_review: r.secrecy_review.is_none(),
        });
        catalog_findings.extend(rules::check_whole(&self.systems, standing, ctx));
        let mut summary = Summary {
            resources: self.rows.len(),
            items: self.rows.iter().map(|r| r.item_count).sum(),
            sharing_catalog: self.keys.iter().filter(|k| k.in_sharing).count(),
            open_catalog: self.keys.iter().filter(|k| k.in_open).count(),
            ..Default::default()
        };
        for r in &self.rows {
            summary.tally(&r.findings);
            summary.resources_with_errors += r.findings.iter().any(|f| f.severity == Severity::Error) as usize;
        }
        summary.tally(&catalog_findings);
        Ok(OverviewDelta {
            base,
            revision: self.revision,
            full: None,
            changed,
            removed,
            has_agency: self.has_agency,
            agency: self.agency.clone(),
            rules: rules::info::some(summary.by_rule.keys().map(String::as_str), ctx.lang),
            catalog_findings,
            summary,
            undo: ws.next_undo(ctx.lang, crate::i18n::Face::App)?,
            recomputed_all: false,
        })
    }
}

/// Where resource `id` stands in the catalog's order.
fn position(ws: &Workspace, id: i64) -> Result<i64> {
    Ok(ws.conn().query_row("SELECT position FROM resource WHERE id = ?1", [id], |r| r.get(0))?)
}

#[cfg(test)]
#[path = "overview_tests.rs"]
mod tests;
