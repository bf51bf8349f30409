//! The open catalog (开放目录) as DCAT 3 in JSON-LD, for open-data platforms: each resource
//! opened to society becomes a `dcat:Dataset` with its Chinese fields mapped to dcat/dct terms.
//! The context is inline, so the file is complete offline.

use std::path::Path;

use serde_json::{json, Map, Value};

use crate::error::Result;
use crate::model::domain::{Coded, OpenMethod, OpenType, UpdateCycle};
use crate::model::{Agency, Catalog, Resource};
use crate::opening::OpenCatalog;

/// EU frequency vocabulary, the one DCAT-AP uses for `dct:accrualPeriodicity`.
fn frequency(u: UpdateCycle) -> String {
    let code = match u {
        UpdateCycle::RealTime => "CONT",
        UpdateCycle::Daily => "DAILY",
        UpdateCycle::Weekly => "WEEKLY",
        UpdateCycle::Monthly => "MONTHLY",
        UpdateCycle::Quarterly => "QUARTERLY",
        UpdateCycle::HalfYearly => "ANNUAL_2",
        UpdateCycle::Yearly => "ANNUAL",
        UpdateCycle::Irregular => "IRREG",
    };
    format!("http://publications.europa.eu/resource/authority/frequency/{code}")
}

/// The agency's contact as a vCard (`dcat:contactPoint`), when it names one.
fn contact_point(a: &Agency) -> Option<Value> {
    let name = a.contact_name.as_deref().filter(|n| !n.trim().is_empty())?;
    let mut v = json!({ "@type": "vcard:Kind", "vcard:fn": name });
    if let Some(org) = &a.name {
        v["vcard:organization-name"] = zh(org);
    }
    if let Some(phone) = a.contact_phone.as_deref().filter(|p| !p.trim().is_empty()) {
        let digits: String = phone.chars().filter(|c| c.is_ascii_digit() || *c == '+' || *c == '-').collect();
        v["vcard:hasTelephone"] = json!({ "@id": format!("tel:{digits}") });
    }
    Some(v)
}

fn zh(text: &str) -> Value {
    json!({ "@value": text, "@language": "zh-CN" })
}

fn dataset(r: &Resource, agency: &Agency) -> Value {
    let mut d = Map::new();
    d.insert("@type".into(), json!("dcat:Dataset"));
    if let Some(code) = &r.code {
        d.insert("@id".into(), json!(format!("urn:gov-data-resource:{code}")));
        d.insert("dct:identifier".into(), json!(code));
    }
    d.insert("dct:title".into(), zh(&r.name));
    if let Some(a) = &r.summary {
        d.insert("dct:description".into(), zh(a));
    }
    if let Some(p) = &r.provider_name {
        let mut org = json!({ "@type": "foaf:Organization", "foaf:name": zh(p) });
        if let Some(c) = &r.provider_code {
            org["dct:identifier"] = json!(c);
        }
        d.insert("dct:publisher".into(), org);
    }
    if let Some(date) = r.published_on.as_deref().filter(|s| crate::model::fields::parse_date(s).is_some()) {
        d.insert("dct:issued".into(), json!({ "@value": date, "@type": "xsd:date" }));
    }
    if let Some(u) = r.update_cycle.as_ref().and_then(Coded::known) {
        d.insert("dct:accrualPeriodicity".into(), json!({ "@id": frequency(u) }));
    }
    let access = match r.open_type() {
        Some(OpenType::Conditional) => "RESTRICTED",
        _ => "PUBLIC",
    };
    d.insert(
        "dct:accessRights".into(),
        json!({ "@id": format!("http://publications.europa.eu/resource/authority/access-right/{access}") }),
    );
    // The open condition, the use requirements and how to apply are each a rights statement:
    // a platform shows all three (before, the use requirements were dropped beside a condition).
    let rights: Vec<Value> =
        [("开放条件", &r.open.condition), ("使用要求", &r.usage_requirements), ("申请渠道", &r.open.apply)]
            .into_iter()
            .filter_map(|(what, text)| text.as_deref().map(|t| (what, t.trim())))
            .filter(|(_, t)| !t.is_empty())
            .map(|(what, t)| json!({ "@type": "dct:RightsStatement", "dct:title": zh(what), "rdfs:label": zh(t) }))
            .collect();
    if !rights.is_empty() {
        d.insert("dct:rights".into(), json!(rights));
    }
    if let Some(contact) = contact_point(agency) {
        d.insert("dcat:contactPoint".into(), contact);
    }
    if let Some(c) = &r.classification {
        let theme: String =
            [&c.class, &c.item, &c.category, &c.subcategory].iter().filter_map(|p| p.as_deref()).collect();
        d.insert("dcat:theme".into(), json!({ "@type": "skos:Concept", "skos:notation": theme }));
    }
    if let Some(cat) = &r.category {
        d.insert("dcat:keyword".into(), json!([zh(cat)]));
    }
    if !r.related_codes.is_empty() {
        d.insert(
            "dct:relation".into(),
            json!(r.related_codes.iter().map(|c| format!("urn:gov-data-resource:{c}")).collect::<Vec<_>>()),
        );
    }
    if let Some(b) = &r.source_business {
        d.insert("dct:source".into(), zh(b));
    }
    // A distribution is where the data is reached (DCAT-AP: its accessURL is mandatory): only
    // with a web address. Data opened on application alone has none; its channel is in dct:rights.
    if let Some(url) = r.open.address.as_deref().map(str::trim).filter(|a| crate::rules::access::is_web_address(a)) {
        let mut dist = json!({ "@type": "dcat:Distribution", "dcat:accessURL": { "@id": url } });
        if r.open.method.as_ref().and_then(Coded::known) == Some(OpenMethod::Download) {
            dist["dcat:downloadURL"] = json!({ "@id": url });
        }
        if let Some(m) = &r.open.method {
            dist["dct:title"] = zh(m.label(crate::Lang::Zh));
        }
        if let Some(t) = &r.format.kind {
            dist["dct:format"] = json!(t);
        }
        if let Some(c) = &r.format.class {
            dist["dct:description"] = zh(c.as_str());
        }
        d.insert("dcat:distribution".into(), json!([dist]));
    }
    if !r.items.is_empty() {
        // 信息项 as the dataset's columns (CSVW-style), so a platform can show its fields.
        let cols: Vec<Value> = r
            .items
            .iter()
            .map(|i| json!({ "csvw:name": i.name, "csvw:datatype": i.data_type.as_ref().map(|t| t.as_str()) }))
            .collect();
        d.insert("csvw:tableSchema".into(), json!({ "csvw:column": cols }));
    }
    Value::Object(d)
}

