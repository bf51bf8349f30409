//! The signed review receipt (审核回执): a bag of its own kind (`Mulu-Package-Kind: receipt`)
//! built, sealed, signed and verified by the same code as a submission package, carrying
//! `data/receipt.json` — the reviewed package's id and tag-manifest hash, the bureau, each
//! decision and comment, the date. Issued by the bureau; imported by the agency that made the
//! package, whose comments become tasks (see [`super::tasks`]).

use std::path::Path;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::decide::{tally, Overall};
use super::{Comment, ReviewVerdict};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::{Catalog, Resource};
use crate::package::bagit::{self, Kind, TAGMANIFEST};
use crate::package::build::{self, BagFile, FORMAT_VERSION};
use crate::package::contents::Opened;
use crate::package::keys;
use crate::package::trust::Trust;
use crate::package::verify::{verify_bytes, Kept, Limits, Verdict};
use crate::store::receipts::{ReceiptRecord, StoredTask};
use crate::store::Workspace;

/// The payload file of a receipt.
pub const RECEIPT_JSON: &str = "data/receipt.json";

/// The package a receipt answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReviewedPackage {
    pub package_id: String,
    /// SHA-256 of its `tagmanifest-sha256.txt` (lowercase hex): which bytes were reviewed.
    pub tagmanifest_sha256: String,
    pub agency_uscc: String,
    pub agency_name: String,
    pub sequence: u32,
}

/// Who reviewed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Bureau {
    pub name: String,
    pub uscc: String,
    pub division_code: Option<String>,
    pub level: Option<String>,
}

/// One resource's decision in a receipt (`verdict` `None`: not reviewed, the package being
/// returned as a whole or before it was reached).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceiptResource {
    pub code: Option<String>,
    pub name: String,
    pub verdict: Option<ReviewVerdict>,
    pub comments: Vec<Comment>,
}

/// `data/receipt.json`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct ReceiptDoc {
    pub format: u32,
    pub package: ReviewedPackage,
    pub bureau: Bureau,
    pub decision: ReviewVerdict,
    /// `YYYY-MM-DD`.
    pub reviewed_on: String,
    pub package_comments: Vec<Comment>,
    pub resources: Vec<ReceiptResource>,
}

/// A receipt written.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReceiptIssued {
    pub path: String,
    pub receipt_id: String,
    pub package_id: String,
    pub decision: ReviewVerdict,
    pub approved: usize,
    pub returned: usize,
    /// The bureau's key fingerprint, grouped for reading aloud.
    pub fingerprint: String,
}

/// The receipt's bag-info fields, in order.
fn bag_info(doc: &ReceiptDoc, id: &str, payload: &[BagFile], agency: &crate::model::Agency) -> Vec<(String, String)> {
    let octets: u64 = payload.iter().map(|f| f.bytes.len() as u64).sum();
    let s = |v: Option<&str>| v.unwrap_or("").to_string();
    let f: Vec<(&str, String)> = vec![
        ("Source-Organization", doc.bureau.name.clone()),
        ("Contact-Name", s(agency.contact_name.as_deref())),
        ("Contact-Phone", s(agency.contact_phone.as_deref())),
        ("Bagging-Date", doc.reviewed_on.clone()),
        ("External-Identifier", id.to_string()),
        ("Payload-Oxum", bagit::payload_oxum(octets, payload.len())),
        ("Bag-Software-Agent", format!("Mulu {} (目录)", env!("CARGO_PKG_VERSION"))),
        ("Mulu-Package-Format", FORMAT_VERSION.to_string()),
        (bagit::KIND, Kind::Receipt.as_str().to_string()),
        ("Mulu-Agency-USCC", doc.bureau.uscc.clone()),
        ("Mulu-Division-Code", s(doc.bureau.division_code.as_deref())),
        ("Mulu-Agency-Level", s(doc.bureau.level.as_deref())),
        ("Mulu-Reviewed-Package", doc.package.package_id.clone()),
        ("Mulu-Reviewed-Tagmanifest-SHA256", doc.package.tagmanifest_sha256.clone()),
        ("Mulu-Reviewed-Agency-USCC", doc.package.agency_uscc.clone()),
        ("Mulu-Review-Decision", doc.decision.as_str().to_string()),
        ("Mulu-Resource-Count", doc.resources.len().to_string()),
    ];
    f.into_iter().filter(|(k, v)| !v.is_empty() || k.starts_with("Mulu-")).map(|(k, v)| (k.into(), v)).collect()
}

