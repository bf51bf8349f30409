//! Step 6's exports: which resources each of the three catalogs holds (`ops::catalog::views`),
//! and the catalog workbook, the fill-in template and the DCAT file, each written
//! where the person chooses in a native save dialog driven from Rust.
//!
//! E2E hook: with `MULU_E2E=1`, `MULU_E2E_EXPORT_DIR` stands in for the dialogs: the file is
//! written there under its default name.

use std::path::Path;

use mulu_core::error::ErrorPayload;
use mulu_core::ops::{self, export::ExportKind as Kind};
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};
use tauri::{AppHandle, Manager, State};

use crate::commands::AppState;
use crate::dialogs::{self, StandIn};

/// The export's default file name, in the person's language.
fn file_name(kind: Kind, lang: Lang) -> &'static str {
    match kind {
        Kind::Catalog => crate::words::dialog("export.catalog", lang),
        Kind::Template => crate::words::dialog("export.template", lang),
        Kind::Dcat => crate::words::dialog("export.dcat", lang),
    }
}

fn ext(kind: Kind) -> &'static str {
    match kind {
        Kind::Dcat => "jsonld",
        _ => "xlsx",
    }
}

/// Writes one export to `out`. The save dialog asked before replacing a file; one of another
/// kind (the workspace, a key, a package) is refused whatever was answered.
pub fn write(ws: &Workspace, kind: Kind, out: &Path) -> Result<()> {
    ops::export::write(ws, kind, out, false, &mulu_core::rules::Context::now(Lang::Zh)).map(|_| ())
}

#[tauri::command]
pub async fn catalog_views(
    state: State<'_, AppState>,
    lang: Lang,
) -> std::result::Result<ops::catalog::Views, ErrorPayload> {
    state.with(lang, ops::catalog::views)
}

/// Writes one export where the person chooses; its path, or `null` when cancelled.
#[tauri::command]
pub async fn export_file(app: AppHandle, kind: Kind, lang: Lang) -> std::result::Result<Option<String>, ErrorPayload> {
    let name = file_name(kind, lang);
    let title = crate::words::dialog("export.title", lang);
    let out = dialogs::save(&app, StandIn::ExportDir, title, name, ext(kind), lang).await?;
    let Some(out) = out else { return Ok(None) };
    let handle = app.clone();
    let written = out.clone();
    tauri::async_runtime::spawn_blocking(move || handle.state::<AppState>().with(lang, |ws| write(ws, kind, &written)))
        .await
        .map_err(|e| ErrorPayload { code: "internal".into(), message: e.to_string(), field: None })??;
    Ok(Some(out.display().to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn views_follow_the_core_and_each_export_writes_its_file() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open_or_create(&dir.path().join("w.mulu")).unwrap();
        ws.set_agency(&mulu_core::sample::agency()).unwrap();
        let shared = ws.add_resource(mulu_core::sample::resource()).unwrap();
        let mut closed = mulu_core::sample::resource();
        closed.name = "内部台账".into();
        closed.code = None;
        mulu_core::model::fields::set(&mut closed, "sharing.type", "不予共享").unwrap();
        mulu_core::model::fields::set(&mut closed, "open.type", "不予开放").unwrap();
        let hidden = ws.add_resource(closed).unwrap();
        let v = ops::catalog::views(&ws).unwrap();
        assert_eq!(v.resource, vec![shared, hidden]);
        assert!(!v.sharing.contains(&hidden) && !v.open.contains(&hidden));
        for kind in [Kind::Catalog, Kind::Template, Kind::Dcat] {
            let out = dir.path().join(file_name(kind, Lang::Zh));
            write(&ws, kind, &out).unwrap();
            assert!(std::fs::metadata(&out).unwrap().len() > 0, "{kind:?}");
        }
    }

    /// The save dialog asked "replace?"; the workspace itself, or a file of another kind (the
    /// catalog workbook where the DCAT file goes), is refused whatever was answered.
    #[test]
    fn an_export_refuses_the_workspace_and_files_of_another_kind() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("w.mulu");
        let ws = Workspace::open_or_create(&path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let err = write(&ws, Kind::Catalog, &path).unwrap_err();
        assert_eq!(err.payload(Lang::Zh).code, "output.workspace");
        assert_eq!(std::fs::read(&path).unwrap(), before, "the workspace untouched");
        let book = dir.path().join("目录.xlsx");
        write(&ws, Kind::Catalog, &book).unwrap();
        write(&ws, Kind::Catalog, &book).unwrap();
        let err = write(&ws, Kind::Dcat, &book).unwrap_err().payload(Lang::En);
        assert_eq!(err.code, "output.other_kind");
        assert!(err.message.contains("a workbook") && !err.message.contains("--force"), "{}", err.message);
    }
}
