//! The error codes against data/messages.toml, and their sentences in both faces.

use super::*;
use crate::i18n::{Face, Lang};

/// One value of every variant (every output reason too, each has its code).
fn samples() -> Vec<Error> {
    let p = || PathBuf::from("x.mulu");
    let io = || std::io::Error::other("boom");
    let mut all = vec![
        Error::WorkspaceMissing { path: p() },
        Error::NotAWorkspace { path: p(), reason: "truncated" },
        Error::Corrupt { path: p(), detail: "page 3".into() },
        Error::NewerSchema { path: p(), found: 9, supported: 4 },
        Error::ReadOnly { path: p() },
        Error::AlreadyExists { path: p() },
        Error::Busy { path: p() },
        Error::DiskFull { path: p() },
        Error::Io { path: p(), source: io() },
        Error::Sqlite(rusqlite::Error::InvalidQuery),
        Error::Decode(serde_json::from_str::<i32>("x").unwrap_err()),
        Error::UnknownField { field: "colour".into() },
        Error::invalid("update_cycle", "每刻", "每日、每月"),
        Error::ResourceNotFound { selector: "甲".into() },
        Error::AmbiguousResource { selector: "甲".into(), count: 2 },
        Error::SystemNotFound { name: "OA".into() },
        Error::NoAgency,
        Error::SheetUnreadable { file: p(), reason: "zip-bomb".into() },
        Error::NoHeader { file: p(), sheet: "Sheet1".into() },
        Error::NoNameColumn { file: p(), sheet: "Sheet1".into() },
        Error::SheetNotFound { file: p(), sheet: "乙".into(), sheets: vec!["甲".into(), "丙".into()] },
        Error::SheetWrite { reason: "disk".into() },
        Error::UndoUnsupported { action: "system.put".into() },
        Error::NotBulk { field: "name".into() },
        Error::SheetTooLarge { file: p(), sheet: "Sheet1".into(), max: 100 },
        Error::KeyGenerate { reason: "rng".into() },
        Error::KeyExists { path: p() },
        Error::KeyUnreadable { path: p() },
        Error::KeyPassphrase { path: p() },
        Error::PassphraseEmpty,
        Error::PassphraseMismatch,
        Error::PassphraseUnavailable,
        Error::PublicKeyUnreadable { path: p() },
        Error::TrustNotFound { selector: "ab".into() },
        Error::TrustAmbiguous { selector: "ab".into(), count: 2 },
        Error::PackageNoUscc,
        Error::PackageNoPrincipal,
        Error::PackageHasErrors { errors: 3, resources: 2 },
        Error::PackageUnreviewed { resources: (1..=22).map(|i| format!("资源{i}")).collect() },
        Error::PackageWrite { reason: "disk".into() },
        Error::VerifyUnreadable { path: p(), reason: "gone".into() },
        Error::FingerprintMismatch,
        Error::NotTrustable { reason: "other_agency" },
        Error::Cancelled,
        Error::CellTooLong {
            resource: "低保名册".into(),
            field: "items[1].description".into(),
            len: 40_000,
            max: 32_767,
        },
        Error::CalendarInvalid {
            file: p(),
            line: 7,
            field: "holiday[2].from".into(),
            value: "2027-02-30".into(),
            reason: "date",
        },
        Error::CorrectionNotFound { id: 3 },
        Error::CorrectionAnswered { id: 3 },
        Error::VersionNotFound { selector: "7".into() },
        Error::VersionLacksResource { version: "X-2026-001".into(), selector: "352111009/000001".into() },
        Error::MaintenanceNone,
        Error::MaintenanceIncomplete { year: 2027, left: 3, total: 10 },
        Error::ProjectNotPublic { name: "OA".into() },
    ];
    for what in [
        crate::sheets::limits::Limit::SharedStringsBytes,
        crate::sheets::limits::Limit::SharedStrings,
        crate::sheets::limits::Limit::StringBytes,
        crate::sheets::limits::Limit::TextBytes,
        crate::sheets::limits::Limit::Resources,
    ] {
        all.push(Error::SheetLimit { file: p(), what, max: what.max() });
    }
    for reason in ["broken", "unknown_signer", "other_agency", "not_expected", "not_submission", "conflict"] {
        all.push(Error::ReceiveRefused { path: p(), reason, detail: "115201110091453295".into() });
    }
    for reason in ["broken", "untrusted", "not_receipt", "foreign", "hash", "conflict"] {
        all.push(Error::ReceiptRefused { path: p(), reason, detail: "115201110091453295-2026-001".into() });
    }
    for reason in ["uscc", "name", "level", "duplicate"] {
        all.push(Error::SubmitterCell {
            file: p(),
            sheet: "报送单位".into(),
            row: 3,
            column: "B".into(),
            reason,
            value: "1152".into(),
        });
    }
    all.extend([
        Error::NotABureau,
        Error::SummaryEmpty,
        Error::SummaryUnapproved { approved_on: String::new(), document: String::new() },
        Error::SummaryUnapproved { approved_on: "2026-12-01".into(), document: "花府函〔2026〕12号".into() },
        Error::ReviewNotFound { id: "X-2026-001".into() },
        Error::ReviewClosed { id: "X-2026-001".into(), at: "2026-12-01".into() },
        Error::ReviewUndecided { id: "X-2026-001".into(), count: 2, first: "352111009/000001 低保名册".into() },
        Error::SubmitterNotFound { selector: "青岩镇".into() },
        Error::TaskNotFound { id: 7 },
    ]);
    for reason in ["workspace", "key", "input", "directory", "other-kind"] {
        all.push(Error::OutputRefused { path: p(), reason, found: Some("workbook") });
    }
    all
}

