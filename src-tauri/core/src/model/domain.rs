//! Value domains (值域): the closed lists of the national guide, loaded from `data/domains.toml`.
//!
//! The variants are code (rules depend on them); their spellings, labels and synonyms are data.
//! A value outside its domain is never dropped or guessed: it is kept as written in
//! [`Coded::Raw`] and the rules raise `field.domain` on it.

use std::collections::HashMap;
use std::sync::OnceLock;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::i18n::Lang;
use crate::text::match_key;

#[derive(Debug, Deserialize)]
pub struct Entry {
    pub value: String,
    #[serde(default)]
    pub code: Option<String>,
    pub en: String,
    #[serde(default)]
    pub synonyms: Vec<String>,
    #[serde(default)]
    pub types: Vec<String>,
    /// Update cycles: the days after the last update that make it late (`update.overdue`).
    #[serde(default)]
    pub overdue_days: Option<u32>,
}

#[derive(Debug, Deserialize)]
pub struct Tables {
    pub sensitivity: Vec<Entry>,
    pub sharing_type: Vec<Entry>,
    pub open_type: Vec<Entry>,
    pub open_method: Vec<Entry>,
    pub update_cycle: Vec<Entry>,
    pub data_type: Vec<Entry>,
    pub format_class: Vec<Entry>,
    pub method_class: Vec<Entry>,
    pub agency_level: Vec<Entry>,
    pub system_funding: Vec<Entry>,
    pub method_type_synonyms: HashMap<String, Vec<String>>,
    pub identity: IdentityNames,
    pub personal_open: PersonalOpen,
    pub legal_basis: BasisWords,
    pub lead: Vec<Lead>,
}

/// A base or thematic resource class (类 1/2 and its 项) and the agency that leads its catalog
/// (G Art. 12; S Art. 11). Thematic resources name no department: their lead is the agency
/// leading the joint project.
#[derive(Debug, Deserialize)]
pub struct Lead {
    pub class: String,
    pub item: String,
    pub name: crate::i18n::Text,
    #[serde(default)]
    pub lead: Option<crate::i18n::Text>,
}

/// Words in a data item's name that reveal personal information no open catalog may carry
/// undesensitised (G Arts. 9, 23).
#[derive(Debug, Deserialize)]
pub struct PersonalOpen {
    pub within: Vec<String>,
}

/// Words that tell a named legal document from a vague reference (S Art. 12).
#[derive(Debug, Deserialize)]
pub struct BasisWords {
    pub title_suffixes: Vec<String>,
    pub generic_words: Vec<String>,
    pub lead_words: Vec<String>,
    pub law_not_after: Vec<String>,
}

/// Data-item names that reveal identifiers and personal data (domain.md §6.3, G Art. 18): whole
/// names, and words looked for inside a longer name (`*_within`).
#[derive(Debug, Deserialize)]
pub struct IdentityNames {
    pub person_id: Vec<String>,
    pub person_id_within: Vec<String>,
    pub entity_id_within: Vec<String>,
    pub entity_licence_within: Vec<String>,
    pub entity_superseded_within: Vec<String>,
    pub personal: Vec<String>,
    pub personal_within: Vec<String>,
    pub personal_suffix: Vec<String>,
    pub personal_suffix_exclude: Vec<String>,
    pub entity: Vec<String>,
    pub entity_within: Vec<String>,
}

struct Loaded {
    tables: Tables,
    /// Per domain: match key → index of the entry.
    index: HashMap<&'static str, HashMap<String, usize>>,
    /// Per domain: each spelling exactly as listed → index of the entry.
    exact: HashMap<&'static str, HashMap<String, usize>>,
    /// Method type match key → canonical type.
    method_types: HashMap<String, String>,
}

const DOMAINS_TOML: &str = include_str!("../../data/domains.toml");

