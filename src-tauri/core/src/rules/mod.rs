//! The validation engine. Every rule has a stable id, a severity and the article it enforces,
//! all kept as data in `data/rules.toml`; the checks themselves live in one module per family.
//! Findings never block saving: officers save unfinished work and fix it later.

use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{fill, Lang, Text};
use crate::model::{Agency, Catalog, Resource};

pub mod access;
mod cells;
mod codes;
mod fields;
mod grading;
pub mod identity;
pub mod info;
mod items;
pub(crate) mod lead;
pub mod personal;
mod timeliness;
mod unconfirmed;

pub use info::{explain, list, RuleInfo};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// The resource a finding concerns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ResourceRef {
    pub code: Option<String>,
    pub name: String,
}

/// One finding: what is wrong, where, why (the article) and what to do (the message).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Finding {
    // The id and the article are borrowed from the rules table: an import of 20,000 resources
    // holds half a million findings, and a copy of both in each was ~75 MB of them.
    /// The rule's id.
    pub rule: &'static str,
    pub severity: Severity,
    /// `None` for findings on the agency profile or the catalog as a whole.
    pub resource: Option<ResourceRef>,
    /// The field key, dotted (`sharing.basis`), or `items[2].data_type` for a data item.
    pub field: Option<String>,
    /// Spreadsheet position (sheet, 1-based row, column letter), for findings of an import.
    pub sheet: Option<String>,
    pub row: Option<u32>,
    pub column: Option<String>,
    pub message: String,
    /// The article, as cited in the finding's language.
    pub article: &'static str,
    /// Position of the resource in the catalog, for the app to link a finding to its record.
    #[serde(skip)]
    #[ts(skip)]
    pub resource_index: Option<usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Summary {
    pub resources: usize,
    pub items: usize,
    pub sharing_catalog: usize,
    pub open_catalog: usize,
    pub errors: usize,
    pub warnings: usize,
    /// Resources with at least one error.
    pub resources_with_errors: usize,
    #[ts(type = "Record<string, number>")]
    pub by_rule: BTreeMap<String, usize>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, TS)]
pub struct Report {
    pub findings: Vec<Finding>,
    pub summary: Summary,
}

impl Report {
    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }
}

#[derive(Debug, Deserialize)]
pub struct RuleSpec {
    pub id: String,
    pub severity: Severity,
    /// What the rule checks, in a few words: the heading of its findings.
    pub title: Text,
    pub article: Text,
    pub message: Text,
    /// Its place in `data/rules.toml`, for listing the rules in the file's order.
    #[serde(skip)]
    pub position: usize,
    /// The article as cited in zh and en (`i18n::cite`), made once for every finding.
    #[serde(skip)]
    cited: [String; 2],
}

#[derive(Deserialize)]
struct RulesFile {
    rule: Vec<RuleSpec>,
}

const RULES_TOML: &str = include_str!("../../data/rules.toml");

/// All rules, by id.
pub fn specs() -> &'static HashMap<String, RuleSpec> {
    static S: OnceLock<HashMap<String, RuleSpec>> = OnceLock::new();
    S.get_or_init(|| {
        let f: RulesFile = toml::from_str(RULES_TOML).expect("data/rules.toml is valid");
        let cite = |r: &RuleSpec, lang| crate::i18n::cite(r.article.get(lang), lang).into_owned();
        f.rule
            .into_iter()
            .enumerate()
            .map(|(position, r)| {
                let cited = [cite(&r, Lang::Zh), cite(&r, Lang::En)];
                (r.id.clone(), RuleSpec { position, cited, ..r })
            })
            .collect()
    })
}

/// What a validation run needs besides the catalog. Time is passed in, so tests are exact.
#[derive(Debug, Clone, Copy)]
pub struct Context {
    pub today: NaiveDate,
    pub lang: Lang,
}

impl Context {
    pub fn now(lang: Lang) -> Self {
        Context { today: chrono::Local::now().date_naive(), lang }
    }
}

/// Collects findings for one resource (or for the catalog when `resource` is `None`).
pub(crate) struct Sink<'a> {
    ctx: &'a Context,
    out: &'a mut Vec<Finding>,
    resource: Option<(&'a Resource, usize)>,
}

impl<'a> Sink<'a> {
    pub fn lang(&self) -> Lang {
        self.ctx.lang
    }
    pub fn today(&self) -> NaiveDate {
        self.ctx.today
    }

    pub fn emit(&mut self, rule: &str, field: Option<&str>, args: &[(&str, &str)]) {
        let resource = self.resource.map(|(r, _)| ResourceRef { code: r.code.clone(), name: r.name.clone() });
        if let Some(mut f) = finding(rule, self.ctx.lang, resource, field, args) {
            f.resource_index = self.resource.map(|(_, i)| i);
            self.out.push(f);
        }
    }
}

