//! Issue 18: an open entry says how to get the data (G Art. 25; S Art. 8).

use chrono::NaiveDate;

use super::tests::with;
use super::*;

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

fn rules_of(edits: &[(&str, &str)]) -> Vec<String> {
    validate(&with(edits), &ctx()).findings.into_iter().map(|f| f.rule.to_string()).collect()
}

/// Internal data opened desensitised, with conditions: the sample made conditional.
const CONDITIONAL: &[(&str, &str)] = &[
    ("sensitivity", "内部"),
    ("open.type", "有条件开放"),
    ("open.condition", "注册用户"),
    ("open.declassified", "是"),
    ("usage_requirements", "注明来源"),
];

fn plus(more: &[(&'static str, &'static str)]) -> Vec<(&'static str, &'static str)> {
    CONDITIONAL.iter().chain(more).copied().collect()
}

#[test]
fn conditional_or_on_application_opening_needs_its_channel() {
    assert!(rules_of(CONDITIONAL).is_empty(), "the sample's channel is given");
    assert_eq!(rules_of(&plus(&[("open.apply", "")])), ["open.channel"]);
    assert_eq!(rules_of(&plus(&[("open.apply", "  ")])), ["open.channel"], "blank is none");
    // On application, even unconditionally opened data says where to apply.
    assert_eq!(rules_of(&[("open.method", "依申请"), ("open.address", ""), ("open.apply", "")]), ["open.channel"]);
    assert!(rules_of(&[("open.method", "依申请"), ("open.address", "")]).is_empty());
    // Data that is not opened needs no way in.
    assert!(rules_of(&[("sensitivity", "内部"), ("open.type", "不予开放"), ("open.apply", "")]).is_empty());
    let f = validate(&with(&plus(&[("open.apply", "")])), &Context { lang: Lang::En, ..ctx() }).findings;
    assert!(f[0].message.contains("how to apply") && f[0].article.contains("Art. 25"), "{}", f[0].message);
}

#[test]
fn an_open_entry_names_its_method_and_a_web_address() {
    assert_eq!(rules_of(&[("open.method", "")]), ["open.method"]);
    assert_eq!(rules_of(&[("open.method", "随便")]), ["field.domain"], "an unknown method: its domain");
    for (method, address) in [("下载", ""), ("接口", ""), ("API", "")] {
        assert_eq!(rules_of(&[("open.method", method), ("open.address", address)]), ["open.address"], "{method}");
    }
    for address in ["data.guiyang.gov.cn/x", "市数据开放平台", "https://", "https://data gov.cn"] {
        assert_eq!(rules_of(&[("open.address", address)]), ["open.address"], "{address}");
    }
    for address in ["https://data.guiyang.gov.cn/x", "http://10.1.2.3:8080/api"] {
        assert!(rules_of(&[("open.method", "接口"), ("open.address", address)]).is_empty(), "{address}");
    }
    assert!(rules_of(&[("open.type", "不予开放"), ("sensitivity", "内部"), ("open.method", "")]).is_empty());
}
