//! Importing a workbook from the window: choose the file (native dialog, from Rust), preview the
//! dry run, then commit it in one transaction or discard it.
//!
//! The webview never names a file: `import_choose` asks the person through the native dialog and
//! keeps the path here, so the page cannot make the app read arbitrary paths, and the window
//! needs no dialog permission at all. Reading and planning a city-sized workbook takes seconds,
//! so both run on a blocking task and the window stays responsive: the read reports its progress
//! (`import-progress`) and stops within a batch of rows when the person cancels.
//!
//! End-to-end tests answer the dialog with `MULU_E2E_IMPORT_FILE` (see `dialogs`).

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use mulu_core::error::ErrorPayload;
use mulu_core::ops;
use mulu_core::rules::Context;
use mulu_core::sheets::draft::SheetHead;
use mulu_core::sheets::header::Mapping;
use mulu_core::sheets::{self, apply::Effect, ImportOptions, ImportPlan};
use mulu_core::Lang;
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};

use crate::commands::{lock, AppState};
use crate::dialogs::{self, StandIn};

/// What is between the steps: the chosen workbook, the top of its sheets once the mapping
/// screen has read them, then its planned effect.
#[derive(Default)]
pub struct Pending {
    pub path: Option<PathBuf>,
    pub heads: Option<Arc<Vec<SheetHead>>>,
    pub effect: Option<Effect>,
    /// Set by `import_cancel`: stops the read of this workbook.
    cancel: Arc<AtomicBool>,
}

/// The `import-progress` event: the sheet being read and the rows read so far.
#[derive(Clone, Serialize, ts_rs::TS)]
#[ts(rename = "ImportProgress")]
pub struct Progress {
    sheet: String,
    rows: u64,
}

const EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "ods"];

/// A failure of the machinery (a task that panicked), not of the person's data.
pub(crate) fn internal(e: impl ToString, _lang: Lang) -> ErrorPayload {
    ErrorPayload { code: "internal".into(), message: e.to_string(), field: None }
}

/// Reads the workbook, telling `emit` its progress and stopping once `cancel` is set, then plans
/// its effect on the workspace; writes nothing. The read holds no lock on the workspace, so the
/// window's other calls go on meanwhile.
pub fn preview(
    state: &AppState,
    path: &Path,
    opts: &ImportOptions,
    cancel: &AtomicBool,
    lang: Lang,
    mut emit: impl FnMut(Progress),
) -> Result<Effect, ErrorPayload> {
    let stopped = || cancel.load(Ordering::Relaxed);
    let imported = sheets::read_with(path, opts, lang, &mut |p| {
        if stopped() {
            return ControlFlow::Break(());
        }
        emit(Progress { sheet: p.sheet.to_string(), rows: p.rows });
        ControlFlow::Continue(())
    })
    .map_err(|e| e.payload(lang))?;
    if stopped() {
        return Err(mulu_core::Error::Cancelled.payload(lang));
    }
    state.with(lang, |ws| ops::import::preview(ws, imported, &Context::now(lang)))
}

/// The chosen workbook, or why there is none.
pub(crate) fn chosen(app: &AppHandle, lang: Lang) -> Result<PathBuf, ErrorPayload> {
    let path = lock(&app.state::<AppState>().import).path.clone();
    path.ok_or_else(|| crate::words::refusal("import.none", lang))
}

/// Opens the file dialog; returns the chosen path (`null` when the person cancelled).
#[tauri::command]
pub async fn import_choose(app: AppHandle, lang: Lang) -> Result<Option<String>, ErrorPayload> {
    let title = crate::words::dialog("import.open", lang);
    let filter = (crate::words::dialog("import.filter", lang), EXTENSIONS);
    let picked = dialogs::open(&app, StandIn::ImportFile, title, filter, false, lang).await?;
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
    let cancel = lock(&app.state::<AppState>().import).cancel.clone();
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let state = handle.state::<AppState>();
        let opts = ImportOptions { sheet, mapping };
        let effect = preview(&state, &path, &opts, &cancel, lang, |p| {
            let _ = handle.emit("import-progress", p);
        })?;
        let plan = effect.plan.clone();
        let mut pending = lock(&state.import);
        // Cancelled as the plan was made: this preview's own flag, not a newer one's.
        if cancel.load(Ordering::Relaxed) {
            return Err(mulu_core::Error::Cancelled.payload(lang));
        }
        pending.effect = Some(effect);
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
        let effect = effect.ok_or_else(|| crate::words::refusal("import.stale", lang))?;
        state.change(lang, |ws| ops::import::commit(ws, effect))
    })
    .await
    .map_err(|e| internal(e, lang))?
}