/// Writes the signed receipt for package `id` to `out` and closes its review. Refused while a
/// resource is undecided and nothing is returned.
pub fn issue(ws: &mut Workspace, id: &str, key: &Path, passphrase: &str, out: &Path) -> Result<ReceiptIssued> {
    super::receive::require_bureau(ws)?;
    let agency = ws.agency()?;
    let uscc = agency.uscc.clone().filter(|u| !u.is_empty()).ok_or(Error::PackageNoUscc)?;
    let (package, catalog_json, ..) = ws.received_package(id)?;
    let catalog: Catalog = serde_json::from_str(&catalog_json)?;
    let (overall, undecided, package_comments, resources) = tally(&catalog, &ws.decisions(&package.package_id)?);
    let decision = match overall {
        Overall::Approved => ReviewVerdict::Approved,
        Overall::Returned => ReviewVerdict::Returned,
        Overall::Undecided => {
            let first = resources.iter().find(|r| r.verdict.is_none()).map(|r| match &r.code {
                Some(c) => format!("{c} {}", r.name),
                None => r.name.clone(),
            });
            return Err(Error::ReviewUndecided {
                id: package.package_id,
                count: undecided,
                first: first.unwrap_or_default(),
            });
        }
    };
    let secret = keys::read_key_file(key, passphrase)?;
    let today = chrono::Local::now().date_naive().format("%Y-%m-%d").to_string();
    let doc = ReceiptDoc {
        format: FORMAT_VERSION,
        package: ReviewedPackage {
            package_id: package.package_id.clone(),
            tagmanifest_sha256: package.tagmanifest_sha256.clone(),
            agency_uscc: package.agency_uscc.clone(),
            agency_name: package.agency_name.clone(),
            sequence: package.sequence,
        },
        bureau: Bureau {
            name: agency.name.clone().unwrap_or_default(),
            uscc,
            division_code: agency.division_code.clone(),
            level: agency.level.as_ref().map(|l| l.as_str().to_string()),
        },
        decision,
        reviewed_on: today,
        package_comments,
        resources: resources
            .into_iter()
            .map(|r| ReceiptResource { code: r.code, name: r.name, verdict: r.verdict, comments: r.comments })
            .collect(),
    };
    let receipt_id = bagit::folder_name(&format!("{}-receipt", package.package_id));
    let payload = vec![BagFile { path: RECEIPT_JSON.into(), bytes: build::json(&doc)?, deflate: true }];
    let info = bag_info(&doc, &receipt_id, &payload, &agency);
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let bag = build::seal(bagit::folder_name(&stem), payload, &info, &secret)?;
    let tm = bagit::hex(&build::sha256(&bag.get(TAGMANIFEST).expect("sealed").bytes));
    let staged = build::stage_zip(&bag, out)?;
    // Closed first, then published: decisions never change under a receipt that went out.
    ws.close_review(&package.package_id, decision, &tm)?;
    staged.publish()?;
    let count = |v| doc.resources.iter().filter(|r| r.verdict == Some(v)).count();
    Ok(ReceiptIssued {
        path: out.display().to_string(),
        receipt_id,
        package_id: package.package_id,
        decision,
        approved: count(ReviewVerdict::Approved),
        returned: count(ReviewVerdict::Returned),
        fingerprint: keys::grouped(&keys::fingerprint(&secret.public_key())),
    })
}

/// What importing a receipt did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReceiptImported {
    pub package_id: String,
    pub decision: ReviewVerdict,
    pub bureau_name: String,
    pub bureau_uscc: String,
    pub reviewed_on: String,
    /// Comments that became tasks.
    pub tasks: usize,
    /// The same receipt was imported before: nothing changed.
    pub already_imported: bool,
    pub key_trusted_now: bool,
}

fn refuse(path: &Path, reason: &'static str, detail: impl Into<String>) -> Error {
    Error::ReceiptRefused { path: path.to_path_buf(), reason, detail: detail.into() }
}

/// The resource of `catalog` a receipt's resource names (by code, or by name without one).
fn find<'a>(catalog: &'a Catalog, code: Option<&str>, name: &str) -> Option<&'a Resource> {
    let key = super::resource_key(code, name);
    catalog.resources.iter().find(|r| super::key_of(r) == key)
}

