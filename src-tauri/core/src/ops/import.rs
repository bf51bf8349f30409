//! Importing a catalog workbook (导入): read it (`sheets::read`, which holds no lock), preview
//! its effect, then commit that effect in one transaction — or, from the command line, both at
//! once.

use crate::error::Result;
use crate::rules::Context;
use crate::sheets::{self, apply::Effect, ImportPlan, Imported};
use crate::store::Workspace;

/// What importing would add, change and leave, with the findings; writes nothing. The effect is
/// kept until committed; a change to the workspace meanwhile makes it stale.
pub fn preview(ws: &Workspace, imported: Imported, ctx: &Context) -> Result<Effect> {
    sheets::plan(ws, imported, ctx)
}

/// Writes a previewed effect in one transaction (one change set, one undo).
pub fn commit(ws: &mut Workspace, effect: Effect) -> Result<ImportPlan> {
    sheets::commit(ws, effect)
}

/// Previews and commits at once: the findings are found while SQLite writes.
pub fn import(ws: &mut Workspace, imported: Imported, ctx: &Context) -> Result<ImportPlan> {
    let effect = sheets::apply::prepare(ws, imported, ctx)?;
    sheets::commit(ws, effect)
}
