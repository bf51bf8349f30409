//! The secrecy review (保密审查, G Art. 24): recorded per resource, cleared by any later edit.

use crate::error::Result;
use crate::store::Workspace;

/// Which resources a review covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Selection {
    All,
    Ids(Vec<i64>),
}

impl Selection {
    /// `None` (the app's "all") is every resource.
    pub fn from_option(ids: Option<Vec<i64>>) -> Self {
        ids.map_or(Selection::All, Selection::Ids)
    }

    pub fn ids(self, ws: &Workspace) -> Result<Vec<i64>> {
        match self {
            Selection::All => Ok(ws.resources()?.into_iter().map(|r| r.id).collect()),
            Selection::Ids(ids) => Ok(ids),
        }
    }
}

/// Records `reviewer`'s review of the selected resources in one change set; a blank reviewer is
/// refused. Returns how many were recorded.
pub fn confirm(ws: &mut Workspace, which: Selection, reviewer: &str) -> Result<usize> {
    let ids = which.ids(ws)?;
    ws.confirm_secrecy_many(&ids, reviewer)
}
