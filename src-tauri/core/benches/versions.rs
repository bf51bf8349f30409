//! Comparing two versions of a city's catalog (20,000 resources × 12 items) field by field, as
//! `mulu diff A B` does: both read from the workspace and compared (`ops::versions::diff`), and
//! the comparison alone. Release build.
//!
//! Run: `cargo bench -p mulu-core --bench versions` (prints min / median / max of each step).
//! Target (issue 14): under 1 s.

mod common;
use common::measure;

use mulu_core::ops::versions::{self, Side};
use mulu_core::sample;
use mulu_core::store::packages::PackageRecord;
use mulu_core::store::{VersionExtra, Workspace};

const RUNS: usize = 10;

fn record(ws: &mut Workspace, seq: u32, catalog: &mulu_core::model::Catalog) {
    let rec = PackageRecord {
        seq,
        package_id: format!("115201110091453295-2026-{seq:03}"),
        created_at: "2026-12-01T00:00:00+08:00".into(),
        file_name: format!("{seq}.zip"),
        tagmanifest_sha256: "0".repeat(64),
        signer_fingerprint: "0".repeat(64),
    };
    let json = serde_json::to_string(catalog).expect("json");
    ws.record_version(&rec, &json, &VersionExtra::default()).expect("record");
}

fn main() {
    let n = 20_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::create(&dir.path().join("city.mulu")).expect("create");
    ws.set_agency(&sample::agency()).expect("agency");
    let mut first = sample::large_catalog(n, 12);
    first.agency = sample::agency();
    ws.add_resources(first.resources.clone()).expect("add");
    record(&mut ws, 1, &first);

    // A year later: 1 in 20 resources edited (a name and an item), 100 removed, 100 added.
    let mut second = first.clone();
    for (i, r) in second.resources.iter_mut().enumerate().filter(|(i, _)| i % 20 == 0) {
        r.name.push_str("（修订）");
        r.items[3].name = format!("字段 {i}");
    }
    second.resources.drain(500..600);
    let mut extra = sample::large_catalog(100, 12).resources;
    for (i, r) in extra.iter_mut().enumerate() {
        r.code = Some(format!("352111009/9{i:05}"));
    }
    second.resources.extend(extra);
    record(&mut ws, 2, &second);

    let d = versions::diff(&ws, "1", "2").expect("diff");
    println!(
        "catalog: {n} resources × 12 items; {} changed, {} removed, {} added",
        d.changed.len(),
        d.removed.len(),
        d.added.len()
    );
    assert_eq!((d.changed.len(), d.removed.len(), d.added.len()), (1000 - 5, 100, 100));
    let whole = measure("mulu diff 1 2: read both + compare", RUNS, || versions::diff(&ws, "1", "2").expect("diff"));
    measure("mulu diff 2 working: read both + compare", RUNS, || versions::diff(&ws, "2", "working").expect("diff"));
    let side = || Side { sequence: None, package_id: None, created_at: None };
    measure("compare alone (catalogs in memory)", RUNS, || versions::compare(side(), &first, side(), &second));
    let json = serde_json::to_string(&d).expect("json").len();
    println!("the diff as JSON: {:.1} kB", json as f64 / 1024.0);
    assert!(whole.as_secs_f64() < 1.0, "comparing two versions takes {whole:?}, over 1 s");
}
