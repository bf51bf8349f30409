//! Importing a workbook from the window: choose the file (native dialog, from Rust), preview the
//! dry run, then commit it in one transaction or discard it.
//!
//! The webview never names a file: `import_choose` asks the person through the native dialog and
//! keeps the path here, so the page cannot make the app read arbitrary paths, and the window
//! needs no dialog permission at all. Reading and planning a city-sized workbook takes seconds,
//! so both run on a blocking task and the window stays responsive (the UI shows progress).
//!
//! End-to-end tests cannot drive the native dialog (WebDriver sees only the webview). When the
//! app is started with `MULU_E2E=1` and `MULU_E2E_IMPORT_FILE=<path>`, `import_choose` returns
//! that path instead of opening the dialog; everything after it is the real flow. Without
//! `MULU_E2E=1` the variable is ignored.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use mulu_core::error::ErrorPayload;
use mulu_core::rules::Context;
use mulu_core::sheets::draft::SheetHead;
use mulu_core::sheets::header::Mapping;
use mulu_core::sheets::{self, apply::Effect, ImportOptions, ImportPlan};
use mulu_core::store::Workspace;
use mulu_core::Lang;
use tauri::{AppHandle, Manager, State};
use tauri_plugin_dialog::DialogExt;

use crate::commands::{lock, AppState};

/// What is between the steps: the chosen workbook, the top of its sheets once the mapping
/// screen has read them, then its planned effect.
#[derive(Default)]
pub struct Pending {
    pub path: Option<PathBuf>,
    pub heads: Option<Arc<Vec<SheetHead>>>,
    pub effect: Option<Effect>,
}

const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];

/// The path the e2e tests stand in for the dialog's answer (see the module comment).
pub(crate) fn test_pick(e2e: Option<&str>, file: Option<PathBuf>) -> Option<PathBuf> {
    (e2e == Some("1")).then_some(file).flatten().filter(|p| !p.as_os_str().is_empty())
}

pub(crate) fn error(code: &str, zh: &str, en: &str, lang: Lang) -> ErrorPayload {
    ErrorPayload { code: code.into(), message: lang.pick(zh, en).into(), field: None }
}

/// A failure of the machinery (a task that panicked), not of the person's data.
pub(crate) fn internal(e: impl ToString, lang: Lang) -> ErrorPayload {
    error("internal", &e.to_string(), &e.to_string(), lang)
}

/// Reads the workbook and plans its effect on the workspace; writes nothing.
pub fn preview(ws: &Workspace, path: &Path, opts: &ImportOptions, lang: Lang) -> mulu_core::Result<Effect> {
    let imported = sheets::read(path, opts, lang)?;
    sheets::plan(ws, imported, &Context::now(lang))
}

/// The chosen workbook, or why there is none.
pub(crate) fn chosen(app: &AppHandle, lang: Lang) -> Result<PathBuf, ErrorPayload> {
    let path = lock(&app.state::<AppState>().import).path.clone();
    path.ok_or_else(|| error("import.none", "请先选择要导入的表格。", "Choose a workbook first.", lang))
}

/// Opens the file dialog; returns the chosen path (`null` when the person cancelled).
#[tauri::command]
pub async fn import_choose(app: AppHandle, lang: Lang) -> Result<Option<String>, ErrorPayload> {
    let picked = match test_pick(
        std::env::var("MULU_E2E").ok().as_deref(),
        std::env::var_os("MULU_E2E_IMPORT_FILE").map(PathBuf::from),
    ) {
        Some(p) => Some(p),
        None => {
            let dialog = app
                .dialog()
                .file()
                .set_title(lang.pick("选择要导入的目录表格", "Choose a catalog workbook to import"))
                .add_filter(lang.pick("电子表格", "Spreadsheets"), EXTENSIONS);
            let answer = tauri::async_runtime::spawn_blocking(move || dialog.blocking_pick_file())
                .await
                .map_err(|e| internal(e, lang))?;
            answer.and_then(|f| f.into_path().ok())
        }
    };
    let state = app.state::<AppState>();
    let mut pending = lock(&state.import);
    *pending = Pending { path: picked.clone(), ..Default::default() };
    Ok(picked.map(|p| p.display().to_string()))
}