/// Stops a running read and discards the chosen workbook and its preview.
#[tauri::command]
pub fn import_cancel(state: State<'_, AppState>) {
    let mut pending = lock(&state.import);
    pending.cancel.store(true, Ordering::Relaxed);
    *pending = Pending::default();
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::fields;
    use mulu_core::{Catalog, Resource};

    /// A workbook written by the core's own exporter, one resource per name.
    fn workbook(path: &Path, resources: &[(&str, &str)]) {
        let mut catalog = Catalog::default();
        for (name, abs) in resources {
            let mut r = Resource::default();
            fields::set(&mut r, "name", name).unwrap();
            fields::set(&mut r, "abstract", abs).unwrap();
            catalog.resources.push(r);
        }
        sheets::export_catalog(&catalog, path).unwrap();
    }

    fn dry_run(state: &AppState, book: &Path, cancel: &AtomicBool) -> Result<Effect, ErrorPayload> {
        preview(state, book, &ImportOptions::default(), cancel, Lang::Zh, |_| {})
    }

    #[test]
    fn preview_writes_nothing_and_commit_applies_the_plan() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("t.mulu"));
        let mut old = Resource::default();
        fields::set(&mut old, "name", "低保名册").unwrap();
        state.change(Lang::Zh, |ws| ws.add_resource(old)).unwrap();

        // One changed, one new resource.
        let book = dir.path().join("目录.xlsx");
        workbook(&book, &[("低保名册", "全镇低保对象名册及发放情况"), ("村级集体资产台账", "各村集体资产登记")]);

        let effect = dry_run(&state, &book, &AtomicBool::new(false)).unwrap();
        assert_eq!(effect.plan.added.len(), 1);
        assert_eq!(effect.plan.changed.len(), 1);
        assert!(effect.plan.changed[0].fields.iter().any(|f| f.field == "abstract"));
        assert!(!effect.plan.committed);
        let count = || state.with(Lang::Zh, |ws| ws.resource_count()).unwrap();
        assert_eq!(count(), 1, "a preview writes nothing");

        let plan = state.change(Lang::Zh, |ws| sheets::commit(ws, effect)).unwrap();
        assert!(plan.committed);
        assert_eq!(count(), 2);
    }

    #[test]
    fn a_change_after_the_preview_makes_it_stale() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("t.mulu"));
        let book = dir.path().join("b.xlsx");
        workbook(&book, &[("低保名册", "全镇低保对象名册")]);
        let effect = dry_run(&state, &book, &AtomicBool::new(false)).unwrap();
        lock(&state.import).effect = Some(effect);
        state
            .change(Lang::Zh, |ws| {
                mulu_core::ops::resources::set_agency(
                    ws,
                    &[mulu_core::ops::resources::FieldText::new("name", "青岩镇")],
                )
            })
            .unwrap();
        assert!(lock(&state.import).effect.is_none(), "the plan was made against the old workspace");
    }

    #[test]
    fn a_cancel_stops_the_read_within_a_batch_of_rows_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("t.mulu"));
        let book = dir.path().join("大表.xlsx");
        let names: Vec<String> = (0..3 * sheets::import::PROGRESS_ROWS).map(|i| format!("资源{i}")).collect();
        workbook(&book, &names.iter().map(|n| (n.as_str(), "")).collect::<Vec<_>>());

        // The person presses 取消 as the first report arrives.
        let cancel = AtomicBool::new(false);
        let mut reports = Vec::new();
        let err = preview(&state, &book, &ImportOptions::default(), &cancel, Lang::En, |p| {
            reports.push(p.rows);
            cancel.store(true, Ordering::Relaxed);
        })
        .err()
        .expect("stopped");
        assert_eq!(err.code, "cancelled");
        assert_eq!(reports, [0], "the read stopped at the next batch, not at the end");
        assert_eq!(state.with(Lang::Zh, |ws| ws.resource_count()).unwrap(), 0, "nothing written");
    }
}
