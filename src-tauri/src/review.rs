//! Reviewing a submission package, the district bureau's first look: the verdict, who signed,
//! what the package holds, and trusting its signer once the fingerprint heard over the phone
//! matches. Thin over `mulu_core::package::contents`. The package is named by the command line
//! or by a native open dialog driven from here, never by the page; nothing is fetched.
//!
//! E2E hook (as for the other dialogs): with `MULU_E2E=1`, `MULU_E2E_OPEN_PACKAGE` stands in
//! for the open dialog's answer.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use mulu_core::error::ErrorPayload;
use mulu_core::model::View;
use mulu_core::package::contents::{self, Opened, ResourcePage, Review};
use mulu_core::package::keys::FingerprintCheck;
use mulu_core::package::trust::Trust;
use mulu_core::package::Limits;
use mulu_core::Lang;
use serde::Serialize;
use tauri::{AppHandle, Manager, State};

use crate::commands::{lock, AppState};
use crate::dialogs::{self, StandIn};
use crate::import::internal;
use crate::words::{dialog as word, refusal};

/// The package under review, from the command line or the open dialog.
pub struct ReviewState(Mutex<Current>);

#[derive(Default)]
struct Current {
    path: Option<PathBuf>,
    /// Its last verification (against the trust list as it was then).
    opened: Option<Arc<Opened>>,
}

impl ReviewState {
    pub fn new(path: Option<PathBuf>) -> Self {
        ReviewState(Mutex::new(Current { path, opened: None }))
    }
}

/// What the review screen shows: the package's file, the workspace whose trust list it was
/// checked against (and why that list could not be read, when it could not), the review.
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "ReviewShown")]
pub struct Shown {
    pub path: String,
    pub workspace: String,
    pub trust_list: Option<ErrorPayload>,
    pub review: Review,
}

/// Verifies `path` against the workspace's trust list (empty when it cannot be read: the
/// verdict then says "signer not trusted", and `shown` says why).
pub fn verify(state: &AppState, path: &Path, lang: Lang) -> Result<Opened, ErrorPayload> {
    let trust = Trust { listed: state.trust_list(lang).unwrap_or_default(), ..Trust::default() };
    contents::open(path, &trust, &Limits::default(), lang).map_err(|e| e.payload(lang))
}

pub fn shown(state: &AppState, path: &Path, opened: &Opened, lang: Lang) -> Shown {
    Shown {
        path: path.display().to_string(),
        workspace: state.path().display().to_string(),
        trust_list: state.trust_list(lang).err(),
        review: opened.review(lang),
    }
}

fn current(app: &AppHandle) -> (Option<PathBuf>, Option<Arc<Opened>>) {
    let review = app.state::<ReviewState>();
    let cur = lock(&review.0);
    (cur.path.clone(), cur.opened.clone())
}

fn nothing_open(lang: Lang) -> ErrorPayload {
    refusal("review.none", lang)
}

/// Verifies the current package on a blocking task (a package may be hundreds of megabytes) and
/// keeps the result, unless another package was chosen meanwhile.
async fn verify_current(app: &AppHandle, path: PathBuf, lang: Lang) -> Result<Shown, ErrorPayload> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let opened = Arc::new(verify(&state, &path, lang)?);
        let review = handle.state::<ReviewState>();
        let mut cur = lock(&review.0);
        if cur.path.as_deref() == Some(path.as_path()) {
            cur.opened = Some(opened.clone());
        }
        Ok(shown(&state, &path, &opened, lang))
    })
    .await
    .map_err(|e| internal(e, lang))?
}

/// The package the app was asked to review, if any: the page shows the review instead of the
/// workspace when there is one.
#[tauri::command]
pub fn review_pending(state: State<'_, ReviewState>) -> Option<String> {
    lock(&state.0).path.as_ref().map(|p| p.display().to_string())
}

/// The review of the current package in `lang`: verified the first time (or again when `fresh`),
/// else shown again from the last verification. `null` when no package is open.
#[tauri::command]
pub async fn review_open(app: AppHandle, fresh: bool, lang: Lang) -> Result<Option<Shown>, ErrorPayload> {
    let (Some(path), opened) = current(&app) else { return Ok(None) };
    match opened.filter(|_| !fresh) {
        Some(o) => Ok(Some(shown(&app.state::<AppState>(), &path, &o, lang))),
        None => verify_current(&app, path, lang).await.map(Some),
    }
}

/// Chooses a package in the native open dialog; its path, or `null` when cancelled.
#[tauri::command]
pub async fn review_choose(app: AppHandle, lang: Lang) -> Result<Option<String>, ErrorPayload> {
    let filter = (word("review.filter", lang), &["zip"][..]);
    let picked = dialogs::open(&app, StandIn::OpenPackage, word("review.open", lang), filter, true, lang).await?;
    if let Some(p) = &picked {
        *lock(&app.state::<ReviewState>().0) = Current { path: Some(p.clone()), opened: None };
    }
    Ok(picked.map(|p| p.display().to_string()))
}

/// One page of one of the package's catalogs (empty for a broken package).
#[tauri::command]
pub fn review_resources(state: State<'_, ReviewState>, view: View, offset: usize, limit: usize) -> ResourcePage {
    match &lock(&state.0).opened {
        Some(o) => o.page(view, offset, limit),
        None => ResourcePage { total: 0, offset: 0, rows: vec![] },
    }
}

