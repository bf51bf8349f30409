//! Issue 11, the rules as the measures write them: Art. 9 grading, the legal basis (S Art. 12),
//! identifiers (G Art. 18), who catalogs what (G Art. 12; S Arts. 11, 13–14) and the secrecy
//! review (G Arts. 24, 27). Each class with several examples.

use chrono::NaiveDate;

use super::tests::{catalog, with};
use super::*;
use crate::model::domain::{OpenType, SharingType};
use crate::model::fields::{parse_item, set};
use crate::model::View;
use crate::sample;

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

fn findings(c: &Catalog) -> Vec<Finding> {
    validate(c, &ctx()).findings
}

fn rules_of(c: &Catalog) -> Vec<String> {
    findings(c).into_iter().map(|f| f.rule.to_string()).collect()
}

/// A classified resource, restricted with its basis and exchanged by media.
const SECRET: &[(&str, &str)] = &[
    ("sensitivity", "涉密"),
    ("sharing.type", "不予共享"),
    ("sharing.basis", "《中华人民共和国保守国家秘密法》"),
    ("sharing.method", "介质"),
    ("open.type", "不予开放"),
];

fn plus(
    base: &[(&'static str, &'static str)],
    more: &[(&'static str, &'static str)],
) -> Vec<(&'static str, &'static str)> {
    base.iter().chain(more).copied().collect()
}

// ---- Art. 9 ¶4: declassified classified data 应当开放 -------------------------------------

#[test]
fn declassified_data_left_closed_is_warned_and_opening_it_is_no_error() {
    assert!(rules_of(&with(SECRET)).is_empty(), "{:?}", rules_of(&with(SECRET)));
    for sharing in
        [&[("sharing.type", "不予共享")][..], &[("sharing.type", "有条件共享"), ("sharing.condition", "仅限公安机关")]]
    {
        let closed = plus(&plus(SECRET, sharing), &[("open.declassified", "是"), ("usage_requirements", "仅供核查")]);
        let f = findings(&with(&closed));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["grade.declassified.open"], "{f:#?}");
        assert_eq!(f[0].severity, Severity::Warning);
        assert!(f[0].article.contains("第九条"), "{}", f[0].article);
        assert!(f[0].message.contains("应当开放"), "{}", f[0].message);
        let conditional = plus(&closed, &[("open.type", "有条件开放"), ("open.condition", "脱敏后依申请开放")]);
        assert!(rules_of(&with(&conditional)).is_empty(), "{:?}", rules_of(&with(&conditional)));
        let unconditional = plus(&closed, &[("open.type", "无条件开放")]);
        assert!(rules_of(&with(&unconditional)).is_empty(), "{:?}", rules_of(&with(&unconditional)));
    }
    // Not declassified: opening it is the error, and the closed resource is fine.
    let opened =
        plus(SECRET, &[("open.type", "有条件开放"), ("open.condition", "脱敏后开放"), ("usage_requirements", "x")]);
    assert_eq!(rules_of(&with(&opened)), ["grade.open"]);
}

// ---- Art. 9 ¶3: internal data opens only by law or desensitised ----------------------------

#[test]
fn internal_data_opens_only_by_a_named_law_or_desensitised() {
    let internal = [("sensitivity", "内部"), ("open.type", "有条件开放"), ("usage_requirements", "注明来源")];
    // The condition's words no longer stand in for the basis or the flag.
    for condition in ["注册用户", "脱敏后开放", "依申请开放", "按法律规定开放"] {
        let c = with(&plus(&internal, &[("open.condition", condition)]));
        let f = findings(&c);
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["grade.internal.open"], "{condition}");
        assert_eq!(f[0].field.as_deref(), Some("open.basis"));
        assert!(f[0].message.contains("法律法规规定") && f[0].message.contains("脱敏"), "{}", f[0].message);
        assert!(!c.resources[0].in_open_catalog(), "not opened until Art. 9 allows it: {condition}");
    }
    let ok = [
        plus(&internal, &[("open.condition", "脱敏后开放"), ("open.declassified", "是")]),
        plus(&internal, &[("open.condition", "依申请开放"), ("open.basis", "《贵阳市政府数据共享开放条例》第二十条")]),
        plus(&internal, &[("open.condition", "注册用户"), ("open.basis", "中华人民共和国政府信息公开条例")]),
        // 脱敏开放 in the open-type cell says it is desensitised.
        plus(&internal, &[("open.type", "脱敏开放"), ("open.condition", "脱敏后开放")]),
    ];
    for edits in ok {
        let c = with(&edits);
        assert!(rules_of(&c).is_empty(), "{edits:?}: {:?}", rules_of(&c));
        assert!(c.resources[0].in_open_catalog(), "{edits:?}");
    }
    let vague = plus(&internal, &[("open.condition", "注册用户"), ("open.basis", "按规定开放")]);
    assert_eq!(rules_of(&with(&vague)), ["grade.internal.open"], "a basis must name its law");
}

