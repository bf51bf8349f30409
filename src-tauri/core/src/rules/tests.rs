use chrono::NaiveDate;

use super::*;
use crate::model::domain::Coded;
use crate::model::fields::set;
use crate::model::{DataItem, InfoSystem};
use crate::sample;

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

/// The §12 worked example with its secrecy review: a resource ready to package.
pub(super) fn catalog() -> Catalog {
    let mut c = sample::catalog();
    reviewed(&mut c);
    c
}

pub(super) fn reviewed(c: &mut Catalog) {
    for r in &mut c.resources {
        r.secrecy_review =
            Some(crate::model::SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00+08:00".into() });
    }
}

fn rules_of(c: &Catalog) -> Vec<String> {
    validate(c, &ctx()).findings.into_iter().map(|f| f.rule.to_string()).collect()
}

/// The catalog with one edit applied to its only resource.
pub(super) fn with(edits: &[(&str, &str)]) -> Catalog {
    let mut c = catalog();
    for (k, v) in edits {
        set(&mut c.resources[0], k, v).unwrap();
    }
    c
}

#[test]
fn the_reference_resource_is_clean() {
    let report = validate(&catalog(), &ctx());
    assert!(report.findings.is_empty(), "domain.md §12 is complete and valid: {:#?}", report.findings);
    // Before its secrecy review, the only finding is that review (what packaging refuses).
    assert_eq!(rules_of(&sample::catalog()), ["review.secrecy"]);
    assert_eq!(report.summary.resources, 1);
    assert_eq!(report.summary.items, 4);
    assert_eq!(report.summary.sharing_catalog, 1);
    assert_eq!(report.summary.open_catalog, 1);
}

#[test]
fn every_rule_emitted_is_documented() {
    // Each id here must exist in data/rules.toml with both languages.
    for id in ["field.required", "field.domain", "item.required", "code.format", "grade.sharing", "review.secrecy"] {
        let s = specs().get(id).unwrap_or_else(|| panic!("{id} missing"));
        assert!(!s.message.zh.is_empty() && !s.message.en.is_empty() && !s.article.zh.is_empty());
    }
}

#[test]
fn required_fields() {
    let c = with(&[("abstract", ""), ("update_cycle", ""), ("published_on", "")]);
    let r = validate(&c, &ctx());
    let fields: Vec<_> =
        r.findings.iter().filter(|f| f.rule == "field.required").filter_map(|f| f.field.clone()).collect();
    assert_eq!(fields, ["abstract", "update_cycle", "published_on"]);
    assert!(r.findings[0].message.contains("信息资源摘要"), "the message names the field: {}", r.findings[0].message);
    assert!(r.findings[0].article.contains("编制指南"));
}

#[test]
fn values_outside_their_domain_are_errors_that_name_the_value() {
    let c = with(&[("update_cycle", "偶尔"), ("sensitivity", "机密")]);
    let f: Vec<_> = validate(&c, &ctx()).findings.into_iter().filter(|f| f.rule == "field.domain").collect();
    assert_eq!(f.len(), 2, "{f:#?}");
    assert!(f.iter().any(|f| f.message.contains("偶尔") && f.message.contains("每月")));
}

#[test]
fn data_items() {
    let mut c = catalog();
    c.resources[0].items.push(DataItem {
        name: "科目编码".into(),
        data_type: Some(Coded::Raw("文本型".into())),
        length: Some("0".into()),
        ..Default::default()
    });
    c.resources[0].items.push(DataItem { name: "".into(), data_type: None, ..Default::default() });
    let rules = rules_of(&c);
    for r in ["item.data_type.domain", "item.length", "item.name.duplicate", "item.required"] {
        assert!(rules.contains(&r.to_string()), "{r} in {rules:?}");
    }
    let mut empty = catalog();
    empty.resources[0].items.clear();
    assert!(rules_of(&empty).contains(&"item.required".to_string()), "a spreadsheet needs items");
    set(&mut empty.resources[0], "format", "电子文件 pdf").unwrap();
    set(&mut empty.resources[0], "sharing.method", "文件").unwrap();
    assert!(rules_of(&empty).is_empty(), "a document does not: {:?}", rules_of(&empty));
}

#[test]
fn codes_are_checked_and_unique() {
    assert_eq!(rules_of(&with(&[("code", "35211/1")])), ["code.format"]);
    assert_eq!(rules_of(&with(&[("code", "113001/000001")])), ["code.class"]);
    let mut c = catalog();
    let mut twin = c.resources[0].clone();
    twin.name = "另一个资源".into();
    c.resources.push(twin);
    assert_eq!(rules_of(&c), ["code.duplicate", "code.duplicate"]);
    c.resources[1].code = Some("352111009/000002".into());
    c.resources[1].name = "镇级财政预算公开信息 ".into();
    assert_eq!(rules_of(&c), ["name.duplicate", "name.duplicate"], "names compare after trimming");
    c.resources[1].name = "乙".into();
    c.resources[1].related_codes = vec!["352111009/000001".into(), "101001/000009".into()];
    assert_eq!(rules_of(&c), ["code.related.missing"]);
}

#[test]
fn identifiers() {
    let c = with(&[("provider_code", "91520100MA6DJ1234X")]);
    let f = validate(&c, &ctx()).findings;
    assert_eq!(f[0].rule, "provider.uscc");
    assert!(f[0].message.contains("校验位应为“R”"), "{}", f[0].message);
    let elsewhere = with(&[("provider_code", "91350100M000100Y43")]);
    assert_eq!(rules_of(&elsewhere), ["provider.division"], "a Fujian provider for a Guiyang township");
    let mut c = catalog();
    c.agency.uscc = Some("115201110091453290".into());
    c.agency.division_code = Some("990111".into());
    assert_eq!(rules_of(&c), ["provider.uscc", "agency.division"]);
}

#[test]
fn article_9_grading() {
    assert_eq!(
        rules_of(&with(&[
            ("sharing.type", "有条件共享"),
            ("sharing.condition", "仅限民政部门"),
            ("sharing.basis", "《贵阳市政府数据资源管理办法》"),
            ("usage_requirements", "不得转给第三方")
        ])),
        ["grade.sharing"]
    );
    assert_eq!(rules_of(&with(&[("open.type", "不予开放")])), ["grade.open"], "公开 must be opened");
    let internal = [
        ("sensitivity", "内部"),
        ("open.type", "有条件开放"),
        ("open.condition", "注册用户"),
        ("usage_requirements", "注明来源"),
    ];
    assert_eq!(rules_of(&with(&internal)), ["grade.internal.open"]);
    let secret = [
        ("sensitivity", "涉密"),
        ("sharing.type", "不予共享"),
        ("sharing.basis", "《保守国家秘密法》"),
        ("sharing.method", "介质"),
        ("open.type", "有条件开放"),
        ("open.condition", "脱敏后开放"),
        ("usage_requirements", "仅供统计"),
    ];
    assert_eq!(rules_of(&with(&secret)), ["grade.open"], "classified data is not opened");
    let mut declassified = secret.to_vec();
    declassified.push(("open.declassified", "是"));
    assert!(rules_of(&with(&declassified)).is_empty(), "unless declassified: {:?}", rules_of(&with(&declassified)));
}

#[test]
fn conditional_and_non_sharing_need_condition_and_basis() {
    let base =
        [("sensitivity", "涉密"), ("open.type", "不予开放"), ("sharing.method", "介质"), ("usage_requirements", "x")];
    let mut e = base.to_vec();
    e.push(("sharing.type", "有条件共享"));
    assert_eq!(rules_of(&with(&e)), ["sharing.condition", "sharing.basis"]);
    e.push(("sharing.condition", "依据《中华人民共和国统计法》仅供统计部门使用"));
    assert_eq!(rules_of(&with(&e)), ["sharing.basis"], "the basis is its own field, never read from the condition");
    e.push(("sharing.basis", "《中华人民共和国统计法》"));
    assert!(rules_of(&with(&e)).is_empty(), "{:?}", rules_of(&with(&e)));
    let mut n = base.to_vec();
    n.push(("sharing.type", "不予共享"));
    assert_eq!(rules_of(&with(&n)), ["sharing.basis"]);
    let mut p = n.clone();
    p.push(("sharing.basis", "《保守国家秘密法》"));
    p.push(("sharing.type", "有条件共享"));
    p.push(("sharing.condition", "仅限公安"));
    p.push(("sharing.method", "接口"));
    assert_eq!(rules_of(&with(&p)), ["sharing.method.format", "secret.platform"]);
}

#[test]
fn open_condition_and_usage() {
    let c = with(&[("sensitivity", "内部"), ("open.type", "有条件开放")]);
    assert_eq!(rules_of(&c), ["usage.required", "grade.internal.open", "open.condition"]);
    let c = with(&[("sensitivity", "内部"), ("open.type", "有条件开放"), ("open.declassified", "是")]);
    assert_eq!(rules_of(&c), ["usage.required", "open.condition"]);
}

#[test]
fn article_18_identity() {
    let mut c = catalog();
    c.resources[0].items.push(crate::model::fields::parse_item("申请人姓名:C").unwrap());
    assert_eq!(rules_of(&c), ["identity.person"]);
    c.resources[0].items.push(crate::model::fields::parse_item("身份证号:C:18").unwrap());
    assert!(rules_of(&c).is_empty());
    c.resources[0].items.push(crate::model::fields::parse_item("企业名称:C").unwrap());
    assert_eq!(rules_of(&c), ["identity.entity"]);
    c.resources[0].items.push(crate::model::fields::parse_item("统一社会信用代码:C:18").unwrap());
    assert!(rules_of(&c).is_empty());
}

#[test]
fn dates_and_systems() {
    assert_eq!(rules_of(&with(&[("published_on", "2027-01-01")])), ["date.range"]);
    assert_eq!(rules_of(&with(&[("published_on", "1948-01-01")])), ["date.range"]);
    assert_eq!(rules_of(&with(&[("published_on", "上月")])), ["field.domain"]);
    let mut c = catalog();
    c.systems.push(InfoSystem { name: "低保管理系统".into(), public_funds: true, description: None });
    assert_eq!(rules_of(&c), ["system.catalog"]);
    set(&mut c.resources[0], "source_system", "低保管理系统").unwrap();
    assert!(rules_of(&c).is_empty());
}

#[test]
fn messages_follow_the_language() {
    let c = with(&[("abstract", "")]);
    let en = validate(&c, &Context { lang: Lang::En, ..ctx() });
    assert!(en.findings[0].message.contains("Abstract"), "{}", en.findings[0].message);
    assert!(en.findings[0].article.contains("guide"));
}

#[test]
fn summary_counts() {
    let mut c = sample::large_catalog(30, 3);
    reviewed(&mut c);
    c.resources[0].name.clear();
    let s = validate(&c, &ctx()).summary;
    assert_eq!(s.resources, 30);
    assert_eq!(s.items, 90);
    assert_eq!(s.errors, 1);
    assert_eq!(s.resources_with_errors, 1);
    assert_eq!(s.by_rule.get("field.required"), Some(&1));
    assert_eq!(s.sharing_catalog, 30 - 1, "one classified, not shared");
}

#[test]
fn a_large_catalog_validated_on_several_cores_gives_the_same_findings_in_order() {
    let mut c = sample::large_catalog(4500, 2);
    reviewed(&mut c);
    for i in [0, 1, 2249, 2250, 2251, 4499] {
        c.resources[i].summary = None;
        c.resources[i].items[0].data_type = Some(Coded::Raw("文本型".into()));
    }
    let all = validate(&c, &ctx()).findings;
    let one_by_one: Vec<Finding> =
        [0, 1, 2249, 2250, 2251, 4499].into_iter().flat_map(|i| validate_resource(&c, i, &ctx())).collect();
    assert_eq!(all, one_by_one, "the parallel run equals the resources checked one by one, in catalog order");
    assert_eq!(all.len(), 12);
    // From the codes and names alone (what the app's resource form asks): the same findings.
    let keys: Vec<_> = c.resources.iter().map(|r| (r.code.as_deref(), r.name.as_str())).collect();
    let alone: Vec<Vec<Finding>> = [0, 1, 2249, 2250, 2251, 4499]
        .into_iter()
        .map(|i| validate_one(&c.resources[i], &c.agency, keys.iter().copied(), &ctx()))
        .collect();
    let without_index = |f: &Finding| Finding { resource_index: None, ..f.clone() };
    assert_eq!(
        alone.iter().flatten().map(without_index).collect::<Vec<_>>(),
        all.iter().map(without_index).collect::<Vec<_>>()
    );
}

#[test]
fn a_finding_borrows_its_rule_and_cited_article_from_the_rules_table() {
    // Half a million findings in a large import: none carries a copy of the id or the article.
    for lang in [Lang::Zh, Lang::En] {
        let f = finding("notes.unread", lang, None, Some("notes"), &[("line", "x")]).unwrap();
        let spec = &specs()["notes.unread"];
        assert!(std::ptr::eq(f.rule, spec.id.as_str()));
        assert!(std::ptr::eq(f.article, spec.cited[(lang == Lang::En) as usize].as_str()));
        assert_eq!(f.article, crate::i18n::cite(spec.article.get(lang), lang), "cited as before");
    }
}
