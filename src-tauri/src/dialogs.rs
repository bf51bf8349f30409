//! The native file dialogs, driven from Rust so the page never names a path, and their
//! stand-ins for end-to-end tests — all in one place.
//!
//! WebDriver sees only the webview, so e2e tests cannot answer a native dialog. When the app is
//! started with `MULU_E2E=1`, the variable of each dialog ([`StandIn::var`]) gives its answer
//! instead; everything after it is the real flow. Without `MULU_E2E=1` the variables are
//! ignored, so a stray one never replaces a dialog.

use std::path::PathBuf;

use mulu_core::error::ErrorPayload;
use mulu_core::Lang;
use tauri::{AppHandle, Manager};
use tauri_plugin_dialog::{DialogExt, FileDialogBuilder};

use crate::commands::AppState;
use crate::import::internal;

/// Which dialog an e2e variable stands in for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StandIn {
    /// The workbook to import (open).
    ImportFile,
    /// A header mapping (saved, then opened).
    MappingFile,
    /// A file or folder to scan (open).
    ScanPath,
    /// A package to review (open).
    OpenPackage,
    /// Where the signing key goes (save).
    KeyFile,
    /// Where the package goes (save).
    PackageFile,
    /// The folder the exports go to, each under its default name (save).
    ExportDir,
    /// A working-day calendar to import (open).
    CalendarFile,
}

impl StandIn {
    pub fn var(self) -> &'static str {
        match self {
            StandIn::ImportFile => "MULU_E2E_IMPORT_FILE",
            StandIn::MappingFile => "MULU_E2E_MAPPING_FILE",
            StandIn::ScanPath => "MULU_E2E_SCAN_PATH",
            StandIn::OpenPackage => "MULU_E2E_OPEN_PACKAGE",
            StandIn::KeyFile => "MULU_E2E_KEY_FILE",
            StandIn::PackageFile => "MULU_E2E_PACKAGE_FILE",
            StandIn::ExportDir => "MULU_E2E_EXPORT_DIR",
            StandIn::CalendarFile => "MULU_E2E_CALENDAR_FILE",
        }
    }

    /// The stand-in's answer, when the app runs under e2e tests and the variable is set.
    pub fn answer(self) -> Option<PathBuf> {
        pick(std::env::var("MULU_E2E").ok().as_deref(), std::env::var_os(self.var()).map(PathBuf::from))
    }
}

/// `file` when `e2e` is exactly `1` and `file` is not empty.
fn pick(e2e: Option<&str>, file: Option<PathBuf>) -> Option<PathBuf> {
    (e2e == Some("1")).then_some(file).flatten().filter(|p| !p.as_os_str().is_empty())
}

/// A file dialog titled `title`, starting in the workspace's folder when `in_workspace` (else
/// where the system starts it).
pub fn builder(app: &AppHandle, title: &str, in_workspace: bool) -> FileDialogBuilder<tauri::Wry> {
    let mut dialog = app.dialog().file().set_title(title);
    if let Some(f) = in_workspace.then(|| app.state::<AppState>().folder()).flatten() {
        dialog = dialog.set_directory(f);
    }
    dialog
}

/// Runs a blocking dialog off the async runtime.
pub async fn run<T: Send + 'static>(ask: impl FnOnce() -> T + Send + 'static, lang: Lang) -> Result<T, ErrorPayload> {
    tauri::async_runtime::spawn_blocking(ask).await.map_err(|e| internal(e, lang))
}

/// Asks where to save `name` (filter `ext`), starting in the workspace's folder; `None` when
/// cancelled. The stand-in answers instead when set (a folder for the exports, joined with
/// `name`).
pub async fn save(
    app: &AppHandle,
    stand_in: StandIn,
    title: &str,
    name: &str,
    ext: &'static str,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorPayload> {
    if let Some(p) = stand_in.answer() {
        return Ok(Some(if stand_in == StandIn::ExportDir { p.join(name) } else { p }));
    }
    let dialog = builder(app, title, true).set_file_name(name).add_filter(ext, &[ext]);
    Ok(run(move || dialog.blocking_save_file(), lang).await?.and_then(|f| f.into_path().ok()))
}

/// Asks for one file to open with `filter` (a label and extensions); `None` when cancelled.
pub async fn open(
    app: &AppHandle,
    stand_in: StandIn,
    title: &str,
    filter: (&str, &[&str]),
    in_workspace: bool,
    lang: Lang,
) -> Result<Option<PathBuf>, ErrorPayload> {
    if let Some(p) = stand_in.answer() {
        return Ok(Some(p));
    }
    let dialog = builder(app, title, in_workspace).add_filter(filter.0, filter.1);
    Ok(run(move || dialog.blocking_pick_file(), lang).await?.and_then(|f| f.into_path().ok()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_variable_stands_in_only_under_e2e() {
        let file = || Some(PathBuf::from("/tmp/目录.xlsx"));
        assert_eq!(pick(Some("1"), file()), file());
        assert_eq!(pick(None, file()), None, "a stray variable never replaces the dialog");
        assert_eq!(pick(Some("0"), file()), None);
        assert_eq!(pick(Some("1"), Some(PathBuf::new())), None);
    }

    #[test]
    fn each_dialog_has_its_own_variable() {
        let all = [
            StandIn::ImportFile,
            StandIn::MappingFile,
            StandIn::ScanPath,
            StandIn::OpenPackage,
            StandIn::KeyFile,
            StandIn::PackageFile,
            StandIn::ExportDir,
            StandIn::CalendarFile,
        ];
        let vars: std::collections::HashSet<_> = all.iter().map(|s| s.var()).collect();
        assert_eq!(vars.len(), all.len());
    }
}
