//! TypeScript types for everything that crosses IPC, generated from the Rust types with ts-rs
//! into `ui/src/bindings/mulu.ts`. The file is committed; `bindings_are_fresh` fails when it is
//! stale, and `MULU_UPDATE_BINDINGS=1 cargo test -p mulu-core bindings` rewrites it.

use ts_rs::TS;

/// The generated file's text.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::default();
    let mut out = String::from("// Generated from the Rust types by mulu-core (src/bindings.rs). Do not edit.\n\n");
    macro_rules! decl {
        ($($t:ty),+ $(,)?) => { $( out.push_str("export "); out.push_str(&<$t>::decl(&cfg)); out.push_str("\n\n"); )+ };
    }
    decl!(
        crate::model::Catalog,
        crate::model::Agency,
        crate::model::InfoSystem,
        crate::model::Resource,
        crate::model::DataItem,
        crate::model::Classification,
        crate::model::Format,
        crate::model::Sharing,
        crate::model::SharingMethod,
        crate::model::Open,
        crate::model::Grading,
        crate::model::GradeOrigin,
        crate::model::SecrecyReview,
        crate::model::Provenance,
        crate::model::View,
        crate::model::fields::FieldSpec,
        crate::model::domain::Domains,
        crate::grading::Suggestion,
        crate::grading::Answers,
        crate::ops::grading::GradeRequest,
        crate::ops::resources::FieldText,
        crate::ops::resources::ItemInput,
        crate::ops::package::PackageDone,
        crate::ops::export::ExportKind,
        crate::ops::catalog::Views,
        crate::package::make::Made,
        crate::package::contents::Review,
        crate::package::contents::Facts,
        crate::package::contents::ChangeCounts,
        crate::package::contents::ResourcePage,
        crate::package::Verification,
        crate::package::Verdict,
        crate::package::verify::Problem,
        crate::package::trust::Signer,
        crate::package::keys::FingerprintCheck,
        crate::model::domain::DomainValue,
        crate::sheets::import::SheetReport,
        crate::sheets::header::Mapping,
        crate::sheets::header::ColumnRule,
        crate::sheets::draft::Drafts,
        crate::sheets::draft::HeaderDraft,
        crate::sheets::draft::DraftColumn,
        crate::sheets::draft::HeadRow,
        crate::scan::Proposal,
        crate::scan::quality::ColumnQuality,
        crate::scan::quality::Check,
        crate::scan::quality::Failing,
        crate::sheets::import::MappedColumn,
        crate::sheets::apply::ImportPlan,
        crate::sheets::apply::ResourceChange,
        crate::sheets::apply::FieldChange,
        crate::rules::Finding,
        crate::rules::ResourceRef,
        crate::rules::Severity,
        crate::rules::Summary,
        crate::rules::Report,
        crate::rules::RuleInfo,
        crate::store::StoredResource,
        crate::overview::ResourceSummary,
        crate::overview::ResourceDetail,
        crate::overview::Completeness,
        crate::overview::Overview,
        crate::ops::overview::OverviewDelta,
        crate::store::Change,
        crate::store::Undone,
        crate::store::UndoNext,
        crate::calendar::CalendarInfo,
        crate::calendar::Due,
        crate::calendar::Standing,
        crate::ops::deadlines::EventKind,
        crate::ops::deadlines::EventRequest,
        crate::ops::deadlines::Event,
        crate::ops::deadlines::Met,
        crate::ops::deadlines::DueKind,
        crate::ops::deadlines::DueItem,
        crate::ops::corrections::CorrectionRequest,
        crate::ops::corrections::Correction,
        crate::ops::corrections::Answer,
        crate::ops::versions::Version,
        crate::ops::versions::Side,
        crate::ops::versions::VersionDiff,
        crate::ops::versions::Restored,
        crate::ops::maintenance::ReviewKind,
        crate::ops::maintenance::Reviewed,
        crate::ops::maintenance::Pending,
        crate::ops::maintenance::CampaignStatus,
        crate::ops::maintenance::Started,
        crate::ops::export::ProjectExport,
        crate::error::ErrorPayload,
        crate::i18n::Lang,
        crate::package::diff::Changes,
        crate::package::diff::PreviousPackage,
        crate::package::diff::ResourceKey,
        crate::package::diff::ChangedResource,
        crate::package::diff::FieldChange,
        crate::store::bureau::Submitter,
        crate::store::bureau::Received,
        crate::store::receipts::ReceiptRecord,
        crate::review::ReviewVerdict,
        crate::review::ReviewStatus,
        crate::review::Comment,
        crate::review::receive::ReceivedOne,
        crate::review::check::FindingsCheck,
        crate::review::check::SenderFinding,
        crate::review::check::ChangesCheck,
        crate::review::decide::Overall,
        crate::review::decide::ResourceReview,
        crate::review::decide::ReviewDetail,
        crate::review::decide::DecideRequest,
        crate::review::decide::Decided,
        crate::review::receipt::ReceiptDoc,
        crate::review::receipt::ReviewedPackage,
        crate::review::receipt::Bureau,
        crate::review::receipt::ReceiptResource,
        crate::review::receipt::ReceiptIssued,
        crate::review::receipt::ReceiptImported,
        crate::review::tasks::Task,
        crate::ops::review::SubmitterInput,
        crate::ops::review::ReceiveResult,
        crate::review::conflicts::ConflictKind,
        crate::review::conflicts::ConflictSide,
        crate::review::conflicts::Conflict,
        crate::review::summary::SummarySource,
        crate::review::summary::BureauSummary,
        crate::review::summary::ApproveRequest,
        crate::store::summary::SummaryApproval,
        crate::review::status::SubmitterState,
        crate::review::status::SubmitterStatus,
    );
    out.push_str(&crate::error_codes::typescript());
    out.trim_end().to_string() + "\n"
}

#[cfg(test)]
mod tests {
    #[test]
    fn bindings_are_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../ui/src/bindings/mulu.ts");
        let want = super::typescript();
        if std::env::var_os("MULU_UPDATE_BINDINGS").is_some() {
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "ui/src/bindings/mulu.ts is stale: run `MULU_UPDATE_BINDINGS=1 cargo test -p mulu-core bindings`"
        );
    }
}
