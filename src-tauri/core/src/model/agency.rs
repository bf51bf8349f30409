//! The agency (机构) whose catalog a workspace holds, and its information systems (信息系统).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::domain::{AgencyLevel, Coded, SystemFunding};

/// The agency profile.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Agency {
    pub name: Option<String>,
    /// 统一社会信用代码.
    pub uscc: Option<String>,
    /// 行政区划代码 (GB/T 2260; 6, 9 or 12 digits).
    pub division_code: Option<String>,
    #[ts(type = "string | null")]
    pub level: Option<Coded<AgencyLevel>>,
    /// 第一责任人: the agency's principal head, answerable for its government data (G Art. 26).
    pub principal_head: Option<String>,
    pub contact_name: Option<String>,
    pub contact_phone: Option<String>,
    /// 前段码 assigned by the bureau (类 项 目 [细目]); new resources are numbered under it.
    pub code_prefix: Option<String>,
    /// 目录期次: the catalog year.
    pub period: Option<String>,
}

/// 信息系统: a business system the agency runs; resources name it as their source.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct InfoSystem {
    pub name: String,
    /// Built with public funds (财政资金): such a system must have its resources catalogued (G Art. 17).
    pub public_funds: bool,
    /// 资金来源: fiscal investment, co-funded, purchased service or operated with public funds.
    #[ts(type = "string | null")]
    pub funding: Option<Coded<SystemFunding>>,
    pub description: Option<String>,
}

impl InfoSystem {
    /// Built, bought or run with public money in any of the four ways: its data must be
    /// catalogued (G Art. 17).
    pub fn needs_catalog(&self) -> bool {
        self.public_funds || self.funding.as_ref().is_some_and(|f| f.known().is_some())
    }
}