fn loaded() -> &'static Loaded {
    static L: OnceLock<Loaded> = OnceLock::new();
    L.get_or_init(|| {
        // The file is compiled in and covered by tests; a parse failure is a build defect.
        let tables: Tables = toml::from_str(DOMAINS_TOML).expect("data/domains.toml is valid");
        let mut index = HashMap::new();
        let mut exact = HashMap::new();
        for (name, entries) in [
            ("sensitivity", &tables.sensitivity),
            ("sharing_type", &tables.sharing_type),
            ("open_type", &tables.open_type),
            ("open_method", &tables.open_method),
            ("update_cycle", &tables.update_cycle),
            ("data_type", &tables.data_type),
            ("format_class", &tables.format_class),
            ("method_class", &tables.method_class),
            ("agency_level", &tables.agency_level),
            ("system_funding", &tables.system_funding),
        ] {
            let mut map = HashMap::new();
            let mut same = HashMap::new();
            for (i, e) in entries.iter().enumerate() {
                let spellings = std::iter::once(&e.value)
                    .chain(e.code.iter())
                    .chain(std::iter::once(&e.en))
                    .chain(e.synonyms.iter());
                for s in spellings {
                    map.entry(match_key(s)).or_insert(i);
                    same.entry(s.clone()).or_insert(i);
                }
            }
            index.insert(name, map);
            exact.insert(name, same);
        }
        let mut method_types = HashMap::new();
        for (canonical, syns) in &tables.method_type_synonyms {
            method_types.insert(match_key(canonical), canonical.clone());
            for s in syns {
                method_types.insert(match_key(s), canonical.clone());
            }
        }
        Loaded { tables, index, exact, method_types }
    })
}

pub fn tables() -> &'static Tables {
    &loaded().tables
}

/// A closed list of values whose spellings live in `domains.toml`.
pub trait Domain: Copy + Eq + std::fmt::Debug + 'static {
    /// The table name in `domains.toml`.
    const TABLE: &'static str;
    /// Variants in the order of the table.
    const ALL: &'static [Self];

    fn entries() -> &'static [Entry] {
        let t = tables();
        match Self::TABLE {
            "sensitivity" => &t.sensitivity,
            "sharing_type" => &t.sharing_type,
            "open_type" => &t.open_type,
            "open_method" => &t.open_method,
            "update_cycle" => &t.update_cycle,
            "data_type" => &t.data_type,
            "format_class" => &t.format_class,
            "method_class" => &t.method_class,
            "agency_level" => &t.agency_level,
            "system_funding" => &t.system_funding,
            other => unreachable!("no domain table {other}"),
        }
    }

    fn index(self) -> usize {
        Self::ALL.iter().position(|v| *v == self).unwrap_or(0)
    }

    fn entry(self) -> &'static Entry {
        &Self::entries()[self.index()]
    }

    /// What the store keeps and `show --json` prints (the code when the domain has one).
    fn key(self) -> &'static str {
        let e = self.entry();
        e.code.as_deref().unwrap_or(&e.value)
    }

    /// The label shown to the person.
    fn label(self, lang: Lang) -> &'static str {
        let e = self.entry();
        lang.pick(&e.value, &e.en)
    }

    /// Recognises any accepted spelling.
    fn parse(s: &str) -> Option<Self> {
        let l = loaded();
        // Most cells hold a spelling exactly as listed: find it without normalising.
        let i = match l.exact.get(Self::TABLE).and_then(|m| m.get(s)) {
            Some(i) => *i,
            None => *l.index.get(Self::TABLE)?.get(&match_key(s))?,
        };
        Self::ALL.get(i).copied()
    }

    /// The allowed values, for messages: "公开、内部、涉密".
    fn allowed(lang: Lang) -> String {
        let sep = lang.pick("、", ", ");
        Self::ALL.iter().map(|v| v.label(lang)).collect::<Vec<_>>().join(sep)
    }
}

/// The canonical sharing-method type for a spelling (`API` → `接口`).
pub fn method_type(s: &str) -> Option<&'static str> {
    loaded().method_types.get(&match_key(s)).map(String::as_str)
}

