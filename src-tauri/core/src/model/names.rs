//! What a data item's name says about it (domain.md §6.3, G Art. 18): a person's key, an
//! entity's key (USCC, or the business licence of a market entity without one), the superseded
//! organisation code, personal data, or entity data. Names are recognised by meaning: the word
//! lists in `data/domains.toml` are looked for inside longer names too (户主公民身份号码,
//! 法定代表人姓名).

use std::collections::HashSet;
use std::sync::OnceLock;

use super::domain::tables;
use super::DataItem;
use crate::text::match_key;

/// What an item's name says about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// 公民身份号码 and its spellings: the natural person's key.
    PersonId,
    /// 统一社会信用代码 (USCC): the legal entity's key.
    EntityId,
    /// 营业执照 number: the key of a market entity without a USCC (G Art. 18 ¶2).
    EntityLicence,
    /// 组织机构代码: the organisation code the USCC replaced (GB 32100).
    EntitySuperseded,
    /// 姓名, 联系电话, 申请人 …
    Personal,
    /// 企业名称, 单位名称, 承租方 …
    Entity,
    Other,
}

impl NameKind {
    /// Keys an entity record under Art. 18 (the superseded organisation code does not).
    pub fn keys_entity(self) -> bool {
        matches!(self, NameKind::EntityId | NameKind::EntityLicence)
    }
}

/// The name lists as match keys, computed once: validation classifies 240,000 item names.
struct Keys {
    person_id: HashSet<String>,
    person_id_within: Vec<String>,
    entity_id_within: Vec<String>,
    entity_licence_within: Vec<String>,
    entity_superseded_within: Vec<String>,
    personal: HashSet<String>,
    personal_within: Vec<String>,
    personal_suffix: Vec<String>,
    personal_suffix_exclude: Vec<String>,
    entity: HashSet<String>,
    entity_within: Vec<String>,
}

fn keys() -> &'static Keys {
    static K: OnceLock<Keys> = OnceLock::new();
    K.get_or_init(|| {
        let t = &tables().identity;
        let set = |l: &[String]| l.iter().map(|n| match_key(n)).collect::<HashSet<_>>();
        let list = |l: &[String]| l.iter().map(|n| match_key(n)).collect::<Vec<_>>();
        Keys {
            person_id: set(&t.person_id),
            person_id_within: list(&t.person_id_within),
            entity_id_within: list(&t.entity_id_within),
            entity_licence_within: list(&t.entity_licence_within),
            entity_superseded_within: list(&t.entity_superseded_within),
            personal: set(&t.personal),
            personal_within: list(&t.personal_within),
            personal_suffix: list(&t.personal_suffix),
            personal_suffix_exclude: list(&t.personal_suffix_exclude),
            entity: set(&t.entity),
            entity_within: list(&t.entity_within),
        }
    })
}

fn within(key: &str, words: &[String]) -> bool {
    words.iter().any(|w| key.contains(w.as_str()))
}

/// Classifies a data item by its name. Keys first (户主公民身份号码 is a key, not a name), then
/// names of people before entity words, so 法定代表人姓名 is a person's name.
pub fn classify(name: &str) -> NameKind {
    // A city catalog repeats a few thousand names (姓名, 身份证号 …) across 240,000 items: each
    // is looked for in the word lists once per thread.
    thread_local! {
        static SEEN: std::cell::RefCell<std::collections::HashMap<String, NameKind>> = Default::default();
    }
    const MAX_SEEN: usize = 50_000;
    if let Some(kind) = SEEN.with(|s| s.borrow().get(name).copied()) {
        return kind;
    }
    let kind = classify_uncached(name);
    SEEN.with(|s| {
        let mut s = s.borrow_mut();
        if s.len() < MAX_SEEN {
            s.insert(name.to_string(), kind);
        }
    });
    kind
}

fn classify_uncached(name: &str) -> NameKind {
    let k = keys();
    let key = match_key(name);
    if k.person_id.contains(&key) || within(&key, &k.person_id_within) {
        NameKind::PersonId
    } else if within(&key, &k.entity_id_within) {
        NameKind::EntityId
    } else if within(&key, &k.entity_licence_within) {
        NameKind::EntityLicence
    } else if within(&key, &k.entity_superseded_within) {
        NameKind::EntitySuperseded
    } else if within(&key, &k.personal_within) {
        NameKind::Personal
    } else if k.entity.contains(&key) || within(&key, &k.entity_within) {
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
        NameKind::EntityId | NameKind::EntityLicence | NameKind::EntitySuperseded => item.is_identifier = true,
        NameKind::Personal => item.is_personal = true,
        NameKind::Entity | NameKind::Other => {}
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

    #[test]
    fn the_person_key_by_any_of_its_names() {
        for n in [
            "公民身份号码",
            "身份证号",
            "身份证号码",
            "身份证件号码",
            "社会保障号码",
            "社会保障卡号",
            "户主公民身份号码",
            "申请人身份证号",
            "监护人证件号码",
            "居民身份证号码",
        ] {
            assert_eq!(classify(n), NameKind::PersonId, "{n}");
        }
    }

    #[test]
    fn names_inside_longer_names() {
        for n in
            ["户主姓名", "法定代表人姓名", "联系人姓名", "经营者姓名", "紧急联系电话", "申请人手机号", "家庭住址（现）"]
        {
            assert_eq!(classify(n), NameKind::Personal, "{n}");
        }
        for n in ["企业名称", "申请单位名称", "承租企业名称", "个体工商户名称"] {
            assert_eq!(classify(n), NameKind::Entity, "{n}");
        }
        for n in ["预算金额", "科目名称", "办件编号", "身份证有效期限"] {
            assert_eq!(classify(n), NameKind::Other, "{n}");
        }
    }

    #[test]
    fn entity_keys_licence_and_superseded_code() {
        for n in ["统一社会信用代码", "企业统一社会信用代码", "社会信用代码", "承租方信用代码"]
        {
            assert_eq!(classify(n), NameKind::EntityId, "{n}");
        }
        for n in ["营业执照号", "营业执照注册号", "营业执照编号", "工商注册号", "个体工商户注册号"]
        {
            assert_eq!(classify(n), NameKind::EntityLicence, "{n}");
            assert!(classify(n).keys_entity());
        }
        for n in ["组织机构代码", "单位组织机构代码"] {
            assert_eq!(classify(n), NameKind::EntitySuperseded, "{n}");
            assert!(!classify(n).keys_entity(), "the superseded code keys nothing");
        }
    }
}
