//! The grading questionnaire (定级, step 4): the answers go to the core, which suggests the
//! grade and what it allows; the officer confirms or overrides it with a reason. The UI holds
//! no rule: every suggestion shown comes from `mulu_core::grading`.

use mulu_core::error::ErrorPayload;
use mulu_core::grading::{self, Suggestion};
use mulu_core::model::Grading;
use mulu_core::overview::Overview;
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::AppState;

/// The questions' answers as the form holds them (`null`: not answered yet).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Answers {
    pub state_secret: Option<bool>,
    pub legal_restriction: Option<bool>,
    pub personal_or_commercial: Option<bool>,
    pub already_public: Option<bool>,
    pub basis: Option<String>,
}

impl Answers {
    fn grading(&self) -> Grading {
        Grading {
            state_secret: self.state_secret,
            legal_restriction: self.legal_restriction,
            personal_or_commercial: self.personal_or_commercial,
            already_public: self.already_public,
            basis: self.basis.as_deref().and_then(mulu_core::text::opt),
            ..Grading::default()
        }
    }

    fn from_grading(g: &Grading) -> Self {
        Answers {
            state_secret: g.state_secret,
            legal_restriction: g.legal_restriction,
            personal_or_commercial: g.personal_or_commercial,
            already_public: g.already_public,
            basis: g.basis.clone(),
        }
    }
}

/// The answers a resource starts with (recorded before, or "personal" from its items).
pub fn start(ws: &Workspace, id: i64) -> Result<Answers> {
    Ok(Answers::from_grading(&grading::default_answers(&ws.resource(id)?.resource)))
}

/// The suggestion for each resource (they can differ: personal items, declassification).
pub fn suggest_all(ws: &Workspace, ids: &[i64], answers: &Answers, lang: Lang) -> Result<Vec<Suggestion>> {
    let g = answers.grading();
    ids.iter().map(|&id| Ok(grading::suggest(&g, &ws.resource(id)?.resource, lang))).collect()
}

/// Applies the answers and the chosen grade to every resource. All are checked before any is
/// saved, so a refusal (an override without a reason) leaves every resource as it was.
pub fn apply_all(
    ws: &mut Workspace,
    ids: &[i64],
    answers: &Answers,
    chosen: &str,
    reason: Option<String>,
    lang: Lang,
) -> Result<()> {
    // One change set for all of them: the history says "grading", and one undo reverts it. Each
    // record is graded as stored at the moment of writing.
    ws.edit_resources("resource.grade", ids, |_, r| {
        grading::apply(r, answers.grading(), chosen, reason.clone(), lang)
    })?;
    Ok(())
}

/// The officer takes the grades of `ids` taken from a spreadsheet or a scan as the agency's own:
/// one change set, one undo. Returns how many were still to confirm.
pub fn confirm_all(ws: &mut Workspace, ids: &[i64]) -> Result<usize> {
    Ok(ws.confirm_grades(ids)?.len())
}

#[tauri::command]
pub async fn grading_confirm(state: State<'_, AppState>, ids: Vec<i64>, lang: Lang) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        confirm_all(ws, &ids)?;
        mulu_core::overview::overview(ws, &Context::now(lang))
    })
}

