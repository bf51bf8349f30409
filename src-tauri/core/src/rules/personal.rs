//! Personal information (个人信息) in the open catalog (G Arts. 9, 23, 25): a resource whose data
//! items hold personal information is opened only desensitised. Items are recognised by meaning,
//! with the word lists of `data/domains.toml` (`[personal_open]` and the person keys of
//! `[identity]`), so the questionnaire's suggestion and this rule read the same items.

use std::sync::OnceLock;

use crate::model::domain::{tables, Domain, OpenType, Sensitivity};
use crate::model::Resource;
use crate::text::match_key;

use super::Sink;
use crate::model::names::{classify, NameKind};

fn words() -> &'static [String] {
    static W: OnceLock<Vec<String>> = OnceLock::new();
    W.get_or_init(|| tables().personal_open.within.iter().map(|w| match_key(w)).collect())
}

/// The names of the resource's items that hold personal information: a person's ID number
/// (with or without the name beside it), an item the officer marked both identifier and
/// personal, or a name holding an address, health, income or private-phone word.
pub fn personal_items(r: &Resource) -> Vec<&str> {
    r.items
        .iter()
        .filter(|i| {
            classify(&i.name) == NameKind::PersonId
                || (i.is_identifier && i.is_personal)
                || words().iter().any(|w| match_key(&i.name).contains(w.as_str()))
        })
        .map(|i| i.name.as_str())
        .collect()
}

/// Whether the resource is offered to society: graded 公开 (which Art. 9 opens in full) or
/// marked 无条件开放 / 有条件开放. `None` when it is not.
fn offered(r: &Resource, lang: crate::Lang) -> Option<String> {
    match (r.sensitivity(), r.open_type()) {
        (_, Some(o @ (OpenType::Unconditional | OpenType::Conditional))) => {
            Some(format!("{}{}", lang.pick("标为", "marked "), o.label(lang)))
        }
        (Some(Sensitivity::Public), _) => {
            Some(format!("{}{}", lang.pick("定为", "graded "), Sensitivity::Public.label(lang)))
        }
        _ => None,
    }
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    if r.open.declassified {
        return;
    }
    let lang = sink.lang();
    let Some(what) = offered(r, lang) else { return };
    let mut items = personal_items(r);
    if items.is_empty() {
        return;
    }
    items.truncate(3);
    sink.emit(
        "open.personal",
        Some("open.declassified"),
        &[("items", &items.join(lang.pick("、", ", "))), ("what", &what)],
    );
}
