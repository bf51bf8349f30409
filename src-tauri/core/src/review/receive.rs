//! Receiving a package (接收报送包): read once into memory, verified from those very bytes, and
//! only then stored — a broken package, one signed by a key not trusted for its agency, or one
//! from an agency that does not report here is refused with the reason and kept nowhere. The
//! catalog is validated again with this workspace's rules: the sender's findings are not taken
//! on trust.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::catalog::SCHEMA_VERSION;
use crate::model::Catalog;
use crate::package::bagit::Kind;
use crate::package::build::{CATALOG_JSON, CHANGES_JSON, FINDINGS_JSON};
use crate::package::contents::Opened;
use crate::package::trust::Trust;
use crate::package::verify::{verify_bytes, Kept, Limits, Verdict};
use crate::rules::{self, Context};
use crate::store::bureau::{NewReceived, Received};
use crate::store::Workspace;

/// What receiving one package did.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReceivedOne {
    pub package_id: String,
    pub agency_uscc: String,
    pub agency_name: String,
    pub sequence: u32,
    /// It was received before, byte for byte: nothing was stored again.
    pub already_received: bool,
    /// Its signer's key was added to the trust list now, the fingerprint heard matching.
    pub key_trusted_now: bool,
    pub resources: usize,
    /// This workspace's validation of its catalog.
    pub errors: usize,
    pub warnings: usize,
}

/// Refuses `path` for `reason`.
fn refuse(path: &Path, reason: &'static str, detail: impl Into<String>) -> Error {
    Error::ReceiveRefused { path: path.to_path_buf(), reason, detail: detail.into() }
}

/// Refuses unless the workspace is a bureau's.
pub fn require_bureau(ws: &Workspace) -> Result<()> {
    if super::is_bureau(&ws.agency()?) {
        Ok(())
    } else {
        Err(Error::NotABureau)
    }
}

/// Receives the package at `path`. `heard` is the signer's fingerprint as read over the phone:
/// when the signer is not yet trusted and it matches, the key is trusted for the package's
/// agency (as the review screen's "trust" does).
pub fn receive(ws: &mut Workspace, path: &Path, heard: Option<&str>) -> Result<ReceivedOne> {
    require_bureau(ws)?;
    let bytes = std::fs::read(path).map_err(|e| Error::io(path, e))?;
    let trust = Trust { listed: ws.trusted_keys()?, ..Trust::default() };
    let keep = [CATALOG_JSON, CHANGES_JSON, FINDINGS_JSON];
    let (v, mut kept) = verify_bytes(&bytes, &trust, &Limits::default(), Lang::Zh, &keep);
    if v.verdict == Verdict::Broken {
        let what: Vec<String> = v
            .problems
            .iter()
            .map(|p| match &p.path {
                Some(at) => format!("{} {at}", p.code),
                None => p.code.clone(),
            })
            .collect();
        return Err(refuse(path, "broken", what.join("; ")));
    }
    let info = kept.bag_info.clone().unwrap_or_default();
    match Kind::of(&info) {
        Ok(Kind::Submission | Kind::Summary) => {}
        Ok(other) => return Err(refuse(path, "not_submission", other.as_str())),
        Err(unknown) => return Err(refuse(path, "not_submission", unknown)),
    }
    let uscc = v.agency_uscc.clone().unwrap_or_default();
    let org = v.source_organization.clone().unwrap_or_default();
    let Some(submitter) = ws.submitter(&uscc)? else {
        return Err(refuse(path, "not_expected", format!("{org} {uscc}").trim().to_string()));
    };
    let fingerprint = v.fingerprint.clone().unwrap_or_default();
    let mut new_key = None;
    if v.verdict == Verdict::IntactUnknownSigner {
        if let Some(other) = &v.trusted_for_other_agency {
            return Err(refuse(path, "other_agency", other.clone()));
        }
        let Some(heard) = heard else { return Err(refuse(path, "unknown_signer", fingerprint)) };
        let signer = Kept { bag_info: kept.bag_info.take(), signer_pem: kept.signer_pem.take(), ..Kept::default() };
        let opened = Opened::from_verified(v.clone(), signer);
        new_key = Some(opened.trusted_key(&submitter.name, heard, &crate::store::trust::now())?);
    }
    let mut text = |name: &str| String::from_utf8(kept.payload.remove(name).unwrap_or_default()).unwrap_or_default();
    let (catalog_json, changes_json, findings_json) = (text(CATALOG_JSON), text(CHANGES_JSON), text(FINDINGS_JSON));
    let catalog: Catalog = serde_json::from_str(&catalog_json)
        .ok()
        .filter(|c: &Catalog| c.schema_version <= SCHEMA_VERSION)
        .ok_or_else(|| refuse(path, "broken", format!("{CATALOG_JSON} unreadable")))?;
    let package_id = v.package_id.clone().unwrap_or_default();
    let tagmanifest = kept.tagmanifest_sha256.clone().unwrap_or_default();
    let sequence = v.sequence.as_deref().and_then(|s| s.trim().parse().ok()).unwrap_or(0);
    let report = rules::validate(&catalog, &Context::now(Lang::Zh));
    let mut one = ReceivedOne {
        package_id: package_id.clone(),
        agency_uscc: uscc.clone(),
        agency_name: if org.is_empty() { submitter.name.clone() } else { org.clone() },
        sequence,
        already_received: false,
        key_trusted_now: new_key.is_some(),
        resources: catalog.resources.len(),
        errors: report.summary.errors,
        warnings: report.summary.warnings,
    };
    if let Ok((before, ..)) = ws.received_package(&package_id) {
        if before.tagmanifest_sha256 == tagmanifest {
            one.already_received = true;
            one.key_trusted_now = false;
            return Ok(one);
        }
        return Err(refuse(path, "conflict", package_id));
    }
    let head = Received {
        package_id,
        agency_uscc: uscc,
        agency_name: one.agency_name.clone(),
        sequence,
        signer_fingerprint: crate::package::keys::normalize_fingerprint(&fingerprint),
        tagmanifest_sha256: tagmanifest,
        bagging_date: v.bagging_date.clone().unwrap_or_default(),
        received_at: crate::store::changelog::now(),
        file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
        resources: one.resources,
        errors: one.errors,
        warnings: one.warnings,
        status: super::ReviewStatus::InReview,
        receipt_at: None,
    };
    let new = NewReceived {
        head: &head,
        catalog_json: &catalog_json,
        findings_json: &findings_json,
        changes_json: &changes_json,
        bytes: &bytes,
    };
    ws.insert_received(&new, new_key.as_ref())?;
    Ok(one)
}
