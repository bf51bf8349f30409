//! Property tests: arbitrary Unicode (CJK of every length, emoji, combining marks, full-width
//! forms, astral ideographs, control characters) through every path that carries an officer's
//! text — scan, validate, the catalog workbook and the signed package. Nothing panics, and what
//! was stored comes back unchanged.

use std::io::Read;
use std::path::Path;

use proptest::prelude::*;

use crate::model::fields::{set, set_item};
use crate::model::{Catalog, DataItem, Resource};
use crate::rules::{self, Context};
use crate::store::Workspace;
use crate::{sample, Lang};

fn ctx() -> Context {
    Context { today: chrono::NaiveDate::from_ymd_opt(2026, 11, 25).unwrap(), lang: Lang::Zh }
}

/// Text as officers (and other tools) produce it, weighted towards Chinese.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[\\u{4e00}-\\u{9fa5}]{1,40}",
        2 => any::<String>(),
        2 => "[\\u{4e00}-\\u{9fa5}\\u{ff01}-\\u{ff5e}\\u{3000}-\\u{303f} a-zA-Z0-9（）《》、，。\\n]{0,120}",
        1 => "[\\u{1f300}-\\u{1f64f}\\u{1f9d1}\\u{200d}\\u{fe0f}\\u{4e00}-\\u{4e20}\\u{0300}-\\u{036f}a-z]{1,30}",
        1 => "[\\u{20000}-\\u{2a6df}\\u{3400}-\\u{4dbf}]{1,12}",
        1 => "[\\u{0}-\\u{1f}\\u{7f}-\\u{9f}\\u{4e00}-\\u{4e10}\\u{fffe}\\u{ffff}]{1,20}",
        1 => "[\\u{4e00}-\\u{9fa5}]{500,3000}",
    ]
}

/// The resource text fields an officer types freely.
const TEXT_FIELDS: &[&str] = &[
    "name",
    "abstract",
    "provider_name",
    "format.type",
    "sharing.condition",
    "sharing.basis",
    "open.condition",
    "source_business",
    "usage_requirements",
    "category",
    "notes",
];

/// A valid resource whose free text is replaced by `texts` (through the setters, as typed) and
/// whose items carry `item_texts` as names and descriptions.
fn resource_with(n: usize, texts: &[String], item_texts: &[String]) -> Resource {
    let mut r = sample::resource();
    set(&mut r, "code", &format!("352111009/{:06}", n + 1)).unwrap();
    for (key, t) in TEXT_FIELDS.iter().zip(texts.iter().cycle()) {
        set(&mut r, key, t).unwrap();
    }
    if r.name.is_empty() {
        r.name = format!("资源{n}");
    }
    for (i, t) in item_texts.iter().enumerate() {
        let mut item = DataItem::default();
        set_item(&mut item, "item.name", t).unwrap();
        if item.name.is_empty() {
            item.name = format!("信息项{i}");
        }
        set_item(&mut item, "item.data_type", "C").unwrap();
        set_item(&mut item, "item.description", &item_texts[(i + 1) % item_texts.len()]).unwrap();
        r.items.push(item);
    }
    r
}

fn catalog_with(texts: &[String], item_texts: &[String], resources: usize) -> Catalog {
    let mut c = sample::catalog();
    c.resources = (0..resources)
        .map(|n| {
            let rotated: Vec<String> = texts.iter().cycle().skip(n).take(texts.len()).cloned().collect();
            resource_with(n, &rotated, item_texts)
        })
        .collect();
    c
}

fn workspace_of(dir: &Path, catalog: &Catalog) -> Workspace {
    let mut ws = Workspace::create(&dir.join("ws.mulu")).unwrap();
    ws.set_agency(&catalog.agency).unwrap();
    let ids = ws.add_resources(catalog.resources.clone()).unwrap();
    ws.confirm_secrecy_many(&ids, "李审查").unwrap();
    ws
}

fn zip_entry(path: &Path, suffix: &str) -> Vec<u8> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut out = Vec::new();
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        if f.name().unwrap().ends_with(suffix) {
            f.read_to_end(&mut out).unwrap();
            return out;
        }
    }
    panic!("no {suffix} in the package");
}

const PASSPHRASE: &str = "口令 passphrase 2026";

/// A key file (few PBKDF2 rounds: the derivation is not what is tested) and its fingerprint.
fn key_file() -> &'static (tempfile::TempDir, std::path::PathBuf, String) {
    static KEY: std::sync::OnceLock<(tempfile::TempDir, std::path::PathBuf, String)> = std::sync::OnceLock::new();
    KEY.get_or_init(|| {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("签名.key");
        let key = crate::package::keys::generate().unwrap();
        std::fs::write(&p, crate::package::keys::encrypt_pem_rounds(&key, PASSPHRASE, 1_000).unwrap()).unwrap();
        (d, p, crate::package::keys::fingerprint(&key.public_key()))
    })
}

