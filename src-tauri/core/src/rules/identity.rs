//! Identifiers: the agency's and providers' USCC and division codes, and Art. 18 — natural
//! persons keyed by the citizen ID number, legal entities by the USCC.

use std::collections::HashSet;
use std::sync::OnceLock;

use crate::ids::{division, uscc};
use crate::model::domain::{tables, AgencyLevel, Coded, Domain};
use crate::model::fields::label;
use crate::model::{Agency, DataItem, Resource};
use crate::text::match_key;

use super::Sink;

/// What an item's name says about it (domain.md §6.3).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// 公民身份号码 and its spellings.
    PersonId,
    /// 统一社会信用代码 and its spellings.
    EntityId,
    /// 姓名, 联系电话, 申请人 …
    Personal,
    /// 企业名称, 单位名称, 承租方 …
    Entity,
    Other,
}

/// The name lists as match keys, computed once: validation classifies 240,000 item names.
struct Keys {
    person_id: HashSet<String>,
    entity_id: HashSet<String>,
    personal: HashSet<String>,
    personal_suffix: Vec<String>,
    personal_suffix_exclude: Vec<String>,
    entity: HashSet<String>,
}

fn keys() -> &'static Keys {
    static K: OnceLock<Keys> = OnceLock::new();
    K.get_or_init(|| {
        let t = &tables().identity;
        let set = |l: &[String]| l.iter().map(|n| match_key(n)).collect::<HashSet<_>>();
        Keys {
            person_id: set(&t.person_id),
            entity_id: set(&t.entity_id),
            personal: set(&t.personal),
            personal_suffix: t.personal_suffix.iter().map(|n| match_key(n)).collect(),
            personal_suffix_exclude: t.personal_suffix_exclude.iter().map(|n| match_key(n)).collect(),
            entity: set(&t.entity),
        }
    })
}

/// Classifies a data item by its name.
pub fn classify(name: &str) -> NameKind {
    let k = keys();
    let key = match_key(name);
    if k.person_id.contains(&key) {
        NameKind::PersonId
    } else if k.entity_id.contains(&key) {
        NameKind::EntityId
    } else if k.entity.contains(&key) {
        NameKind::Entity
    } else if k.personal.contains(&key)
        || (key.chars().count() >= 2
            && k.personal_suffix.iter().any(|s| key.ends_with(s.as_str()))
            && !k.personal_suffix_exclude.iter().any(|e| key.contains(e.as_str())))
    {
        NameKind::Personal
    } else {
        NameKind::Other
    }
}

/// Sets `is_identifier` / `is_personal` from the item's name (never clears a flag the officer set).
pub fn detect_item_flags(item: &mut DataItem) {
    match classify(&item.name) {
        NameKind::PersonId => {
            item.is_identifier = true;
            item.is_personal = true;
        }
        NameKind::EntityId => item.is_identifier = true,
        NameKind::Personal => item.is_personal = true,
        NameKind::Entity | NameKind::Other => {}
    }
}

pub(super) fn check_agency(a: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    for (key, value) in [
        ("name", &a.name),
        ("uscc", &a.uscc),
        ("division_code", &a.division_code),
        ("contact_name", &a.contact_name),
        ("contact_phone", &a.contact_phone),
    ] {
        if value.is_none() {
            let field = format!("agency.{key}");
            sink.emit("field.required", Some(&field), &[("label", label(&field, lang))]);
        }
    }
    match &a.level {
        None => sink.emit("field.required", Some("agency.level"), &[("label", label("agency.level", lang))]),
        Some(Coded::Raw(v)) => {
            let allowed = AgencyLevel::allowed(lang);
            sink.emit(
                "field.domain",
                Some("agency.level"),
                &[("label", label("agency.level", lang)), ("value", v), ("allowed", &allowed)],
            )
        }
        Some(Coded::Known(_)) => {}
    }
    if let Some(code) = a.uscc.as_deref() {
        if let Err(e) = uscc::validate(code) {
            sink.emit("provider.uscc", Some("agency.uscc"), &[("value", code), ("reason", &e.describe(lang))]);
        }
    }
    if let Some(d) = a.division_code.as_deref() {
        if let Err(e) = division::validate(d) {
            sink.emit("agency.division", Some("agency.division_code"), &[("value", d), ("reason", &e.describe(lang))]);
        }
    }
    if let Some(p) = a.code_prefix.as_deref() {
        if !crate::ids::code::prefix_valid(p) {
            sink.emit("code.format", Some("agency.code_prefix"), &[("value", p)]);
        }
    }
}

