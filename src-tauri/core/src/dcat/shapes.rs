//! The export against the required properties of the DCAT-AP 3.0 shapes it follows
//! (docs/open-catalog.md): Catalog, Dataset, Distribution, Agent, Kind (vCard) and
//! RightsStatement, checked on the JSON-LD as written.

use serde_json::Value;

use super::*;
use crate::model::fields::set;
use crate::model::SecrecyReview;
use crate::opening::gate;
use crate::rules::{validate, Context};
use crate::sample;

fn text(v: &Value) -> bool {
    match v {
        Value::String(s) => !s.trim().is_empty(),
        Value::Object(o) => o.get("@value").is_some_and(text),
        _ => false,
    }
}

fn iri(v: &Value) -> bool {
    v.get("@id").and_then(Value::as_str).is_some_and(|s| s.contains(':') && !s.contains(char::is_whitespace))
}

/// Violations of the shapes' mandatory properties (and of the value kinds they expect).
fn violations(doc: &Value) -> Vec<String> {
    let mut out = Vec::new();
    let mut need = |ok: bool, what: String| {
        if !ok {
            out.push(what);
        }
    };
    need(doc["@type"] == "dcat:Catalog", "Catalog: @type".into());
    need(text(&doc["dct:title"]), "Catalog: dct:title".into());
    need(text(&doc["dct:description"]), "Catalog: dct:description".into());
    need(text(&doc["dct:publisher"]["foaf:name"]), "Catalog: dct:publisher (Agent with foaf:name)".into());
    let sets = doc["dcat:dataset"].as_array().cloned().unwrap_or_default();
    for (i, d) in sets.iter().enumerate() {
        let at = format!("Dataset {i}");
        need(d["@type"] == "dcat:Dataset", format!("{at}: @type"));
        need(text(&d["dct:title"]), format!("{at}: dct:title"));
        need(text(&d["dct:description"]), format!("{at}: dct:description"));
        if let Some(p) = d.get("dct:publisher") {
            need(text(&p["foaf:name"]), format!("{at}: dct:publisher foaf:name"));
        }
        for key in ["dct:accessRights", "dct:accrualPeriodicity"] {
            if let Some(v) = d.get(key) {
                need(iri(v), format!("{at}: {key} is an IRI"));
            }
        }
        for r in d.get("dct:rights").and_then(Value::as_array).into_iter().flatten() {
            need(r["@type"] == "dct:RightsStatement" && text(&r["rdfs:label"]), format!("{at}: RightsStatement"));
        }
        if let Some(k) = d.get("dcat:contactPoint") {
            need(k["@type"] == "vcard:Kind" && text(&k["vcard:fn"]), format!("{at}: contactPoint Kind with vcard:fn"));
        }
        for dist in d.get("dcat:distribution").and_then(Value::as_array).into_iter().flatten() {
            need(dist["@type"] == "dcat:Distribution", format!("{at}: Distribution @type"));
            need(iri(&dist["dcat:accessURL"]), format!("{at}: Distribution dcat:accessURL"));
            if let Some(u) = dist.get("dcat:downloadURL") {
                need(iri(u), format!("{at}: dcat:downloadURL is an IRI"));
            }
        }
    }
    out
}

fn reviewed(mut r: Resource) -> Resource {
    r.secrecy_review = Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-25".into() });
    r
}

fn ctx() -> Context {
    Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: crate::Lang::Zh }
}

/// A download, an API and data opened on application with conditions and use requirements.
fn three_ways() -> Catalog {
    let mut c = sample::catalog();
    c.resources[0] = reviewed(c.resources[0].clone());
    let mut api = c.resources[0].clone();
    api.code = Some("352111009/000002".into());
    api.name = "镇村道路养护记录".into();
    set(&mut api, "open.method", "API").unwrap();
    set(&mut api, "open.address", "https://data.guiyang.gov.cn/api/roads").unwrap();
    let mut applied = c.resources[0].clone();
    applied.code = Some("352111009/000003".into());
    applied.name = "村级集体资产台账".into();
    for (k, v) in [
        ("sensitivity", "内部"),
        ("open.type", "有条件开放"),
        ("open.condition", "脱敏后开放"),
        ("open.declassified", "是"),
        ("open.method", "依申请"),
        ("open.address", ""),
        ("open.apply", "青岩镇政务服务中心窗口，提交数据开放申请表"),
        ("usage_requirements", "仅用于学术研究，注明来源"),
    ] {
        set(&mut applied, k, v).unwrap();
    }
    c.resources.push(reviewed(api));
    c.resources.push(reviewed(applied));
    c
}

#[test]
fn the_export_meets_the_dcat_ap_shapes_and_says_how_to_get_each_dataset() {
    let c = three_ways();
    let report = validate(&c, &ctx());
    assert!(report.findings.iter().all(|f| f.resource.is_none()), "{:?}", report.findings);
    let open = gate(&c, &report, crate::Lang::Zh);
    let doc = open_catalog(&c, &open);
    assert_eq!(violations(&doc), Vec::<String>::new());
    let sets = doc["dcat:dataset"].as_array().unwrap();
    assert_eq!(sets.len(), 3);
    let url = "https://data.guiyang.gov.cn/dataset/352111009-000001";
    assert_eq!(sets[0]["dcat:distribution"][0]["dcat:downloadURL"]["@id"], url);
    assert_eq!(sets[1]["dcat:distribution"][0]["dcat:accessURL"]["@id"], "https://data.guiyang.gov.cn/api/roads");
    assert!(sets[1]["dcat:distribution"][0].get("dcat:downloadURL").is_none(), "an API is no download");
    assert!(sets[2].get("dcat:distribution").is_none(), "on application: no address to give");
    let rights: Vec<&str> =
        sets[2]["dct:rights"].as_array().unwrap().iter().map(|r| r["rdfs:label"]["@value"].as_str().unwrap()).collect();
    assert_eq!(rights, ["脱敏后开放", "仅用于学术研究，注明来源", "青岩镇政务服务中心窗口，提交数据开放申请表"]);
    assert!(sets[2]["dct:accessRights"]["@id"].as_str().unwrap().ends_with("RESTRICTED"));
    for s in sets {
        assert_eq!(s["dcat:contactPoint"]["vcard:fn"], "王芳");
        assert_eq!(s["dcat:contactPoint"]["vcard:hasTelephone"]["@id"], "tel:0851-83200000");
    }
}

#[test]
fn the_shape_check_catches_what_the_shapes_require() {
    let c = three_ways();
    let open = gate(&c, &validate(&c, &ctx()), crate::Lang::Zh);
    let good = open_catalog(&c, &open);
    let mut no_url = good.clone();
    no_url["dcat:dataset"][0]["dcat:distribution"][0].as_object_mut().unwrap().remove("dcat:accessURL");
    assert_eq!(violations(&no_url), ["Dataset 0: Distribution dcat:accessURL"]);
    let mut no_description = good.clone();
    no_description["dcat:dataset"][1].as_object_mut().unwrap().remove("dct:description");
    assert_eq!(violations(&no_description), ["Dataset 1: dct:description"]);
    let mut no_title = good;
    no_title.as_object_mut().unwrap().remove("dct:description");
    assert_eq!(violations(&no_title), ["Catalog: dct:description"]);
}
