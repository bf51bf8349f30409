//! Undo and history, from the core's change log: the last change set reversed (the whole of a
//! bulk edit, a grading or an import at once), and one resource's changes, newest first.

use mulu_core::error::ErrorPayload;
use mulu_core::ops;
use mulu_core::ops::overview::{OverviewDelta, Touched};
use mulu_core::store::{Change, Undone, Workspace};
use mulu_core::{Lang, Result};
use serde::Serialize;
use tauri::State;

use crate::commands::AppState;

/// How many of a resource's changes the history tab lists (an old catalog edited for years can
/// have thousands; the newest are the ones asked about).
pub const HISTORY_LIMIT: usize = 500;

/// What an undo reversed (`None`: nothing was left to undo), and what it changed in the overview.
#[derive(Serialize, ts_rs::TS)]
pub struct UndoAnswer {
    undone: Option<Undone>,
    delta: OverviewDelta,
}

/// One resource's changes, newest first; an unknown id is an error, not an empty history.
pub fn resource_changes(ws: &Workspace, id: i64) -> Result<Vec<Change>> {
    ops::history::changes(ws, Some(id), HISTORY_LIMIT)
}

#[tauri::command]
pub async fn undo(state: State<'_, AppState>, lang: Lang) -> Result<UndoAnswer, ErrorPayload> {
    state.change(lang, |ws| {
        let undone = ops::history::undo(ws)?;
        // An undo may touch any record: all rows are compared.
        Ok(UndoAnswer { undone, delta: state.delta(ws, Touched::Everything, lang)? })
    })
}

#[tauri::command]
pub async fn resource_history(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<Vec<Change>, ErrorPayload> {
    state.with(lang, |ws| resource_changes(ws, id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use mulu_core::ops::resources::{self, FieldText, ResourceEdit};

    fn add_resource(ws: &mut Workspace, name: &str) -> mulu_core::Result<i64> {
        resources::add(ws, &ResourceEdit { fields: vec![FieldText::new("name", name)], ..Default::default() })
    }

    /// The UI names each change by its action (ui/src/lib/history.ts): these are the ones the
    /// app's own edits record.
    #[test]
    fn a_resources_history_names_the_action_of_each_change() {
        let dir = tempfile::tempdir().unwrap();
        let mut ws = Workspace::open_or_create(&dir.path().join("h.mulu")).unwrap();
        let id = add_resource(&mut ws, "农村低保对象名册").unwrap();
        let other = add_resource(&mut ws, "村级集体资产台账").unwrap();
        resources::set_field(&mut ws, id, "abstract", "全镇农村低保对象的家庭成员及保障金发放情况").unwrap();
        resources::bulk_set(&mut ws, &[id, other], "update_cycle", "每月").unwrap();
        ws.undo().unwrap();

        let h = resource_changes(&ws, id).unwrap();
        let actions: Vec<&str> = h.iter().map(|c| c.action.as_str()).collect();
        assert_eq!(actions, ["undo resource.bulk", "resource.bulk", "resource.edit", "resource.add"], "newest first");
        assert_eq!(
            (h[0].path.as_str(), h[0].old.as_deref(), h[0].new.as_deref()),
            ("update_cycle", Some("\"每月\""), None)
        );
        assert!(h.iter().all(|c| c.entity_id == Some(id)), "only this resource's changes");
        assert!(resource_changes(&ws, 9999).is_err());
    }
}