macro_rules! domain_enum {
    ($(#[$m:meta])* $name:ident, $table:literal, [$($variant:ident),+ $(,)?]) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name { $($variant),+ }
        impl Domain for $name {
            const TABLE: &'static str = $table;
            const ALL: &'static [Self] = &[$(Self::$variant),+];
        }
    };
}

domain_enum!(
    /// 敏感程度 (G Art. 9): 公开 / 内部 / 涉密.
    Sensitivity, "sensitivity", [Public, Internal, Classified]
);
domain_enum!(
    /// 共享类型: 无条件共享 / 有条件共享 / 不予共享.
    SharingType, "sharing_type", [Unconditional, Conditional, NotShared]
);
domain_enum!(
    /// 开放类型: 无条件开放 / 有条件开放 / 不予开放.
    OpenType, "open_type", [Unconditional, Conditional, NotOpened]
);
domain_enum!(
    /// 开放方式: 下载 / 接口 / 依申请 (G Art. 25).
    OpenMethod, "open_method", [Download, Api, OnApplication]
);
domain_enum!(
    /// 更新周期.
    UpdateCycle, "update_cycle", [RealTime, Daily, Weekly, Monthly, Quarterly, HalfYearly, Yearly, Irregular]
);
domain_enum!(
    /// 信息项数据类型 (C N Y D T L M G B I F).
    DataType, "data_type", [C, N, Y, D, T, L, M, G, B, I, F]
);
domain_enum!(
    /// 信息资源格式分类.
    FormatClass, "format_class", [Document, Spreadsheet, Database, Image, Media, SelfDescribing, Other]
);
domain_enum!(
    /// 共享方式分类: 共享平台方式 / 其他方式.
    MethodClass, "method_class", [Platform, Other]
);
domain_enum!(
    /// 机构层级: 乡镇 / 区县部门 / 区县 / 市级部门 / 市, and 事业单位 / 公共企业 (G Art. 33).
    AgencyLevel, "agency_level", [Township, CountyDepartment, County, CityDepartment, City, PublicInstitution, PublicEnterprise]
);

domain_enum!(
    /// 信息系统资金来源: 财政投资 / 共同出资 / 购买服务 / 公共资金运营 (G Art. 17).
    SystemFunding, "system_funding", [Fiscal, CoFunded, PurchasedService, PublicOperation]
);

/// One value of a domain as the app shows it: the stored key and its labels.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct DomainValue {
    /// What is stored and sent (`公开`, `C` …).
    pub key: String,
    pub zh: String,
    pub en: String,
    /// For format and sharing-method classes: their usual types.
    pub types: Vec<String>,
}

/// Every value domain, for dropdowns and for showing stored values in the person's language.
#[derive(Debug, Clone, serde::Serialize, ts_rs::TS)]
pub struct Domains {
    pub sensitivity: Vec<DomainValue>,
    pub sharing_type: Vec<DomainValue>,
    pub open_type: Vec<DomainValue>,
    pub open_method: Vec<DomainValue>,
    pub update_cycle: Vec<DomainValue>,
    pub data_type: Vec<DomainValue>,
    pub format_class: Vec<DomainValue>,
    pub method_class: Vec<DomainValue>,
    pub agency_level: Vec<DomainValue>,
}

fn values<T: Domain>() -> Vec<DomainValue> {
    T::ALL
        .iter()
        .map(|v| {
            let e = v.entry();
            DomainValue { key: v.key().to_string(), zh: e.value.clone(), en: e.en.clone(), types: e.types.clone() }
        })
        .collect()
}

pub fn domains() -> Domains {
    Domains {
        sensitivity: values::<Sensitivity>(),
        sharing_type: values::<SharingType>(),
        open_type: values::<OpenType>(),
        open_method: values::<OpenMethod>(),
        update_cycle: values::<UpdateCycle>(),
        data_type: values::<DataType>(),
        format_class: values::<FormatClass>(),
        method_class: values::<MethodClass>(),
        agency_level: values::<AgencyLevel>(),
    }
}

