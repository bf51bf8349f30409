//! The signed package (报送包) and its verification.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::i18n::Lang;
use crate::output::{check_output, OutputKind};
use crate::package::trust::Trust;
use crate::package::{self, make, Step, Verification};
use crate::rules::Context;
use crate::store::Workspace;

/// Refuses a package while validation errors remain (unless `allow_findings`), while any
/// resource lacks the secrecy review, or without the agency's USCC. Cheap: run it before asking
/// for the passphrase.
pub fn check(ws: &Workspace, allow_findings: bool, lang: Lang) -> Result<()> {
    let catalog = ws.catalog()?;
    make::check(&catalog, &crate::review::tasks::validate(ws, &catalog, &Context::now(lang))?, allow_findings)
}

/// What to package: the key file and its passphrase, where to write it.
#[derive(Debug, Clone)]
pub struct PackageRequest<'a> {
    pub key: &'a Path,
    pub passphrase: &'a str,
    pub out: &'a Path,
    /// Package despite validation errors (recorded in bag-info.txt); never without the review.
    pub allow_findings: bool,
    /// Replace an existing file of another kind (never the workspace, the key or an input).
    pub force: bool,
}

/// A finished package.
#[derive(Debug, Clone, Serialize, TS)]
pub struct PackageDone {
    pub path: String,
    #[serde(flatten)]
    #[ts(flatten)]
    pub made: make::Made,
}

/// Packages the workspace: checks where it goes, refuses as [`check`] does, signs, and records
/// the package in the workspace (record, then publish the file). Refused while the year's full
/// maintenance is incomplete ([`make_with_reason`] gives the reason to make it anyway).
pub fn make(ws: &mut Workspace, req: &PackageRequest, progress: &mut dyn FnMut(Step)) -> Result<PackageDone> {
    make_with_reason(ws, req, None, progress)
}

/// [`make`], and while the year's full maintenance is incomplete, made for `incomplete_reason`
/// (kept with the version); refused without one (`maintain.incomplete`).
pub fn make_with_reason(
    ws: &mut Workspace,
    req: &PackageRequest,
    incomplete_reason: Option<&str>,
    progress: &mut dyn FnMut(Step),
) -> Result<PackageDone> {
    check_output(req.out, OutputKind::Package, Some(ws.path()), &[req.key], req.force)?;
    let reason = super::maintenance::gate(ws, incomplete_reason)?;
    let made = make::make(ws, req.key, req.passphrase, req.out, req.allow_findings, reason, progress)?;
    Ok(PackageDone { path: req.out.display().to_string(), made })
}

/// Verifies a package against the keys in `trust_files` (trusted for any agency) and the trust
/// list of `workspace` — or of the usual workspace when there is one: a reviewer's machine may
/// have none.
pub fn verify(pkg: &Path, trust_files: &[PathBuf], workspace: Option<&Path>, lang: Lang) -> Result<Verification> {
    let mut trust = Trust::default();
    for f in trust_files {
        trust.add_key_file(f)?;
    }
    match workspace {
        Some(p) => trust.listed = Workspace::open(p)?.trusted_keys()?,
        None => {
            let p = crate::store::default_path();
            if p.is_file() {
                if let Ok(ws) = Workspace::open(&p) {
                    trust.listed = ws.trusted_keys().unwrap_or_default();
                }
            }
        }
    }
    package::verify_file(pkg, &trust, &package::Limits::default(), lang)
}
