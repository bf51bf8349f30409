//! 信息资源 (`Resource`) and 信息项 (`DataItem`): the national guide's 13 core metadata
//! elements plus the Guiyang additions (domain.md §4).

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::domain::{
    Coded, DataType, FormatClass, MethodClass, OpenMethod, OpenType, Sensitivity, SharingType, UpdateCycle,
};

/// 信息资源分类: 类 / 项 / 目 / 细目 (domain.md §3.1).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Classification {
    pub class: Option<String>,
    pub item: Option<String>,
    pub category: Option<String>,
    pub subcategory: Option<String>,
}

/// 信息资源格式: class and type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Format {
    #[ts(type = "string | null")]
    pub class: Option<Coded<FormatClass>>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// 共享方式: class (共享平台方式 / 其他方式) and type.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SharingMethod {
    #[ts(type = "string | null")]
    pub class: Option<Coded<MethodClass>>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
}

/// 共享属性.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Sharing {
    #[serde(rename = "type")]
    #[ts(type = "string | null")]
    pub kind: Option<Coded<SharingType>>,
    /// 共享条件: for conditional sharing, who may use it and for what; for 不予共享, the reason.
    pub condition: Option<String>,
    /// 依据: the law, regulation, rule or document that justifies a restriction.
    pub basis: Option<String>,
    pub method: SharingMethod,
}

/// 开放属性.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Open {
    #[serde(rename = "type")]
    #[ts(type = "string | null")]
    pub kind: Option<Coded<OpenType>>,
    pub condition: Option<String>,
    /// 开放依据: the law or regulation that provides for opening it (G Art. 9: internal data
    /// is opened "按照法律法规规定" or desensitised).
    pub basis: Option<String>,
    /// Declassified (涉密) or desensitised (内部): Art. 9 lets such data be opened.
    pub declassified: bool,
    /// 开放方式: download, API or on application (G Art. 25; S Art. 8).
    #[ts(type = "string | null")]
    pub method: Option<Coded<OpenMethod>>,
    /// 访问或下载地址: where the data or its API is reached.
    pub address: Option<String>,
    /// 申请渠道: where and how to apply (for 依申请 and 有条件开放).
    pub apply: Option<String>,
}

/// Where a grade the officer has not confirmed yet came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum GradeOrigin {
    /// Read from a spreadsheet (导入的定级).
    Import,
    /// Proposed by the scan of a data file (梳理).
    Scan,
}

/// 定级依据: the questionnaire answers and the reason for the grade (domain.md §6.2).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Grading {
    /// Where the grade came from while the officer has not confirmed it (G Art. 9: the agency
    /// grades its data, a spreadsheet or a scan only proposes); `None` once confirmed. Grades
    /// stored before this marker existed read as confirmed.
    pub unconfirmed: Option<GradeOrigin>,
    pub state_secret: Option<bool>,
    pub legal_restriction: Option<bool>,
    pub personal_or_commercial: Option<bool>,
    pub already_public: Option<bool>,
    pub basis: Option<String>,
    #[ts(type = "string | null")]
    pub suggested: Option<Coded<Sensitivity>>,
    pub reason: Option<String>,
}

/// 保密审查: who confirmed it and when; cleared by any later edit of the resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct SecrecyReview {
    pub reviewer: String,
    pub at: String,
}

/// 信息项: one field (column) of a resource.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct DataItem {
    pub name: String,
    #[ts(type = "string | null")]
    pub data_type: Option<Coded<DataType>>,
    /// A positive integer, or `p,s` for numbers; kept as written and checked by the rules.
    pub length: Option<String>,
    /// The item identifies a person or an organisation (ID number, USCC…).
    pub is_identifier: bool,
    /// The item is personal information.
    pub is_personal: bool,
    pub description: Option<String>,
}

