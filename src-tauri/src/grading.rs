//! The grading questionnaire (定级, step 4): the answers go to the core, which suggests the
//! grade and what it allows; the officer confirms or overrides it with a reason. The UI holds
//! no rule: every suggestion shown comes from `mulu_core::grading`, and the use cases (as
//! `mulu grade answer` runs them) are `mulu_core::ops::grading`.

use mulu_core::error::ErrorPayload;
use mulu_core::grading::{Answers, Suggestion};
use mulu_core::ops::grading::{self, GradeRequest};
use mulu_core::ops::overview::{OverviewDelta, Touched};
use mulu_core::Lang;
use tauri::State;

use crate::commands::AppState;

#[tauri::command]
pub async fn grading_confirm(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    lang: Lang,
) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        grading::confirm(ws, &ids)?;
        state.delta(ws, Touched::Resources(&ids), lang)
    })
}

#[tauri::command]
pub async fn grading_start(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<Answers, ErrorPayload> {
    state.with(lang, |ws| grading::start(ws, id))
}

#[tauri::command]
pub async fn grading_suggest(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    answers: Answers,
    lang: Lang,
) -> Result<Vec<Suggestion>, ErrorPayload> {
    state.with(lang, |ws| grading::suggest(ws, &ids, &answers, lang))
}

#[tauri::command]
pub async fn grading_apply(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    answers: Answers,
    chosen: String,
    reason: Option<String>,
    lang: Lang,
) -> Result<OverviewDelta, ErrorPayload> {
    state.change(lang, |ws| {
        grading::apply(ws, &GradeRequest { ids: ids.clone(), answers, chosen: Some(chosen), reason }, lang)?;
        state.delta(ws, Touched::Resources(&ids), lang)
    })
}