// ---- The open catalog never carries what Art. 9 keeps closed -------------------------------

#[test]
fn the_open_catalog_views_and_dcat_leave_out_what_article_9_keeps_closed() {
    let mut c = catalog();
    let mut add = |name: &str, edits: &[(&str, &str)]| {
        let mut r = c.resources[0].clone();
        r.name = name.into();
        r.code = Some(format!("352111009/{:06}", c.resources.len() + 1));
        for (k, v) in edits {
            set(&mut r, k, v).unwrap();
        }
        c.resources.push(r);
    };
    let secret_open = plus(SECRET, &[("open.type", "有条件开放"), ("open.condition", "脱敏后开放")]);
    add("涉密未解密有条件开放", &secret_open);
    add("涉密未解密无条件开放", &plus(SECRET, &[("open.type", "无条件开放")]));
    add("涉密已解密有条件开放", &plus(&secret_open, &[("open.declassified", "是")]));
    add(
        "内部未脱敏有条件开放",
        &[("sensitivity", "内部"), ("open.type", "有条件开放"), ("open.condition", "注册用户")],
    );
    add(
        "内部已脱敏有条件开放",
        &[("sensitivity", "内部"), ("open.type", "有条件开放"), ("open.condition", "x"), ("open.declassified", "是")],
    );
    add("未定级无条件开放", &[("sensitivity", "")]);
    let open: Vec<&str> = c.view(View::Open).map(|r| r.name.as_str()).collect();
    assert_eq!(open, ["镇级财政预算公开信息", "涉密已解密有条件开放", "内部已脱敏有条件开放"]);
    let doc = crate::dcat::open_catalog(&c);
    let titles: Vec<&str> =
        doc["dcat:dataset"].as_array().unwrap().iter().map(|d| d["dct:title"]["@value"].as_str().unwrap()).collect();
    assert_eq!(titles, open, "the DCAT export is the open view");
    assert_eq!(validate(&c, &ctx()).summary.open_catalog, 3);
}

// ---- One problem, one fix -------------------------------------------------------------------

#[test]
fn a_sharing_type_wrong_for_the_grade_is_one_finding_with_both_ways_out() {
    for (grade, sharing) in [("内部", "有条件共享"), ("内部", "不予共享"), ("公开", "有条件共享"), ("公开", "不予共享")]
    {
        let edits = [("sensitivity", grade), ("sharing.type", sharing)];
        let open = if grade == "内部" { "不予开放" } else { "无条件开放" };
        let f = findings(&with(&plus(&edits, &[("open.type", open)])));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["grade.sharing"], "{grade} {sharing}");
        assert!(f[0].message.contains("无条件共享") && f[0].message.contains("涉密"), "both ways: {}", f[0].message);
        // Filling the basis, as the old message told, changes nothing: the type is the problem.
        let basis = plus(&edits, &[("open.type", open), ("sharing.basis", "《中华人民共和国统计法》")]);
        assert_eq!(rules_of(&with(&basis)), ["grade.sharing"]);
    }
    let en = validate(
        &with(&[("sensitivity", "内部"), ("sharing.type", "有条件共享"), ("open.type", "不予开放")]),
        &Context { lang: Lang::En, ..ctx() },
    );
    assert!(en.findings[0].message.contains("grade it classified"), "{}", en.findings[0].message);
    let secret = plus(SECRET, &[("sharing.type", "无条件共享"), ("sharing.basis", "")]);
    let f = findings(&with(&secret));
    assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["grade.sharing"]);
    assert!(f[0].message.contains("重新定级"), "{}", f[0].message);
}

