//! Scanning data files from the window (梳理): choose files or a folder (native dialog, from
//! Rust), read them off the window's thread with progress events, then add the proposals the
//! person accepted in one transaction. Nothing is added until then.
//!
//! As with the import, the webview never names a path: the chosen paths and the proposals stay
//! here, and the page answers with the indices it accepts. With `MULU_E2E=1`,
//! `MULU_E2E_SCAN_PATH=<file or folder>` stands in for the dialog's answer.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};

use mulu_core::error::ErrorPayload;
use mulu_core::scan::{self, Proposal};
use mulu_core::{Lang, Resource};
use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, State};

use crate::commands::{lock, AppState};
use crate::dialogs::{self, StandIn};
use crate::import::internal;
use crate::words::{dialog as word, refusal};

/// The chosen paths, then the proposals made from them; `cancel` stops a running scan.
#[derive(Default)]
pub struct Pending {
    paths: Vec<PathBuf>,
    proposals: Vec<Proposal>,
    cancel: Arc<AtomicBool>,
}

#[derive(Default)]
pub struct ScanState(Mutex<Pending>);

/// What the scan found (app-only shape; `ui/src/lib/api.ts` `Scanned`).
#[derive(Serialize, ts_rs::TS)]
pub struct Scanned {
    proposals: Vec<Proposal>,
    skipped: Vec<Skipped>,
}

/// A file the scan could not read, and why (in the person's language).
#[derive(Serialize, ts_rs::TS)]
pub struct Skipped {
    file: String,
    error: ErrorPayload,
}

/// The `scan-progress` event: `done` of `total` files read, `file` the one being read.
#[derive(Clone, Serialize, ts_rs::TS)]
#[ts(rename = "ScanProgress")]
pub struct Progress {
    done: usize,
    total: usize,
    file: String,
}

/// Opens the native chooser (a folder, or several files); the chosen paths, empty when cancelled.
#[tauri::command]
pub async fn scan_choose(app: AppHandle, folder: bool, lang: Lang) -> Result<Vec<String>, ErrorPayload> {
    let files = match StandIn::ScanPath.answer() {
        Some(p) => return Ok(keep(&app, vec![p])),
        None if folder => {
            let dialog = dialogs::builder(&app, word("scan.folder", lang), true);
            dialogs::run(move || dialog.blocking_pick_folder().into_iter().collect::<Vec<_>>(), lang).await?
        }
        None => {
            let dialog = dialogs::builder(&app, word("scan.files", lang), true)
                .add_filter(word("scan.filter", lang), &["xlsx", "xlsm", "xls", "ods", "csv"]);
            dialogs::run(move || dialog.blocking_pick_files().unwrap_or_default(), lang).await?
        }
    };
    Ok(keep(&app, files.into_iter().filter_map(|f| f.into_path().ok()).collect()))
}

/// Keeps the chosen paths for `scan_run`; returns them for the page to show.
fn keep(app: &AppHandle, picked: Vec<PathBuf>) -> Vec<String> {
    let shown = picked.iter().map(|p| p.display().to_string()).collect();
    *lock(&app.state::<ScanState>().0) = Pending { paths: picked, ..Default::default() };
    shown
}

/// Scans the chosen paths on a blocking task, with `scan-progress` events; keeps the proposals
/// until they are accepted or the scan is discarded.
#[tauri::command]
pub async fn scan_run(app: AppHandle, lang: Lang) -> Result<Scanned, ErrorPayload> {
    let (paths, cancel) = {
        let scanned = app.state::<ScanState>();
        let pending = lock(&scanned.0);
        (pending.paths.clone(), pending.cancel.clone())
    };
    if paths.is_empty() {
        return Err(refusal("scan.none", lang));
    }
    let handle = app.clone();
    tauri::async_runtime::spawn_blocking(move || {
        let scanned = run(&paths, &cancel, lang, |p| {
            let _ = handle.emit("scan-progress", p);
        })?;
        let held = handle.state::<ScanState>();
        let mut pending = lock(&held.0);
        // Cancelled after the last file: the flag is this scan's own, not a newer one's.
        if cancel.load(Ordering::Relaxed) {
            return Err(mulu_core::Error::Cancelled.payload(lang));
        }
        pending.proposals = scanned.proposals.clone();
        Ok(scanned)
    })
    .await
    .map_err(|e| internal(e, lang))?
}

