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
    // G Art. 26: the agency's head answers for its data; the package names them.
    if catalog.agency.principal_head.as_deref().is_none_or(|h| h.trim().is_empty()) {
        return Err(Error::PackageNoPrincipal);
    }
    Ok(())
}

/// Checks, builds and signs the package at `out` (written to a temporary file, then renamed),
/// and records it in the workspace — kept whole as a version, with its findings and the
/// `incomplete_reason` it was made with during an incomplete full maintenance; if recording
/// fails the package is removed again.
pub fn make(
    ws: &mut Workspace,
    key: &Path,
    passphrase: &str,
    out: &Path,
    allow_findings: bool,
    incomplete_reason: Option<String>,
    progress: &mut dyn FnMut(Step),
) -> Result<Made> {
    let catalog = ws.catalog()?;
    // The findings travel in Chinese, the bureau's language, whatever the person's language.
    let ctx = Context::now(Lang::Zh);
    // The bureau's open comments count as errors too (`review.returned`).
    let report = crate::review::tasks::validate(ws, &catalog, &ctx)?;
    check(&catalog, &report, allow_findings)?;
    let what = Packaged {
        catalog: &catalog,
        report: &report,
        allow_findings,
        kind: bagit::Kind::Submission,
        extra_info: vec![],
        incomplete_reason,
    };
    make_packaged(ws, &what, key, passphrase, out, progress)
}

/// A catalog ready to package: checked and validated by the caller.
pub struct Packaged<'a> {
    pub catalog: &'a Catalog,
    pub report: &'a Report,
    pub allow_findings: bool,
    pub kind: bagit::Kind,
    pub extra_info: Vec<(String, String)>,
    /// Why it was made during an incomplete full maintenance (kept with the version).
    pub incomplete_reason: Option<String>,
}

