//! The sentence of an error (a layer above `error.rs`): its placeholders filled from the error's
//! values, a field key turned into the field's label (`model::fields`), a stable name into words
//! (`data/messages.toml`). `error.rs` only carries keys and names, so the model, the store and
//! the sheets can return errors without the error module depending on them.

use std::path::Path;

use crate::error::{Error, ErrorPayload};
use crate::i18n::{Face, Lang};

/// The field key of a field path, for its label: `items[2].description` → `item.description`;
/// others as they are.
fn field_key(path: &str) -> std::borrow::Cow<'_, str> {
    match path.strip_prefix("items[").and_then(|rest| rest.split_once("].")) {
        Some((_, k)) => format!("item.{k}").into(),
        None => path.into(),
    }
}

impl Error {
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
                use crate::sheets::limit_kind::Limit;
                let mib = format!("{} MiB", max >> 20);
                let (part, limit) = match what {
                    Limit::SharedStringsBytes => ("shared-strings-bytes", mib),
                    Limit::SharedStrings => ("shared-strings", max.to_string()),
                    Limit::StringBytes => ("string-bytes", mib),
                    Limit::TextBytes => ("text-bytes", mib),
                    Limit::Resources => ("resources", max.to_string()),
                    Limit::Cells => ("grid-cells", max.to_string()),
                    Limit::XlsBytes => ("xls-bytes", mib),
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
            Error::CalendarInvalid { file, line, field, value, reason } => vec![
                ("file", shown(file)),
                ("line", line.to_string()),
                ("field", if field.is_empty() { "TOML".into() } else { field.clone() }),
                ("value", value.clone()),
                ("why", named("calendar", reason)),
            ],
            Error::CorrectionNotFound { id } | Error::CorrectionAnswered { id } => vec![("id", id.to_string())],
            Error::VersionNotFound { selector } => vec![("selector", selector.clone())],
            Error::VersionLacksResource { version, selector } => {
                vec![("version", version.clone()), ("selector", selector.clone())]
            }
            Error::MaintenanceIncomplete { year, left, total } => {
                vec![("year", year.to_string()), ("left", left.to_string()), ("total", total.to_string())]
            }
            Error::ProjectNotPublic { name } => vec![("name", name.clone())],
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
            | Error::PackageNoPrincipal
            | Error::MaintenanceNone
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
