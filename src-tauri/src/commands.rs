//! The commands the UI calls. Each is a few lines over `mulu-core`; errors cross IPC as the
//! core's `ErrorPayload` (a stable `code` for the UI to switch on, and a message in the
//! language the UI asked for).

use std::path::PathBuf;
use std::sync::Mutex;

use mulu_core::error::ErrorPayload;
use mulu_core::model::domain::Domains;
use mulu_core::model::fields::{bulk_fields, FieldSpec, AGENCY_FIELDS, RESOURCE_FIELDS};
use mulu_core::ops::{
    self,
    overview::{OverviewDelta, Shown, Touched},
};
use mulu_core::overview::{Overview, ResourceDetail};
use mulu_core::package::trust::TrustedKey;
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::{Error, Lang};
use serde::Serialize;
use tauri::State;

pub struct AppState {
    path: PathBuf,
    workspace: Mutex<Option<Workspace>>,
    /// Why the workspace did not open; rendered in the UI's language on each call.
    open_error: Mutex<Option<Error>>,
    /// The workbook chosen for import and its dry run, between preview and commit.
    pub(crate) import: Mutex<crate::import::Pending>,
    /// The overview as the window was last sent it: an edit answers with what changed since.
    shown: Mutex<Option<Shown>>,
}

impl AppState {
    /// Opens (or creates) the workspace. A failure is kept, never a panic: the window still
    /// starts and shows what went wrong and what to do.
    pub fn open(path: PathBuf) -> Self {
        let state = Self::deferred(path);
        match Workspace::open_or_create(&state.path) {
            Ok(ws) => *lock(&state.workspace) = Some(ws),
            Err(e) => *lock(&state.open_error) = Some(e),
        }
        state
    }

    /// Names the workspace without opening it: when the app starts on a package to review, the
    /// workspace is only read for its trust list, and created or opened in full only when the
    /// person goes to it (or trusts a signer).
    pub fn deferred(path: PathBuf) -> Self {
        AppState {
            path,
            workspace: Mutex::new(None),
            open_error: Mutex::new(None),
            import: Mutex::new(Default::default()),
            shown: Mutex::new(None),
        }
    }

    /// The trust list, for verifying a package: from the workspace, opened when its file exists,
    /// never created just to be read (a reviewer's machine may have none yet: then it is empty).
    pub(crate) fn trust_list(&self, lang: Lang) -> Result<Vec<TrustedKey>, ErrorPayload> {
        let mut guard = lock(&self.workspace);
        if guard.is_none() {
            if !self.path.exists() {
                return Ok(Vec::new());
            }
            let ws = Workspace::open(&self.path).map_err(|e| e.payload(lang))?;
            *guard = Some(ws);
            *lock(&self.open_error) = None;
        }
        mulu_core::ops::trust::list(guard.as_ref().expect("set above")).map_err(|e| e.payload(lang))
    }

    pub(crate) fn path(&self) -> &std::path::Path {
        &self.path
    }

    /// The workspace's folder: where save dialogs start.
    pub(crate) fn folder(&self) -> Option<PathBuf> {
        self.path.parent().filter(|p| !p.as_os_str().is_empty()).map(|p| p.to_path_buf())
    }

    /// Runs `f` on the open workspace. When it did not open, tries again first (the person may
    /// have closed the program that held it, or put the right file in place), so "retry" works.
    pub(crate) fn with<T>(
        &self,
        lang: Lang,
        f: impl FnOnce(&Workspace) -> mulu_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        self.with_mut(lang, |ws| f(ws))
    }

    /// As [`AppState::with`], for a change. Any change drops a pending import preview: its plan
    /// was computed against the workspace as it was.
    pub(crate) fn change<T>(
        &self,
        lang: Lang,
        f: impl FnOnce(&mut Workspace) -> mulu_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        lock(&self.import).effect = None;
        self.with_mut(lang, f)
    }

    fn with_mut<T>(
        &self,
        lang: Lang,
        f: impl FnOnce(&mut Workspace) -> mulu_core::Result<T>,
    ) -> Result<T, ErrorPayload> {
        let mut guard = lock(&self.workspace);
        if guard.is_none() {
            let mut err = lock(&self.open_error);
            match Workspace::open_or_create(&self.path) {
                Ok(ws) => {
                    *guard = Some(ws);
                    *err = None;
                }
                Err(e) => {
                    let payload = e.payload(lang);
                    *err = Some(e);
                    return Err(payload);
                }
            }
        }
        let ws = guard.as_mut().expect("set above");
        f(ws).map_err(|e| e.in_workspace(&self.path).payload(lang))
    }
}

impl AppState {
    /// The whole overview, kept as what the window shows (a command that sends it whole).
    pub(crate) fn overview_of(&self, ws: &Workspace, lang: Lang) -> mulu_core::Result<Overview> {
        let (o, shown) = ops::overview::open(ws, &Context::now(lang))?;
        *lock(&self.shown) = Some(shown);
        Ok(o)
    }