/// A file name made of `text`: what a file system takes (no `/` or NUL, at most 60 characters).
fn file_name(text: &str) -> String {
    let stem: String = text.chars().filter(|c| !matches!(c, '/' | '\0')).take(60).collect();
    format!("{}报送包.zip", stem.trim_start_matches('.'))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every cell of a data file, in CSV and in a workbook, is looked at by the scan.
    #[test]
    fn scan_takes_any_text(rows in prop::collection::vec(prop::collection::vec(text(), 1..5), 1..6)) {
        let d = tempfile::tempdir().unwrap();
        let mut w = csv::Writer::from_path(d.path().join("数据.csv")).unwrap();
        let width = rows.iter().map(Vec::len).max().unwrap();
        for row in &rows {
            let mut row = row.clone();
            row.resize(width, String::new());
            w.write_record(&row).unwrap();
        }
        w.flush().unwrap();
        let mut book = rust_xlsxwriter::Workbook::new();
        let sheet = book.add_worksheet();
        for (r, row) in rows.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                sheet.write_string(r as u32, c as u16, v.chars().take(32_767).collect::<String>()).unwrap();
            }
        }
        book.save(d.path().join("数据.xlsx")).unwrap();
        let (proposals, skipped) = crate::scan::scan(&[d.path().to_path_buf()], ctx().today).unwrap();
        prop_assert_eq!(proposals.len() + skipped.len(), 2, "both files are proposed or skipped with a reason");
    }

    /// Any text in any field, of the agency or a resource, is validated without a panic.
    #[test]
    fn validation_takes_any_text(texts in prop::collection::vec(text(), 1..8), key_pick in any::<prop::sample::Index>()) {
        let mut c = catalog_with(&texts, &texts, 2);
        let keys = &crate::model::fields::RESOURCE_FIELDS;
        let key = &keys[key_pick.index(keys.len())].key;
        let _ = set(&mut c.resources[1], key, &texts[0]);
        for spec in crate::model::fields::AGENCY_FIELDS.iter() {
            let _ = crate::model::fields::set_agency(&mut c.agency, &spec.key, &texts[texts.len() - 1]);
        }
        let report = rules::validate(&c, &ctx());
        prop_assert!(report.summary.resources == 2);
        for f in &report.findings {
            prop_assert!(!f.message.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// What the officer entered comes back from the catalog workbook exactly.
    #[test]
    fn the_workbook_round_trip_keeps_any_text(
        texts in prop::collection::vec(text(), 1..6),
        item_texts in prop::collection::vec(text(), 1..4),
    ) {
        let d = tempfile::tempdir().unwrap();
        let original = catalog_with(&texts, &item_texts, 2);
        let file = d.path().join("目录.xlsx");
        crate::sheets::export_catalog(&original, &file).unwrap();
        let mut ws = Workspace::create(&d.path().join("new.mulu")).unwrap();
        let imported = crate::sheets::read(&file, &crate::sheets::ImportOptions::default(), Lang::Zh).unwrap();
        let effect = crate::sheets::plan(&ws, imported, &ctx()).unwrap();
        crate::sheets::commit(&mut ws, effect).unwrap();
        let back = ws.catalog().unwrap();
        prop_assert_eq!(back.resources.len(), original.resources.len(), "no resource folded or lost");
        for (a, mut b) in original.resources.iter().zip(back.resources) {
            // A grade read from a workbook waits for the officer's confirmation (Art. 9).
            prop_assert!(b.unconfirmed_grade().is_some());
            b.confirm_grade();
            prop_assert_eq!(a, &b);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// The signed package carries exactly the stored catalog, and verifies.
    #[test]
    fn the_package_carries_any_text_and_verifies(
        texts in prop::collection::vec(text(), 1..6),
        item_texts in prop::collection::vec(text(), 1..4),
    ) {
        let d = tempfile::tempdir().unwrap();
        let mut ws = workspace_of(d.path(), &catalog_with(&texts, &item_texts, 2));
        let (_k, key, fingerprint) = key_file();
        let out = d.path().join(file_name(&texts[0]));
        crate::package::make::make(&mut ws, key, PASSPHRASE, &out, true, None, &mut |_| {}).unwrap();
        let trust = crate::package::trust::Trust {
            any_agency: vec![(fingerprint.clone(), "签名.pub".into())],
            ..Default::default()
        };
        let v = crate::package::verify_file(&out, &trust, &crate::package::Limits::default(), Lang::Zh).unwrap();
        prop_assert_eq!(v.verdict, crate::package::Verdict::IntactTrusted, "{:?}", v);
        let inside: Catalog = serde_json::from_slice(&zip_entry(&out, "data/catalog.json")).unwrap();
        prop_assert_eq!(inside.resources, ws.catalog().unwrap().resources);
    }
}