#[tauri::command]
pub async fn grading_start(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<Answers, ErrorPayload> {
    state.with(lang, |ws| start(ws, id))
}

#[tauri::command]
pub async fn grading_suggest(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    answers: Answers,
    lang: Lang,
) -> Result<Vec<Suggestion>, ErrorPayload> {
    state.with(lang, |ws| suggest_all(ws, &ids, &answers, lang))
}

#[tauri::command]
pub async fn grading_apply(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    answers: Answers,
    chosen: String,
    reason: Option<String>,
    lang: Lang,
) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        apply_all(ws, &ids, &answers, &chosen, reason, lang)?;
        mulu_core::overview::overview(ws, &Context::now(lang))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::model::DataItem;

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open_or_create(&dir.path().join("t.mulu")).unwrap();
        (dir, ws)
    }

    fn add(ws: &mut Workspace, name: &str, personal: bool) -> i64 {
        let mut r = mulu_core::sample::resource();
        r.name = name.into();
        r.sensitivity = None;
        r.grading = None;
        r.items = vec![DataItem { name: "姓名".into(), is_personal: personal, ..DataItem::default() }];
        ws.add_resource(r).unwrap()
    }

    #[test]
    fn personal_items_prefill_the_answer_and_suggest_internal() {
        let (_d, mut ws) = workspace();
        let id = add(&mut ws, "低保名册", true);
        let a = start(&ws, id).unwrap();
        assert_eq!(a.personal_or_commercial, Some(true));
        let s = suggest_all(&ws, &[id], &a, Lang::Zh).unwrap();
        assert_eq!(s[0].sensitivity, "内部");
        assert!(s[0].open_types.contains(&"有条件开放".to_string()), "{:?}", s[0].open_types);
    }

    #[test]
    fn bulk_grading_applies_to_all_and_an_override_needs_a_reason() {
        let (_d, mut ws) = workspace();
        let ids = [add(&mut ws, "道路养护记录", false), add(&mut ws, "路灯维修记录", false)];
        let answers = Answers { already_public: Some(true), ..Answers::default() };
        let err = apply_all(&mut ws, &ids, &answers, "内部", None, Lang::Zh).unwrap_err();
        assert_eq!(err.payload(Lang::Zh).field.as_deref(), Some("grading.reason"));
        assert!(ws.resource(ids[0]).unwrap().resource.grading.is_none(), "a refusal saves nothing");

        apply_all(&mut ws, &ids, &answers, "公开", None, Lang::Zh).unwrap();
        for id in ids {
            let r = ws.resource(id).unwrap().resource;
            assert_eq!(r.sensitivity.as_ref().map(|s| s.as_str()), Some("公开"));
            let g = r.grading.unwrap();
            assert_eq!(g.already_public, Some(true));
            assert!(g.reason.is_some(), "the suggestion's reason is kept");
        }

        apply_all(&mut ws, &ids[..1], &answers, "内部", Some("含未公开的养护合同金额".into()), Lang::Zh).unwrap();
        let g = ws.resource(ids[0]).unwrap().resource.grading.unwrap();
        assert_eq!(g.reason.as_deref(), Some("含未公开的养护合同金额"));
        assert_eq!(g.suggested.as_ref().map(|s| s.as_str()), Some("公开"));

        ws.undo().unwrap();
        let undone = ws.undo().unwrap().unwrap();
        assert_eq!(undone.action, "resource.grade", "grading is named in the history");
        for id in ids {
            assert!(ws.resource(id).unwrap().resource.sensitivity.is_none(), "one undo ungrades both");
        }
    }

    #[test]
    fn the_questionnaire_and_the_confirm_button_both_confirm_an_imported_grade() {
        let (_d, mut ws) = workspace();
        let ids = [add(&mut ws, "道路养护记录", false), add(&mut ws, "路灯维修记录", false)];
        for &id in &ids {
            ws.edit_resource(id, |r| {
                mulu_core::model::fields::set(r, "sensitivity", "公开")?;
                r.mark_grade_unconfirmed(mulu_core::model::GradeOrigin::Import);
                Ok(())
            })
            .unwrap();
        }
        let to_confirm = |ws: &Workspace| {
            let o = mulu_core::overview::overview(ws, &Context::now(Lang::Zh)).unwrap();
            o.resources.iter().filter(|r| r.grade_unconfirmed.is_some()).count()
        };
        assert_eq!(to_confirm(&ws), 2);
        let answers = Answers { already_public: Some(true), ..Answers::default() };
        apply_all(&mut ws, &ids[..1], &answers, "公开", None, Lang::Zh).unwrap();
        assert_eq!(to_confirm(&ws), 1, "answering the questionnaire confirms");
        assert_eq!(confirm_all(&mut ws, &ids).unwrap(), 1, "the other one, by the button");
        assert_eq!(to_confirm(&ws), 0);
        assert_eq!(ws.undo().unwrap().unwrap().action, mulu_core::store::GRADE_CONFIRM_ACTION);
        assert_eq!(to_confirm(&ws), 1);
    }
}