/// The scan itself, stopped between files once `cancel` is set.
fn run(
    paths: &[PathBuf],
    cancel: &AtomicBool,
    lang: Lang,
    mut emit: impl FnMut(Progress),
) -> Result<Scanned, ErrorPayload> {
    let today = mulu_core::rules::Context::now(lang).today;
    let (proposals, skipped) = scan::scan_with(paths, today, &mut |p| {
        if cancel.load(Ordering::Relaxed) {
            return ControlFlow::Break(());
        }
        let file = p.file.file_name().unwrap_or(p.file.as_os_str()).to_string_lossy().into_owned();
        emit(Progress { done: p.done, total: p.total, file });
        ControlFlow::Continue(())
    })
    .map_err(|e| e.payload(lang))?;
    let skipped =
        skipped.iter().map(|(f, e)| Skipped { file: f.display().to_string(), error: e.payload(lang) }).collect();
    Ok(Scanned { proposals, skipped })
}

/// The resources of the accepted proposals, each once; an index the scan did not give means the
/// page holds an older scan than this one.
fn chosen(proposals: &[Proposal], mut accepted: Vec<usize>, lang: Lang) -> Result<Vec<Resource>, ErrorPayload> {
    accepted.sort_unstable();
    accepted.dedup();
    if accepted.is_empty() || accepted.iter().any(|&i| i >= proposals.len()) {
        return Err(refusal("scan.stale", lang));
    }
    Ok(accepted.iter().map(|&i| proposals[i].resource.clone()).collect())
}

/// Adds the accepted proposals (by their index in the scan's answer) in one transaction;
/// returns how many were added. The rest are discarded with the scan.
#[tauri::command]
pub async fn scan_accept(
    app: AppHandle,
    scanned: State<'_, ScanState>,
    accepted: Vec<usize>,
    lang: Lang,
) -> Result<usize, ErrorPayload> {
    let proposals = std::mem::take(&mut *lock(&scanned.0)).proposals;
    let resources = chosen(&proposals, accepted, lang)?;
    app.state::<AppState>().change(lang, |ws| mulu_core::ops::scan::accept(ws, resources)).map(|added| added.len())
}

/// Stops a running scan and discards its proposals.
#[tauri::command]
pub fn scan_cancel(scanned: State<'_, ScanState>) {
    let mut pending = lock(&scanned.0);
    pending.cancel.store(true, Ordering::Relaxed);
    *pending = Pending::default();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_set_flag_stops_the_scan_and_progress_names_each_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("名册.csv"), "姓名,证件号\n张三,11010519491231002X\n").unwrap();
        std::fs::write(dir.path().join("台账.csv"), "项目,金额\n修路,12.5\n").unwrap();
        let paths = [dir.path().to_path_buf()];
        let mut seen = Vec::new();
        let scanned = run(&paths, &AtomicBool::new(false), Lang::Zh, |p| seen.push((p.done, p.total, p.file))).unwrap();
        assert_eq!(scanned.proposals.len(), 2);
        assert_eq!(seen, [(0, 2, "台账.csv".to_string()), (1, 2, "名册.csv".to_string())]);

        let err = run(&paths, &AtomicBool::new(true), Lang::En, |_| panic!("no file is read")).err().unwrap();
        assert_eq!(err.code, "cancelled");
    }

    #[test]
    fn only_indices_of_this_scan_are_accepted_each_once() {
        let proposal = |name: &str| Proposal {
            source: format!("{name}.csv"),
            resource: Resource { name: name.into(), ..Default::default() },
            rows: None,
            sampled: 0,
            quality: Vec::new(),
        };
        let proposals = [proposal("甲"), proposal("乙")];
        let names = |r: Vec<Resource>| r.into_iter().map(|r| r.name).collect::<Vec<_>>();
        assert_eq!(names(chosen(&proposals, vec![1, 1], Lang::Zh).unwrap()), ["乙"]);
        assert_eq!(chosen(&proposals, vec![0, 2], Lang::Zh).unwrap_err().code, "scan.stale");
        assert_eq!(chosen(&proposals, vec![], Lang::Zh).unwrap_err().code, "scan.stale");
    }
}
