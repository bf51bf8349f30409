//! Grading (定级) with the questionnaire's answers, for one resource or many, and confirming
//! grades taken from a spreadsheet or a scan.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::Result;
use crate::grading::{self, Answers, Suggestion};
use crate::i18n::Lang;
use crate::store::Workspace;

/// Grade `ids` with `answers`: `chosen` is the grade the officer took (one for all, as the app's
/// form does), `null` to take each resource's own suggestion (they can differ: personal items,
/// declassification). A grade other than the suggestion needs `reason`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct GradeRequest {
    #[ts(type = "Array<number>")]
    pub ids: Vec<i64>,
    pub answers: Answers,
    pub chosen: Option<String>,
    pub reason: Option<String>,
}

/// The answers a resource starts with (recorded before, or "personal" from its items).
pub fn start(ws: &Workspace, id: i64) -> Result<Answers> {
    Ok(Answers::from(&grading::default_answers(&ws.resource(id)?.resource)))
}

/// The suggestion for each resource, in the order of `ids`.
pub fn suggest(ws: &Workspace, ids: &[i64], answers: &Answers, lang: Lang) -> Result<Vec<Suggestion>> {
    let g = answers.to_grading();
    ids.iter().map(|&id| Ok(grading::suggest(&g, &ws.resource(id)?.resource, lang))).collect()
}

/// Applies the answers and the grade to every resource, each as stored at the moment of
/// writing, in one change set named `resource.grade` (one undo reverts it). All are checked
/// before any is saved: a refusal (an override without a reason) leaves every resource as it
/// was. Answering confirms an imported grade. Returns how many changed.
pub fn apply(ws: &mut Workspace, req: &GradeRequest, lang: Lang) -> Result<usize> {
    let answers = req.answers.to_grading();
    ws.edit_resources("resource.grade", &req.ids, |_, r| {
        let chosen = match &req.chosen {
            Some(c) => c.clone(),
            None => grading::suggest(&answers, r, lang).sensitivity,
        };
        grading::apply(r, answers.clone(), &chosen, req.reason.clone(), lang)
    })
}

/// The officer takes the grades of `ids` as the agency's own: one change set, one undo. Returns
/// the ids that were still to confirm.
pub fn confirm(ws: &mut Workspace, ids: &[i64]) -> Result<Vec<i64>> {
    ws.confirm_grades(ids)
}

/// The resources whose grade is still to be confirmed by the agency (imported or suggested).
pub fn unconfirmed(ws: &Workspace) -> Result<Vec<i64>> {
    ws.unconfirmed_grades()
}