/// No wildcard: a new variant does not compile until it is added here and to `samples`
/// (and its code to data/messages.toml, which the next test checks).
#[allow(dead_code)]
fn every_variant_is_sampled(e: &Error) {
    match e {
        Error::WorkspaceMissing { .. }
        | Error::NotAWorkspace { .. }
        | Error::Corrupt { .. }
        | Error::NewerSchema { .. }
        | Error::ReadOnly { .. }
        | Error::AlreadyExists { .. }
        | Error::Busy { .. }
        | Error::DiskFull { .. }
        | Error::Io { .. }
        | Error::Sqlite(_)
        | Error::Decode(_)
        | Error::ReceiveRefused { .. }
        | Error::NotABureau
        | Error::SummaryEmpty
        | Error::SummaryUnapproved { .. }
        | Error::ReviewNotFound { .. }
        | Error::ReviewClosed { .. }
        | Error::ReviewUndecided { .. }
        | Error::ReceiptRefused { .. }
        | Error::SubmitterNotFound { .. }
        | Error::SubmitterCell { .. }
        | Error::TaskNotFound { .. }
        | Error::UnknownField { .. }
        | Error::InvalidValue { .. }
        | Error::ResourceNotFound { .. }
        | Error::AmbiguousResource { .. }
        | Error::SystemNotFound { .. }
        | Error::NoAgency
        | Error::SheetUnreadable { .. }
        | Error::NoHeader { .. }
        | Error::NoNameColumn { .. }
        | Error::SheetNotFound { .. }
        | Error::SheetWrite { .. }
        | Error::UndoUnsupported { .. }
        | Error::NotBulk { .. }
        | Error::SheetTooLarge { .. }
        | Error::KeyGenerate { .. }
        | Error::KeyExists { .. }
        | Error::KeyUnreadable { .. }
        | Error::KeyPassphrase { .. }
        | Error::PassphraseEmpty
        | Error::PassphraseMismatch
        | Error::PassphraseUnavailable
        | Error::PublicKeyUnreadable { .. }
        | Error::TrustNotFound { .. }
        | Error::TrustAmbiguous { .. }
        | Error::PackageNoUscc
        | Error::PackageNoPrincipal
        | Error::PackageHasErrors { .. }
        | Error::PackageUnreviewed { .. }
        | Error::PackageWrite { .. }
        | Error::VerifyUnreadable { .. }
        | Error::FingerprintMismatch
        | Error::NotTrustable { .. }
        | Error::OutputRefused { .. }
        | Error::Cancelled
        | Error::CellTooLong { .. }
        | Error::SheetLimit { .. }
        | Error::CalendarInvalid { .. }
        | Error::CorrectionNotFound { .. }
        | Error::CorrectionAnswered { .. }
        | Error::VersionNotFound { .. }
        | Error::VersionLacksResource { .. }
        | Error::MaintenanceNone
        | Error::MaintenanceIncomplete { .. }
        | Error::ProjectNotPublic { .. } => {}
    }
}

