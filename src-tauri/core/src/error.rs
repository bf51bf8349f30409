//! The core's errors. Each has a stable code (what the UI and scripts switch on), a sentence in
//! the person's language saying what to do, and the field it concerns where there is one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::{Face, Lang};

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("workspace not found: {}", path.display())]
    WorkspaceMissing { path: PathBuf },
    #[error("not a Mulu workspace: {} ({reason})", path.display())]
    NotAWorkspace { path: PathBuf, reason: &'static str },
    #[error("workspace is damaged: {} ({detail})", path.display())]
    Corrupt { path: PathBuf, detail: String },
    #[error("workspace {} has schema {found}, newer than {supported}", path.display())]
    NewerSchema { path: PathBuf, found: i64, supported: i64 },
    #[error("workspace location is read-only: {}", path.display())]
    ReadOnly { path: PathBuf },
    #[error("workspace already exists: {}", path.display())]
    AlreadyExists { path: PathBuf },
    #[error("workspace is busy: {}", path.display())]
    Busy { path: PathBuf },
    /// The disk holding `path` is full: nothing was written, what was there is intact.
    #[error("disk full: {}", path.display())]
    DiskFull { path: PathBuf },
    #[error("i/o error on {}: {source}", path.display())]
    Io { path: PathBuf, source: std::io::Error },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data could not be read: {0}")]
    Decode(#[from] serde_json::Error),
    #[error("unknown field: {field}")]
    UnknownField { field: String },
    #[error("invalid value for {field}: {value} (expected {expected})")]
    InvalidValue { field: String, value: String, expected: String },
    #[error("no resource matches {selector}")]
    ResourceNotFound { selector: String },
    #[error("{count} resources match {selector}")]
    AmbiguousResource { selector: String, count: usize },
    #[error("no information system named {name}")]
    SystemNotFound { name: String },
    #[error("no agency profile yet")]
    NoAgency,
    #[error("cannot read spreadsheet {}: {reason}", file.display())]
    SheetUnreadable { file: PathBuf, reason: String },
    #[error("no header found in {} ({sheet})", file.display())]
    NoHeader { file: PathBuf, sheet: String },
    #[error("no resource name column in {} ({sheet})", file.display())]
    NoNameColumn { file: PathBuf, sheet: String },
    #[error("no sheet {sheet} in {}", file.display())]
    SheetNotFound { file: PathBuf, sheet: String, sheets: Vec<String> },
    #[error("cannot write spreadsheet: {reason}")]
    SheetWrite { reason: String },
    #[error("cannot undo {action}")]
    UndoUnsupported { action: String },
    #[error("{field} cannot be set on several resources at once")]
    NotBulk { field: String },
    #[error("sheet {sheet} of {} has more than {max} rows", file.display())]
    SheetTooLarge { file: PathBuf, sheet: String, max: u32 },
    #[error("cannot make a key: {reason}")]
    KeyGenerate { reason: String },
    #[error("key file already exists: {}", path.display())]
    KeyExists { path: PathBuf },
    #[error("not an encrypted Mulu key file: {}", path.display())]
    KeyUnreadable { path: PathBuf },
    #[error("wrong passphrase for {}", path.display())]
    KeyPassphrase { path: PathBuf },
    #[error("empty passphrase")]
    PassphraseEmpty,
    #[error("the passphrases differ")]
    PassphraseMismatch,
    #[error("no passphrase: no terminal and no MULU_PASSPHRASE")]
    PassphraseUnavailable,
    #[error("not a public key: {}", path.display())]
    PublicKeyUnreadable { path: PathBuf },
    #[error("no trusted key matches {selector}")]
    TrustNotFound { selector: String },
    #[error("{count} trusted keys match {selector}")]
    TrustAmbiguous { selector: String, count: usize },
    #[error("the agency profile has no USCC")]
    PackageNoUscc,
    #[error("validation found {errors} errors")]
    PackageHasErrors { errors: usize, resources: usize },
    #[error("{} resources lack the secrecy review", resources.len())]
    PackageUnreviewed { resources: Vec<String> },
    #[error("cannot write the package: {reason}")]
    PackageWrite { reason: String },
    #[error("cannot read {}: {reason}", path.display())]
    VerifyUnreadable { path: PathBuf, reason: String },
    #[error("the fingerprint read aloud differs from the signer's")]
    FingerprintMismatch,
    #[error("the signer of this package cannot be trusted ({reason})")]
    NotTrustable { reason: &'static str },
    /// An output that would destroy what it must not (the workspace, a key, an input) or a file
    /// of another kind (`reason`: `workspace`, `key`, `input`, `directory`, `other-kind`; `found`:
    /// what the file holds, see `fsutil::Found::name`).
    #[error("will not write {}: {reason}", path.display())]
    OutputRefused { path: PathBuf, reason: &'static str, found: Option<&'static str> },
    /// The person stopped a long read (an import, a scan) before it finished.
    #[error("cancelled")]
    Cancelled,
    /// A workbook over one of the limits that bound an import's memory (`sheets::limits`).
    #[error("{} is over the import limit on {what:?} ({max})", file.display())]
    SheetLimit { file: PathBuf, what: crate::sheets::limits::Limit, max: u64 },
    /// A text longer than a spreadsheet cell holds, met while writing the catalog workbook.
    #[error("{field} of {resource} has {len} characters, more than a cell holds ({max})")]
    CellTooLong { resource: String, field: String, len: usize, max: usize },
    /// A package the bureau does not receive (`reason`: `broken`, `unknown_signer`,
    /// `other_agency`, `not_expected`, `not_submission`, `conflict`); `detail` says what exactly.
    #[error("package {} not received ({reason}): {detail}", path.display())]
    ReceiveRefused { path: PathBuf, reason: &'static str, detail: String },
    /// Reviewing needs a bureau's workspace (agency level 区县 or 市).
    #[error("this workspace is not a bureau's")]
    NotABureau,
    #[error("no received package {id}")]
    ReviewNotFound { id: String },
    /// The receipt was issued: the decisions it carries are final.
    #[error("the receipt for {id} was issued on {at}")]
    ReviewClosed { id: String, at: String },
    #[error("{count} resources of {id} are undecided")]
    ReviewUndecided { id: String, count: usize, first: String },
    /// A receipt an agency does not import (`reason`: `broken`, `untrusted`, `not_receipt`,
    /// `foreign`, `hash`, `conflict`).
    #[error("receipt {} refused ({reason}): {detail}", path.display())]
    ReceiptRefused { path: PathBuf, reason: &'static str, detail: String },
    #[error("no expected submitter matches {selector}")]
    SubmitterNotFound { selector: String },
    /// A cell of a submitter list that cannot be read (`reason`: `uscc`, `level`, `name`, `duplicate`).
    #[error("{} {sheet} row {row} column {column}: {reason} {value}", file.display())]
    SubmitterCell { file: PathBuf, sheet: String, row: u32, column: String, reason: &'static str, value: String },
    #[error("no review task {id}")]
    TaskNotFound { id: i64 },
    /// No agency's package is approved yet: there is nothing to summarize.
    #[error("no approved package to summarize")]
    SummaryEmpty,
    /// The summary has no government approval (`approved_on` empty), or was approved before
    /// the packages it is made of changed.
    #[error("the summary is not approved as it stands")]
    SummaryUnapproved { approved_on: String, document: String },
}

/// The field key of a field path, for its label: `items[2].description` → `item.description`;
/// others as they are.
fn field_key(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("items[").and_then(|rest| rest.split_once("].")) {
        Some((_, k)) => format!("item.{k}").into(),
        None => path.into(),
    }
}

/// The error as it crosses the IPC boundary or is printed with `--json`.
#[derive(Debug, Clone, Serialize, TS)]
pub struct ErrorPayload {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl Error {
    pub fn io(path: &Path, source: std::io::Error) -> Self {
        match source.kind() {
            std::io::ErrorKind::StorageFull => Error::DiskFull { path: path.to_path_buf() },
            _ => Error::Io { path: path.to_path_buf(), source },
        }
    }

    /// This error from an operation on the workspace at `path`: a database failure is told
    /// apart (full disk, read-only, locked, damaged) and named with the file.
    pub fn in_workspace(self, path: &Path) -> Self {
        match self {
            Error::Sqlite(e) => crate::store::classify(path, e),
            other => other,
        }
    }

    pub fn invalid(field: &str, value: &str, expected: &str) -> Self {
        Error::InvalidValue { field: field.into(), value: value.into(), expected: expected.into() }
    }

    /// Stable code, for programs.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WorkspaceMissing { .. } => "workspace.missing",
            Error::NotAWorkspace { .. } => "workspace.foreign",
            Error::Corrupt { .. } => "workspace.corrupt",
            Error::NewerSchema { .. } => "workspace.newer",
            Error::ReadOnly { .. } => "workspace.read_only",
            Error::AlreadyExists { .. } => "workspace.exists",
            Error::Busy { .. } => "workspace.busy",
            Error::DiskFull { .. } => "disk.full",
            Error::Io { .. } => "io",
            Error::Sqlite(_) => "store",
            Error::Decode(_) => "store.decode",
            Error::UnknownField { .. } => "field.unknown",
            Error::InvalidValue { .. } => "field.invalid",
            Error::ResourceNotFound { .. } => "resource.not_found",
            Error::AmbiguousResource { .. } => "resource.ambiguous",
            Error::SystemNotFound { .. } => "system.not_found",
            Error::NoAgency => "agency.missing",
            Error::SheetUnreadable { .. } => "sheet.unreadable",
            Error::NoHeader { .. } => "sheet.no_header",
            Error::NoNameColumn { .. } => "sheet.no_name_column",
            Error::SheetNotFound { .. } => "sheet.not_found",
            Error::SheetWrite { .. } => "sheet.write",
            Error::SheetTooLarge { .. } => "sheet.too_large",
            Error::UndoUnsupported { .. } => "undo.unsupported",
            Error::NotBulk { .. } => "bulk.field",
            Error::KeyGenerate { .. } => "key.generate",
            Error::KeyExists { .. } => "key.exists",
            Error::KeyUnreadable { .. } => "key.unreadable",
            Error::KeyPassphrase { .. } => "key.passphrase",
            Error::PassphraseEmpty => "key.passphrase_empty",
            Error::PassphraseMismatch => "key.passphrase_mismatch",
            Error::PassphraseUnavailable => "key.no_passphrase",
            Error::PublicKeyUnreadable { .. } => "key.public_unreadable",
            Error::TrustNotFound { .. } => "key.trust_not_found",
            Error::TrustAmbiguous { .. } => "key.trust_ambiguous",
            Error::PackageNoUscc => "package.no_uscc",
            Error::PackageHasErrors { .. } => "package.findings",
            Error::PackageUnreviewed { .. } => "package.secrecy",
            Error::PackageWrite { .. } => "package.write",
            Error::VerifyUnreadable { .. } => "verify.unreadable",
            Error::FingerprintMismatch => "key.fingerprint_mismatch",
            Error::NotTrustable { .. } => "key.not_trustable",
            Error::Cancelled => "cancelled",
            Error::OutputRefused { reason, .. } => match *reason {
                "workspace" => "output.workspace",
                "key" => "output.key",
                "input" => "output.input",
                "directory" => "output.directory",
                _ => "output.other_kind",
            },
            Error::CellTooLong { .. } => "sheet.cell_too_long",
            Error::ReceiveRefused { reason, .. } => match *reason {
                "broken" => "receive.broken",
                "unknown_signer" => "receive.unknown_signer",
                "other_agency" => "receive.other_agency",
                "not_expected" => "receive.not_expected",
                "not_submission" => "receive.not_submission",
                _ => "receive.conflict",
            },
            Error::NotABureau => "review.not_bureau",
            Error::ReviewNotFound { .. } => "review.not_found",
            Error::ReviewClosed { .. } => "review.closed",
            Error::ReviewUndecided { .. } => "review.undecided",
            Error::ReceiptRefused { reason, .. } => match *reason {
                "broken" => "receipt.broken",
                "untrusted" => "receipt.untrusted",
                "not_receipt" => "receipt.not_receipt",
                "foreign" => "receipt.foreign",
                "hash" => "receipt.hash",
                _ => "receipt.conflict",
            },
            Error::SubmitterNotFound { .. } => "submitter.not_found",
            Error::SubmitterCell { .. } => "submitter.cell",
            Error::TaskNotFound { .. } => "task.not_found",
            Error::SheetLimit { .. } => "sheet.limit",
            Error::SummaryEmpty => "summary.empty",
            Error::SummaryUnapproved { approved_on, .. } if approved_on.is_empty() => "summary.unapproved",
            Error::SummaryUnapproved { .. } => "summary.stale",
        }
    }

    pub fn field(&self) -> Option<&str> {
        match self {
            Error::UnknownField { field }
            | Error::InvalidValue { field, .. }
            | Error::NotBulk { field }
            | Error::CellTooLong { field, .. } => Some(field),
            _ => None,
        }
    }

    /// A sentence for the person at the command line, in their language, saying what happened
    /// and what to do (with the `mulu` command that does it).
    pub fn message(&self, lang: Lang) -> String {
        self.message_in(lang, Face::Cli)
    }

    /// The sentence from `data/messages.toml` for the person in `face`: the command line's adds
    /// the `mulu` command to run; the app's says no more, and the UI adds the step that fixes it.
    pub fn message_in(&self, lang: Lang, face: Face) -> String {
        let args = self.args(lang);
        let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
        crate::messages::error(self.code(), lang, face, &args)
    }

    /// The values of the placeholders in this error's sentence.
    fn args(&self, lang: Lang) -> Vec<(&'static str, String)> {
        use crate::messages::word;
        let shown = |p: &Path| p.display().to_string();
        let label = |field: &str| crate::model::fields::label(field, lang).to_string();
        // A stable name (a reason, an action) in words, or as it is when the list lacks it.
        let named = |group: &str, name: &str| word(group, name, lang).unwrap_or(name).to_string();
        match self {
            Error::WorkspaceMissing { path }
            | Error::ReadOnly { path }
            | Error::AlreadyExists { path }
            | Error::Busy { path }
            | Error::DiskFull { path }
            | Error::KeyExists { path }
            | Error::KeyUnreadable { path }
            | Error::KeyPassphrase { path }
            | Error::PublicKeyUnreadable { path } => vec![("path", shown(path))],
            Error::NotAWorkspace { path, reason } => vec![("path", shown(path)), ("reason", named("foreign", reason))],
            Error::Corrupt { path, detail } => vec![("path", shown(path)), ("detail", detail.clone())],
            Error::NewerSchema { path, found, supported } => {
                vec![("path", shown(path)), ("found", found.to_string()), ("supported", supported.to_string())]
            }
            Error::Io { path, source } => vec![("path", shown(path)), ("detail", source.to_string())],
            Error::Sqlite(e) => vec![("detail", e.to_string())],
            Error::Decode(e) => vec![("detail", e.to_string())],
            Error::UnknownField { field } => vec![("field", field.clone())],
            Error::InvalidValue { field, value, expected } => {
                vec![("label", label(field)), ("value", value.clone()), ("expected", expected.clone())]
            }
            Error::NotBulk { field } => vec![("label", label(field))],
            Error::ResourceNotFound { selector } | Error::TrustNotFound { selector } => {
                vec![("selector", selector.clone())]
            }
            Error::AmbiguousResource { selector, count } | Error::TrustAmbiguous { selector, count } => {
                vec![("selector", selector.clone()), ("count", count.to_string())]
            }
            Error::SystemNotFound { name } => vec![("name", name.clone())],
            Error::SheetUnreadable { file, reason } => vec![("file", shown(file)), ("reason", named("sheet", reason))],
            Error::NoHeader { file, sheet } | Error::NoNameColumn { file, sheet } => {
                vec![("file", shown(file)), ("sheet", sheet.clone())]
            }
            Error::SheetNotFound { file, sheet, sheets } => {
                let sep = word("list", "separator", lang).unwrap_or(", ");
                vec![("file", shown(file)), ("sheet", sheet.clone()), ("sheets", sheets.join(sep))]
            }
            Error::SheetTooLarge { file, sheet, max } => {
                vec![("file", shown(file)), ("sheet", sheet.clone()), ("max", max.to_string())]
            }
            Error::SheetWrite { reason } | Error::KeyGenerate { reason } | Error::PackageWrite { reason } => {
                vec![("reason", reason.clone())]
            }
            Error::VerifyUnreadable { path, reason } => vec![("path", shown(path)), ("reason", reason.clone())],
            Error::UndoUnsupported { action } => vec![("what", named("undo", action))],
            Error::PackageHasErrors { errors, resources } => {
                vec![("errors", errors.to_string()), ("resources", resources.to_string())]
            }
            Error::PackageUnreviewed { resources } => {
                // The first twenty, so that a city's worth does not flood the message.
                let shown: Vec<&str> = resources.iter().take(20).map(String::as_str).collect();
                let more = resources.len() - shown.len();
                let more = if more > 0 {
                    crate::i18n::fill(word("list", "more", lang).unwrap_or_default(), &[("n", &more.to_string())])
                } else {
                    String::new()
                };
                let sep = word("list", "separator", lang).unwrap_or(", ");
                vec![("count", resources.len().to_string()), ("list", shown.join(sep)), ("more", more)]
            }
            Error::NotTrustable { reason } => vec![("why", named("untrustable", reason))],
            Error::OutputRefused { path, found, .. } => {
                vec![("path", shown(path)), ("what", named("found", found.unwrap_or("other")))]
            }
            Error::SheetLimit { file, what, max } => {
                use crate::sheets::limits::Limit;
                let mib = format!("{} MiB", max >> 20);
                let (part, limit) = match what {
                    Limit::SharedStringsBytes => ("shared-strings-bytes", mib),
                    Limit::SharedStrings => ("shared-strings", max.to_string()),
                    Limit::StringBytes => ("string-bytes", mib),
                    Limit::TextBytes => ("text-bytes", mib),
                    Limit::Resources => ("resources", max.to_string()),
                };
                vec![("file", shown(file)), ("part", named("limit", part)), ("limit", limit)]
            }
            Error::CellTooLong { resource, field, len, max } => vec![
                ("resource", resource.clone()),
                ("label", label(&field_key(field))),
                ("field", field.clone()),
                ("len", len.to_string()),
                ("max", max.to_string()),
            ],
            Error::ReceiveRefused { path, detail, .. } | Error::ReceiptRefused { path, detail, .. } => {
                vec![("path", shown(path)), ("detail", detail.clone())]
            }
            Error::ReviewNotFound { id } => vec![("id", id.clone())],
            Error::ReviewClosed { id, at } => vec![("id", id.clone()), ("at", at.clone())],
            Error::ReviewUndecided { id, count, first } => {
                vec![("id", id.clone()), ("count", count.to_string()), ("first", first.clone())]
            }
            Error::SubmitterNotFound { selector } => vec![("selector", selector.clone())],
            Error::SubmitterCell { file, sheet, row, column, reason, value } => vec![
                ("file", shown(file)),
                ("sheet", sheet.clone()),
                ("row", row.to_string()),
                ("column", column.clone()),
                ("why", named("submitter", reason)),
                ("value", value.clone()),
            ],
            Error::TaskNotFound { id } => vec![("id", id.to_string())],
            Error::SummaryUnapproved { approved_on, document } => {
                vec![("date", approved_on.clone()), ("document", document.clone())]
            }
            Error::NoAgency
            | Error::NotABureau
            | Error::SummaryEmpty
            | Error::PassphraseEmpty
            | Error::PassphraseMismatch
            | Error::PassphraseUnavailable
            | Error::PackageNoUscc
            | Error::FingerprintMismatch
            | Error::Cancelled => vec![],
        }
    }

    /// What the app receives: the code to switch on, and the message in the app's terms.
    pub fn payload(&self, lang: Lang) -> ErrorPayload {
        self.payload_in(lang, Face::App)
    }

    pub fn payload_in(&self, lang: Lang, face: Face) -> ErrorPayload {
        ErrorPayload {
            code: self.code().into(),
            message: self.message_in(lang, face),
            field: self.field().map(str::to_string),
        }
    }
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
