//! The district bureau's inbox at scale (issue 13): 100 township packages of 200 resources each
//! (3 data items per resource), made and signed as `mulu package` makes them, then received by
//! one bureau workspace — each read once, verified (zip, manifests, SM2 signature, trust list),
//! its catalog validated again with the bureau's rules, and stored with its bytes.
//! Target: under 10 s for all 100.
//! Run: `cargo bench -p mulu-core --bench review` (add `-- --quick` for 10 packages).

use std::time::Instant;

use chrono::NaiveDate;
use mulu_core::model::domain::AgencyLevel;
use mulu_core::model::SecrecyReview;
use mulu_core::package::trust::TrustedKey;
use mulu_core::package::{self, bagit, diff, keys, Inputs};
use mulu_core::review::receive;
use mulu_core::rules::{self, Context};
use mulu_core::store::Workspace;
use mulu_core::{sample, Lang};

fn uscc(i: usize) -> String {
    let first17 = format!("115201110091{i:05}");
    format!("{first17}{}", mulu_core::ids::uscc::check_char(&first17).expect("digits"))
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let (packages, resources) = (if quick { 10 } else { 100 }, 200);
    let dir = tempfile::tempdir().expect("temp dir");
    let ctx = Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"), lang: Lang::Zh };

    let t = Instant::now();
    let mut made = Vec::new();
    for i in 0..packages {
        let mut c = sample::large_catalog(resources, 3);
        c.agency.uscc = Some(uscc(i));
        c.agency.name = Some(format!("花溪区第{i}乡镇人民政府"));
        for r in &mut c.resources {
            r.secrecy_review =
                Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00.000+08:00".into() });
        }
        let key = keys::generate().expect("key");
        let report = rules::validate(&c, &ctx);
        let changes = diff::changes(None, &c);
        let out = dir.path().join(format!("{i:03}.zip"));
        let inputs = Inputs {
            catalog: &c,
            report: &report,
            changes: &changes,
            folder: bagit::folder_name(&format!("{i:03}")),
            sequence: 1,
            bagging_date: ctx.today,
            allowed_findings: true,
        };
        package::build(&inputs, &key, &out, &mut |_| {}).expect("package");
        let pem = keys::public_pem(&key.public_key());
        made.push((out, uscc(i), pem));
    }
    let bytes: u64 = made.iter().map(|(p, ..)| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0)).sum();
    println!(
        "made {packages} packages of {resources} resources ({:.1} MB) in {:.2} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );

    let mut ws = Workspace::create(&dir.path().join("区数据局.mulu")).expect("workspace");
    let mut agency = sample::agency();
    agency.level = Some(AgencyLevel::County.into());
    ws.set_agency(&agency).expect("agency");
    let submitters: Vec<_> = made
        .iter()
        .map(|(_, u, _)| mulu_core::review::submitters::checked(u, "乡镇", Some("乡镇"), None).expect("valid"))
        .collect();
    ws.put_submitters(&submitters).expect("submitters");
    for (_, u, pem) in &made {
        ws.trust_key(&TrustedKey::from_pem(pem, u, "乡镇", "2026-12-01 09:00:00").expect("key")).expect("trust");
    }

    let t = Instant::now();
    let mut errors = 0;
    for (p, ..) in &made {
        let one = receive::receive(&mut ws, p, None).expect("received");
        assert!(!one.already_received);
        errors += one.errors;
    }
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(ws.received().expect("list").len(), packages);
    println!(
        "received, verified and validated {packages} packages ({} resources, {errors} errors found here) in {secs:.2} s ({:.0} ms each); target < 10 s: {}",
        packages * resources,
        secs * 1e3 / packages as f64,
        if secs < 10.0 { "met" } else { "MISSED" }
    );
}
