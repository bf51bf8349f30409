//! What one edit costs the app at city scale (20,000 resources × 12 items): the command's write,
//! then its answer — the overview delta (`ops::overview`) as IPC JSON — against the whole overview
//! every edit answered with before. Release build.
//!
//! Run: `cargo bench -p mulu-core --bench delta` (prints min / median / max of each step).
//! Target (issue 12): one field edit's round trip (command + JSON) under 30 ms and 20 KB.

use std::time::{Duration, Instant};

mod common;
use common::{measure, ms, report};

use mulu_core::ops::overview::{after_edit, open, Touched};
use mulu_core::ops::resources;
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::{sample, Lang};

const RUNS: usize = 30;

fn main() {
    let n = 20_000;
    let dir = tempfile::tempdir().expect("temp dir");
    let mut ws = Workspace::create(&dir.path().join("city.mulu")).expect("create");
    ws.set_agency(&sample::agency()).expect("agency");
    let ids = ws.add_resources(sample::large_catalog(n, 12).resources).expect("add");
    let ctx = Context::now(Lang::Zh);
    let (full, shown) = open(&ws, &ctx).expect("overview");
    let mut shown = Some(shown);
    let full_bytes = serde_json::to_string(&full).expect("json").len();
    println!("catalog: {} resources, {} items", full.summary.resources, full.summary.items);

    // One field of one resource that its row shows, as the form saves it: write, delta, JSON.
    let mut k = 0;
    let mut edit = |ws: &mut Workspace, shown: &mut Option<_>| {
        k += 1;
        let id = ids[(k * 7919) % n];
        resources::set_field(ws, id, "source_business", &format!("第 {k} 次修改的业务")).expect("edit");
        let d = after_edit(ws, shown, Touched::Resources(&[id]), &ctx).expect("delta");
        assert!(
            d.full.is_none() && !d.recomputed_all && d.changed.len() == 1,
            "{} {} {:?}",
            d.full.is_some(),
            d.recomputed_all,
            d.changed.iter().map(|r| r.id).collect::<Vec<_>>()
        );
        serde_json::to_string(&d).expect("json").len()
    };
    let bytes = edit(&mut ws, &mut shown);
    let round = measure("field edit: write + delta + IPC JSON", RUNS, || edit(&mut ws, &mut shown));

    // The delta alone (the write done before the clock starts).
    let mut times = Vec::new();
    for i in 0..RUNS {
        let id = ids[(i * 104_729) % n];
        resources::set_field(&mut ws, id, "source_system", &format!("系统 {i}")).expect("edit");
        let t = Instant::now();
        let d = after_edit(&ws, &mut shown, Touched::Resources(&[id]), &ctx).expect("delta");
        std::hint::black_box(serde_json::to_string(&d).expect("json"));
        times.push(t.elapsed());
    }
    report("field edit: delta + IPC JSON alone", times);

    // A code made a duplicate of another resource's: both rows are sent.
    let code = full.resources[1].code.clone().expect("code");
    resources::set_field(&mut ws, ids[0], "code", &code).expect("edit");
    let dup = after_edit(&ws, &mut shown, Touched::Resources(&ids[..1]), &ctx).expect("delta");
    let dup_bytes = serde_json::to_string(&dup).expect("json").len();
    println!("code made a duplicate: {} rows sent, {:.1} kB", dup.changed.len(), dup_bytes as f64 / 1e3);

    // An agency edit: every row compared, those that changed sent.
    let t = Instant::now();
    ws.edit_agency(|a| {
        a.contact_name = Some("李四".into());
        Ok(())
    })
    .expect("agency");
    let d = after_edit(&ws, &mut shown, Touched::Everything, &ctx).expect("delta");
    let agency_bytes = serde_json::to_string(&d).expect("json").len();
    println!(
        "agency edit: every row compared in {:.1} ms; {} rows sent, {:.1} kB",
        ms(t.elapsed()),
        d.changed.len(),
        agency_bytes as f64 / 1e3
    );

    // Before: every edit answered with the whole overview.
    let before = measure("before: write + whole overview + IPC JSON", 5, || {
        k += 1;
        resources::set_field(&mut ws, ids[k % n], "abstract", &format!("摘要 {k}")).expect("edit");
        serde_json::to_string(&mulu_core::ops::overview::overview(&ws, &ctx).expect("overview")).expect("json").len()
    });
    println!(
        "field edit answer: {:.1} kB (whole overview: {:.1} MB); {:.1} ms (whole: {:.0} ms)",
        bytes as f64 / 1e3,
        full_bytes as f64 / 1e6,
        ms(round),
        ms(before)
    );
    let met = round < Duration::from_millis(30) && bytes < 20_000;
    println!("verdict: field edit round trip < 30 ms and < 20 KB: {}", if met { "MET" } else { "MISSED" });
}