/// Every code has its sentence in zh and en in data/messages.toml, and every sentence there
/// belongs to a code: checked both ways.
#[test]
fn every_error_code_has_its_sentence_in_both_languages() {
    let codes: std::collections::BTreeSet<&str> = samples().iter().map(Error::code).collect();
    let file = &crate::messages::file().error;
    for code in &codes {
        let entry = file.get(*code).unwrap_or_else(|| panic!("{code} has no entry in data/messages.toml"));
        assert!(!entry.zh.trim().is_empty() && !entry.en.trim().is_empty(), "{code} lacks zh or en");
    }
    for code in file.keys() {
        assert!(codes.contains(code.as_str()), "data/messages.toml has {code}, which no error has");
    }
}

/// Every placeholder is filled, in both languages and both faces, and the sentence reads.
#[test]
fn every_sentence_is_filled() {
    for e in samples() {
        for lang in [Lang::Zh, Lang::En] {
            for face in [Face::Cli, Face::App] {
                let m = e.message_in(lang, face);
                let unfilled = m.find('{').and_then(|i| m[i..].find('}').map(|j| &m[i..=i + j]));
                assert!(unfilled.is_none(), "{}: {m}", e.code());
                assert!(!m.trim().is_empty() && !m.contains("  ") && !m.contains("。。"), "{}: {m:?}", e.code());
            }
        }
    }
    let en = Error::PackageUnreviewed { resources: (1..=22).map(|i| format!("r{i}")).collect() }.message(Lang::En);
    assert!(en.contains("r1, r2") && en.contains("r20 and 2 more.") && !en.contains("r21"), "{en}");
    let zh = Error::NotAWorkspace { path: "x".into(), reason: "empty" }.message(Lang::Zh);
    assert!(zh.contains("（文件为空）"), "{zh}");
}

/// The app's sentence names no command and no step of the app (the UI adds the step that
/// fixes it, by code); the command line's still names the `mulu` command to run.
#[test]
fn advice_in_the_terms_of_the_face() {
    for e in samples() {
        for lang in [Lang::Zh, Lang::En] {
            let app = e.payload(lang).message;
            assert!(!app.contains("`mulu") && !app.contains(" --"), "{app}");
            assert!(!app.contains("第 ") || !app.contains(" 步"), "{app}");
            assert!(!app.to_lowercase().contains("step "), "{app}");
        }
    }
    let p = || PathBuf::from("x.mulu");
    for e in [
        Error::WorkspaceMissing { path: p() },
        Error::AlreadyExists { path: p() },
        Error::ResourceNotFound { selector: "甲".into() },
        Error::AmbiguousResource { selector: "甲".into(), count: 2 },
        Error::NoAgency,
        Error::KeyUnreadable { path: p() },
        Error::PublicKeyUnreadable { path: p() },
        Error::TrustNotFound { selector: "ab".into() },
        Error::PackageNoUscc,
        Error::PackageHasErrors { errors: 3, resources: 2 },
        Error::PackageUnreviewed { resources: vec!["甲".into()] },
        Error::MaintenanceIncomplete { year: 2027, left: 3, total: 10 },
        Error::VersionNotFound { selector: "7".into() },
    ] {
        for lang in [Lang::Zh, Lang::En] {
            assert!(e.message(lang).contains("`mulu "), "{}", e.message(lang));
        }
    }
}
