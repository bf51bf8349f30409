//! Sample catalogs for tests, benchmarks and demos: the complete, valid resource of
//! domain.md §12, and a generator of large catalogs shaped like a city's.

use crate::model::domain::{
    DataType, FormatClass, MethodClass, OpenMethod, OpenType, Sensitivity, SharingType, UpdateCycle,
};
use crate::model::{Agency, Catalog, DataItem, Format, Open, Resource, Sharing, SharingMethod};

pub fn agency() -> Agency {
    Agency {
        name: Some("花溪区青岩镇人民政府".into()),
        uscc: Some("115201110091453295".into()),
        division_code: Some("520111".into()),
        level: Some(crate::model::domain::AgencyLevel::Township.into()),
        principal_head: Some("张明".into()),
        contact_name: Some("王芳".into()),
        contact_phone: Some("0851-83200000".into()),
        code_prefix: Some("352111009".into()),
        period: Some("2026".into()),
    }
}

fn item(name: &str, t: DataType) -> DataItem {
    DataItem { name: name.into(), data_type: Some(t.into()), ..Default::default() }
}

/// The complete, valid resource of domain.md §12.
pub fn resource() -> Resource {
    let mut r = Resource {
        code: Some("352111009/000001".into()),
        name: "镇级财政预算公开信息".into(),
        provider_name: Some("花溪区青岩镇人民政府".into()),
        provider_code: Some("115201110091453295".into()),
        summary: Some("本镇年度一般公共预算收支及三公经费预算".into()),
        format: Format { class: Some(FormatClass::Spreadsheet.into()), kind: Some("xlsx".into()) },
        items: vec![
            item("预算年度", DataType::N),
            item("科目编码", DataType::C),
            item("科目名称", DataType::C),
            item("预算金额", DataType::Y),
        ],
        sensitivity: Some(Sensitivity::Public.into()),
        sharing: Sharing {
            kind: Some(SharingType::Unconditional.into()),
            condition: None,
            basis: None,
            method: SharingMethod { class: Some(MethodClass::Platform.into()), kind: Some("文件".into()) },
        },
        open: Open {
            kind: Some(OpenType::Unconditional.into()),
            method: Some(OpenMethod::Download.into()),
            address: Some("https://data.guiyang.gov.cn/dataset/352111009-000001".into()),
            apply: Some("青岩镇政务服务中心窗口，提交数据开放申请表".into()),
            ..Default::default()
        },
        update_cycle: Some(UpdateCycle::Yearly.into()),
        published_on: Some("2026-01-15".into()),
        source_business: Some("财政预算编制".into()),
        ..Default::default()
    };
    r.derive_classification();
    r
}

pub fn catalog() -> Catalog {
    Catalog { agency: agency(), resources: vec![resource()], ..Default::default() }
}

/// `n` valid resources with `items` data items each, varied across grades and formats the way a
/// city catalog is (a third internal and conditionally shared, a few classified).
pub fn large_catalog(n: usize, items: usize) -> Catalog {
    let base = resource();
    let mut resources = Vec::with_capacity(n);
    for i in 0..n {
        let mut r = base.clone();
        r.code = Some(format!("352111{:03}/{:06}", i / 100_000, i % 1_000_000 + 1));
        r.classification = None;
        r.derive_classification();
        r.name = format!("{}第{}号台账", base.name, i + 1);
        r.items = (0..items)
            .map(|j| item(&format!("信息项{j}"), [DataType::C, DataType::N, DataType::D, DataType::Y][j % 4]))
            .collect();
        match i % 3 {
            1 => {
                r.sensitivity = Some(Sensitivity::Internal.into());
                // Opened desensitised, as Art. 9 allows internal data to be.
                r.open = Open {
                    kind: Some(OpenType::Conditional.into()),
                    condition: Some("脱敏后开放".into()),
                    declassified: true,
                    method: Some(OpenMethod::OnApplication.into()),
                    apply: Some("花溪区大数据局政务服务窗口，提交数据开放申请表".into()),
                    ..Default::default()
                };
                r.usage_requirements = Some("仅用于本部门履职".into());
            }
            2 if i % 50 == 2 => {
                r.sensitivity = Some(Sensitivity::Classified.into());
                r.sharing.kind = Some(SharingType::NotShared.into());
                r.sharing.basis = Some("《中华人民共和国保守国家秘密法》".into());
                r.sharing.method =
                    SharingMethod { class: Some(MethodClass::Other.into()), kind: Some("介质交换".into()) };
                r.open = Open { kind: Some(OpenType::NotOpened.into()), ..Default::default() };
            }
            _ => {}
        }
        resources.push(r);
    }
    Catalog { agency: agency(), resources, ..Default::default() }
}
