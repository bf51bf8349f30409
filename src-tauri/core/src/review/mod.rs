//! The bureau's side (区县/市数据管理机构, Guiyang measures Art. 14): the agencies expected to
//! report ([`submitters`]), receiving their packages with nothing taken on trust ([`receive`]:
//! verified, validated again, compared with the last approved catalog — [`check`]), the review
//! resource by resource ([`decide`]) and the signed receipt (审核回执, [`receipt`]) that goes
//! back; on the agency's side, importing that receipt and the comments it returns as tasks
//! ([`tasks`]). The summary (汇总) builds on the received packages' stored catalogs.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::model::domain::AgencyLevel;
use crate::model::{Agency, Resource};

pub mod check;
pub mod conflicts;
pub mod decide;
pub mod receipt;
pub mod receive;
pub mod status;
pub mod submitters;
pub mod summary;
pub mod tasks;

#[cfg(test)]
mod tests;

/// Whether a workspace's agency is a bureau that receives packages: level 区县 or 市.
pub fn is_bureau(agency: &Agency) -> bool {
    matches!(agency.level.as_ref().and_then(|l| l.known()), Some(AgencyLevel::County | AgencyLevel::City))
}

/// A reviewer's verdict on one resource (or the package as a whole): 通过 or 退回.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewVerdict {
    Approved,
    Returned,
}

impl ReviewVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewVerdict::Approved => "approved",
            ReviewVerdict::Returned => "returned",
        }
    }

    pub fn parse(s: &str) -> Option<Self> {
        match s {
            "approved" => Some(ReviewVerdict::Approved),
            "returned" => Some(ReviewVerdict::Returned),
            _ => None,
        }
    }

    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            ReviewVerdict::Approved => lang.pick("通过", "approved"),
            ReviewVerdict::Returned => lang.pick("退回", "returned"),
        }
    }
}

/// Where a received package stands: in review until the receipt is issued, then approved or
/// returned for good.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum ReviewStatus {
    InReview,
    Approved,
    Returned,
}

/// How a resource is matched between packages and decisions: by code, or by name when it has
/// none (as `package::diff` matches them).
pub fn resource_key(code: Option<&str>, name: &str) -> String {
    match code {
        Some(c) => format!("code:{c}"),
        None => format!("name:{name}"),
    }
}

pub fn key_of(r: &Resource) -> String {
    resource_key(r.code.as_deref(), &r.name)
}

/// A reviewer's comment: on one field (a dotted key, `sharing.type`, `items[2].name`) or, with
/// no field, on the whole resource.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Comment {
    pub field: Option<String>,
    pub comment: String,
}