/// A value quoted in a message, cut to a readable length: a 100,000-character cell must not
/// become a 100,000-character message.
fn clip(v: &str) -> std::borrow::Cow<'_, str> {
    const MAX: usize = 60;
    match v.char_indices().nth(MAX) {
        Some((i, _)) => std::borrow::Cow::Owned(format!("{}…", &v[..i])),
        None => std::borrow::Cow::Borrowed(v),
    }
}

/// Builds a finding of `rule` with its message filled in the person's language.
pub fn finding(
    rule: &str,
    lang: Lang,
    resource: Option<ResourceRef>,
    field: Option<&str>,
    args: &[(&str, &str)],
) -> Option<Finding> {
    let Some(spec) = specs().get(rule) else {
        debug_assert!(false, "rule {rule} missing from data/rules.toml");
        return None;
    };
    Some(Finding {
        rule: spec.id.as_str(),
        severity: spec.severity,
        resource,
        field: field.map(str::to_string),
        sheet: None,
        row: None,
        column: None,
        message: {
            // Mulu's own sentences and value lists are never the person's data: not clipped.
            let own = |k: &str| matches!(k, "what" | "ways" | "allowed" | "state");
            let clipped: Vec<(&str, std::borrow::Cow<str>)> =
                args.iter().map(|(k, v)| (*k, if own(k) { std::borrow::Cow::Borrowed(*v) } else { clip(v) })).collect();
            let refs: Vec<(&str, &str)> = clipped.iter().map(|(k, v)| (*k, v.as_ref())).collect();
            fill(spec.message.get(lang), &refs)
        },
        article: &spec.cited[(lang == Lang::En) as usize],
        resource_index: None,
    })
}

/// Catalogs at least this large are validated on several cores.
const PARALLEL_FROM: usize = 2000;

/// Runs every rule over the catalog.
pub fn validate(catalog: &Catalog, ctx: &Context) -> Report {
    let mut findings = check_agency(&catalog.agency, ctx);
    let index = codes::CatalogIndex::build(catalog);
    let check_range = |range: std::ops::Range<usize>| {
        let mut out = Vec::new();
        for i in range {
            let r = &catalog.resources[i];
            let mut sink = Sink { ctx, out: &mut out, resource: Some((r, i)) };
            check_resource(r, &catalog.agency, &index, &mut sink);
        }
        out
    };
    // Resources are checked independently against the shared index: a large catalog is split
    // across the cores, the findings kept in catalog order.
    let n = catalog.resources.len();
    let cores = std::thread::available_parallelism().map_or(1, |c| c.get()).min(4);
    if n >= PARALLEL_FROM && cores > 1 {
        let chunk = n.div_ceil(cores);
        let parts: Vec<Vec<Finding>> = std::thread::scope(|s| {
            let handles: Vec<_> =
                (1..cores).map(|k| s.spawn(move || check_range(k * chunk..((k + 1) * chunk).min(n)))).collect();
            let mut parts = vec![check_range(0..chunk.min(n))];
            parts.extend(handles.into_iter().map(|h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p))));
            parts
        });
        findings.reserve_exact(parts.iter().map(Vec::len).sum());
        findings.extend(parts.into_iter().flatten());
    } else {
        findings.extend(check_range(0..n));
    }
    findings.extend(check_whole(&catalog.systems, catalog.resources.iter().map(Standing::of), ctx));
    let summary = summarize(catalog, &findings);
    Report { findings, summary }
}

/// The findings on the agency profile: the first of the catalog's own.
pub fn check_agency(agency: &Agency, ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut sink = Sink { ctx, out: &mut out, resource: None };
    identity::check_agency(agency, &mut sink);
    cells::check_agency(agency, &mut sink);
    out
}

/// What the rules on the catalog as a whole read of one resource: an overview kept up to date
/// edit by edit has these without loading every record.
#[derive(Debug, Clone, Copy)]
pub struct Standing<'a> {
    pub code: Option<&'a str>,
    pub name: &'a str,
    pub source_system: Option<&'a str>,
    pub needs_review: bool,
}

impl<'a> Standing<'a> {
    pub fn of(r: &'a Resource) -> Self {
        Standing {
            code: r.code.as_deref(),
            name: &r.name,
            source_system: r.source_system.as_deref(),
            needs_review: needs_review(r),
        }
    }
}

/// The findings on the catalog as a whole (after the agency's): systems without a resource, and
/// the resources still to review.
pub fn check_whole<'a>(
    systems: &[crate::model::InfoSystem],
    resources: impl IntoIterator<Item = Standing<'a>>,
    ctx: &Context,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut sink = Sink { ctx, out: &mut out, resource: None };
    let (mut sources, mut pending, mut named) = (std::collections::HashSet::new(), 0, Vec::new());
    for r in resources {
        sources.extend(r.source_system);
        if r.needs_review {
            pending += 1;
            // Only the first few are named: 20,000 labels made for three was most of the time.
            if named.len() < REVIEW_NAMED {
                named.push(label(r.code, r.name));
            }
        }
    }
    codes::check_systems(systems, &sources, &mut sink);
    cells::check_systems(systems, &mut sink);
    check_review(pending, &named, &mut sink);
    out
}