/// The fingerprint as typed while it is read over the phone, checked group by group.
#[tauri::command]
pub fn review_fingerprint(state: State<'_, ReviewState>, heard: String) -> FingerprintCheck {
    match &lock(&state.0).opened {
        Some(o) => o.check_fingerprint(&heard),
        None => mulu_core::package::keys::compare_fingerprint(&heard, ""),
    }
}

/// Trusts the signer for the package's agency once `heard` matches its fingerprint (the core
/// refuses otherwise, and for a broken package), then verifies the package again.
#[tauri::command]
pub async fn review_trust(app: AppHandle, name: String, heard: String, lang: Lang) -> Result<Shown, ErrorPayload> {
    let (Some(path), Some(opened)) = current(&app) else { return Err(nothing_open(lang)) };
    trust(&app.state::<AppState>(), &opened, &name, &heard, lang)?;
    verify_current(&app, path, lang).await
}

/// Adds the package's signer to the workspace's trust list (creating the workspace if need be:
/// trusting is the person's decision, unlike reading).
pub fn trust(state: &AppState, opened: &Opened, name: &str, heard: &str, lang: Lang) -> Result<(), ErrorPayload> {
    let key = mulu_core::ops::trust::from_package(opened, name, heard).map_err(|e| e.payload(lang))?;
    state.change(lang, |ws| mulu_core::ops::trust::add(ws, &key))
}

/// Leaves the review; the page goes (back) to the workspace.
#[tauri::command]
pub fn review_close(state: State<'_, ReviewState>) {
    *lock(&state.0) = Current::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::package::{keys, Verdict};

    /// A signed package made as the officer makes it, and its signer's fingerprint.
    fn package(dir: &Path) -> (PathBuf, String) {
        let key = dir.join("签名私钥.pem");
        let info = crate::signing::create_key(&key, &dir.join("w.mulu"), "青岩 2026", "青岩 2026").unwrap();
        let mut ws = mulu_core::store::Workspace::open_or_create(&dir.join("青岩镇.mulu")).unwrap();
        ws.set_agency(&mulu_core::sample::agency()).unwrap();
        let id = ws.add_resource(mulu_core::sample::resource()).unwrap();
        ws.confirm_secrecy_many(&[id], "王芳").unwrap();
        let out = dir.join("报送包.zip");
        crate::signing::make_package(&mut ws, &key, "青岩 2026", &out, &mut |_| {}).unwrap();
        (out, info.fingerprint)
    }

    #[test]
    fn viewing_creates_nothing_and_trusting_after_the_fingerprint_matches_makes_it_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let (pkg, fingerprint) = package(dir.path());
        let bureau = dir.path().join("区数据局").join("工作区.mulu");
        let state = AppState::deferred(bureau.clone());

        let opened = verify(&state, &pkg, Lang::Zh).unwrap();
        let first = shown(&state, &pkg, &opened, Lang::Zh);
        assert_eq!(first.review.verification.verdict, Verdict::IntactUnknownSigner);
        assert_eq!(first.review.verification.fingerprint.as_deref(), Some(fingerprint.as_str()));
        assert!(first.trust_list.is_none(), "no workspace yet is not an error");
        assert!(!bureau.exists() && !bureau.parent().unwrap().exists(), "viewing created nothing");

        let misheard = keys::grouped(&"0".repeat(64));
        let refused = trust(&state, &opened, "", &misheard, Lang::Zh).unwrap_err();
        assert_eq!(refused.code, "key.fingerprint_mismatch");
        assert!(!bureau.exists(), "a refused trust creates nothing either");

        trust(&state, &opened, "青岩镇 王芳", &fingerprint.replace(' ', ""), Lang::Zh).unwrap();
        let listed = state.trust_list(Lang::Zh).unwrap();
        assert_eq!(listed.len(), 1, "the key is in the workspace's trust list");
        assert_eq!((listed[0].name.as_str(), listed[0].agency_uscc.as_str()), ("青岩镇 王芳", "115201110091453295"));
        let again = verify(&state, &pkg, Lang::En).unwrap();
        assert_eq!(again.verdict(), Verdict::IntactTrusted);
        let signer = shown(&state, &pkg, &again, Lang::En).review.verification.signer.unwrap();
        assert_eq!(signer.name, "青岩镇 王芳");
    }

    #[test]
    fn a_tampered_package_names_the_file_that_changed() {
        let dir = tempfile::tempdir().unwrap();
        let (pkg, _) = package(dir.path());
        // One byte of the (stored, uncompressed) workbook inside the zip, as a careless edit would.
        let mut bytes = std::fs::read(&pkg).unwrap();
        let at = bytes.windows(10).position(|w| w == b"xl/workboo").expect("the stored workbook's entries");
        bytes[at + 200] ^= 0x01;
        let tampered = dir.path().join("改过的报送包.zip");
        std::fs::write(&tampered, bytes).unwrap();

        let state = AppState::deferred(dir.path().join("none.mulu"));
        let opened = verify(&state, &tampered, Lang::Zh).unwrap();
        let review = shown(&state, &tampered, &opened, Lang::Zh).review;
        assert_eq!(review.verification.verdict, Verdict::Broken);
        assert!(review.facts.is_none());
        let paths: Vec<_> = review.verification.problems.iter().filter_map(|p| p.path.as_deref()).collect();
        assert!(paths.contains(&"data/catalog.xlsx"), "{:?}", review.verification.problems);
    }
}