/// Builds, signs, records and publishes a checked catalog as the workspace's next package: an
/// agency's submission ([`make`]) or a bureau's summary (`review::summary`); the sequence, the
/// changes since the previous package and the record are shared by both.
pub fn make_packaged(
    ws: &mut Workspace,
    what: &Packaged,
    key: &Path,
    passphrase: &str,
    out: &Path,
    progress: &mut dyn FnMut(Step),
) -> Result<Made> {
    let (catalog, report, allow_findings) = (what.catalog, what.report, what.allow_findings);
    let today = Context::now(Lang::Zh).today;
    let secret = keys::read_key_file(key, passphrase)?;
    let sequence = next_sequence(ws, catalog, out, today)?;
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
    let changes = diff::changes(previous, catalog);
    let stem = out.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
    let inputs = Inputs {
        catalog,
        report,
        changes: &changes,
        folder: bagit::folder_name(&stem),
        sequence,
        bagging_date: today,
        allowed_findings: allow_findings,
        kind: what.kind,
        extra_info: what.extra_info.clone(),
    };
    // Record first, then publish: a package killed in between leaves a record without a file,
    // never a file the workspace does not know, so its number is never handed out again.
    let (built, staged) = super::build::build_staged(&inputs, &secret, out, progress)?;
    let rec = store::packages::PackageRecord {
        seq: sequence,
        package_id: built.package_id.clone(),
        created_at: store::changelog::now(),
        file_name: out.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        tagmanifest_sha256: built.tagmanifest_sha256.clone(),
        signer_fingerprint: built.fingerprint.clone(),
    };
    let extra = store::VersionExtra {
        findings_json: Some(serde_json::to_string(&report)?),
        period: catalog.agency.period.clone(),
        incomplete_reason: what.incomplete_reason.clone(),
    };
    ws.record_version(&rec, &built.catalog_json, &extra)?;
    failpoint::hit("recorded")?;
    if let Err(e) = failpoint::hit("publish").and_then(|()| staged.publish()) {
        // Nothing was published under this number: it may be used again.
        ws.unrecord_package(sequence)?;
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

/// The next number after the workspace's last package and after any package of this agency and
/// period lying unrecorded in the output folder (see `orphans`): an id is never given twice.
fn next_sequence(ws: &Workspace, catalog: &Catalog, out: &Path, today: chrono::NaiveDate) -> Result<u32> {
    let recorded = ws.next_package_seq()?;
    let id = super::build::package_id(catalog, 0, today)?;
    let prefix = id.strip_suffix("000").unwrap_or(&id);
    let dir = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    Ok(recorded.max(super::orphans::highest_sequence(dir, prefix).saturating_add(1)))
}

/// Where a test stops `make` as a kill would: no cleanup, nothing after. Compiled out of the
/// program; a test arms one point on its own thread.
mod failpoint {
    use crate::error::Result;

    #[cfg(test)]
    thread_local! {
        pub static ARMED: std::cell::Cell<Option<&'static str>> = const { std::cell::Cell::new(None) };
    }

    #[cfg(test)]
    pub fn hit(point: &'static str) -> Result<()> {
        match ARMED.with(|a| a.get()) {
            Some(p) if p == point => Err(crate::error::Error::Cancelled),
            _ => Ok(()),
        }
    }

    #[cfg(not(test))]
    #[inline(always)]
    pub fn hit(_point: &'static str) -> Result<()> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ready(dir: &Path) -> (Workspace, std::path::PathBuf) {
        let mut ws = Workspace::create(&dir.join("w.mulu")).unwrap();
        ws.set_agency(&crate::sample::agency()).unwrap();
        let id = ws.add_resource(crate::sample::resource()).unwrap();
        ws.confirm_secrecy(id, "王芳").unwrap();
        let key = dir.join("key.pem");
        keys::write_new_key_file(&key, "口令").unwrap();
        (ws, key)
    }

    fn arm(point: Option<&'static str>) {
        failpoint::ARMED.with(|a| a.set(point));
    }

    #[test]
    fn a_package_killed_before_it_is_published_is_recorded_and_its_number_never_reused() {
        let d = tempfile::tempdir().unwrap();
        let (mut ws, key) = ready(d.path());
        let (first, second) = (d.path().join("1.zip"), d.path().join("2.zip"));

        arm(Some("recorded"));
        assert!(make(&mut ws, &key, "口令", &first, true, None, &mut |_| {}).is_err());
        arm(None);
        assert!(!first.exists(), "killed before publishing: no package in place");
        let (rec, _) = ws.last_package().unwrap().expect("recorded before it was published");
        assert_eq!(rec.seq, 1);

        let made = make(&mut ws, &key, "口令", &second, true, None, &mut |_| {}).unwrap();
        assert_eq!(made.sequence, 2, "the next package takes the next number");
        assert_ne!(made.package_id, rec.package_id, "no two packages share an id");
        assert_eq!(ws.last_package().unwrap().unwrap().0.package_id, made.package_id);
        let trust = crate::package::trust::Trust::default();
        let v = crate::package::verify_file(&second, &trust, &Default::default(), Lang::Zh).unwrap();
        assert_ne!(v.verdict, crate::package::Verdict::Broken, "{v:?}");
    }

    #[test]
    fn a_package_that_cannot_be_published_gives_its_number_back() {
        let d = tempfile::tempdir().unwrap();
        let (mut ws, key) = ready(d.path());
        let first = d.path().join("1.zip");
        let made = make(&mut ws, &key, "口令", &first, true, None, &mut |_| {}).unwrap();

        arm(Some("publish"));
        assert!(make(&mut ws, &key, "口令", &d.path().join("2.zip"), true, None, &mut |_| {}).is_err());
        arm(None);
        assert!(!d.path().join("2.zip").exists());
        let (rec, catalog) = ws.last_package().unwrap().unwrap();
        assert_eq!((rec.seq, rec.package_id.as_str()), (1, made.package_id.as_str()), "the failed one unrecorded");
        assert!(catalog.is_some(), "the previous package's catalog kept for the next package's changes");
        assert_eq!(make(&mut ws, &key, "口令", &d.path().join("3.zip"), true, None, &mut |_| {}).unwrap().sequence, 2);
    }

    #[test]
    fn a_package_in_the_output_folder_the_workspace_has_no_record_of_keeps_its_number() {
        let d = tempfile::tempdir().unwrap();
        let (mut ws, key) = ready(d.path());
        let out = d.path().join("out");
        std::fs::create_dir(&out).unwrap();
        let first = make(&mut ws, &key, "口令", &out.join("报送包.zip"), true, None, &mut |_| {}).unwrap();
        // As a version that published before recording left it: a package, renamed, unrecorded.
        ws.unrecord_package(first.sequence).unwrap();
        std::fs::rename(out.join("报送包.zip"), out.join("上次的.ZIP")).unwrap();
        std::fs::write(out.join("notes.zip"), "不是压缩包").unwrap();
        let second = make(&mut ws, &key, "口令", &out.join("新报送包.zip"), true, None, &mut |_| {}).unwrap();
        assert_eq!(second.sequence, 2, "the unrecorded package's number is skipped");
        assert_ne!(second.package_id, first.package_id);
        // Elsewhere, or of another agency, a package holds no number to avoid.
        let mut other = Workspace::create(&d.path().join("other.mulu")).unwrap();
        let mut agency = crate::sample::agency();
        agency.uscc = Some("11520111MB1234567X".into());
        other.set_agency(&agency).unwrap();
        let id = other.add_resource(crate::sample::resource()).unwrap();
        other.confirm_secrecy(id, "王芳").unwrap();
        assert_eq!(
            make(&mut other, &key, "口令", &out.join("别的机构.zip"), true, None, &mut |_| {}).unwrap().sequence,
            1
        );
    }
}