pub(super) fn check_resource(r: &Resource, agency: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    if let Some(code) = r.provider_code.as_deref() {
        match uscc::validate(code) {
            Err(e) => {
                sink.emit("provider.uscc", Some("provider_code"), &[("value", code), ("reason", &e.describe(lang))])
            }
            Ok(()) => {
                let d = uscc::division(code).unwrap_or_default();
                let what = if division::validate(d).is_err() {
                    Some(
                        format!(
                            "{}",
                            lang.pick(
                                "提供方代码第 3–8 位“{d}”不是有效的行政区划代码，请核对。",
                                "Positions 3–8 of the provider code, “{d}”, are not a valid division code; check it."
                            )
                        )
                        .replace("{d}", d),
                    )
                } else {
                    match agency.division_code.as_deref() {
                        Some(home) if division::validate(home).is_ok() && !division::within(d, home) => Some(
                            lang.pick("提供方代码登记地“{d}”不在本机构所在地区“{home}”，请确认提供方是否为本地区单位。", "The provider code was registered in “{d}”, outside this agency's district “{home}”; check that the provider is local.")
                                .replace("{d}", d)
                                .replace("{home}", home),
                        ),
                        _ => None,
                    }
                };
                if let Some(what) = what {
                    sink.emit("provider.division", Some("provider_code"), &[("what", &what)]);
                }
            }
        }
    }

    // Art. 18: natural persons by the citizen ID number, legal entities by the USCC.
    let (mut has_person_id, mut has_entity_id) = (false, false);
    let (mut personal, mut entity) = (Vec::new(), Vec::new());
    for item in &r.items {
        let kind = classify(&item.name);
        has_person_id |= kind == NameKind::PersonId || (item.is_identifier && item.is_personal);
        has_entity_id |= kind == NameKind::EntityId || (item.is_identifier && !item.is_personal);
        if !item.is_identifier && (item.is_personal || kind == NameKind::Personal) {
            personal.push(item.name.as_str());
        }
        if kind == NameKind::Entity {
            entity.push(item.name.as_str());
        }
    }
    let sep = lang.pick("、", ", ");
    if !has_person_id && !personal.is_empty() {
        personal.truncate(3);
        sink.emit("identity.person", Some("items"), &[("items", &personal.join(sep))]);
    }
    if !has_entity_id && !entity.is_empty() {
        entity.truncate(3);
        sink.emit("identity.entity", Some("items"), &[("items", &entity.join(sep))]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detects_flags_from_names() {
        let mut i = DataItem { name: "身份证号码".into(), ..Default::default() };
        detect_item_flags(&mut i);
        assert!(i.is_identifier && i.is_personal);
        let mut j = DataItem { name: "统一社会信用代码".into(), ..Default::default() };
        detect_item_flags(&mut j);
        assert!(j.is_identifier && !j.is_personal);
        let mut k = DataItem { name: "申请人".into(), ..Default::default() };
        detect_item_flags(&mut k);
        assert!(k.is_personal && !k.is_identifier);
        assert_eq!(classify("法定代表人"), NameKind::Entity, "a company's representative is entity data");
        assert_eq!(classify("人"), NameKind::Other, "a lone character is not a name");
    }
}
