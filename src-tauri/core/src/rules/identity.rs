//! Identifiers: the agency's and providers' USCC and division codes, and Art. 18 — natural
//! persons keyed by the citizen ID number, legal entities by the USCC.

use crate::ids::{division, uscc};
use crate::model::domain::{AgencyLevel, Coded, Domain};
use crate::model::fields::label;
use crate::model::{Agency, Resource};

use super::Sink;
pub use crate::model::names::{classify, detect_item_flags, NameKind};

pub(super) fn check_agency(a: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    super::fields::required_agency(a, sink);
    match &a.level {
        None => {}
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
                        lang.pick(
                            "提供方代码第 3–8 位“{d}”不是有效的行政区划代码，请核对。",
                            "Positions 3–8 of the provider code, “{d}”, are not a valid division code; check it.",
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

    // Art. 18: natural persons by the citizen ID number, legal entities by the USCC (market
    // entities without one by their business licence).
    let (mut has_person_id, mut has_entity_key, mut superseded) = (false, false, None);
    let (mut personal, mut entity) = (Vec::new(), Vec::new());
    for item in &r.items {
        let kind = classify(&item.name);
        has_person_id |= kind == NameKind::PersonId || (item.is_identifier && item.is_personal);
        // An identifier the officer flagged under a name we do not know counts; the superseded
        // organisation code never does.
        has_entity_key |= kind.keys_entity() || (item.is_identifier && !item.is_personal && kind == NameKind::Other);
        if kind == NameKind::EntitySuperseded && superseded.is_none() {
            superseded = Some(item.name.as_str());
        }
        if !item.is_identifier && (item.is_personal || kind == NameKind::Personal) {
            personal.push(item.name.as_str());
        }
        if kind == NameKind::Entity {
            entity.push(item.name.as_str());
        }
    }
    let sep = lang.pick("、", ", ");
    // A record about entities (keyed by their code, or naming them) is an entity record: its
    // contact person's name and phone do not make it a record of natural persons, and when it
    // lacks the entity's key, that is the one finding (adding the USCC settles both).
    let entity_record = has_entity_key || superseded.is_some() || !entity.is_empty();
    if !has_person_id && !entity_record && !personal.is_empty() {
        personal.truncate(3);
        sink.emit("identity.person", Some("items"), &[("items", &personal.join(sep))]);
    }
    if !has_entity_key {
        // One problem, one finding: an entity record keyed by the old code is told to use the
        // USCC in its place, not also that it lacks one.
        if let Some(item) = superseded {
            sink.emit("identity.entity.superseded", Some("items"), &[("item", item)]);
        } else if !entity.is_empty() {
            entity.truncate(3);
            sink.emit("identity.entity", Some("items"), &[("items", &entity.join(sep))]);
        }
    }
}
