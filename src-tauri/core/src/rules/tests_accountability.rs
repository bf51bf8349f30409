//! Issue 18, who is responsible: the principal head at packaging, agency levels for public
//! institutions and enterprises, and information systems funded in any of the four ways.

use chrono::NaiveDate;

use super::tests::catalog;
use super::*;
use crate::model::domain::{AgencyLevel, Coded, Domain, SystemFunding};
use crate::model::fields::set_agency;
use crate::model::InfoSystem;

fn ctx() -> Context {
    Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

fn rules_of(c: &Catalog) -> Vec<String> {
    validate(c, &ctx()).findings.into_iter().map(|f| f.rule.to_string()).collect()
}

#[test]
fn packaging_needs_the_principal_head() {
    let mut c = catalog();
    let report = validate(&c, &ctx());
    assert!(crate::package::make::check(&c, &report, false).is_ok());
    for blank in ["", "  "] {
        set_agency(&mut c.agency, "principal_head", blank).unwrap();
        let e = crate::package::make::check(&c, &validate(&c, &ctx()), false).unwrap_err();
        assert_eq!(e.code(), "package.no_principal");
        assert!(e.message(Lang::Zh).contains("第一责任人") && e.message(Lang::En).contains("principal head"));
    }
    // A reminder while compiling: a warning on the profile, never an error.
    let f = validate(&c, &ctx()).findings;
    assert_eq!((f[0].rule, f[0].field.as_deref(), f.len()), ("agency.principal", Some("agency.principal_head"), 1));
    assert!(f[0].article.contains("第二十六条"));
}

#[test]
fn public_institutions_and_enterprises_keep_catalogs_without_a_domain_finding() {
    for (text, level) in [
        ("事业单位", AgencyLevel::PublicInstitution),
        ("事业单位法人", AgencyLevel::PublicInstitution),
        ("公共企业", AgencyLevel::PublicEnterprise),
        ("供水企业", AgencyLevel::PublicEnterprise),
        ("公共交通企业", AgencyLevel::PublicEnterprise),
    ] {
        let mut c = catalog();
        set_agency(&mut c.agency, "level", text).unwrap();
        assert_eq!(c.agency.level, Some(Coded::Known(level)), "{text}");
        assert!(rules_of(&c).is_empty(), "{text}: {:?}", rules_of(&c));
    }
    let mut c = catalog();
    set_agency(&mut c.agency, "level", "私营企业").unwrap();
    assert_eq!(rules_of(&c), ["field.domain"]);
    // Like a department, a public enterprise does not lead a base resource's catalog.
    let mut c = catalog();
    set_agency(&mut c.agency, "level", "公共企业").unwrap();
    crate::model::fields::set(&mut c.resources[0], "code", "101001/000001").unwrap();
    assert!(rules_of(&c).contains(&"catalog.lead".to_string()), "{:?}", rules_of(&c));
}

#[test]
fn a_system_funded_in_any_of_the_four_ways_needs_its_resources_catalogued() {
    for funding in SystemFunding::ALL {
        let mut c = catalog();
        c.systems.push(InfoSystem {
            name: "低保管理系统".into(),
            funding: Some((*funding).into()),
            ..Default::default()
        });
        let f = validate(&c, &ctx()).findings;
        assert_eq!(f.iter().map(|f| f.rule).collect::<Vec<_>>(), ["system.catalog"], "{funding:?}");
        assert!(f[0].message.contains(funding.label(Lang::Zh)), "{}", f[0].message);
        c.resources[0].source_system = Some("低保管理系统".into());
        assert!(rules_of(&c).is_empty(), "{funding:?}: catalogued");
    }
    let mut c = catalog();
    c.systems.push(InfoSystem { name: "自建系统".into(), ..Default::default() });
    assert!(rules_of(&c).is_empty(), "no public money: nothing asked");
    c.systems[0].funding = Coded::parse("众筹");
    assert_eq!(rules_of(&c), ["field.domain"]);
    assert_eq!(SystemFunding::parse("政府购买服务"), Some(SystemFunding::PurchasedService));
}
