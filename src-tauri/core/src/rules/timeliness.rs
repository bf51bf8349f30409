//! Timeliness and form of the data (G Arts. 18, 21; Guizhou sharing measures Arts. 6, 9): a
//! resource last updated longer ago than its update cycle allows, and data shared or opened only
//! as images, paper or media exchange (it is to be digitised and structured).

use chrono::NaiveDate;

use crate::model::domain::{Coded, Domain, FormatClass, OpenType};
use crate::model::fields::{label, parse_date};
use crate::model::Resource;
use crate::text::match_key;

use super::Sink;

/// Format types that say the data is kept on paper.
const PAPER: &[&str] = &["纸质", "纸件", "纸本", "纸质档案", "纸", "paper"];

/// The last-updated date, or `None` when blank; `Err` with the text when it is no date.
fn updated(r: &Resource) -> Option<Result<NaiveDate, &str>> {
    let d = r.updated_on.as_deref().filter(|d| !d.trim().is_empty())?;
    Some(parse_date(d).ok_or(d))
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    match updated(r) {
        None => {}
        Some(Err(text)) => sink.emit(
            "field.domain",
            Some("updated_on"),
            &[
                ("label", label("updated_on", lang)),
                ("value", text),
                ("allowed", lang.pick("日期，如 2026-10-31", "a date such as 2026-10-31")),
            ],
        ),
        Some(Ok(date)) if date > sink.today() => {
            let what = lang.pick("最近更新日期晚于今天，请核对。", "The last-updated date is after today; check it.");
            sink.emit("date.range", Some("updated_on"), &[("what", what)]);
        }
        Some(Ok(date)) => {
            let cycle = r.update_cycle.as_ref().and_then(Coded::known);
            if let Some((c, days)) = cycle.and_then(|c| c.entry().overdue_days.map(|d| (c, d))) {
                let age = (sink.today() - date).num_days();
                if age > i64::from(days) {
                    let args = [("cycle", c.label(lang)), ("date", &date.to_string()), ("days", &age.to_string())];
                    sink.emit("update.overdue", Some("updated_on"), &args);
                }
            }
        }
    }
    check_digitised(r, sink);
}

/// Shared or opened, but only as images or paper. Media exchange of non-classified data is
/// `sharing.method.platform` already (S Arts. 13–14: one problem, one finding); classified data
/// may only go by media.
fn check_digitised(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    let opened = matches!(r.open_type(), Some(OpenType::Unconditional | OpenType::Conditional));
    if !(r.in_sharing_catalog() || opened) {
        return;
    }
    let what = match (r.format.class.as_ref().and_then(Coded::known), r.format.kind.as_deref()) {
        (Some(FormatClass::Image), _) => FormatClass::Image.label(lang).to_string(),
        (_, Some(kind)) if PAPER.contains(&match_key(kind).as_str()) => kind.to_string(),
        _ => return,
    };
    sink.emit("data.digitised", Some("format.class"), &[("value", &what)]);
}
