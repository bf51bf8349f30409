//! Article 9 grading consistency and the sharing / open attributes it implies (domain.md §6.1),
//! the legal basis of restrictions (S Art. 12) and the sharing channel (S Arts. 13–14).
//!
//! One problem, one finding: when the sharing or open type itself is wrong for the grade, only
//! that is reported (with both ways out); the condition, basis and usage findings that follow
//! from the wrong type are not, because fixing the type makes them moot.

use crate::grading::allowed;
use crate::model::basis::names_document;
use crate::model::domain::{Coded, Domain, FormatClass, MethodClass, OpenType, Sensitivity, SharingType};
use crate::model::fields::label;
use crate::model::Resource;
use crate::text::match_key;

use super::Sink;

fn join<T: Domain>(values: &[T], lang: crate::Lang) -> String {
    values.iter().map(|v| v.label(lang)).collect::<Vec<_>>().join(lang.pick(" 或 ", " or "))
}

/// The sharing type is one the grade allows, or either is unknown (other rules report those).
pub(super) fn sharing_fits(r: &Resource) -> bool {
    match (r.sensitivity(), r.sharing_type()) {
        (Some(g), Some(s)) => allowed(g, r.open.declassified).0.contains(&s),
        _ => true,
    }
}

/// The open type is one the grade allows, or either is unknown.
pub(super) fn open_fits(r: &Resource) -> bool {
    match (r.sensitivity(), r.open_type()) {
        (Some(g), Some(o)) => allowed(g, r.open.declassified).1.contains(&o),
        _ => true,
    }
}

/// Text left in a condition or basis field that says nothing (无, —): not a stale condition.
fn filler(text: &str) -> bool {
    matches!(match_key(text).as_str(), "" | "无" | "/" | "-" | "—" | "——" | "不限" | "无条件" | "null")
}

/// What to do when the sharing type is not allowed for the grade: both ways out.
fn sharing_ways(g: Sensitivity, lang: crate::Lang) -> &'static str {
    match g {
        Sensitivity::Public | Sensitivity::Internal => lang.pick(
            "请改为“无条件共享”；如确有法律、法规、规章或国家、省文件限制其共享，应定为“涉密”并在“共享依据”中写明该文件。",
            "Change it to unconditional sharing; if a law, regulation, rule or state/provincial document restricts its sharing, grade it classified (涉密) and name that document in the legal basis.",
        ),
        Sensitivity::Classified => lang.pick(
            "请改为“有条件共享”或“不予共享”并写明依据；如没有法律、法规、规章或文件限制其共享，应重新定级为“内部”或“公开”。",
            "Change it to conditional sharing or not shared, with its legal basis; if no law, regulation, rule or document restricts its sharing, re-grade it internal or public.",
        ),
    }
}