    /// What an edit that touched `touched` changed in the overview the window shows.
    pub(crate) fn delta(&self, ws: &Workspace, touched: Touched, lang: Lang) -> mulu_core::Result<OverviewDelta> {
        ops::overview::after_edit(ws, &mut lock(&self.shown), touched, &Context::now(lang))
    }
}

/// A poisoned lock only means an earlier call panicked; the data behind it is still whole.
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

/// Everything the shell shows: agency, resources with their findings, summary.
#[tauri::command]
pub async fn overview(state: State<'_, AppState>, lang: Lang) -> Result<Overview, ErrorPayload> {
    state.with(lang, |ws| state.overview_of(ws, lang))
}

/// One resource whole, with its findings: the overview carries summaries only, so the resource's
/// form asks for this when it opens and after each change.
#[tauri::command]
pub async fn resource_detail(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<ResourceDetail, ErrorPayload> {
    state.with(lang, |ws| mulu_core::ops::overview::resource_detail(ws, &Context::now(lang), id))
}

/// The resources matching the search box (every word: a substring of three or more characters
/// anywhere in the indexed text, a shorter word in the name or code), in catalog order. All of
/// them, not a first page: the list pages through them and says how many of the total matched.
#[tauri::command]
pub async fn search_resources(state: State<'_, AppState>, query: String, lang: Lang) -> Result<Vec<i64>, ErrorPayload> {
    state.with(lang, |ws| mulu_core::ops::catalog::search_ids(ws, &query, usize::MAX))
}

/// The workspace file the app was started on, shown even when it failed to open.
#[tauri::command]
pub fn workspace_path(state: State<'_, AppState>) -> String {
    state.path.display().to_string()
}

/// Field labels in both languages, so the UI names the field of a finding as the core does;
/// and the resource fields a bulk edit may set.
#[derive(Serialize, ts_rs::TS)]
pub struct Fields {
    #[ts(type = "Array<FieldSpec>")]
    resource: &'static [FieldSpec],
    #[ts(type = "Array<FieldSpec>")]
    agency: &'static [FieldSpec],
    /// The keys that are no form field (a combined column, an item's part…): labelled too.
    #[ts(type = "Array<FieldSpec>")]
    other: &'static [FieldSpec],
    #[ts(type = "Array<string>")]
    bulk: Vec<&'static str>,
}

#[tauri::command]
pub fn fields() -> Fields {
    Fields {
        resource: &RESOURCE_FIELDS,
        agency: &AGENCY_FIELDS,
        other: &mulu_core::model::labels::OTHER_FIELDS,
        bulk: bulk_fields().map(|s| s.key.as_str()).collect(),
    }
}

/// Every value domain with its labels: the dropdowns, and stored values shown in the UI's language.
#[tauri::command]
pub fn domains() -> Domains {
    mulu_core::model::domain::domains()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_file_is_reported_untouched_and_retried_on_the_next_call() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("notes.mulu");
        std::fs::write(&path, "会议纪要，不是工作区").unwrap();
        let state = AppState::open(path.clone());
        let err = state.with(Lang::Zh, |ws| Ok(ws.path().to_path_buf())).unwrap_err();
        assert_eq!(err.code, "workspace.foreign", "the UI picks its title by this code");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "会议纪要，不是工作区", "the file was left untouched");

        // The person moves the stray file away: the next call opens (here: creates) the workspace.
        std::fs::remove_file(&path).unwrap();
        let opened = state.with(Lang::En, |ws| Ok(ws.path().to_path_buf())).unwrap();
        assert_eq!(opened, path);
        assert!(state.open_error.lock().unwrap().is_none(), "the old error is forgotten");
    }

    #[test]
    fn reading_the_trust_list_never_creates_the_workspace() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("区数据局.mulu");
        let state = AppState::deferred(path.clone());
        assert_eq!(state.trust_list(Lang::Zh).unwrap(), vec![], "no workspace: an empty trust list");
        assert!(!path.exists(), "not created by reading");

        let mut ws = Workspace::open_or_create(&path).unwrap();
        let key = mulu_core::package::keys::generate().unwrap().public_key();
        let pem = mulu_core::package::keys::public_pem(&key);
        ws.trust_key(
            &TrustedKey::from_pem(&pem, "115201110091453295", "青岩镇 王芳", "2026-01-01T00:00:00+08:00").unwrap(),
        )
        .unwrap();
        drop(ws);
        let listed = state.trust_list(Lang::Zh).unwrap();
        assert_eq!(listed.iter().map(|k| k.name.as_str()).collect::<Vec<_>>(), ["青岩镇 王芳"]);

        std::fs::write(dir.path().join("notes.mulu"), "会议纪要").unwrap();
        let foreign = AppState::deferred(dir.path().join("notes.mulu"));
        assert_eq!(foreign.trust_list(Lang::Zh).unwrap_err().code, "workspace.foreign", "said, not hidden");
    }
}
