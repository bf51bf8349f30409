//! The workspace (工作区) itself: made with the agency's profile (`mulu init`).

use std::path::Path;

use crate::error::{Error, Result};
use crate::ops::resources::{self, FieldText};
use crate::store::Workspace;

/// Creates the workspace at `path` with the agency profile's fields from typed text. A file that
/// already holds a profile is refused (`workspace.exists`), never overwritten; one without (made
/// by an import, or an earlier `init` that failed on a value) gets it.
/// `operator`, when given, is kept as the workspace's operator (经办人) and signs every change set.
pub fn init(path: &Path, agency: &[FieldText], operator: Option<&str>) -> Result<Workspace> {
    if path.exists() && Workspace::open(path)?.has_agency()? {
        return Err(Error::AlreadyExists { path: path.to_path_buf() });
    }
    let mut ws = Workspace::open_or_create(path)?;
    if let Some(name) = operator {
        ws.set_operator(name)?;
    }
    resources::set_agency(&mut ws, agency)?;
    Ok(ws)
}
