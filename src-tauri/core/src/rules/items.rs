//! 信息项 rules: structured resources need items; each item needs a name and a known type.

use std::collections::HashMap;

use crate::model::domain::{Coded, DataType, Domain, FormatClass};
use crate::model::Resource;

use super::Sink;

/// `12`, or `p,s` for numbers (`18,2`).
fn length_ok(len: &str) -> bool {
    let positive = |s: &str| s.trim().parse::<u32>().is_ok_and(|n| n > 0);
    match len.split_once([',', '，']) {
        Some((p, s)) => positive(p) && s.trim().parse::<u32>().is_ok(),
        None => positive(len),
    }
}

pub(super) fn check(r: &Resource, sink: &mut Sink) {
    let lang = sink.lang();
    let structured = matches!(
        r.format.class.as_ref().and_then(Coded::known),
        Some(FormatClass::Spreadsheet | FormatClass::Database)
    );
    if r.items.is_empty() && structured {
        let what = lang.pick(
            "电子表格和数据库格式的资源至少需要一个信息项，请补充信息项（名称和数据类型）。",
            "A spreadsheet or database resource needs at least one data item; add its items (name and data type).",
        );
        sink.emit("item.required", Some("items"), &[("what", what)]);
    }
    let mut seen: HashMap<&str, usize> = HashMap::with_capacity(r.items.len());
    for (i, item) in r.items.iter().enumerate() {
        let name = item.name.trim();
        if name.is_empty() {
            let what = lang
                .pick("第 {n} 个信息项缺少名称，请填写。", "Data item {n} has no name; fill it in.")
                .replace("{n}", &(i + 1).to_string());
            sink.emit("item.required", Some(&format!("items[{i}].name")), &[("what", &what)]);
        } else {
            *seen.entry(name).or_default() += 1;
        }
        match &item.data_type {
            None => {
                let what = lang
                    .pick("信息项“{item}”缺少数据类型，请选择。", "Data item “{item}” has no data type; choose one.")
                    .replace("{item}", name);
                sink.emit("item.required", Some(&format!("items[{i}].data_type")), &[("what", &what)]);
            }
            Some(Coded::Raw(raw)) => {
                let allowed = DataType::allowed(lang);
                sink.emit(
                    "item.data_type.domain",
                    Some(&format!("items[{i}].data_type")),
                    &[("item", name), ("value", raw), ("allowed", &allowed)],
                );
            }
            Some(Coded::Known(_)) => {}
        }
        if let Some(len) = item.length.as_deref() {
            if !length_ok(len) {
                sink.emit("item.length", Some(&format!("items[{i}].length")), &[("item", name), ("value", len)]);
            }
        }
    }
    if seen.values().any(|n| *n > 1) {
        for (i, item) in r.items.iter().enumerate() {
            let name = item.name.trim();
            let count = seen.get(name).copied().unwrap_or(0);
            // Report each repeated name once, at its first occurrence.
            if count > 1 && r.items.iter().position(|x| x.name.trim() == name) == Some(i) {
                sink.emit(
                    "item.name.duplicate",
                    Some(&format!("items[{i}].name")),
                    &[("item", name), ("count", &count.to_string())],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lengths() {
        assert!(super::length_ok("18"));
        assert!(super::length_ok("18,2"));
        assert!(!super::length_ok("0"));
        assert!(!super::length_ok("十八"));
        assert!(!super::length_ok("18,"));
    }
}
