//! The agency's side of the review: importing the bureau's signed receipt, and the tasks its
//! comments leave (shown by validation until addressed).

use std::path::Path;

use crate::error::Result;
use crate::review::receipt::{self, ReceiptImported};
use crate::review::tasks::{self, Task};
use crate::store::Workspace;

/// Imports a receipt for a package this workspace produced. `heard`: the bureau's key
/// fingerprint read over the phone, to trust its key now.
pub fn import(ws: &mut Workspace, path: &Path, heard: Option<&str>) -> Result<ReceiptImported> {
    receipt::import(ws, path, heard)
}

/// Every task from returned packages, with whether it is addressed.
pub fn tasks(ws: &Workspace) -> Result<Vec<Task>> {
    tasks::list(ws, &ws.catalog()?)
}

/// Marks a task dealt with although its field did not change.
pub fn resolve(ws: &mut Workspace, id: i64) -> Result<Task> {
    ws.resolve_task(id)?;
    tasks(ws)?.into_iter().find(|t| t.id == id).ok_or(crate::Error::TaskNotFound { id })
}
