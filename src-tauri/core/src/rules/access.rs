//! How an open resource is reached (G Art. 25; Guizhou sharing measures Art. 8): its open method
//! (开放方式), the address of a download or an API, and for data opened on application or with
//! conditions, where and how to apply (申请渠道).

use crate::model::domain::{Coded, Domain, OpenMethod, OpenType};
use crate::model::fields::label;
use crate::model::Resource;

use super::Sink;

/// A web address a platform can link to (`dcat:accessURL`).
pub fn is_web_address(s: &str) -> bool {
    let t = s.trim();
    (t.starts_with("https://") || t.starts_with("http://"))
        && t.len() > "https://".len()
        && !t.contains(char::is_whitespace)
}

fn blank(v: &Option<String>) -> bool {
    v.as_deref().is_none_or(|s| s.trim().is_empty())
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    let method = match &r.open.method {
        Some(Coded::Raw(raw)) => {
            let allowed = OpenMethod::allowed(lang);
            let args = [("label", label("open.method", lang)), ("value", raw.as_str()), ("allowed", &allowed)];
            sink.emit("field.domain", Some("open.method"), &args);
            None
        }
        Some(Coded::Known(m)) => Some(*m),
        None => None,
    };
    // Only what the open catalog may carry needs its way in: closed data is nobody's to reach.
    let opened =
        matches!(r.open_type(), Some(OpenType::Unconditional | OpenType::Conditional)) && r.opening_permitted();
    if !opened {
        return;
    }
    let on_application = method == Some(OpenMethod::OnApplication);
    if (r.open_type() == Some(OpenType::Conditional) || on_application) && blank(&r.open.apply) {
        let why =
            if on_application { OpenMethod::OnApplication.label(lang) } else { OpenType::Conditional.label(lang) };
        sink.emit("open.channel", Some("open.apply"), &[("value", why)]);
    }
    match (method, r.open.address.as_deref().filter(|a| !a.trim().is_empty())) {
        // An unknown method is reported by field.domain alone (one problem, one finding).
        (None, _) if r.open.method.is_none() => sink.emit("open.method", Some("open.method"), &[]),
        (Some(m @ (OpenMethod::Download | OpenMethod::Api)), None) => {
            sink.emit("open.address", Some("open.address"), &[("value", m.label(lang)), ("address", "")])
        }
        (_, Some(a)) if !is_web_address(a) => {
            let m = method.map_or("", |m| m.label(lang));
            sink.emit("open.address", Some("open.address"), &[("value", m), ("address", a)])
        }
        _ => {}
    }
}
