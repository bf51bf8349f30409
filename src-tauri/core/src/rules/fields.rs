//! Required fields, value domains, lengths and dates of one resource.

use crate::model::domain::{Coded, Domain, FormatClass, MethodClass, OpenType, Sensitivity, SharingType, UpdateCycle};
use crate::model::fields::{get, get_agency, label, parse_date};
use crate::model::registry::{registry, Level};
use crate::model::{Agency, Resource};

use super::Sink;

const NAME_MAX: usize = 100;
const ABSTRACT_MIN: usize = 10;

fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|v| v.trim().is_empty())
}

/// Whether a field's text is empty (absent or only spaces).
fn empty(text: Option<String>) -> bool {
    text.is_none_or(|v| v.trim().is_empty())
}

/// The registry's required fields of a resource that are empty (`field.required`), and its
/// recommended ones (`field.recommended`), in the registry's order. A field whose requirement
/// another rule reports (`checked_by`) is left to that rule.
fn required_fields(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    for d in registry().fields.iter().filter(|d| d.level == Level::Resource) {
        if (d.checked_as_required() || d.recommended) && empty(get(r, &d.key)) {
            let rule = if d.required { "field.required" } else { "field.recommended" };
            sink.emit(rule, Some(&d.key), &[("label", label(&d.key, lang))]);
        }
    }
}

/// The registry's required agency fields that are empty, named `agency.<key>`.
pub(super) fn required_agency(a: &Agency, sink: &mut Sink) {
    let lang = sink.lang();
    for d in registry().agency().filter(|d| d.checked_as_required()) {
        if empty(get_agency(a, &d.key)) {
            let field = format!("agency.{}", d.key);
            sink.emit("field.required", Some(&field), &[("label", label(&field, lang))]);
        }
    }
    // G Art. 26: a reminder while compiling; packaging refuses without it (package.no_principal).
    if empty(get_agency(a, "principal_head")) {
        sink.emit("agency.principal", Some("agency.principal_head"), &[]);
    }
}

/// A value outside its domain (`field.domain`); an empty one is the registry's to report.
fn domain<T: Domain>(sink: &mut Sink, key: &str, value: &Option<Coded<T>>) {
    if let Some(Coded::Raw(raw)) = value {
        let lang = sink.lang();
        let allowed = T::allowed(lang);
        sink.emit("field.domain", Some(key), &[("label", label(key, lang)), ("value", raw), ("allowed", &allowed)]);
    }
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    required_fields(r, sink);
    if r.name.chars().count() > NAME_MAX {
        let len = r.name.chars().count().to_string();
        sink.emit(
            "field.length",
            Some("name"),
            &[("label", label("name", lang)), ("max", &NAME_MAX.to_string()), ("len", &len)],
        );
    }
    match r.summary.as_deref().map(str::trim) {
        None | Some("") => {}
        Some(a) if a.chars().count() < ABSTRACT_MIN => {
            sink.emit("abstract.short", Some("abstract"), &[("min", &ABSTRACT_MIN.to_string())])
        }
        _ => {}
    }
    domain::<FormatClass>(sink, "format.class", &r.format.class);
    if let (Some(class), Some(kind)) = (r.format.class.as_ref().and_then(Coded::known), r.format.kind.as_deref()) {
        let types = &class.entry().types;
        let k = crate::text::match_key(kind);
        if !types.is_empty() && !types.iter().any(|t| crate::text::match_key(t) == k) {
            let sep = lang.pick("、", ", ");
            sink.emit(
                "field.format_type",
                Some("format.type"),
                &[("value", kind), ("class", class.label(lang)), ("allowed", &types.join(sep))],
            );
        }
    }
    domain::<Sensitivity>(sink, "sensitivity", &r.sensitivity);
    domain::<SharingType>(sink, "sharing.type", &r.sharing.kind);
    domain::<MethodClass>(sink, "sharing.method.class", &r.sharing.method.class);
    if let Some(kind) = r.sharing.method.kind.as_deref() {
        let allowed: Vec<&str> = match r.sharing.method.class.as_ref().and_then(Coded::known) {
            Some(c) => c.entry().types.iter().map(String::as_str).collect(),
            None => MethodClass::ALL.iter().flat_map(|c| c.entry().types.iter().map(String::as_str)).collect(),
        };
        if !allowed.contains(&kind) {
            let list = allowed.join(lang.pick("、", ", "));
            sink.emit(
                "field.domain",
                Some("sharing.method.type"),
                &[("label", label("sharing.method.type", lang)), ("value", kind), ("allowed", &list)],
            );
        }
    }
    domain::<OpenType>(sink, "open.type", &r.open.kind);
    domain::<UpdateCycle>(sink, "update_cycle", &r.update_cycle);
    match r.published_on.as_deref().filter(|d| !d.trim().is_empty()) {
        None => {}
        Some(d) => match parse_date(d) {
            Some(date) if d.len() == 10 => {
                if date > sink.today() {
                    let what =
                        lang.pick("发布日期晚于今天，请核对。", "The publication date is after today; check it.");
                    sink.emit("date.range", Some("published_on"), &[("what", what)]);
                } else if date < chrono::NaiveDate::from_ymd_opt(1949, 10, 1).unwrap_or(date) {
                    let what =
                        lang.pick("发布日期早于 1949 年，请核对。", "The publication date is before 1949; check it.");
                    sink.emit("date.range", Some("published_on"), &[("what", what)]);
                }
            }
            _ => sink.emit(
                "field.domain",
                Some("published_on"),
                &[
                    ("label", label("published_on", lang)),
                    ("value", d),
                    ("allowed", lang.pick("日期，如 2026-01-15", "a date such as 2026-01-15")),
                ],
            ),
        },
    }
    for (key, value, allowed) in [
        ("record_count", &r.record_count, lang.pick("整数", "a whole number")),
        ("data_volume_gb", &r.data_volume_gb, lang.pick("数字", "a number")),
    ] {
        if let Some(v) = value.as_deref() {
            let ok =
                if key == "record_count" { v.parse::<u64>().is_ok() } else { v.parse::<f64>().is_ok_and(|x| x >= 0.0) };
            if !ok {
                sink.emit(
                    "field.domain",
                    Some(key),
                    &[("label", label(key, lang)), ("value", v), ("allowed", allowed)],
                );
            }
        }
    }
    // Only a conditional type the grade allows needs usage requirements: a wrong one is reported
    // by grade.sharing / grade.open alone (one problem, one finding).
    let conditional = (r.sharing_type() == Some(SharingType::Conditional) && super::grading::sharing_fits(r))
        || (r.open_type() == Some(OpenType::Conditional) && super::grading::open_fits(r));
    if conditional && blank(&r.usage_requirements) {
        sink.emit("usage.required", Some("usage_requirements"), &[]);
    }
}