/// 信息资源: one catalogued body of data.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Resource {
    /// 3 信息资源代码, e.g. `352111009/000001`.
    pub code: Option<String>,
    /// 2 信息资源名称.
    pub name: String,
    /// 1 信息资源分类; derived from the code when not given.
    pub classification: Option<Classification>,
    /// 4 信息资源提供方.
    pub provider_name: Option<String>,
    /// 5 信息资源提供方代码 (the provider's USCC).
    pub provider_code: Option<String>,
    /// 6 信息资源摘要.
    #[serde(rename = "abstract")]
    pub summary: Option<String>,
    /// 7 信息资源格式.
    pub format: Format,
    /// 8 信息项信息.
    pub items: Vec<DataItem>,
    /// 敏感程度 (G Art. 9).
    #[ts(type = "string | null")]
    pub sensitivity: Option<Coded<Sensitivity>>,
    /// 9 共享属性.
    pub sharing: Sharing,
    /// 10 开放属性.
    pub open: Open,
    /// 11 更新周期.
    #[ts(type = "string | null")]
    pub update_cycle: Option<Coded<UpdateCycle>>,
    /// 12 发布日期, ISO `YYYY-MM-DD` when recognised, else as written.
    pub published_on: Option<String>,
    /// 最近更新日期 (G Art. 21: data kept current), ISO `YYYY-MM-DD` when recognised.
    pub updated_on: Option<String>,
    /// 13 关联资源代码.
    pub related_codes: Vec<String>,
    /// 来源业务 (G Art. 11).
    pub source_business: Option<String>,
    /// 来源系统: the name of one of the agency's information systems.
    pub source_system: Option<String>,
    /// 使用要求 (G Art. 11).
    pub usage_requirements: Option<String>,
    /// 类别 (Guizhou classification-guide category).
    pub category: Option<String>,
    /// 数据量: number of records.
    pub record_count: Option<String>,
    /// 数据量: size in GB.
    pub data_volume_gb: Option<String>,
    /// 备注; unknown spreadsheet columns land here as `列名: 值` lines.
    pub notes: Option<String>,
    pub grading: Option<Grading>,
    pub secrecy_review: Option<SecrecyReview>,
    /// Registry-only text fields (`stored = "extra"` in data/fields.toml), by key: a field
    /// added by its registry entry alone. Left out of the JSON when empty, so files written
    /// before it and after it are the same.
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    #[ts(as = "Option<std::collections::BTreeMap<String, String>>", optional)]
    pub extra: std::collections::BTreeMap<String, String>,
    /// 来源: the approved packages this resource came through, the cataloguing agency's first,
    /// then each bureau that summarized it (township → district → city). Empty in an agency's
    /// own catalog, and then left out of the JSON.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Provenance>>", optional)]
    pub provenance: Vec<Provenance>,
}

/// One step of a summarized resource's way up: the agency whose approved package carried it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Provenance {
    pub agency_uscc: String,
    pub agency_name: String,
    /// 机构层级 of that agency, as its package states it (乡镇, 区县…).
    pub agency_level: Option<String>,
    /// The package's `External-Identifier`.
    pub package_id: String,
    /// The SM2 key that signed it (hex fingerprint).
    pub signer_fingerprint: String,
    /// The day the bureau approved it (its receipt's date), `YYYY-MM-DD`.
    pub approved_on: String,
}

impl Resource {
    pub fn sharing_type(&self) -> Option<SharingType> {
        self.sharing.kind.as_ref().and_then(Coded::known)
    }
    pub fn open_type(&self) -> Option<OpenType> {
        self.open.kind.as_ref().and_then(Coded::known)
    }
    pub fn sensitivity(&self) -> Option<Sensitivity> {
        self.sensitivity.as_ref().and_then(Coded::known)
    }

    /// Where the grade came from, while it is one the officer has yet to confirm.
    pub fn unconfirmed_grade(&self) -> Option<GradeOrigin> {
        self.sensitivity.as_ref()?;
        self.grading.as_ref()?.unconfirmed
    }

    /// Marks the grade as taken from `origin`, for the officer to confirm; nothing without a grade.
    pub fn mark_grade_unconfirmed(&mut self, origin: GradeOrigin) {
        if self.sensitivity.is_some() {
            self.grading.get_or_insert_with(Grading::default).unconfirmed = Some(origin);
        }
    }

    /// The officer confirms the grade: the marker goes. Returns whether there was one.
    pub fn confirm_grade(&mut self) -> bool {
        let Some(g) = self.grading.as_mut() else { return false };
        let had = g.unconfirmed.take().is_some();
        if *g == Grading::default() {
            self.grading = None;
        }
        had
    }

    /// 共享目录 view: 无条件共享 or 有条件共享.
    pub fn in_sharing_catalog(&self) -> bool {
        matches!(self.sharing_type(), Some(SharingType::Unconditional | SharingType::Conditional))
    }

    /// Whether Art. 9 lets the resource be opened to society at all, whatever its open type
    /// says: 公开 data is; 内部 data only by a named legal provision or desensitised; 涉密 data
    /// only once declassified or desensitised. An ungraded resource is not.
    pub fn opening_permitted(&self) -> bool {
        match self.sensitivity() {
            Some(Sensitivity::Public) => true,
            Some(Sensitivity::Internal) => {
                self.open.declassified || self.open.basis.as_deref().is_some_and(super::basis::names_document)
            }
            Some(Sensitivity::Classified) => self.open.declassified,
            None => false,
        }
    }

    /// 开放目录 view: 无条件开放 or 有条件开放, and permitted by Art. 9 — a 涉密 resource
    /// marked 有条件开放 but not declassified is never published (views, DCAT, the package).
    pub fn in_open_catalog(&self) -> bool {
        matches!(self.open_type(), Some(OpenType::Unconditional | OpenType::Conditional)) && self.opening_permitted()
    }

    /// Fills the classification from the code when it has none (domain.md §3.2).
    pub fn derive_classification(&mut self) {
        if self.classification.is_none() {
            if let Some(code) = self.code.as_deref().and_then(crate::ids::code::ResourceCode::parse) {
                self.classification = Some(code.classification());
            }
        }
    }
}
