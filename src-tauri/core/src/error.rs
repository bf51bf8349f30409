//! The core's errors. Each has a stable code (what the UI and scripts switch on), the values of
//! a sentence in the person's language saying what to do (made in `error_text.rs`, a layer up:
//! this module is a leaf, it carries field keys, not labels), and the field it concerns where
//! there is one.

use std::path::{Path, PathBuf};

use serde::Serialize;
use ts_rs::TS;

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
    #[error("the agency profile names no principal head")]
    PackageNoPrincipal,
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
    SheetLimit { file: PathBuf, what: crate::sheets::limit_kind::Limit, max: u64 },
    /// A text longer than a spreadsheet cell holds, met while writing the catalog workbook.
    #[error("{field} of {resource} has {len} characters, more than a cell holds ({max})")]
    CellTooLong { resource: String, field: String, len: usize, max: usize },
    /// A working-day calendar file that cannot be used (`reason`: `syntax`, `year`, `date`,
    /// `outside`, `order`, `weekday`, `both`; see `calendar::file`), at its 1-based `line`.
    #[error("calendar {} line {line}, {field}: {reason} ({value})", file.display())]
    CalendarInvalid { file: PathBuf, line: usize, field: String, value: String, reason: &'static str },
    /// No correction request (校核) has this number.
    #[error("no correction #{id}")]
    CorrectionNotFound { id: i64 },
    /// The correction request was answered already: it is closed.
    #[error("correction #{id} already answered")]
    CorrectionAnswered { id: i64 },
    /// No version (版本: a package made and kept) answers to `selector` (a sequence number or a
    /// package id).
    #[error("no version {selector}")]
    VersionNotFound { selector: String },
    /// The version holds no resource `selector` (code or name), so it cannot be restored from it.
    #[error("version {version} has no resource {selector}")]
    VersionLacksResource { version: String, selector: String },
    /// No annual full maintenance campaign (年度全面维护) was started.
    #[error("no maintenance campaign")]
    MaintenanceNone,
    /// The year's package is refused while its campaign leaves `left` of `total` unreviewed.
    #[error("maintenance {year}: {left} of {total} resources not reviewed")]
    MaintenanceIncomplete { year: i32, left: usize, total: usize },
    /// A project catalog (项目目录, G Art. 17) is for a system built with public funds only.
    #[error("system {name} is not built with public funds")]
    ProjectNotPublic { name: String },
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
            Error::PackageNoPrincipal => "package.no_principal",
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
            Error::CalendarInvalid { .. } => "calendar.invalid",
            Error::CorrectionNotFound { .. } => "correction.not_found",
            Error::CorrectionAnswered { .. } => "correction.answered",
            Error::VersionNotFound { .. } => "version.not_found",
            Error::VersionLacksResource { .. } => "version.no_resource",
            Error::MaintenanceNone => "maintain.none",
            Error::MaintenanceIncomplete { .. } => "maintain.incomplete",
            Error::ProjectNotPublic { .. } => "project.not_public",
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
}

#[cfg(test)]
#[path = "error_tests.rs"]
mod tests;
