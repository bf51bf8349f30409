//! The status board (报送情况): where each expected submitter stands — nothing sent yet, a
//! package in review, returned, or approved — with its latest package's errors and date.

use serde::Serialize;
use ts_rs::TS;

use super::ReviewStatus;
use crate::error::Result;
use crate::store::Workspace;

/// Where an expected submitter stands, by its latest package.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum SubmitterState {
    NotSubmitted,
    /// Received, in review.
    Received,
    Returned,
    Approved,
}

#[derive(Debug, Clone, Serialize, TS)]
pub struct SubmitterStatus {
    pub uscc: String,
    pub name: String,
    pub level: Option<String>,
    pub state: SubmitterState,
    /// The latest package (by sequence), its validation errors here, its date (Bagging-Date).
    pub package_id: Option<String>,
    pub errors: Option<usize>,
    pub last_package_on: Option<String>,
    /// Packages received from it in all.
    pub packages: usize,
}

/// One row per expected submitter, by name.
pub fn board(ws: &Workspace) -> Result<Vec<SubmitterStatus>> {
    super::receive::require_bureau(ws)?;
    let received = ws.received()?;
    let rows = ws
        .submitters()?
        .into_iter()
        .map(|s| {
            let theirs: Vec<_> = received.iter().filter(|p| p.agency_uscc == s.uscc).collect();
            let latest = theirs.iter().max_by_key(|p| (p.sequence, p.received_at.as_str()));
            let state = match latest.map(|p| p.status) {
                None => SubmitterState::NotSubmitted,
                Some(ReviewStatus::InReview) => SubmitterState::Received,
                Some(ReviewStatus::Returned) => SubmitterState::Returned,
                Some(ReviewStatus::Approved) => SubmitterState::Approved,
            };
            SubmitterStatus {
                state,
                package_id: latest.map(|p| p.package_id.clone()),
                errors: latest.map(|p| p.errors),
                last_package_on: latest.map(|p| p.bagging_date.clone()),
                packages: theirs.len(),
                uscc: s.uscc,
                name: s.name,
                level: s.level,
            }
        })
        .collect();
    Ok(rows)
}