/// Rules for a single resource in the context of its catalog (the app calls this after an edit).
pub fn validate_resource(catalog: &Catalog, position: usize, ctx: &Context) -> Vec<Finding> {
    let mut findings = Vec::new();
    if let Some(r) = catalog.resources.get(position) {
        let index = codes::CatalogIndex::build(catalog);
        let mut sink = Sink { ctx, out: &mut findings, resource: Some((r, position)) };
        check_resource(r, &catalog.agency, &index, &mut sink);
    }
    findings
}

/// The same rules for one resource, given its agency and the code and name of every resource in
/// the catalog (itself included) rather than the whole catalog: the app's resource form asks for
/// one record after each save, and loading every record for it cost as much as the overview.
pub fn validate_one<'a>(
    r: &Resource,
    agency: &Agency,
    codes_and_names: impl IntoIterator<Item = (Option<&'a str>, &'a str)>,
    ctx: &Context,
) -> Vec<Finding> {
    let mut findings = Vec::new();
    let index = codes::CatalogIndex::of(codes_and_names);
    let mut sink = Sink { ctx, out: &mut findings, resource: Some((r, 0)) };
    check_resource(r, agency, &index, &mut sink);
    findings
}

fn check_resource(r: &Resource, agency: &Agency, index: &codes::CatalogIndex, sink: &mut Sink) {
    fields::check(r, sink);
    items::check(r, sink);
    codes::check(r, index, sink);
    lead::check_classification(r, sink);
    lead::check_lead(r, agency, sink);
    identity::check_resource(r, agency, sink);
    grading::check(r, sink);
    personal::check(r, sink);
    access::check(r, sink);
    timeliness::check(r, sink);
    unconfirmed::check(r, sink);
    cells::check(r, sink);
}

/// Whether the resource still needs its secrecy review (none since its last edit, G Arts. 24,
/// 27). Validation reports and packaging refuses exactly these resources.
pub fn needs_review(r: &Resource) -> bool {
    r.secrecy_review.is_none()
}

/// How packaging names a resource it refuses, and validation the same resource.
pub fn resource_label(r: &Resource) -> String {
    label(r.code.as_deref(), &r.name)
}

fn label(code: Option<&str>, name: &str) -> String {
    match code {
        Some(c) => format!("{c} {name}"),
        None => name.to_string(),
    }
}

/// The resources not yet secrecy-reviewed, as one finding on the catalog: the review is the
/// last step before packaging (every edit clears it), so it is not repeated on each record
/// while the officer is still filling it in.
fn check_review(pending: usize, named: &[String], sink: &mut Sink) {
    if pending == 0 {
        return;
    }
    let lang = sink.lang();
    let mut names = named.join(lang.pick("、", "; "));
    if pending > named.len() {
        names.push_str(lang.pick(" 等", " …"));
    }
    sink.emit("review.secrecy", None, &[("count", &pending.to_string()), ("names", &names)]);
}

/// How many of the resources still to review the finding names.
const REVIEW_NAMED: usize = 3;

pub fn summarize(catalog: &Catalog, findings: &[Finding]) -> Summary {
    let mut s = Summary {
        resources: catalog.resources.len(),
        items: catalog.resources.iter().map(|r| r.items.len()).sum(),
        sharing_catalog: catalog.resources.iter().filter(|r| r.in_sharing_catalog()).count(),
        open_catalog: catalog.resources.iter().filter(|r| r.in_open_catalog()).count(),
        ..Default::default()
    };
    s.tally(findings);
    s.resources_with_errors = findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .filter_map(|f| f.resource_index)
        .collect::<std::collections::HashSet<_>>()
        .len();
    s
}

impl Summary {
    /// Counts `findings` in: errors, warnings, and each rule's.
    pub fn tally<'a>(&mut self, findings: impl IntoIterator<Item = &'a Finding>) {
        for f in findings {
            match f.severity {
                Severity::Error => self.errors += 1,
                Severity::Warning => self.warnings += 1,
            }
            // Counted in place: a new key is cloned once, not each of 20,000 rows' findings.
            match self.by_rule.get_mut(f.rule) {
                Some(n) => *n += 1,
                None => {
                    self.by_rule.insert(f.rule.to_string(), 1);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_accountability;
#[cfg(test)]
mod tests_legal;
#[cfg(test)]
mod tests_open;
#[cfg(test)]
mod tests_timeliness;