/// A domain value as entered: recognised, or kept exactly as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Coded<T> {
    Known(T),
    Raw(String),
}

impl<T: Domain> Coded<T> {
    /// `None` for a blank input; otherwise the recognised value or the text as written.
    pub fn parse(s: &str) -> Option<Self> {
        let c = crate::text::clean(s);
        if c.is_empty() {
            return None;
        }
        Some(match T::parse(&c) {
            Some(v) => Coded::Known(v),
            None => Coded::Raw(c),
        })
    }

    pub fn known(&self) -> Option<T> {
        match self {
            Coded::Known(v) => Some(*v),
            Coded::Raw(_) => None,
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Coded::Known(v) => v.key(),
            Coded::Raw(s) => s,
        }
    }

    pub fn label(&self, lang: Lang) -> &str {
        match self {
            Coded::Known(v) => v.label(lang),
            Coded::Raw(s) => s,
        }
    }
}

impl<T: Domain> From<T> for Coded<T> {
    fn from(v: T) -> Self {
        Coded::Known(v)
    }
}

impl<T: Domain> Serialize for Coded<T> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de, T: Domain> Deserialize<'de> for Coded<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Ok(match T::parse(&s) {
            Some(v) => Coded::Known(v),
            None => Coded::Raw(s),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_table<T: Domain>() {
        assert_eq!(T::ALL.len(), T::entries().len(), "{}: one variant per entry", T::TABLE);
        for v in T::ALL {
            assert_eq!(T::parse(v.key()), Some(*v), "{}: its own key parses back", T::TABLE);
            for s in &v.entry().synonyms {
                assert_eq!(T::parse(s), Some(*v), "{}: synonym {s} must not be claimed twice", T::TABLE);
            }
        }
    }

    #[test]
    fn every_table_matches_its_enum() {
        check_table::<Sensitivity>();
        check_table::<SharingType>();
        check_table::<OpenType>();
        check_table::<OpenMethod>();
        check_table::<UpdateCycle>();
        check_table::<DataType>();
        check_table::<FormatClass>();
        check_table::<MethodClass>();
        check_table::<AgencyLevel>();
        check_table::<SystemFunding>();
    }

    #[test]
    fn officers_spellings_are_recognised() {
        assert_eq!(DataType::parse("字符型C"), Some(DataType::C));
        assert_eq!(DataType::parse("字符型 Ｃ"), Some(DataType::C));
        assert_eq!(DataType::parse("varchar"), Some(DataType::C));
        assert_eq!(DataType::parse("文本型"), None, "文本型 is ambiguous between C and M");
        for c in ["文本", " 文本 ", "字符串", "varchar"] {
            assert_eq!(DataType::parse(c), Some(DataType::C), "{c} is an accepted spelling of 字符型 C (§5.2)");
        }
        assert_eq!(UpdateCycle::parse("月"), Some(UpdateCycle::Monthly));
        assert_eq!(UpdateCycle::parse("年度"), Some(UpdateCycle::Yearly));
        assert_eq!(OpenType::parse("Y"), Some(OpenType::Unconditional));
        assert_eq!(SharingType::parse("不予共享类"), Some(SharingType::NotShared));
        assert_eq!(method_type("api"), Some("接口"));
        assert_eq!(method_type("U盘"), Some("拷贝"));
    }

    #[test]
    fn unknown_values_are_kept_as_written() {
        let c: Coded<DataType> = Coded::parse(" 文本型 ").unwrap();
        assert_eq!(c, Coded::Raw("文本型".into()));
        assert_eq!(serde_json::to_string(&c).unwrap(), "\"文本型\"");
        let k: Coded<DataType> = serde_json::from_str("\"C\"").unwrap();
        assert_eq!(k, Coded::Known(DataType::C));
        assert_eq!(k.label(Lang::Zh), "字符型 C");
        assert!(Coded::<DataType>::parse("  ").is_none());
    }
}
