//! Making the signed package of a workspace: the checks that refuse it, the build, and the
//! record of it for the next package's changes. The CLI and the app both call this.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::{bagit, diff, keys, Inputs, Step};
use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::Catalog;
use crate::rules::{self, Context, Report};
use crate::store::{self, Workspace};

/// What was packaged, for the person.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Made {
    pub package_id: String,
    pub sequence: u32,
    pub resources: usize,
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    /// Validation errors packaged anyway (`allow_findings`), recorded in bag-info.txt.
    pub errors: usize,
    /// 涉密 resources: the package must go through the channel for classified material.
    pub classified: usize,
    /// The signer's key fingerprint, grouped for reading aloud.
    pub fingerprint: String,
}

/// Refuses a package while validation errors remain (unless allowed), while any resource lacks
/// the secrecy review (G Art. 24), or without the agency's USCC. Cheap: run it before asking
/// for the passphrase.
pub fn check(catalog: &Catalog, report: &Report, allow_findings: bool) -> Result<()> {
    if report.has_errors() && !allow_findings {
        return Err(Error::PackageHasErrors {
            errors: report.summary.errors,
            resources: report.summary.resources_with_errors,
        });
    }
    let unreviewed: Vec<String> =
        catalog.resources.iter().filter(|r| rules::needs_review(r)).map(rules::resource_label).collect();
    if !unreviewed.is_empty() {
        return Err(Error::PackageUnreviewed { resources: unreviewed });
    }
    if catalog.agency.uscc.as_deref().is_none_or(str::is_empty) {
        return Err(Error::PackageNoUscc);
    }
    Ok(())
}

/// Checks, builds and signs the package at `out` (written to a temporary file, then renamed),
/// and records it in the workspace; if recording fails the package is removed again.
pub fn make(
    ws: &mut Workspace,
    key: &Path,
    passphrase: &str,
    out: &Path,
    allow_findings: bool,
    progress: &mut dyn FnMut(Step),
) -> Result<Made> {
    let catalog = ws.catalog()?;
    // The findings travel in Chinese, the bureau's language, whatever the person's language.
    let ctx = Context::now(Lang::Zh);
    let report = rules::validate(&catalog, &ctx);
    check(&catalog, &report, allow_findings)?;
    let secret = keys::read_key_file(key, passphrase)?;
    let sequence = ws.next_package_seq()?;
    let last = ws.last_package()?;
    let previous = last.as_ref().and_then(|(rec, cat)| {
        cat.as_ref().map(|c| {
            let p = diff::PreviousPackage {
                package_id: rec.package_id.clone(),
                sequence: rec.seq,
                created_at: rec.created_at.clone(),
            };
            (p, c)
        })
    });
    let changes = diff::changes(previous, &catalog);
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let inputs = Inputs {
        catalog: &catalog,
        report: &report,
        changes: &changes,
        folder: bagit::folder_name(&stem),
        sequence,
        bagging_date: ctx.today,
        allowed_findings: allow_findings,
    };
    let built = super::build(&inputs, &secret, out, progress)?;
    let rec = store::packages::PackageRecord {
        seq: sequence,
        package_id: built.package_id.clone(),
        created_at: store::changelog::now(),
        file_name: out.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        tagmanifest_sha256: built.tagmanifest_sha256.clone(),
        signer_fingerprint: built.fingerprint.clone(),
    };
    if let Err(e) = ws.record_package(&rec, &built.catalog_json) {
        let _ = std::fs::remove_file(out);
        return Err(e);
    }
    let classified = bagit::field(&built.bag_info, "Mulu-Classified-Count").and_then(|n| n.parse().ok()).unwrap_or(0);
    Ok(Made {
        package_id: built.package_id,
        sequence,
        resources: catalog.resources.len(),
        added: changes.added.len(),
        removed: changes.removed.len(),
        changed: changes.changed.len(),
        errors: report.summary.errors,
        classified,
        fingerprint: keys::grouped(&built.fingerprint),
    })
}
