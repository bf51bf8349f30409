//! The signing key (step 1), the secrecy review and the signed package (step 6).
//!
//! Paths come from native save dialogs driven from Rust, never from the page. The passphrase
//! crosses IPC once per use and is never logged or stored; the app's config keeps only the key
//! file's path and its public fingerprint (not secret: it is read aloud over the phone).
//!
//! E2E tests answer the save dialogs with `MULU_E2E_KEY_FILE` and `MULU_E2E_PACKAGE_FILE` (see
//! `dialogs`).

use std::path::{Path, PathBuf};
use std::sync::Mutex;

use mulu_core::error::ErrorPayload;
use mulu_core::ops::overview::{OverviewDelta, Touched};
use mulu_core::ops::package::{PackageDone, PackageRequest};
use mulu_core::ops::{self, secrecy::Selection};
use mulu_core::package::Step;
use mulu_core::store::Workspace;
use mulu_core::{Error, Lang, Result};
use serde::{Deserialize, Serialize};
use tauri::{AppHandle, Emitter, Manager, State};

use crate::commands::{lock, AppState};
use crate::dialogs::{self, StandIn};

/// The key as the app remembers it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
pub struct KeyInfo {
    pub path: String,
    /// Grouped for reading aloud: `3F2A 9C01 …`.
    pub fingerprint: String,
}

/// The app's own settings file (in the OS's config folder for the app).
#[derive(Debug, Default, Serialize, Deserialize)]
#[serde(default)]
struct Settings {
    key: Option<KeyInfo>,
}

/// The last package written, the only path `reveal_package` opens.
#[derive(Default)]
pub struct LastPackage(Mutex<Option<PathBuf>>);

/// Creates an encrypted key file at `path` (never over an existing one).
pub fn create_key(path: &Path, workspace: &Path, passphrase: &str, repeat: &str) -> Result<KeyInfo> {
    if passphrase != repeat {
        return Err(Error::PassphraseMismatch);
    }
    let fingerprint = ops::keys::create(path, workspace, passphrase)?;
    Ok(KeyInfo { path: path.display().to_string(), fingerprint })
}

/// Packages the workspace (the core's use case: refused while errors remain or any resource
/// lacks the secrecy review; signed; recorded in the workspace). The save dialog asked before
/// replacing a file; the workspace, the key or a file of another kind is refused whatever was
/// answered.
pub fn make_package(
    ws: &mut Workspace,
    key: &Path,
    passphrase: &str,
    out: &Path,
    progress: &mut dyn FnMut(Step),
) -> Result<PackageDone> {
    let req = PackageRequest { key, passphrase, out, allow_findings: false, force: false };
    ops::package::make(ws, &req, progress)
}

fn settings_path(app: &AppHandle) -> Option<PathBuf> {
    app.path().app_config_dir().ok().map(|d| d.join("settings.json"))
}

fn read_settings(app: &AppHandle) -> Settings {
    settings_path(app)
        .and_then(|p| std::fs::read_to_string(p).ok())
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default()
}

fn write_settings(app: &AppHandle, s: &Settings, lang: Lang) -> std::result::Result<(), ErrorPayload> {
    let path = settings_path(app).ok_or_else(|| internal("no config folder", lang))?;
    let write = || -> std::io::Result<()> {
        std::fs::create_dir_all(path.parent().expect("a file in a folder"))?;
        std::fs::write(&path, serde_json::to_vec_pretty(s).expect("plain data serialises"))
    };
    write().map_err(|e| Error::io(&path, e).payload(lang))
}

fn internal(msg: &str, _lang: Lang) -> ErrorPayload {
    ErrorPayload { code: "internal".into(), message: msg.into(), field: None }
}

#[tauri::command]
pub fn key_status(app: AppHandle) -> Option<KeyInfo> {
    read_settings(&app).key
}

/// Creates the signing key where the person chooses; `null` when the dialog was cancelled.
#[tauri::command]
pub async fn key_create(
    app: AppHandle,
    passphrase: String,
    repeat: String,
    lang: Lang,
) -> std::result::Result<Option<KeyInfo>, ErrorPayload> {
    if passphrase.is_empty() {
        return Err(Error::PassphraseEmpty.payload(lang));
    }
    if passphrase != repeat {
        return Err(Error::PassphraseMismatch.payload(lang));
    }
    let title = crate::words::dialog("key.save", lang);
    let name = crate::words::dialog("key.file", lang);
    let Some(path) = dialogs::save(&app, StandIn::KeyFile, title, name, "pem", lang).await? else {
        return Ok(None);
    };
    let workspace = app.state::<AppState>().path().to_path_buf();
    let info = tauri::async_runtime::spawn_blocking(move || create_key(&path, &workspace, &passphrase, &repeat))
        .await
        .map_err(|e| internal(&e.to_string(), lang))?
        .map_err(|e| e.payload(lang))?;
    write_settings(&app, &Settings { key: Some(info.clone()) }, lang)?;
    Ok(Some(info))
}

/// Records the secrecy review for the given resources (all when `ids` is `null`).
#[tauri::command]
pub async fn secrecy_confirm(
    state: State<'_, AppState>,
    ids: Option<Vec<i64>>,
    reviewer: String,
    lang: Lang,
) -> std::result::Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        let touched = ids.clone();
        ops::secrecy::confirm(ws, Selection::from_option(ids), &reviewer)?;
        let touched = touched.as_deref().map_or(Touched::Everything, Touched::Resources);
        state.delta(ws, touched, lang)
    })
}