/// Imports the receipt at `path` for a package this workspace produced: verified against the
/// trust list (the bureau's key, trusted for the bureau's USCC; `heard` trusts it now when the
/// fingerprint read over the phone matches), then the package is marked approved or returned
/// and each comment becomes a task at its resource and field.
pub fn import(ws: &mut Workspace, path: &Path, heard: Option<&str>) -> Result<ReceiptImported> {
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let trust = Trust { listed: ws.trusted_keys()?, ..Trust::default() };
    let (v, mut kept) = verify_bytes(&bytes, &trust, &Limits::default(), Lang::Zh, &[RECEIPT_JSON]);
    if v.verdict == Verdict::Broken {
        let what: Vec<String> =
            v.problems.iter().map(|p| format!("{} {}", p.code, p.path.as_deref().unwrap_or(""))).collect();
        return Err(refuse(path, "broken", what.join("; ").trim().to_string()));
    }
    let info = kept.bag_info.clone().unwrap_or_default();
    match Kind::of(&info) {
        Ok(Kind::Receipt) => {}
        Ok(other) => return Err(refuse(path, "not_receipt", other.as_str())),
        Err(unknown) => return Err(refuse(path, "not_receipt", unknown)),
    }
    let fingerprint = v.fingerprint.clone().unwrap_or_default();
    let mut new_key = None;
    if v.verdict == Verdict::IntactUnknownSigner {
        match (heard, &v.trusted_for_other_agency) {
            (Some(heard), None) => {
                let signer =
                    Kept { bag_info: kept.bag_info.take(), signer_pem: kept.signer_pem.take(), ..Kept::default() };
                new_key = Some(Opened::from_verified(v.clone(), signer).trusted_key(
                    "",
                    heard,
                    &crate::store::trust::now(),
                )?);
            }
            _ => return Err(refuse(path, "untrusted", fingerprint)),
        }
    }
    let doc: ReceiptDoc = kept
        .payload
        .get(RECEIPT_JSON)
        .and_then(|b| serde_json::from_slice(b).ok())
        .ok_or_else(|| refuse(path, "broken", format!("{RECEIPT_JSON} unreadable")))?;
    // The receipt speaks for the bureau its key is trusted for, and for no other.
    if Some(doc.bureau.uscc.as_str()) != v.agency_uscc.as_deref() {
        return Err(refuse(path, "broken", format!("{RECEIPT_JSON}: bureau {} ≠ Mulu-Agency-USCC", doc.bureau.uscc)));
    }
    let id = doc.package.package_id.clone();
    let Some((tm, kept_catalog)) = ws.produced_package(&id)? else { return Err(refuse(path, "foreign", id)) };
    if tm != doc.package.tagmanifest_sha256 {
        return Err(refuse(path, "hash", id));
    }
    let mut done = ReceiptImported {
        package_id: id.clone(),
        decision: doc.decision,
        bureau_name: doc.bureau.name.clone(),
        bureau_uscc: doc.bureau.uscc.clone(),
        reviewed_on: doc.reviewed_on.clone(),
        tasks: 0,
        already_imported: false,
        key_trusted_now: new_key.is_some(),
    };
    if let Some((_, before)) = ws.receipt(&id)? {
        if before == bytes {
            done.already_imported = true;
            done.key_trusted_now = false;
            return Ok(done);
        }
        return Err(refuse(path, "conflict", id));
    }
    // Each comment is compared later with the resource as it was in the returned package
    // (kept for the latest packages), else as it is now.
    let returned_catalog: Catalog = match kept_catalog {
        Some(c) => serde_json::from_str(&c)?,
        None => ws.catalog()?,
    };
    let mut tasks = Vec::new();
    let task = |r: Option<&ReceiptResource>, c: &Comment| {
        let snapshot = r
            .and_then(|r| find(&returned_catalog, r.code.as_deref(), &r.name))
            .map(|x| crate::package::diff::comparable(x).to_string());
        StoredTask {
            id: 0,
            package_id: id.clone(),
            resource_code: r.and_then(|r| r.code.clone()),
            resource_name: r.map(|r| r.name.clone()),
            field: c.field.clone(),
            comment: c.comment.clone(),
            snapshot,
            resolved_at: None,
        }
    };
    for c in &doc.package_comments {
        tasks.push(task(None, c));
    }
    for r in doc.resources.iter().filter(|r| r.verdict == Some(ReviewVerdict::Returned)) {
        for c in &r.comments {
            tasks.push(task(Some(r), c));
        }
    }
    done.tasks = tasks.len();
    let rec = ReceiptRecord {
        package_id: id,
        decision: doc.decision,
        bureau_uscc: doc.bureau.uscc,
        bureau_name: doc.bureau.name,
        signer_fingerprint: keys::normalize_fingerprint(&fingerprint),
        reviewed_on: doc.reviewed_on,
        imported_at: crate::store::changelog::now(),
    };
    ws.insert_receipt(&rec, &bytes, &tasks, new_key.as_ref())?;
    Ok(done)
}
