//! The bureau's summary use cases (issue 13): summarize the approved catalogs, record the
//! government's approval, make the summary package, and the status board. The CLI and the app
//! adapt them.

use std::path::Path;

use crate::error::Result;
use crate::i18n::Lang;
use crate::ops::package::PackageRequest;
use crate::output::{check_output, OutputKind};
use crate::package::bagit::Kind;
use crate::package::make::{self, Made, Packaged};
use crate::review::receive::require_bureau;
use crate::review::status::{self, SubmitterStatus};
use crate::review::summary::{self, ApproveRequest, BureauSummary};
use crate::rules::{self, Context};
use crate::store::summary::SummaryApproval;
use crate::store::Workspace;

/// The summary of the approved catalogs, with its conflicts and approval.
pub fn summarize(ws: &Workspace, lang: Lang) -> Result<BureauSummary> {
    require_bureau(ws)?;
    summary::summarize(ws, lang)
}

/// Records the government's approval of the summary as it stands.
pub fn approve(ws: &mut Workspace, req: &ApproveRequest, lang: Lang) -> Result<SummaryApproval> {
    summary::approve(ws, req, lang)
}

/// Checks before the passphrase is asked for: the output, and an approval of this summary.
pub fn check_package(ws: &Workspace, out: &Path, key: &Path, force: bool) -> Result<BureauSummary> {
    check_output(out, OutputKind::Package, Some(ws.path()), &[key], force)?;
    let s = summarize(ws, Lang::Zh)?;
    summary::approval_info(&s)?;
    Ok(s)
}

/// Makes the summary package (`Mulu-Package-Kind: summary`) as the bureau's next package: the
/// same build, signature and record as an agency's, its catalog carrying provenance and its
/// bag-info the approval. Refused without the government's approval of this very summary.
/// `req.allow_findings` lets it be made although validation finds errors in the summarized
/// catalogs (they were reviewed; the findings travel in findings.json).
pub fn package(ws: &mut Workspace, req: &PackageRequest) -> Result<Made> {
    let s = check_package(ws, req.out, req.key, req.force)?;
    let extra_info = summary::approval_info(&s)?;
    let report = rules::validate(&s.catalog, &Context::now(Lang::Zh));
    make::check(&s.catalog, &report, req.allow_findings)?;
    let allow_findings = req.allow_findings;
    let what = Packaged {
        catalog: &s.catalog,
        report: &report,
        allow_findings,
        kind: Kind::Summary,
        extra_info,
        incomplete_reason: None,
    };
    make::make_packaged(ws, &what, req.key, req.passphrase, req.out, &mut |_| {})
}

/// The status board: each expected submitter's state, errors and last package date.
pub fn status(ws: &Workspace) -> Result<Vec<SubmitterStatus>> {
    status::board(ws)
}
