//! Editing from the forms: the agency profile and resources, one field at a time, through the
//! core's use cases (`mulu_core::ops::resources`, as the CLI does). Every command answers with
//! what the edit changed in the overview (`ops::overview`): the rows whose findings it raised or
//! cleared and the catalog's counts, not all 20,000 rows again.

use mulu_core::error::ErrorPayload;
use mulu_core::ids::{uscc, Invalid};
use mulu_core::ops::overview::{OverviewDelta, Touched};
use mulu_core::ops::resources::{self, FieldText, ItemInput, ResourceEdit};
use mulu_core::Lang;
use serde::Serialize;
use tauri::State;

use crate::commands::AppState;

/// The USCC as typed, normalised as the profile will store it, and why it is wrong (if it is).
#[derive(Debug, Serialize, PartialEq, ts_rs::TS)]
pub struct UsccCheck {
    pub normalized: String,
    /// What is wrong: `length`, `character`, `check` or `structure`; `null` when it is valid.
    #[ts(type = "\"length\" | \"character\" | \"check\" | \"structure\" | null")]
    pub problem: Option<&'static str>,
    pub reason: Option<String>,
}

pub fn check_uscc_text(text: &str, lang: Lang) -> UsccCheck {
    let normalized = mulu_core::text::clean_code(text).to_uppercase();
    let invalid = if normalized.is_empty() { None } else { uscc::validate(&normalized).err() };
    // A short code is only "too short" while it is being typed, unless a character typed so far
    // is already impossible: that is said at once (found by checking the code padded with 0s).
    let count = normalized.chars().count();
    let invalid = match invalid {
        Some(Invalid::Length { .. }) if count < 18 => {
            let padded: String = normalized.chars().chain(std::iter::repeat('0')).take(18).collect();
            match uscc::validate(&padded) {
                Err(e @ Invalid::Character { .. }) => Some(e),
                _ => invalid,
            }
        }
        other => other,
    };
    let problem = invalid.as_ref().map(|e| match e {
        Invalid::Length { .. } => "length",
        Invalid::Character { .. } => "character",
        Invalid::CheckCharacter { .. } => "check",
        _ => "structure",
    });
    UsccCheck { normalized, problem, reason: invalid.map(|e| e.describe(lang)) }
}

#[tauri::command]
pub async fn update_agency_field(
    state: State<'_, AppState>,
    key: String,
    text: String,
    lang: Lang,
) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        resources::set_agency(ws, &[FieldText { key, text }])?;
        // The agency is every resource's provider: all rows are compared.
        state.delta(ws, Touched::Everything, lang)
    })
}

#[tauri::command]
pub fn check_uscc(text: String, lang: Lang) -> UsccCheck {
    check_uscc_text(&text, lang)
}

#[tauri::command]
pub async fn update_resource_field(
    state: State<'_, AppState>,
    id: i64,
    key: String,
    text: String,
    lang: Lang,
) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        resources::set_field(ws, id, &key, &text)?;
        state.delta(ws, Touched::Resources(&[id]), lang)
    })
}

#[tauri::command]
pub async fn update_items(
    state: State<'_, AppState>,
    id: i64,
    items: Vec<ItemInput>,
    lang: Lang,
) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        resources::set_items(ws, id, &items)?;
        state.delta(ws, Touched::Resources(&[id]), lang)
    })
}

/// How many resources a bulk edit changed, and what it changed in the overview.
#[derive(Serialize, ts_rs::TS)]
pub struct Bulked {
    changed: usize,
    delta: OverviewDelta,
}

/// Sets one field to one value on the selected resources: one transaction, one change set, so
/// one undo reverts it.
#[tauri::command]
pub async fn bulk_set_field(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    key: String,
    text: String,
    lang: Lang,
) -> Result<Bulked, ErrorPayload> {
    state.change(lang, |ws| {
        let changed = resources::bulk_set(ws, &ids, &key, &text)?;
        Ok(Bulked { changed, delta: state.delta(ws, Touched::Resources(&ids), lang)? })
    })
}

#[derive(Serialize, ts_rs::TS)]
pub struct Added {
    #[ts(type = "number")]
    id: i64,
    delta: OverviewDelta,
}

#[tauri::command]
pub async fn create_resource(state: State<'_, AppState>, name: String, lang: Lang) -> Result<Added, ErrorPayload> {
    state.change(lang, |ws| {
        let id = resources::add(
            ws,
            &ResourceEdit { fields: vec![FieldText { key: "name".into(), text: name }], ..Default::default() },
        )?;
        Ok(Added { id, delta: state.delta(ws, Touched::Resources(&[id]), lang)? })
    })
}

#[tauri::command]
pub async fn delete_resource(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        resources::remove(ws, id)?;
        state.delta(ws, Touched::Resources(&[id]), lang)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const USCC: &str = "115201110091453295";

    #[test]
    fn uscc_as_typed() {
        assert_eq!(check_uscc_text("", Lang::Zh), UsccCheck { normalized: String::new(), problem: None, reason: None });
        assert_eq!(check_uscc_text(&format!(" {USCC} "), Lang::Zh).reason, None);
        let short = check_uscc_text("1152011100914", Lang::Zh);
        assert_eq!(short.reason.as_deref(), Some("应为 18 位，实为 13 位"));
        assert_eq!(short.problem, Some("length"), "the UI says \"keep typing\" instead while the field has focus");
        let bad_char = check_uscc_text("91520IO", Lang::Zh);
        assert_eq!(bad_char.problem, Some("character"), "an impossible letter is said at once: {bad_char:?}");
        assert_eq!(check_uscc_text("91520111MA6HIOOOOO", Lang::Zh).problem, Some("character"));
        let typo = check_uscc_text("115201110091453296", Lang::En).reason.unwrap();
        assert!(typo.contains("check character"), "{typo}");
    }
}
