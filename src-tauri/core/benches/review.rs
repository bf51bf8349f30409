//! The bureau's inbox and summary at scale (issue 13).
//!
//! District: 100 township packages of 200 resources each (3 data items per resource), made and
//! signed as `mulu package` makes them, then received by one bureau workspace — each read once,
//! verified (zip, manifests, SM2 signature, trust list), its catalog validated again with the
//! bureau's rules, stored with its bytes — approved, and summarized (merge with provenance,
//! conflicts). Target: under 10 s for all 100, received and summarized.
//!
//! City: 20 district summary packages of 2,000 resources each (each resource with its
//! township's provenance), received, approved and summarized by the city. Target: under 15 s
//! and under 1 GB (peak RSS: run the release binary under `/usr/bin/time -v`, see README).
//!
//! Run: `cargo bench -p mulu-core --bench review` (add `-- --quick` for a tenth of it).

use std::path::PathBuf;
use std::time::Instant;

use chrono::NaiveDate;
use mulu_core::model::domain::AgencyLevel;
use mulu_core::model::{Catalog, Provenance, SecrecyReview};
use mulu_core::package::trust::TrustedKey;
use mulu_core::package::{self, bagit, diff, keys, Inputs};
use mulu_core::review::{receive, summary, ReviewVerdict};
use mulu_core::rules::{self, Context};
use mulu_core::store::Workspace;
use mulu_core::{sample, Lang};

fn uscc(prefix: &str, i: usize) -> String {
    let first17 = format!("{prefix}{i:05}");
    format!("{first17}{}", mulu_core::ids::uscc::check_char(&first17).expect("digits"))
}

/// One agency's signed package: its file, USCC and public key.
struct Made {
    path: PathBuf,
    uscc: String,
    pem: String,
}

/// Builds `count` packages of `resources` each, `shape` giving each catalog its agency.
fn make(
    dir: &std::path::Path,
    tag: &str,
    count: usize,
    resources: usize,
    kind: bagit::Kind,
    shape: impl Fn(usize, &mut Catalog),
) -> Vec<Made> {
    let ctx = Context { today: NaiveDate::from_ymd_opt(2026, 11, 25).expect("date"), lang: Lang::Zh };
    let t = Instant::now();
    let mut made = Vec::new();
    for i in 0..count {
        let mut c = sample::large_catalog(resources, 3);
        shape(i, &mut c);
        for (n, r) in c.resources.iter_mut().enumerate() {
            // Each agency numbers under its own prefix, as the bureau assigns them.
            r.code = Some(format!("3521{:05}/{:06}", i, n + 1));
            // One resource in 50 is the same list of people in every agency: conflicts to find.
            if n % 50 == 0 {
                r.name = format!("低保对象名册{}", n / 50);
                r.items[0].name = "公民身份号码".into();
            }
            r.secrecy_review =
                Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00.000+08:00".into() });
        }
        let key = keys::generate().expect("key");
        let report = rules::validate(&c, &ctx);
        let changes = diff::changes(None, &c);
        let path = dir.join(format!("{tag}-{i:03}.zip"));
        let inputs = Inputs {
            catalog: &c,
            report: &report,
            changes: &changes,
            folder: bagit::folder_name(&format!("{tag}-{i:03}")),
            sequence: 1,
            bagging_date: ctx.today,
            allowed_findings: true,
            kind,
            extra_info: vec![],
        };
        package::build(&inputs, &key, &path, &mut |_| {}).expect("package");
        let uscc = c.agency.uscc.clone().expect("uscc");
        made.push(Made { path, uscc, pem: keys::public_pem(&key.public_key()) });
    }
    let bytes: u64 = made.iter().map(|m| std::fs::metadata(&m.path).map(|m| m.len()).unwrap_or(0)).sum();
    println!(
        "made {count} {tag} packages of {resources} resources ({:.1} MB) in {:.2} s",
        bytes as f64 / 1e6,
        t.elapsed().as_secs_f64()
    );
    made
}

