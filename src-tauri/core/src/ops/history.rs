//! Undo and history, from the change log (修改记录): the last change set reversed (the whole of
//! a bulk edit, a grading or an import at once), and the changes, newest first.

use crate::error::Result;
use crate::store::{Change, Undone, Workspace};

/// Reverses the last change set; `None` when nothing is left to undo.
pub fn undo(ws: &mut Workspace) -> Result<Option<Undone>> {
    ws.undo()
}

/// The last `limit` changes, newest first: of resource `id` only when given (an unknown id is
/// an error, not an empty history), else of the whole workspace.
pub fn changes(ws: &Workspace, id: Option<i64>, limit: usize) -> Result<Vec<Change>> {
    if let Some(id) = id {
        ws.resource(id)?;
    }
    ws.history(id, limit)
}
