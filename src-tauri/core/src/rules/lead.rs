//! Who catalogs what: the classification agrees with the code's 类/项, and base (类 1) and
//! thematic (类 2) resources are catalogued by their lead agencies (G Art. 12; S Art. 11), not
//! by a township or a department as its own.

use crate::ids::code::ResourceCode;
use crate::model::domain::{tables, AgencyLevel, Coded};
use crate::model::{Agency, Classification, Resource};
use crate::text::match_key;

use super::Sink;

/// The 类 and 项 a classification states: its digits (`3`, `352`, or class and item apart), or
/// the class's name (基础 / 主题 / 部门信息资源).
fn stated(c: &Classification) -> (Option<String>, Option<String>) {
    let class = c.class.as_deref().map(str::trim).unwrap_or("");
    let item = c.item.as_deref().map(str::trim).filter(|i| !i.is_empty()).map(str::to_string);
    if !class.is_empty() && class.bytes().all(|b| b.is_ascii_digit()) {
        let run_on = (item.is_none() && class.len() >= 3).then(|| class[1..3].to_string());
        return (Some(class[..1].to_string()), item.or(run_on));
    }
    let named = [("基础", "1"), ("主题", "2"), ("部门", "3")].iter().find(|(w, _)| class.contains(w)).map(|(_, k)| k);
    (named.map(|k| k.to_string()), item)
}

/// A classification that contradicts the code's 类 or 项 (the code decides; one must change).
pub(super) fn check_classification(r: &Resource, sink: &mut Sink) {
    let (Some(code), Some(c)) = (r.code.as_deref().and_then(ResourceCode::parse), r.classification.as_ref()) else {
        return;
    };
    let (class, item) = stated(c);
    if class.is_some_and(|k| k != code.class) || item.is_some_and(|i| i != code.item) {
        let value: String =
            [&c.class, &c.item, &c.category, &c.subcategory].iter().filter_map(|p| p.as_deref()).collect();
        let expected = format!("{}/{}", code.class, code.item);
        let code_text = r.code.as_deref().unwrap_or_default();
        sink.emit(
            "code.classification",
            Some("classification"),
            &[("value", &value), ("code", code_text), ("expected", &expected)],
        );
    }
}

/// Whether the resource is given as the agency's own: its provider is the agency, or unnamed.
pub(crate) fn provided_by(r: &Resource, a: &Agency) -> bool {
    match (r.provider_code.as_deref(), a.uscc.as_deref()) {
        (Some(p), Some(u)) => return match_key(p) == match_key(u),
        (Some(_), None) => return true,
        _ => {}
    }
    match (r.provider_name.as_deref(), a.name.as_deref()) {
        (Some(p), Some(n)) => match_key(p) == match_key(n),
        _ => true,
    }
}

/// A township's or a department's catalog listing a base or thematic resource as its own.
pub(super) fn check_lead(r: &Resource, agency: &Agency, sink: &mut Sink) {
    let level = agency.level.as_ref().and_then(Coded::known);
    // Public institutions and enterprises lead no base or thematic catalog either.
    let not_lead = matches!(
        level,
        Some(
            AgencyLevel::Township
                | AgencyLevel::CountyDepartment
                | AgencyLevel::CityDepartment
                | AgencyLevel::PublicInstitution
                | AgencyLevel::PublicEnterprise
        )
    );
    if !not_lead {
        return;
    }
    let Some(code) = r.code.as_deref().and_then(ResourceCode::parse) else { return };
    if !matches!(code.class, "1" | "2") || !provided_by(r, agency) {
        return;
    }
    let Some(entry) = tables().lead.iter().find(|l| l.class == code.class && l.item == code.item) else {
        return; // an item outside the table: code.class reports it
    };
    let lang = sink.lang();
    let class = if code.class == "1" {
        lang.pick("基础信息资源", "base resource")
    } else {
        lang.pick("主题信息资源", "thematic resource")
    };
    let lead = match &entry.lead {
        Some(t) => t.get(lang).to_string(),
        None => match lang {
            crate::Lang::Zh => format!("牵头建设“{}”主题项目的部门", entry.name.zh),
            crate::Lang::En => format!("the agency leading the {} project", entry.name.en),
        },
    };
    sink.emit("catalog.lead", Some("code"), &[("class", class), ("item", entry.name.get(lang)), ("lead", &lead)]);
}