#[test]
fn an_open_type_wrong_for_the_grade_is_one_finding() {
    for (edits, ways) in [
        (vec![("open.type", "有条件开放")], "内部"),
        (vec![("open.type", "不予开放")], "内部"),
        (vec![("sensitivity", "内部"), ("open.type", "无条件开放")], "脱敏"),
        (plus(SECRET, &[("open.type", "有条件开放")]), "已解密或脱敏"),
        (plus(SECRET, &[("open.type", "无条件开放")]), "已解密或脱敏"),
    ] {
        let f = findings(&with(&edits));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["grade.open"], "{edits:?}: {f:#?}");
        assert!(f[0].message.contains(ways), "{}", f[0].message);
    }
}

/// Every grade × sharing type × open type × declassified, with and without conditions: a type
/// wrong for the grade is reported alone (not also the condition, basis and usage it would
/// need), and no two findings land on the same field.
#[test]
fn no_two_findings_on_one_field_for_any_combination() {
    let texts = [("", ""), ("仅限民政部门", "《中华人民共和国统计法》")];
    for g in ["公开", "内部", "涉密"] {
        for s in ["无条件共享", "有条件共享", "不予共享"] {
            for o in ["无条件开放", "有条件开放", "不予开放"] {
                for d in ["是", "否"] {
                    for (cond, basis) in texts {
                        for usage in ["", "注明来源"] {
                            let c = with(&[
                                ("sensitivity", g),
                                ("sharing.type", s),
                                ("open.type", o),
                                ("open.declassified", d),
                                ("sharing.condition", cond),
                                ("sharing.basis", basis),
                                ("open.condition", cond),
                                ("usage_requirements", usage),
                            ]);
                            let f = findings(&c);
                            let rules: Vec<&str> = f.iter().map(|f| f.rule).collect();
                            let on = |field: &str| f.iter().any(|f| f.field.as_deref() == Some(field));
                            if rules.contains(&"grade.sharing") {
                                assert!(
                                    !on("sharing.condition") && !on("sharing.basis"),
                                    "the wrong sharing type is the one problem: {g} {s} {cond:?}: {rules:?}"
                                );
                            }
                            if rules.contains(&"grade.open") {
                                assert!(
                                    !on("open.condition") && !on("open.basis"),
                                    "the wrong open type is the one problem: {g} {o} {d}: {rules:?}"
                                );
                            }
                            if rules.contains(&"usage.required") {
                                assert!(
                                    (s == "有条件共享" && !rules.contains(&"grade.sharing"))
                                        || (o == "有条件开放" && !rules.contains(&"grade.open")),
                                    "usage requirements only for a conditional type the grade allows: {g} {s} {o}: {rules:?}"
                                );
                            }
                            let mut fields: Vec<&str> = f.iter().filter_map(|f| f.field.as_deref()).collect();
                            let n = fields.len();
                            fields.sort();
                            fields.dedup();
                            assert_eq!(fields.len(), n, "{g} {s} {o} {d} {cond:?} {usage:?}: {f:#?}");
                        }
                    }
                }
            }
        }
    }
}

// ---- Stale conditions -----------------------------------------------------------------------

#[test]
fn a_condition_left_after_the_change_to_unconditional_is_flagged() {
    let f = findings(&with(&[("sharing.condition", "仅限民政部门使用"), ("sharing.basis", "《统计法》")]));
    assert_eq!(
        f.iter().map(|f| (f.rule, f.field.as_deref())).collect::<Vec<_>>(),
        [("condition.stale", Some("sharing.condition")), ("condition.stale", Some("sharing.basis"))]
    );
    assert!(f[0].message.contains("仅限民政部门使用") && f[0].message.contains("无条件共享"), "{}", f[0].message);
    let f = findings(&with(&[("open.condition", "脱敏后开放")]));
    assert_eq!(
        f.iter().map(|f| (f.rule, f.field.as_deref())).collect::<Vec<_>>(),
        [("condition.stale", Some("open.condition"))]
    );
    for filler in ["无", "—", "/", "无条件"] {
        assert!(rules_of(&with(&[("sharing.condition", filler), ("open.condition", filler)])).is_empty(), "{filler}");
    }
}

