//! Issue 18: nothing personal, classified, erroneous or unreviewed reaches the open catalog, and
//! the questionnaire never suggests what the personal-data rule refuses.

use chrono::NaiveDate;

use super::*;
use crate::grading::{apply, suggest};
use crate::model::fields::{parse_item, set};
use crate::model::{Grading, SecrecyReview};
use crate::rules::{validate, Context};
use crate::sample;

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

fn reviewed(mut r: Resource) -> Resource {
    r.secrecy_review = Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-25".into() });
    r
}

fn with_items(names: &[&str]) -> Resource {
    let mut r = sample::resource();
    r.items = names.iter().map(|n| parse_item(&format!("{n}:C:50")).unwrap()).collect();
    r
}

fn personal_rule(r: &Resource) -> bool {
    let c = Catalog { agency: sample::agency(), resources: vec![r.clone()], ..Default::default() };
    validate(&c, &ctx()).findings.iter().any(|f| f.rule == "open.personal")
}

/// Item sets that hold personal information, each with a harmless item beside it.
const PERSONAL: &[&[&str]] = &[
    &["姓名", "身份证号"],
    &["户主姓名", "户主公民身份号码"],
    &["家庭住址", "登记日期"],
    &["健康状况", "体检日期"],
    &["门诊病历号", "就诊科室"],
    &["家庭月收入", "统计年度"],
    &["申请人手机号码", "申请事项"],
];

/// Item sets that do not: budget figures, a business register (its legal representative's
/// name is published with it), a road ledger.
const NOT_PERSONAL: &[&[&str]] = &[
    &["预算年度", "预算金额"],
    &["企业名称", "统一社会信用代码", "法定代表人姓名"],
    &["道路名称", "养护日期", "养护单位"],
];

#[test]
fn personal_data_opened_or_graded_public_without_desensitising_is_an_error() {
    for items in PERSONAL {
        let public = with_items(items);
        assert!(personal_rule(&public), "{items:?} graded 公开 and opened");
        let mut internal = with_items(items);
        for (k, v) in [("sensitivity", "内部"), ("open.type", "有条件开放"), ("open.condition", "注册用户")]
        {
            set(&mut internal, k, v).unwrap();
        }
        assert!(personal_rule(&internal), "{items:?} internal, opened with conditions, not desensitised");
        set(&mut internal, "open.declassified", "是").unwrap();
        assert!(!personal_rule(&internal), "{items:?} desensitised: may be opened");
        set(&mut internal, "open.declassified", "否").unwrap();
        set(&mut internal, "open.type", "不予开放").unwrap();
        assert!(!personal_rule(&internal), "{items:?} internal and not opened");
    }
    for items in NOT_PERSONAL {
        assert!(!personal_rule(&with_items(items)), "{items:?} holds no personal information");
    }
    let mut marked = with_items(&["档案编号"]);
    marked.items[0].is_identifier = true;
    marked.items[0].is_personal = true;
    assert!(personal_rule(&marked), "an item the officer marked a personal identifier");
}

#[test]
fn the_questionnaires_suggestion_never_opens_personal_data_undesensitised() {
    let answers = [None, Some(false), Some(true)];
    let mut checked = 0;
    for items in PERSONAL.iter().chain(NOT_PERSONAL) {
        for declassified in [false, true] {
            for (open, grade) in [("无条件开放", "公开"), ("有条件开放", "内部"), ("不予开放", "内部")]
            {
                for &state_secret in &answers {
                    for &legal_restriction in &answers {
                        for &personal_or_commercial in &answers {
                            for &already_public in &answers {
                                let mut r = with_items(items);
                                set(&mut r, "sensitivity", grade).unwrap();
                                set(&mut r, "open.type", open).unwrap();
                                set(&mut r, "open.condition", "注册用户").unwrap();
                                r.open.declassified = declassified;
                                let a = Grading {
                                    state_secret,
                                    legal_restriction,
                                    personal_or_commercial,
                                    already_public,
                                    ..Default::default()
                                };
                                let s = suggest(&a, &r, Lang::Zh);
                                apply(&mut r, a, &s.sensitivity, None, Lang::Zh).unwrap();
                                assert!(
                                    !personal_rule(&r),
                                    "{items:?} {a:?} {declassified} {open}: {s:?}",
                                    a = r.grading
                                );
                                checked += 1;
                            }
                        }
                    }
                }
            }
        }
    }
    assert_eq!(checked, 10 * 2 * 3 * 81);
}

#[test]
fn the_open_catalog_leaves_out_and_names_personal_unreviewed_erroneous_and_closed_resources() {
    let mut c = sample::catalog();
    c.resources[0] = reviewed(c.resources[0].clone());
    let mut add = |name: &str, r: Resource| {
        let mut r = r;
        r.name = name.into();
        r.code = Some(format!("352111009/{:06}", c.resources.len() + 1));
        c.resources.push(r);
    };
    add("低保对象名册", reviewed(with_items(&["姓名", "身份证号"])));
    add("未审查的公开数据", sample::resource());
    let mut broken = reviewed(sample::resource());
    broken.provider_code = Some("123".into());
    add("代码有误的公开数据", broken);
    let mut closed = reviewed(sample::resource());
    for (k, v) in [("sensitivity", "内部"), ("open.type", "有条件开放"), ("open.condition", "注册用户")] {
        set(&mut closed, k, v).unwrap();
    }
    add("未脱敏的内部数据", closed);
    let mut not_opened = reviewed(sample::resource());
    set(&mut not_opened, "sensitivity", "内部").unwrap();
    set(&mut not_opened, "open.type", "不予开放").unwrap();
    add("不开放的内部数据", not_opened);

    let gate = gate(&c, &validate(&c, &ctx()), Lang::Zh);
    let open: Vec<&str> = gate.resources(&c).iter().map(|r| r.name.as_str()).collect();
    assert_eq!(open, ["镇级财政预算公开信息"]);
    let why: Vec<(&str, &[Withhold])> = gate.withheld.iter().map(|w| (w.name.as_str(), &w.reasons[..])).collect();
    assert_eq!(why[0], ("低保对象名册", &[Withhold::Errors { count: 1 }][..]), "open.personal is its one error");
    assert_eq!(why[1], ("未审查的公开数据", &[Withhold::Unreviewed][..]));
    assert!(matches!(why[2], ("代码有误的公开数据", [Withhold::Errors { .. }])));
    assert_eq!(why[3].1[0], Withhold::Closed);
    assert_eq!(why.len(), 4, "a resource not marked for opening is not withheld: it was never offered");
    assert!(gate.withheld[1].why.contains("保密审查"));

    let doc = crate::dcat::open_catalog(&c, &gate);
    let titles: Vec<&str> =
        doc["dcat:dataset"].as_array().unwrap().iter().map(|d| d["dct:title"]["@value"].as_str().unwrap()).collect();
    assert_eq!(titles, open, "the DCAT export carries the gated catalog only");
    let en = super::gate(&c, &validate(&c, &ctx()), Lang::En);
    assert!(en.withheld[3].why.contains("Art. 9"), "{}", en.withheld[3].why);
}
