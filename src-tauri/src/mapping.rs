//! The header-mapping screen's commands: the core's reading of the chosen workbook's headers
//! with the person's mapping applied, and saving or reusing a mapping (the same JSON as the
//! CLI's `--save-mapping` / `--mapping`).
//!
//! The top of each sheet is read once per workbook and kept with the import, so each change on
//! the screen is redrawn by the core without reading the file again. The dialogs open from Rust;
//! with `MULU_E2E=1`, `MULU_E2E_MAPPING_FILE` stands in for both (save, then open).

use std::sync::Arc;

use mulu_core::error::ErrorPayload;
use mulu_core::sheets::draft::{self, Drafts};
use mulu_core::sheets::header::Mapping;
use mulu_core::Lang;
use tauri::{AppHandle, Manager};

use crate::commands::{lock, AppState};
use crate::dialogs::{self, StandIn};
use crate::import::{chosen, internal};

/// The headers of the chosen workbook's data sheets, as an import with `mapping` would read them.
#[tauri::command]
pub async fn import_headers(app: AppHandle, mapping: Option<Mapping>, lang: Lang) -> Result<Drafts, ErrorPayload> {
    let path = chosen(&app, lang)?;
    if let Some(m) = &mapping {
        m.validate().map_err(|e| e.payload(lang))?;
    }
    let kept = lock(&app.state::<AppState>().import).heads.clone();
    let heads = match kept {
        Some(h) => h,
        None => {
            let read = tauri::async_runtime::spawn_blocking(move || draft::read_heads(&path))
                .await
                .map_err(|e| internal(e, lang))?
                .map_err(|e| e.payload(lang))?;
            let heads = Arc::new(read);
            lock(&app.state::<AppState>().import).heads = Some(heads.clone());
            heads
        }
    };
    Ok(draft::draft(&heads, mapping.as_ref()))
}

/// Saves the mapping where the person chooses; the path, or `null` when cancelled.
#[tauri::command]
pub async fn mapping_save(app: AppHandle, mapping: Mapping, lang: Lang) -> Result<Option<String>, ErrorPayload> {
    mapping.validate().map_err(|e| e.payload(lang))?;
    let title = crate::words::dialog("mapping.save", lang);
    let name = crate::words::dialog("mapping.file", lang);
    let out = dialogs::save(&app, StandIn::MappingFile, title, name, "json", lang).await?;
    let Some(out) = out else { return Ok(None) };
    let workspace = app.state::<AppState>().path().to_path_buf();
    mulu_core::output::check_output(&out, mulu_core::output::OutputKind::Json, Some(&workspace), &[], false)
        .map_err(|e| e.payload(lang))?;
    mapping.save(&out).map_err(|e| e.payload(lang))?;
    Ok(Some(out.display().to_string()))
}

/// Reads a saved mapping the person chooses; `null` when cancelled.
#[tauri::command]
pub async fn mapping_open(app: AppHandle, lang: Lang) -> Result<Option<Mapping>, ErrorPayload> {
    let title = crate::words::dialog("mapping.open", lang);
    let file = dialogs::open(&app, StandIn::MappingFile, title, ("JSON", &["json"]), true, lang).await?;
    file.map(|f| Mapping::load(&f)).transpose().map_err(|e| e.payload(lang))
}
