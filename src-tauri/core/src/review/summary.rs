//! The bureau's summary (汇总, Guiyang measures Art. 13–14): the latest approved catalog of every
//! agency merged into one catalog — whose resource, sharing and open views are the district's
//! three catalogs — each resource keeping its provider and its provenance (the package it came
//! in, its signer, the approval date, and the steps before when it came through a district's
//! summary). Computed on demand from the stored packages: nothing to keep in step.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::conflicts::{self, Conflict};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Catalog, Provenance, View};
use crate::store::summary::SummaryApproval;
use crate::store::Workspace;

/// One agency's approved package in the summary.
#[derive(Debug, Clone, Serialize, TS)]
pub struct SummarySource {
    pub agency_uscc: String,
    pub agency_name: String,
    pub agency_level: Option<String>,
    pub package_id: String,
    pub sequence: u32,
    pub signer_fingerprint: String,
    pub approved_on: String,
    pub resources: usize,
}

/// The summary: its sources, its three catalogs' sizes, the conflicts, the approval.
#[derive(Debug, Clone, Serialize, TS)]
pub struct BureauSummary {
    pub sources: Vec<SummarySource>,
    /// Resources in the 资源目录, 共享目录 and 开放目录.
    pub resources: usize,
    pub sharing: usize,
    pub open: usize,
    pub conflicts: Vec<Conflict>,
    /// The latest approval by the government, if any…
    pub approval: Option<SummaryApproval>,
    /// …and whether it approved this very summary (no package approved since).
    pub approved: bool,
    /// The merged catalog under the bureau's own profile.
    pub catalog: Catalog,
}

impl BureauSummary {
    /// The received packages the summary is made of, sorted.
    pub fn packages(&self) -> Vec<String> {
        let mut ids: Vec<String> = self.sources.iter().map(|s| s.package_id.clone()).collect();
        ids.sort();
        ids
    }
}

/// The day of a stored timestamp (`2026-12-01T10:00:00.000+08:00` → `2026-12-01`).
fn day(at: &str) -> String {
    at.get(..10).unwrap_or(at).to_string()
}

/// Summarizes the workspace's approved packages; conflicts are described in `lang`.
pub fn summarize(ws: &Workspace, lang: Lang) -> Result<BureauSummary> {
    let mut catalog = Catalog { agency: ws.agency()?, ..Catalog::default() };
    let mut sources = Vec::new();
    for (head, json) in ws.latest_approved()? {
        let c: Catalog = serde_json::from_str(&json)?;
        let level = c.agency.level.as_ref().map(|l| l.as_str().to_string());
        let step = Provenance {
            agency_uscc: head.agency_uscc.clone(),
            agency_name: head.agency_name.clone(),
            agency_level: level.clone(),
            package_id: head.package_id.clone(),
            signer_fingerprint: head.signer_fingerprint.clone(),
            approved_on: day(head.receipt_at.as_deref().unwrap_or_default()),
        };
        sources.push(SummarySource {
            agency_uscc: head.agency_uscc.clone(),
            agency_name: head.agency_name.clone(),
            agency_level: level,
            package_id: head.package_id.clone(),
            sequence: head.sequence,
            signer_fingerprint: head.signer_fingerprint.clone(),
            approved_on: step.approved_on.clone(),
            resources: c.resources.len(),
        });
        for mut r in c.resources {
            // Its provider stays; a resource that names none was provided by its agency.
            if r.provider_name.as_deref().is_none_or(str::is_empty) {
                r.provider_name = c.agency.name.clone().or_else(|| Some(head.agency_name.clone()));
            }
            if r.provider_code.as_deref().is_none_or(str::is_empty) {
                r.provider_code = Some(head.agency_uscc.clone());
            }
            r.provenance.push(step.clone());
            catalog.resources.push(r);
        }
        for s in c.systems {
            if !catalog.systems.iter().any(|x| x.name == s.name) {
                catalog.systems.push(s);
            }
        }
    }
    let conflicts = conflicts::find(&catalog.resources, lang);
    let approval = ws.summary_approval()?;
    let mut summary = BureauSummary {
        sources,
        resources: catalog.view(View::Resource).count(),
        sharing: catalog.view(View::Sharing).count(),
        open: catalog.view(View::Open).count(),
        conflicts,
        approved: false,
        approval,
        catalog,
    };
    summary.approved = summary.approval.as_ref().is_some_and(|a| a.packages == summary.packages());
    Ok(summary)
}

/// The government's approval as typed.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct ApproveRequest {
    /// Who approved: the district (or city) government.
    pub approved_by: String,
    /// `YYYY-MM-DD`.
    pub approved_on: String,
    /// 文号, e.g. 花府函〔2026〕12号.
    pub document: String,
}

/// Records the approval of the summary as it stands, each value checked.
pub fn approve(ws: &mut Workspace, req: &ApproveRequest, lang: Lang) -> Result<SummaryApproval> {
    super::receive::require_bureau(ws)?;
    let by = crate::text::clean_line(&req.approved_by);
    if by.is_empty() {
        return Err(Error::invalid(
            "approved_by",
            &req.approved_by,
            lang.pick("审定单位名称", "the approving body's name"),
        ));
    }
    let on = req.approved_on.trim();
    let date = chrono::NaiveDate::parse_from_str(on, "%Y-%m-%d")
        .map_err(|_| Error::invalid("approved_on", on, lang.pick("日期，格式 YYYY-MM-DD", "a date, YYYY-MM-DD")))?;
    let document = crate::text::clean_line(&req.document);
    if !crate::model::basis::is_document_number(&document) {
        let expected = lang.pick("文号，如“花府函〔2026〕12号”", "a document number such as 花府函〔2026〕12号");
        return Err(Error::invalid("document", &req.document, expected));
    }
    let summary = summarize(ws, lang)?;
    if summary.sources.is_empty() {
        return Err(Error::SummaryEmpty);
    }
    let approval = SummaryApproval {
        approved_by: by,
        approved_on: date.format("%Y-%m-%d").to_string(),
        document,
        packages: summary.packages(),
        recorded_at: crate::store::changelog::now(),
    };
    ws.record_summary_approval(&approval)?;
    Ok(approval)
}

/// The bag-info fields a summary package adds: the government's approval and the sources.
pub fn approval_info(summary: &BureauSummary) -> Result<Vec<(String, String)>> {
    let a = match (&summary.approval, summary.approved) {
        (Some(a), true) => a,
        (Some(a), false) => {
            return Err(Error::SummaryUnapproved { approved_on: a.approved_on.clone(), document: a.document.clone() })
        }
        (None, _) => return Err(Error::SummaryUnapproved { approved_on: String::new(), document: String::new() }),
    };
    Ok(vec![
        ("Mulu-Summary-Approved-By".into(), a.approved_by.clone()),
        ("Mulu-Summary-Approval-Date".into(), a.approved_on.clone()),
        ("Mulu-Summary-Approval-Document".into(), a.document.clone()),
        ("Mulu-Summary-Sources".into(), summary.sources.len().to_string()),
    ])
}