#[test]
fn the_questionnaire_clears_the_conditions_its_change_makes_stale() {
    let mut c = with(&[
        ("sensitivity", "涉密"),
        ("sharing.type", "有条件共享"),
        ("sharing.condition", "仅限公安机关"),
        ("sharing.basis", "《中华人民共和国统计法》"),
        ("sharing.method", "介质"),
        ("open.type", "不予开放"),
        ("usage_requirements", "仅供核查"),
    ]);
    let answers = crate::model::Grading {
        state_secret: Some(false),
        legal_restriction: Some(false),
        personal_or_commercial: Some(false),
        already_public: Some(true),
        ..Default::default()
    };
    crate::grading::apply(&mut c.resources[0], answers, "公开", None, Lang::Zh).unwrap();
    let r = &c.resources[0];
    assert_eq!((r.sharing_type(), r.open_type()), (Some(SharingType::Unconditional), Some(OpenType::Unconditional)));
    assert_eq!((r.sharing.condition.as_deref(), r.sharing.basis.as_deref()), (None, None), "cleared with the change");
    assert!(!rules_of(&c).iter().any(|r| r == "condition.stale"), "{:?}", rules_of(&c));
}

// ---- Legal basis (S Art. 12) ----------------------------------------------------------------

#[test]
fn a_basis_names_a_document_and_is_never_read_from_the_condition() {
    let restricted = [
        ("sensitivity", "涉密"),
        ("sharing.type", "有条件共享"),
        ("sharing.condition", "按规定申请"),
        ("sharing.method", "介质"),
        ("open.type", "不予开放"),
        ("usage_requirements", "x"),
    ];
    assert_eq!(rules_of(&with(&restricted)), ["sharing.basis"], "按规定申请 is no basis");
    for vague in ["按规定申请", "依据有关规定", "根据国家和省相关法律法规", "内部规定"] {
        let f = findings(&with(&plus(&restricted, &[("sharing.basis", vague)])));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["sharing.basis.unnamed"], "{vague}");
        assert!(f[0].message.contains(vague) && f[0].article.contains("第十二条"), "{}", f[0].message);
    }
    for named in ["《中华人民共和国统计法》第二十五条", "国办发〔2016〕51号", "贵州省大数据发展应用促进条例"]
    {
        assert!(rules_of(&with(&plus(&restricted, &[("sharing.basis", named)]))).is_empty(), "{named}");
    }
    let not_shared = plus(SECRET, &[("sharing.basis", ""), ("sharing.condition", "依据《保守国家秘密法》")]);
    assert_eq!(rules_of(&with(&not_shared)), ["sharing.basis"], "the condition's text does not count");
}

// ---- Identifiers (G Art. 18) ----------------------------------------------------------------

fn with_items(items: &[&str]) -> Vec<String> {
    let mut c = catalog();
    c.resources[0].items = items.iter().map(|i| parse_item(i).unwrap()).collect();
    rules_of(&c)
}

#[test]
fn people_are_recognised_by_meaning() {
    for items in [&["户主姓名:C"][..], &["法定代表人姓名:C", "住址:C"], &["申请人手机号:C"]] {
        assert_eq!(with_items(items), ["identity.person"], "{items:?}");
    }
    for items in [
        &["户主姓名:C", "户主公民身份号码:C:18"][..],
        &["姓名:C", "社会保障号码:C:18"],
        &["姓名:C", "身份证件号码:C:18"],
        &["监护人姓名:C", "监护人身份证号:C:18"],
    ] {
        assert!(with_items(items).is_empty(), "{items:?}: {:?}", with_items(items));
    }
}

#[test]
fn entities_by_uscc_or_business_licence_not_the_old_organisation_code() {
    for items in [
        &["企业名称:C", "营业执照注册号:C"][..],
        &["个体工商户名称:C", "营业执照号:C"],
        &["企业名称:C", "统一社会信用代码:C:18"],
    ] {
        assert!(with_items(items).is_empty(), "{items:?}: {:?}", with_items(items));
    }
    for items in [&["企业名称:C", "组织机构代码:C:9"][..], &["组织机构代码:C:9"], &["单位名称:C", "单位组织机构代码:C"]]
    {
        assert_eq!(with_items(items), ["identity.entity.superseded"], "{items:?}");
    }
    let mut c = catalog();
    c.resources[0].items = vec![parse_item("组织机构代码:C:9").unwrap()];
    let f = &findings(&c)[0];
    assert!(f.message.contains("统一社会信用代码") && f.message.contains("取代"), "{}", f.message);
    assert!(f.article.contains("第十八条"));
    assert_eq!(with_items(&["公司名称:C"]), ["identity.entity"]);
}