/// A bureau at `level` expecting the agencies of `made`, their keys trusted.
fn bureau(dir: &std::path::Path, name: &str, level: AgencyLevel, made: &[Made], their_level: &str) -> Workspace {
    let mut ws = Workspace::create(&dir.join(name)).expect("workspace");
    let mut agency = sample::agency();
    agency.level = Some(level.into());
    ws.set_agency(&agency).expect("agency");
    let submitters: Vec<_> = made
        .iter()
        .map(|m| mulu_core::review::submitters::checked(&m.uscc, their_level, Some(their_level), None).expect("valid"))
        .collect();
    ws.put_submitters(&submitters).expect("submitters");
    for m in made {
        ws.trust_key(&TrustedKey::from_pem(&m.pem, &m.uscc, their_level, "2026-12-01 09:00:00").expect("key"))
            .expect("trust");
    }
    ws
}

/// Receives every package, approves each (as its receipt would), summarizes; returns the
/// seconds for receiving and for summarizing.
fn receive_and_summarize(ws: &mut Workspace, made: &[Made]) -> (f64, f64, summary::BureauSummary) {
    let t = Instant::now();
    let mut ids = Vec::new();
    for m in made {
        let one = receive::receive(ws, &m.path, None).expect("received");
        assert!(!one.already_received);
        ids.push(one.package_id);
    }
    let received = t.elapsed().as_secs_f64();
    for id in &ids {
        ws.close_review(id, ReviewVerdict::Approved, "").expect("approved");
    }
    let t = Instant::now();
    let s = summary::summarize(ws, Lang::Zh).expect("summary");
    (received, t.elapsed().as_secs_f64(), s)
}

fn verdict(secs: f64, target: f64) -> &'static str {
    if secs < target {
        "met"
    } else {
        "MISSED"
    }
}

fn main() {
    let quick = std::env::args().any(|a| a == "--quick");
    let dir = tempfile::tempdir().expect("temp dir");

    let townships = if quick { 10 } else { 100 };
    let made = make(dir.path(), "township", townships, 200, bagit::Kind::Submission, |i, c| {
        c.agency.uscc = Some(uscc("115201110091", i));
        c.agency.name = Some(format!("花溪区第{i}乡镇人民政府"));
    });
    let mut ws = bureau(dir.path(), "区数据局.mulu", AgencyLevel::County, &made, "乡镇");
    let (received, summarized, s) = receive_and_summarize(&mut ws, &made);
    assert_eq!(s.resources, townships * 200);
    let total = received + summarized;
    println!(
        "district: received, verified and validated {townships} packages in {received:.2} s, summarized {} resources \
         ({} conflicts) in {summarized:.2} s; total {total:.2} s, target < 10 s: {}",
        s.resources,
        s.conflicts.len(),
        verdict(total, 10.0)
    );
    drop((ws, s));

    let districts = if quick { 2 } else { 20 };
    let made = make(dir.path(), "district", districts, 2000, bagit::Kind::Summary, |i, c| {
        let (u, name) = (uscc("11520100MB00", i), format!("贵阳市第{i}区大数据发展管理局"));
        c.agency.uscc = Some(u.clone());
        c.agency.name = Some(name.clone());
        c.agency.level = Some(AgencyLevel::County.into());
        for (n, r) in c.resources.iter_mut().enumerate() {
            let township = uscc("115201110091", n % 100);
            let step = |agency_uscc: String, agency_name: String| Provenance {
                package_id: format!("{agency_uscc}-2026-001"),
                agency_uscc,
                agency_name,
                agency_level: Some("乡镇".into()),
                signer_fingerprint: "0".repeat(64),
                approved_on: "2026-11-20".into(),
            };
            r.provenance = vec![step(township, format!("第{}乡镇", n % 100))];
        }
    });
    let mut ws = bureau(dir.path(), "市数据局.mulu", AgencyLevel::City, &made, "区县");
    let (received, summarized, s) = receive_and_summarize(&mut ws, &made);
    assert_eq!(s.resources, districts * 2000);
    assert!(s.catalog.resources.iter().all(|r| r.provenance.len() == 2), "township → district");
    let total = received + summarized;
    println!(
        "city: received, verified and validated {districts} district packages in {received:.2} s, summarized {} \
         resources ({} conflicts) in {summarized:.2} s; total {total:.2} s, target < 15 s: {}",
        s.resources,
        s.conflicts.len(),
        verdict(total, 15.0)
    );
}
