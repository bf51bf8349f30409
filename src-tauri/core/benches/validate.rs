//! Validation at city scale: 20,000 resources × 12 data items (240,000 items), release build.
//! Also the store round trip the app does on open (load the whole catalog, then validate), and
//! what the app sends after each edit: the overview with light rows, against every record whole
//! as it was before, and one whole record as the resource form asks for it.
//!
//! Run: `cargo bench -p mulu-core --bench validate` (prints min / median / max of each step).
//! Target (issue 3): validating 20,000 resources / 240,000 items in under 1 s.

use std::time::Duration;

mod common;
use common::{measure, ms};

use mulu_core::rules::{validate, Context};
use mulu_core::store::Workspace;
use mulu_core::{sample, Lang};

fn main() {
    let (n, items) = (20_000, 12);
    let mut catalog = sample::large_catalog(n, items);
    // A realistic share of problems, so findings are built and messages rendered too.
    for (i, r) in catalog.resources.iter_mut().enumerate() {
        if i % 10 == 0 {
            r.summary = None;
            r.items[3].data_type = Some(mulu_core::model::Coded::Raw("文本型".into()));
        }
    }
    let ctx = Context::now(Lang::Zh);
    let report = validate(&catalog, &ctx);
    println!(
        "catalog: {} resources, {} items; {} findings",
        report.summary.resources,
        report.summary.items,
        report.findings.len()
    );
    let v = measure("validate (20k resources, 240k items)", 15, || validate(&catalog, &ctx));

    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("city.mulu");
    let mut ws = Workspace::create(&path).expect("create");
    measure("store: add 20k resources in one transaction", 1, || {
        ws.add_resources(catalog.resources.clone()).expect("add")
    });
    drop(ws);
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!("workspace file: {:.1} MB", size as f64 / 1e6);
    measure("store: open (header check + quick_check)", 5, || Workspace::open(&path).expect("open"));
    let ws = Workspace::open(&path).expect("open");
    measure("store: load whole catalog", 5, || ws.catalog().expect("load"));
    measure("open + load + validate (what the app does)", 5, || {
        let ws = Workspace::open(&path).expect("open");
        validate(&ws.catalog().expect("load"), &ctx)
    });
    let overview = || mulu_core::ops::overview::overview(&ws, &ctx).expect("overview");
    measure("overview (what the app shows after an edit)", 5, overview);
    let json = serde_json::to_string(&overview()).expect("json");
    println!("overview as IPC JSON: {:.1} MB (light rows: ResourceSummary)", json.len() as f64 / 1e6);
    measure("overview + its IPC JSON", 5, || serde_json::to_string(&overview()).expect("json").len());
    // What the overview weighed when it carried every record whole (before ResourceSummary).
    let whole = || {
        let (ids, catalog) = ws.catalog_with_ids().expect("load");
        let report = validate(&catalog, &ctx);
        let mut per = vec![Vec::new(); catalog.resources.len()];
        for f in report.findings.into_iter() {
            if let Some(i) = f.resource_index {
                per[i].push(f);
            }
        }
        let rows: Vec<_> = ids
            .into_iter()
            .zip(catalog.resources)
            .zip(per)
            .map(|((id, resource), findings)| mulu_core::overview::ResourceDetail { id, resource, findings })
            .collect();
        serde_json::to_string(&rows).expect("json").len()
    };
    let before = whole();
    println!(
        "whole records as IPC JSON (the overview before): {:.1} MB — now {:.0} % of it",
        before as f64 / 1e6,
        100.0 * json.len() as f64 / before as f64
    );
    measure("whole records + their IPC JSON (before)", 5, whole);
    let id = ws.catalog_with_ids().expect("load").0[n / 2];
    let detail = || mulu_core::ops::overview::resource_detail(&ws, &ctx, id).expect("detail");
    measure("resource_detail (the drawer opens, or after a save)", 5, detail);
    println!(
        "resource_detail as IPC JSON: {:.1} kB",
        serde_json::to_string(&detail()).expect("json").len() as f64 / 1e3
    );
    println!(
        "verdict: validate median {:.1} ms — target < 1000 ms: {}",
        ms(v),
        if v < Duration::from_secs(1) { "MET" } else { "MISSED" }
    );
}
