//! Article 9 grading consistency and the sharing / open attributes it implies (domain.md §6.1).

use crate::model::domain::{Coded, Domain, FormatClass, MethodClass, OpenType, Sensitivity, SharingType};
use crate::model::Resource;

use super::Sink;

/// Text that states a legal basis: 《…》, 依据, 根据, 法, 条例, 办法, 规定 (domain.md §5.3).
pub fn states_basis(text: &str) -> bool {
    ["《", "依据", "根据", "法", "条例", "办法", "规定"].iter().any(|m| text.contains(m))
}

fn join<T: Domain>(values: &[T], lang: crate::Lang) -> String {
    values.iter().map(|v| v.label(lang)).collect::<Vec<_>>().join(lang.pick(" 或 ", " or "))
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    let grade = r.sensitivity();
    let sharing = r.sharing_type();
    let open = r.open_type();

    if let (Some(g), Some(s)) = (grade, sharing) {
        let allowed: &[SharingType] = match g {
            Sensitivity::Public | Sensitivity::Internal => &[SharingType::Unconditional],
            Sensitivity::Classified => &[SharingType::Conditional, SharingType::NotShared],
        };
        if !allowed.contains(&s) {
            sink.emit(
                "grade.sharing",
                Some("sharing.type"),
                &[("grade", g.label(lang)), ("value", s.label(lang)), ("allowed", &join(allowed, lang))],
            );
        }
    }
    if let (Some(g), Some(o)) = (grade, open) {
        let allowed: &[OpenType] = match g {
            Sensitivity::Public => &[OpenType::Unconditional],
            Sensitivity::Internal => &[OpenType::NotOpened, OpenType::Conditional],
            Sensitivity::Classified if r.open.declassified => &[OpenType::NotOpened, OpenType::Conditional],
            Sensitivity::Classified => &[OpenType::NotOpened],
        };
        if !allowed.contains(&o) {
            sink.emit(
                "grade.open",
                Some("open.type"),
                &[("grade", g.label(lang)), ("value", o.label(lang)), ("allowed", &join(allowed, lang))],
            );
        } else if g == Sensitivity::Internal && o == OpenType::Conditional {
            let cond = r.open.condition.as_deref().unwrap_or("");
            let stated = ["脱敏", "法律", "法规", "规定", "依申请"].iter().any(|m| cond.contains(m));
            if !cond.is_empty() && !stated {
                sink.emit("grade.internal.open", Some("open.condition"), &[]);
            }
        }
    }

    let condition = r.sharing.condition.as_deref().unwrap_or("").trim();
    let basis = r.sharing.basis.as_deref().unwrap_or("").trim();
    if let Some(s @ (SharingType::Conditional | SharingType::NotShared)) = sharing {
        if s == SharingType::Conditional && condition.is_empty() {
            let what = lang.pick("谁可以使用、用于什么目的", "who may use it and for what purpose");
            sink.emit("sharing.condition", Some("sharing.condition"), &[("value", s.label(lang)), ("what", what)]);
        }
        if basis.is_empty() && !states_basis(condition) {
            sink.emit("sharing.basis", Some("sharing.basis"), &[("value", s.label(lang))]);
        }
    }

    let platform = r.sharing.method.class.as_ref().and_then(Coded::known) == Some(MethodClass::Platform);
    if platform {
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

    if open == Some(OpenType::Conditional) && r.open.condition.as_deref().is_none_or(|c| c.trim().is_empty()) {
        sink.emit("open.condition", Some("open.condition"), &[]);
    }
}