#[test]
fn an_entity_record_with_its_contact_person_is_not_a_person_record() {
    for items in [
        &["统一社会信用代码:C:18", "企业名称:C", "联系人:C", "联系电话:C"][..],
        &["统一社会信用代码:C:18", "法定代表人姓名:C"],
        &["营业执照注册号:C", "经营者姓名:C", "手机号码:C"],
    ] {
        assert!(with_items(items).is_empty(), "{items:?}: {:?}", with_items(items));
    }
    // Without the entity's key, that is the one finding: adding the USCC settles it all.
    for (items, rule) in [
        (&["企业名称:C", "联系人:C", "联系电话:C"][..], "identity.entity"),
        (&["组织机构代码:C", "法定代表人姓名:C"], "identity.entity.superseded"),
    ] {
        assert_eq!(with_items(items), [rule], "{items:?}");
        let mut keyed = items.to_vec();
        keyed.push("统一社会信用代码:C:18");
        assert!(with_items(&keyed).is_empty(), "{keyed:?}: {:?}", with_items(&keyed));
    }
}

#[test]
fn wenben_is_character_and_wenbenxing_stays_ambiguous() {
    assert!(with_items(&["科目名称:文本", "备注:文本型"]) == ["item.data_type.domain"]);
    assert!(with_items(&["科目名称:文本", "摘要:text"]).is_empty());
}

// ---- Who catalogs what (G Art. 12; S Arts. 11, 13–14) ---------------------------------------

#[test]
fn base_and_thematic_resources_belong_to_their_lead_agencies() {
    for (code, lead) in [
        ("101001/000001", "公安部门"),
        ("102001/000001", "市场监督管理部门"),
        ("105001/000003", "营商环境建设部门"),
        ("209001/000001", "牵头建设“城乡建设”主题项目的部门"),
    ] {
        let f = findings(&with(&[("code", code), ("classification", "")]));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["catalog.lead"], "{code}");
        assert!(f[0].message.contains(lead) && f[0].message.contains("关联资源代码"), "{}", f[0].message);
        assert!(f[0].article.contains("第十二条") && f[0].article.contains("第十一条"));
    }
    // A department's catalog too; not a county's summary, nor a resource another agency provides.
    let mut dept = with(&[("code", "101001/000001"), ("classification", "")]);
    dept.agency.level = Some(crate::model::domain::AgencyLevel::CountyDepartment.into());
    assert_eq!(rules_of(&dept), ["catalog.lead"]);
    dept.agency.level = Some(crate::model::domain::AgencyLevel::County.into());
    assert!(rules_of(&dept).is_empty());
    let other = with(&[("code", "101001/000001"), ("classification", ""), ("provider_code", "115201110091453295")]);
    assert_eq!(rules_of(&other), ["catalog.lead"], "the agency's own USCC");
    assert!(rules_of(&with(&[("code", "352111009/000009")])).is_empty(), "a departmental resource");
}

#[test]
fn a_classification_contradicting_the_code_is_an_error() {
    for classification in ["101001", "基础信息资源", "主题信息资源", "353"] {
        let f = findings(&with(&[("classification", classification)]));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["code.classification"], "{classification}");
        assert_eq!(f[0].severity, Severity::Error);
        assert!(f[0].message.contains("352111009/000001") && f[0].message.contains("3/52"), "{}", f[0].message);
    }
    for classification in ["352111009", "部门信息资源", "352"] {
        assert!(rules_of(&with(&[("classification", classification)])).is_empty(), "{classification}");
    }
    // A classification derived from the code follows an edit of the code; one set apart stays
    // and is caught.
    let mut c = catalog();
    set(&mut c.resources[0], "code", "353001001/000001").unwrap();
    assert!(rules_of(&c).is_empty(), "{:?}", rules_of(&c));
    set(&mut c.resources[0], "classification", "部门信息资源").unwrap();
    set(&mut c.resources[0], "code", "101001/000001").unwrap();
    assert_eq!(rules_of(&c), ["code.classification", "catalog.lead"]);
    c.resources[0].code = Some("353001001/000001".into());
    c.resources[0].classification =
        crate::ids::code::ResourceCode::parse("352111009/000001").map(|c| c.classification());
    assert_eq!(rules_of(&c), ["code.classification"]);
}

