//! The bureau's use cases (issue 13): its expected submitters, receiving packages, the review
//! and the signed receipt. Each is one call over the workspace; the CLI and the app adapt them.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, ErrorPayload, Result};
use crate::i18n::{Face, Lang};
use crate::output::{check_output, OutputKind};
use crate::review::decide::{self, DecideRequest, Decided, ReviewDetail};
use crate::review::receipt::{self, ReceiptIssued};
use crate::review::receive::{self, ReceivedOne};
use crate::review::submitters;
use crate::store::bureau::{Received, Submitter};
use crate::store::Workspace;

/// Whether the workspace is a bureau's (its home is the inbox and the status board).
pub fn is_bureau(ws: &Workspace) -> Result<bool> {
    Ok(crate::review::is_bureau(&ws.agency()?))
}

/// A submitter typed by hand.
#[derive(Debug, Clone, Deserialize, TS)]
pub struct SubmitterInput {
    pub uscc: String,
    pub name: String,
    pub level: Option<String>,
    pub contact: Option<String>,
}

/// Adds (or updates, by USCC) one expected submitter, each value checked.
pub fn add_submitter(ws: &mut Workspace, input: &SubmitterInput, lang: Lang) -> Result<Submitter> {
    receive::require_bureau(ws)?;
    let s = submitters::checked(&input.uscc, &input.name, input.level.as_deref(), input.contact.as_deref()).map_err(
        |why| {
            let (field, value, expected) = match why {
                "uscc" => ("uscc", input.uscc.as_str(), lang.pick("18 位统一社会信用代码", "an 18-character USCC")),
                "name" => ("name", input.name.as_str(), lang.pick("单位名称", "the agency's name")),
                _ => (
                    "level",
                    input.level.as_deref().unwrap_or_default(),
                    lang.pick("乡镇、区县部门、区县、市级部门或市", "乡镇, 区县部门, 区县, 市级部门 or 市"),
                ),
            };
            Error::invalid(field, value, expected)
        },
    )?;
    ws.put_submitters(std::slice::from_ref(&s))?;
    Ok(ws.submitter(&s.uscc)?.unwrap_or(s))
}

/// Imports the submitters of a spreadsheet: every row or none.
pub fn import_submitters(ws: &mut Workspace, file: &Path) -> Result<Vec<Submitter>> {
    receive::require_bureau(ws)?;
    let list = submitters::read(file)?;
    ws.put_submitters(&list)?;
    Ok(list)
}

pub fn remove_submitter(ws: &mut Workspace, selector: &str) -> Result<Submitter> {
    receive::require_bureau(ws)?;
    ws.remove_submitter(selector)
}

pub fn submitters(ws: &Workspace) -> Result<Vec<Submitter>> {
    receive::require_bureau(ws)?;
    ws.submitters()
}

/// One file of a receive: received, or refused with the reason.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ReceiveResult {
    pub path: String,
    pub received: Option<ReceivedOne>,
    pub error: Option<ErrorPayload>,
}

/// Receives several packages, each on its own: one refused leaves the others received.
/// `heard` is a fingerprint read over the phone (for one new signer).
pub fn receive(
    ws: &mut Workspace,
    paths: &[PathBuf],
    heard: Option<&str>,
    lang: Lang,
    face: Face,
) -> Result<Vec<ReceiveResult>> {
    receive::require_bureau(ws)?;
    let mut out = Vec::with_capacity(paths.len());
    for p in paths {
        let r = receive::receive(ws, p, heard);
        let path = p.display().to_string();
        out.push(match r {
            Ok(one) => ReceiveResult { path, received: Some(one), error: None },
            Err(e @ (Error::Busy { .. } | Error::DiskFull { .. } | Error::Sqlite(_))) => return Err(e),
            Err(e) => ReceiveResult { path, received: None, error: Some(e.payload_in(lang, face)) },
        });
    }
    Ok(out)
}

pub fn list(ws: &Workspace) -> Result<Vec<Received>> {
    receive::require_bureau(ws)?;
    ws.received()
}

pub fn show(ws: &Workspace, package_id: &str, lang: Lang) -> Result<ReviewDetail> {
    receive::require_bureau(ws)?;
    decide::show(ws, package_id, lang)
}

pub fn decide(ws: &mut Workspace, req: &DecideRequest, lang: Lang) -> Result<Decided> {
    decide::decide(ws, req, lang)
}

/// What a receipt needs: the package, the bureau's key and passphrase, where to write it.
#[derive(Debug, Clone)]
pub struct ReceiptRequest<'a> {
    pub package_id: &'a str,
    pub key: &'a Path,
    pub passphrase: &'a str,
    pub out: &'a Path,
    pub force: bool,
}

/// Writes the signed receipt and closes the review (decisions are final from then on).
pub fn issue_receipt(ws: &mut Workspace, req: &ReceiptRequest) -> Result<ReceiptIssued> {
    check_output(req.out, OutputKind::Package, Some(ws.path()), &[req.key], req.force)?;
    receipt::issue(ws, req.package_id, req.key, req.passphrase, req.out)
}