/// The core's refusals before the passphrase is asked for: errors left, resources without the
/// secrecy review, no USCC; and no key made yet.
#[tauri::command]
pub async fn package_check(app: AppHandle, lang: Lang) -> std::result::Result<(), ErrorPayload> {
    read_settings(&app).key.ok_or_else(|| no_key(lang))?;
    app.state::<AppState>().with(lang, |ws| ops::package::check(ws, false, lang))
}

fn no_key(lang: Lang) -> ErrorPayload {
    crate::words::refusal("key.none", lang)
}

/// Builds the signed package where the person chooses, with progress events
/// (`package-progress`: `workbook`, `catalog_json`, `manifests`, `signing`, `zip`).
#[tauri::command]
pub async fn package_make(
    app: AppHandle,
    passphrase: String,
    lang: Lang,
) -> std::result::Result<Option<PackageDone>, ErrorPayload> {
    let key = read_settings(&app).key.ok_or_else(|| no_key(lang))?;
    let title = crate::words::dialog("package.save", lang);
    let Some(out) = dialogs::save(&app, StandIn::PackageFile, title, "mulu-package.zip", "zip", lang).await? else {
        return Ok(None);
    };
    let handle = app.clone();
    let done = tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        state.change(lang, |ws| {
            make_package(ws, Path::new(&key.path), &passphrase, &out, &mut |s| {
                let name = match s {
                    Step::Workbook => "workbook",
                    Step::CatalogJson => "catalog_json",
                    Step::Manifests => "manifests",
                    Step::Signing => "signing",
                    Step::Zip => "zip",
                };
                let _ = handle.emit("package-progress", name);
            })
        })
    })
    .await
    .map_err(|e| internal(&e.to_string(), lang))??;
    *lock(&app.state::<LastPackage>().0) = Some(PathBuf::from(&done.path));
    Ok(Some(done))
}

/// Shows the last package in the file manager (its folder). Only that path: the page names none.
#[tauri::command]
pub fn reveal_package(app: AppHandle) {
    let Some(path) = lock(&app.state::<LastPackage>().0).clone() else { return };
    #[cfg(target_os = "windows")]
    let opener = ("explorer", vec![format!("/select,{}", path.display())]);
    #[cfg(target_os = "macos")]
    let opener = ("open", vec!["-R".to_string(), path.display().to_string()]);
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let Some(folder) = path.parent() else {
        return;
    };
    #[cfg(not(any(target_os = "windows", target_os = "macos")))]
    let opener = ("xdg-open", vec![folder.display().to_string()]);
    // A program, not a shell: the path is one argument, never interpreted.
    let _ = std::process::Command::new(opener.0).args(opener.1).spawn();
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::package::{self, keys, trust::Trust};

    #[test]
    fn a_key_is_made_then_a_package_signed_with_it_verifies_intact() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("签名私钥.pem");
        assert!(matches!(
            create_key(&key, &dir.path().join("w.mulu"), "长城 长江 黄河 2026", "长城 长江 黄河 2025"),
            Err(Error::PassphraseMismatch)
        ));
        let info = create_key(&key, &dir.path().join("w.mulu"), "长城 长江 黄河 2026", "长城 长江 黄河 2026").unwrap();
        assert_eq!(info.fingerprint.split(' ').count(), 16, "sixteen groups of four");
        let pem = std::fs::read_to_string(&key).unwrap();
        assert!(pem.contains("ENCRYPTED PRIVATE KEY") && !pem.contains("长城"), "encrypted, passphrase not stored");

        let mut ws = Workspace::open_or_create(&dir.path().join("w.mulu")).unwrap();
        ws.set_agency(&mulu_core::sample::agency()).unwrap();
        let id = ws.add_resource(mulu_core::sample::resource()).unwrap();
        let out = dir.path().join("报送包.zip");
        let refused = make_package(&mut ws, &key, "长城 长江 黄河 2026", &out, &mut |_| {});
        assert!(
            matches!(refused, Err(Error::PackageUnreviewed { .. }) | Err(Error::PackageHasErrors { .. })),
            "{refused:?}"
        );
        ws.confirm_secrecy_many(&[id], "王芳").unwrap();
        let wrong = make_package(&mut ws, &key, "wrong", &out, &mut |_| {});
        assert!(matches!(wrong, Err(Error::KeyPassphrase { .. })), "{wrong:?}");

        let mut steps = Vec::new();
        let done = make_package(&mut ws, &key, "长城 长江 黄河 2026", &out, &mut |s| steps.push(s)).unwrap();
        assert!(!steps.is_empty(), "progress reported");
        assert_eq!(done.made.fingerprint, info.fingerprint);

        let public = dir.path().join("public.pem");
        let secret = keys::read_key_file(&key, "长城 长江 黄河 2026").unwrap();
        std::fs::write(&public, keys::public_pem(&secret.public_key())).unwrap();
        let mut trust = Trust::default();
        trust.add_key_file(&public).unwrap();
        let v = package::verify_file(&out, &trust, &package::Limits::default(), Lang::Zh).unwrap();
        assert!(matches!(v.verdict, package::Verdict::IntactTrusted), "{:?}", v.problems);
    }
}