/// The dry run of the chosen workbook (one sheet of it, and with the person's header mapping
/// when given), kept until it is committed or cancelled.
#[tauri::command]
pub async fn import_preview(
    app: AppHandle,
    sheet: Option<String>,
    mapping: Option<Mapping>,
    lang: Lang,
) -> Result<ImportPlan, ErrorPayload> {
    let path = chosen(&app, lang)?;
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let opts = ImportOptions { sheet, mapping };
        let effect = state.with(lang, |ws| preview(ws, &path, &opts, lang))?;
        let plan = effect.plan.clone();
        lock(&state.import).effect = Some(effect);
        Ok(plan)
    })
    .await
    .map_err(|e| internal(e, lang))?
}

/// Commits the previewed import in one transaction.
#[tauri::command]
pub async fn import_commit(app: AppHandle, lang: Lang) -> Result<ImportPlan, ErrorPayload> {
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let effect = std::mem::take(&mut *lock(&state.import)).effect;
        let effect = effect.ok_or_else(|| {
            error(
                "import.stale",
                "导入预览已失效（工作区在预览后有改动），请重新选择表格。",
                "The import preview is out of date (the workspace changed since); choose the workbook again.",
                lang,
            )
        })?;
        state.change(lang, |ws| sheets::commit(ws, effect))
    })
    .await
    .map_err(|e| internal(e, lang))?
}

/// Discards the chosen workbook and its preview.
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    *lock(&state.import) = Pending::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::fields;
    use mulu_core::{Catalog, Resource};

    #[test]
    fn the_test_path_is_used_only_in_e2e_mode() {
        let file = || Some(PathBuf::from("/tmp/x.xlsx"));
        assert_eq!(test_pick(Some("1"), file()), file());
        assert_eq!(test_pick(None, file()), None, "a stray variable never replaces the dialog");
        assert_eq!(test_pick(Some("0"), file()), None);
        assert_eq!(test_pick(Some("1"), Some(PathBuf::new())), None);
    }

    #[test]
    fn preview_writes_nothing_and_commit_applies_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open_or_create(&dir.path().join("t.mulu")).unwrap();
        let mut old = Resource::default();
        fields::set(&mut old, "name", "低保名册").unwrap();
        ws.add_resource(old).unwrap();

        // A workbook written by the core's own exporter: one changed, one new resource.
        let mut catalog = Catalog::default();
        for (name, abs) in [("低保名册", "全镇低保对象名册及发放情况"), ("村级集体资产台账", "各村集体资产登记")]
        {
            let mut r = Resource::default();
            fields::set(&mut r, "name", name).unwrap();
            fields::set(&mut r, "abstract", abs).unwrap();
            catalog.resources.push(r);
        }
        let book = dir.path().join("目录.xlsx");
        sheets::export_catalog(&catalog, &book).unwrap();

        let effect = preview(&ws, &book, &ImportOptions::default(), Lang::Zh).unwrap();
        assert_eq!(effect.plan.added.len(), 1);
        assert_eq!(effect.plan.changed.len(), 1);
        assert!(effect.plan.changed[0].fields.iter().any(|f| f.field == "abstract"));
        assert!(!effect.plan.committed);
        assert_eq!(ws.resources().unwrap().len(), 1, "a preview writes nothing");

        let plan = sheets::commit(&mut ws, effect).unwrap();
        assert!(plan.committed);
        assert_eq!(ws.resources().unwrap().len(), 2);
    }

    #[test]
    fn a_change_after_the_preview_makes_it_stale() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("t.mulu"));
        let book = dir.path().join("b.xlsx");
        let mut catalog = Catalog::default();
        let mut r = Resource::default();
        fields::set(&mut r, "name", "低保名册").unwrap();
        catalog.resources.push(r);
        sheets::export_catalog(&catalog, &book).unwrap();
        let effect = state.with(Lang::Zh, |ws| preview(ws, &book, &ImportOptions::default(), Lang::Zh)).unwrap();
        lock(&state.import).effect = Some(effect);
        state.change(Lang::Zh, |ws| crate::edit::set_agency_field(ws, "name", "青岩镇")).unwrap();
        assert!(lock(&state.import).effect.is_none(), "the plan was made against the old workspace");
    }
}