/// The open catalog as a DCAT 3 JSON-LD document: the resources `open` let through its gate.
pub fn open_catalog(c: &Catalog, open: &OpenCatalog) -> Value {
    let agency = c.agency.name.clone().unwrap_or_default();
    let datasets: Vec<Value> = open.resources(c).into_iter().map(|r| dataset(r, &c.agency)).collect();
    json!({
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "skos": "http://www.w3.org/2004/02/skos/core#",
            "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
            "csvw": "http://www.w3.org/ns/csvw#",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
            "xsd": "http://www.w3.org/2001/XMLSchema#"
        },
        "@type": "dcat:Catalog",
        "dct:title": zh(&format!("{agency}开放目录")),
        "dct:description": zh(&format!("{agency}向社会开放的政府数据资源目录")),
        "dct:publisher": {
            "@type": "foaf:Organization",
            "foaf:name": zh(&agency),
            "dct:identifier": c.agency.uscc,
            "dct:spatial": c.agency.division_code,
        },
        "dct:temporal": c.agency.period,
        "dcat:dataset": datasets,
    })
}

/// Writes the open catalog's DCAT JSON-LD to `path` atomically.
pub fn export_dcat(c: &Catalog, open: &OpenCatalog, path: &Path) -> Result<()> {
    let text = serde_json::to_string_pretty(&open_catalog(c, open))?;
    crate::fsutil::atomic_write(path, |tmp| std::fs::write(tmp, text.as_bytes()).map_err(|e| crate::Error::io(path, e)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::View;
    use crate::sample;

    #[test]
    fn only_opened_resources_become_datasets_with_mapped_terms() {
        let mut c = sample::large_catalog(6, 2);
        for r in &mut c.resources {
            r.secrecy_review =
                Some(crate::model::SecrecyReview { reviewer: "李审查".into(), at: "2026-11-25".into() });
        }
        let gate = crate::opening::gate(
            &c,
            &crate::rules::validate(&c, &crate::rules::Context::now(crate::Lang::Zh)),
            crate::Lang::Zh,
        );
        assert!(gate.withheld.is_empty(), "{:?}", gate.withheld);
        let doc = open_catalog(&c, &gate);
        let sets = doc["dcat:dataset"].as_array().unwrap();
        assert_eq!(sets.len(), c.view(View::Open).count());
        let first = &sets[0];
        assert_eq!(first["@type"], "dcat:Dataset");
        assert_eq!(first["dct:identifier"], c.resources[0].code.clone().unwrap());
        assert_eq!(first["dct:title"]["@language"], "zh-CN");
        assert_eq!(first["dct:issued"]["@value"], "2026-01-15");
        assert!(first["dct:accrualPeriodicity"]["@id"].as_str().unwrap().ends_with("/ANNUAL"));
        assert!(first["dct:accessRights"]["@id"].as_str().unwrap().ends_with("/PUBLIC"));
        assert_eq!(first["dcat:distribution"][0]["dct:format"], "xlsx");
        let conditional =
            sets.iter().find(|s| s["dct:accessRights"]["@id"].as_str().unwrap().ends_with("RESTRICTED")).unwrap();
        assert_eq!(conditional["dct:rights"][0]["rdfs:label"]["@value"], "脱敏后开放");
        assert_eq!(
            conditional["dct:rights"][1]["rdfs:label"]["@value"], "仅用于本部门履职",
            "kept beside the condition"
        );
        assert!(
            doc["@context"]["dcat"].as_str().unwrap().starts_with("http://www.w3.org/ns/dcat"),
            "the context is inline"
        );
    }
}

#[cfg(test)]
mod shapes;