#[test]
fn non_classified_data_is_shared_through_the_platform() {
    for (grade, method, open) in [
        ("公开", "拷贝", "无条件开放"),
        ("公开", "介质交换", "无条件开放"),
        ("内部", "邮件", "不予开放"),
        ("内部", "其他方式", "不予开放"),
    ] {
        let f = findings(&with(&[("sensitivity", grade), ("sharing.method", method), ("open.type", open)]));
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["sharing.method.platform"], "{grade} {method}");
        assert!(f[0].article.contains("第十三条") && f[0].article.contains("第十四条"));
    }
    assert!(rules_of(&with(SECRET)).is_empty(), "classified data may go by media");
}

// ---- Secrecy review (G Arts. 24, 27): validation and packaging name the same resources -------

#[test]
fn validation_reports_the_resources_packaging_refuses_for_review() {
    for unreviewed in [&[1usize][..], &[0, 3], &[1, 4, 5, 6]] {
        let mut c = sample::large_catalog(7, 2);
        super::tests::reviewed(&mut c);
        for &i in unreviewed {
            c.resources[i].secrecy_review = None;
        }
        let report = validate(&c, &ctx());
        let review: Vec<&Finding> = report.findings.iter().filter(|f| f.rule == "review.secrecy").collect();
        assert_eq!(review.len(), 1, "one finding on the catalog");
        let f = review[0];
        assert_eq!((f.resource.as_ref(), f.severity), (None, Severity::Warning));
        assert!(f.message.starts_with(&format!("{} 个资源", unreviewed.len())), "{}", f.message);
        assert!(f.article.contains("第二十四条") && f.article.contains("第二十七条"));
        assert!(!report.has_errors(), "a warning while compiling: {:?}", report.findings);
        let named: Vec<String> = unreviewed.iter().map(|&i| resource_label(&c.resources[i])).collect();
        assert!(f.message.contains(named[0].as_str()), "the first is named: {}", f.message);
        assert!(named.iter().skip(3).all(|n| !f.message.contains(n.as_str())), "{}", f.message);
        // Packaging refuses exactly those, even with findings allowed.
        match crate::package::make::check(&c, &report, true) {
            Err(crate::Error::PackageUnreviewed { resources }) => assert_eq!(resources, named),
            other => panic!("refused for the review: {other:?}"),
        }
        // The resource form's own check does not repeat it on each record.
        assert!(validate_resource(&c, unreviewed[0], &ctx()).iter().all(|f| f.rule != "review.secrecy"));
    }
    let mut c = sample::large_catalog(7, 2);
    super::tests::reviewed(&mut c);
    let report = validate(&c, &ctx());
    assert!(!report.findings.iter().any(|f| f.rule == "review.secrecy"));
    assert!(crate::package::make::check(&c, &report, false).is_ok());
}

#[test]
fn every_new_rule_has_a_title_and_cites_its_article() {
    let doc: toml::Value = toml::from_str(include_str!("../../data/rules.toml")).unwrap();
    let rules = doc["rule"].as_array().unwrap();
    for id in [
        "grade.declassified.open",
        "sharing.basis.unnamed",
        "condition.stale",
        "sharing.method.platform",
        "code.classification",
        "catalog.lead",
        "identity.entity.superseded",
    ] {
        let r = rules.iter().find(|r| r["id"].as_str() == Some(id)).unwrap_or_else(|| panic!("{id}"));
        for part in ["title", "article", "message"] {
            for lang in ["zh", "en"] {
                assert!(!r[part][lang].as_str().unwrap_or("").is_empty(), "{id}: {part}.{lang}");
            }
        }
        assert!(specs().contains_key(id));
    }
}
