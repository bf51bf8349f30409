//! The annual full maintenance (年度全面维护, G Art. 15): once a year every resource is either
//! confirmed unchanged — by whom, when — or updated (a resource changed after the campaign
//! started counts as reviewed, read from the change log). Starting the year's campaign carries
//! the catalog over: codes kept, the period (目录期次) advanced to the year, and the next package
//! numbered after the last. The year's package waits for the campaign, or for a recorded reason.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::store::{StoredCampaign, Workspace};

/// The years a campaign may be started for.
const YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;

/// How a resource was reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum ReviewKind {
    /// Confirmed unchanged (确认无变化).
    Confirmed,
    /// Changed during the campaign (已更新).
    Updated,
}

/// A resource reviewed in the campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Reviewed {
    #[ts(type = "number")]
    pub id: i64,
    /// Its code and name.
    pub resource: String,
    pub kind: ReviewKind,
    /// Who confirmed it; `None` for an update (the change log names no one).
    pub by: Option<String>,
    /// When it was confirmed, or first changed.
    pub at: String,
}

/// A resource still to review.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Pending {
    #[ts(type = "number")]
    pub id: i64,
    pub resource: String,
}

/// Where the year's campaign stands: n of N reviewed, what is left.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct CampaignStatus {
    pub year: i32,
    pub started_at: String,
    pub started_by: Option<String>,
    /// The number the next package gets.
    pub next_sequence: u32,
    pub total: usize,
    pub reviewed: usize,
    pub complete: bool,
    /// Reviewed resources, in catalog order.
    pub done: Vec<Reviewed>,
    /// Resources neither confirmed nor updated, in catalog order.
    pub left: Vec<Pending>,
}

/// What `start` did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Started {
    /// False when the year's campaign had been started before (left as it was).
    pub started: bool,
    pub status: CampaignStatus,
}

/// A name or reason as typed, cleaned; `None` when blank.
fn given(text: Option<&str>) -> Option<String> {
    text.map(crate::text::clean_line).filter(|n| !n.is_empty())
}

/// Starts the campaign of `year` (see the module's doc). Refused for a year outside 2000–2100
/// or before the latest campaign's.
pub fn start(ws: &mut Workspace, year: i32, by: Option<&str>) -> Result<Started> {
    let expected =
        "2000 至 2100 之间、不早于上一次全面维护的年份 / a year from 2000 to 2100, not before the last campaign's";
    let latest = ws.campaign(None)?.map(|c| c.year);
    if !YEARS.contains(&year) || latest.is_some_and(|l| year < l) {
        return Err(Error::invalid("maintenance.year", &year.to_string(), expected));
    }
    let (campaign, started) = ws.start_campaign(year, given(by).as_deref())?;
    Ok(Started { started, status: status_of(ws, campaign)? })
}

/// The latest campaign (or the one of `year`), as it stands.
pub fn status(ws: &Workspace, year: Option<i32>) -> Result<CampaignStatus> {
    let campaign = ws.campaign(year)?.ok_or(Error::MaintenanceNone)?;
    status_of(ws, campaign)
}

fn status_of(ws: &Workspace, c: StoredCampaign) -> Result<CampaignStatus> {
    let changed = ws.changed_since(c.mark)?;
    let confirmed: std::collections::HashMap<i64, (String, String)> =
        ws.confirmations(c.year)?.into_iter().map(|(id, _, by, at)| (id, (by, at))).collect();
    let mut done = Vec::new();
    let mut left = Vec::new();
    let resources = ws.resources()?;
    let total = resources.len();
    for s in resources {
        let resource = crate::rules::resource_label(&s.resource);
        let id = s.id;
        if let Some(at) = changed.get(&id) {
            done.push(Reviewed { id, resource, kind: ReviewKind::Updated, by: None, at: at.clone() });
        } else if let Some((by, at)) = confirmed.get(&id) {
            let (by, at) = (Some(by.clone()), at.clone());
            done.push(Reviewed { id, resource, kind: ReviewKind::Confirmed, by, at });
        } else {
            left.push(Pending { id, resource });
        }
    }
    Ok(CampaignStatus {
        year: c.year,
        started_at: c.started_at,
        started_by: c.started_by,
        next_sequence: ws.next_package_seq()?,
        total,
        reviewed: done.len(),
        complete: left.is_empty(),
        done,
        left,
    })
}

/// Confirms resources unchanged in the latest campaign, by `by`: those `selectors` name (code,
/// name or `#id`), or with `all` every one still left. All named are checked before any is
/// confirmed.
pub fn confirm(ws: &mut Workspace, selectors: &[String], all: bool, by: &str) -> Result<CampaignStatus> {
    let Some(by) = given(Some(by)) else {
        return Err(Error::invalid("maintenance.operator", by, "确认人的姓名 / the name of who confirms"));
    };
    let campaign = ws.campaign(None)?.ok_or(Error::MaintenanceNone)?;
    let mut targets = Vec::new();
    if all {
        let now = status_of(ws, campaign.clone())?;
        targets.extend(now.left.into_iter().map(|p| (p.id, p.resource)));
    }
    for sel in selectors {
        let id = ws.find(sel)?;
        targets.push((id, super::resources::label(ws, id)?));
    }
    ws.confirm_unchanged(campaign.year, &targets, &by)?;
    status_of(ws, campaign)
}

/// Whether a package may be made now: yes with no campaign or a complete one; with an
/// incomplete one only given a reason, which is returned to be kept with the version.
pub fn gate(ws: &Workspace, reason: Option<&str>) -> Result<Option<String>> {
    let Some(campaign) = ws.campaign(None)? else { return Ok(None) };
    let s = status_of(ws, campaign)?;
    if s.complete {
        return Ok(None);
    }
    match given(reason) {
        Some(r) => Ok(Some(r)),
        None => Err(Error::MaintenanceIncomplete { year: s.year, left: s.left.len(), total: s.total }),
    }
}