/// What to do when the open type is not allowed for the grade: both ways out.
fn open_ways(g: Sensitivity, lang: crate::Lang) -> &'static str {
    match g {
        Sensitivity::Public => lang.pick(
            "公开数据应全部开放，请改为“无条件开放”；如需限制开放，应定为“内部”（按法律法规规定开放或脱敏开放）。",
            "Public data is opened in full: change it to open unconditionally; if opening must be limited, grade it internal (opened as a law provides, or desensitised).",
        ),
        Sensitivity::Internal => lang.pick(
            "内部数据只能按照法律法规规定开放或脱敏开放：请改为“有条件开放”并写明开放依据或确认已脱敏，或改为“不予开放”。",
            "Internal data is opened only as a law provides or desensitised: change it to open with conditions and give the legal basis or confirm it is desensitised, or to not opened.",
        ),
        Sensitivity::Classified => lang.pick(
            "涉密数据不向社会开放，请改为“不予开放”；如已依法解密或经脱敏、脱密处理，请确认“已解密或脱敏”后开放。",
            "Classified data is not opened: change it to not opened; if it was lawfully declassified or desensitised, confirm “declassified or desensitised” and open it.",
        ),
    }
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    let grade = r.sensitivity();
    let sharing = r.sharing_type();
    let open = r.open_type();

    let sharing_ok = sharing_fits(r);
    if let (Some(g), Some(s), false) = (grade, sharing, sharing_ok) {
        let (allowed_sharing, _) = allowed(g, r.open.declassified);
        sink.emit(
            "grade.sharing",
            Some("sharing.type"),
            &[
                ("grade", g.label(lang)),
                ("value", s.label(lang)),
                ("allowed", &join(allowed_sharing, lang)),
                ("ways", sharing_ways(g, lang)),
            ],
        );
    }
    let open_ok = open_fits(r);
    if let (Some(g), Some(o), false) = (grade, open, open_ok) {
        let (_, allowed_open) = allowed(g, r.open.declassified);
        sink.emit(
            "grade.open",
            Some("open.type"),
            &[
                ("grade", g.label(lang)),
                ("value", o.label(lang)),
                ("allowed", &join(allowed_open, lang)),
                ("ways", open_ways(g, lang)),
            ],
        );
    }
    match (grade, open) {
        // Art. 9: declassified or desensitised classified data "应当开放".
        (Some(Sensitivity::Classified), Some(OpenType::NotOpened)) if r.open.declassified => {
            sink.emit("grade.declassified.open", Some("open.type"), &[])
        }
        // Art. 9: internal data is opened only as a law provides, or desensitised.
        (Some(Sensitivity::Internal), Some(OpenType::Conditional)) if !r.opening_permitted() => {
            sink.emit("grade.internal.open", Some("open.basis"), &[])
        }
        _ => {}
    }

    let condition = r.sharing.condition.as_deref().unwrap_or("").trim();
    let basis = r.sharing.basis.as_deref().unwrap_or("").trim();
    match sharing {
        Some(s @ (SharingType::Conditional | SharingType::NotShared)) if sharing_ok => {
            if s == SharingType::Conditional && condition.is_empty() {
                let what = lang.pick("谁可以使用、用于什么目的", "who may use it and for what purpose");
                sink.emit("sharing.condition", Some("sharing.condition"), &[("value", s.label(lang)), ("what", what)]);
            }
            // The basis is its own field (S Art. 12): never read from the condition's text.
            if basis.is_empty() {
                sink.emit("sharing.basis", Some("sharing.basis"), &[("value", s.label(lang))]);
            } else if !names_document(basis) {
                sink.emit("sharing.basis.unnamed", Some("sharing.basis"), &[("value", basis)]);
            }
        }
        // A condition left from before the change to unconditional sharing is stale; when the
        // type itself is wrong for the grade, the condition may be what is right.
        Some(SharingType::Unconditional) if sharing_ok => {
            for (key, text) in [("sharing.condition", condition), ("sharing.basis", basis)] {
                if !filler(text) {
                    let args = [("label", label(key, lang)), ("type", SharingType::Unconditional.label(lang))];
                    sink.emit("condition.stale", Some(key), &[args[0], args[1], ("value", text)]);
                }
            }
        }
        _ => {}
    }

    let method_class = r.sharing.method.class.as_ref().and_then(Coded::known);
    if method_class == Some(MethodClass::Platform) {
        if let (Some(format), Some(kind)) =
            (r.format.class.as_ref().and_then(Coded::known), r.sharing.method.kind.as_deref())
        {
            let suggested: &[&str] = match format {
                FormatClass::Database => &["数据库", "接口"],
                FormatClass::Document | FormatClass::Spreadsheet | FormatClass::Image | FormatClass::Media => &["文件"],
                _ => &[],
            };
            if !suggested.is_empty() && !suggested.contains(&kind) {
                let allowed = suggested.join(lang.pick(" 或 ", " or "));
                sink.emit(
                    "sharing.method.format",
                    Some("sharing.method.type"),
                    &[("value", kind), ("format", format.label(lang)), ("allowed", &allowed)],
                );
            }
        }
        if grade == Some(Sensitivity::Classified) && sharing != Some(SharingType::NotShared) {
            sink.emit("secret.platform", Some("sharing.method.class"), &[]);
        }
    }
    // S Arts. 13–14: non-classified data is shared through the sharing platform, not by copy,
    // mail or media exchange alone.
    let non_classified = matches!(grade, Some(Sensitivity::Public | Sensitivity::Internal));
    let shared = matches!(sharing, Some(SharingType::Unconditional | SharingType::Conditional));
    if non_classified && shared && method_class == Some(MethodClass::Other) {
        let kind = r.sharing.method.kind.as_deref().unwrap_or(MethodClass::Other.label(lang));
        sink.emit("sharing.method.platform", Some("sharing.method.class"), &[("value", kind)]);
    }

    let open_condition = r.open.condition.as_deref().unwrap_or("").trim();
    match open {
        Some(OpenType::Conditional) if open_ok && open_condition.is_empty() => {
            sink.emit("open.condition", Some("open.condition"), &[])
        }
        Some(OpenType::Unconditional) if open_ok && !filler(open_condition) => {
            let key = "open.condition";
            sink.emit(
                "condition.stale",
                Some(key),
                &[
                    ("label", label(key, lang)),
                    ("type", OpenType::Unconditional.label(lang)),
                    ("value", open_condition),
                ],
            );
        }
        _ => {}
    }
}
