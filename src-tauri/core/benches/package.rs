//! Packages at city scale (issue 5): 20,000 resources × 12 items. Both sides in one run.
//!
//! Making: `mulu package` in the core (validate + diff + workbook + catalog JSON + findings +
//! changes + SHA-256 manifests + SM2 signature + zip, written atomically) against the same
//! payload by parts: the workbook export and the catalog, findings and changes JSON written to
//! a folder, then `sha256sum` over the bag and `zip -r` (target: ratio ≤ 1.5).
//!
//! Checking: `mulu verify` against `unzip` + bagit-python validating the same bag (target: at
//! least 2× faster).
//!
//! Needs `zip`, `unzip`, `sha256sum` and a python with bagit (tests/e2e/.venv, or set
//! MULU_BAGIT_PYTHON); a side whose tools are missing is skipped with the reason.
//! Run: `cargo bench -p mulu-core --bench package` (add `-- --quick` for 2,000 resources).

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use chrono::NaiveDate;
use mulu_core::model::SecrecyReview;
use mulu_core::package::trust::Trust;
use mulu_core::package::{self, bagit, diff, keys, Inputs, Limits, Verdict};
use mulu_core::rules::{self, Context};
use mulu_core::{sample, Lang};

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn have(cmd: &str, arg: &str) -> bool {
    Command::new(cmd).arg(arg).output().map(|o| o.status.success()).unwrap_or(false)
}

fn run(cmd: &mut Command) {
    let o = cmd.output().expect("tool runs");
    assert!(o.status.success(), "{:?}: {}", cmd, String::from_utf8_lossy(&o.stderr));
}

fn bagit_python() -> Option<PathBuf> {
    let p = std::env::var_os("MULU_BAGIT_PYTHON")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/e2e/.venv/bin/python"));
    let ok = Command::new(&p).args(["-c", "import bagit"]).output().map(|o| o.status.success()).unwrap_or(false);
    ok.then_some(p)
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1e3
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let n = if args.iter().any(|a| a == "--quick") { 2_000 } else { 20_000 };
    let runs = 3;
    let mut catalog = sample::large_catalog(n, 12);
    for r in &mut catalog.resources {
        r.secrecy_review =
            Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00.000+08:00".into() });
    }
    let key = keys::generate().unwrap();
    let today = NaiveDate::from_ymd_opt(2026, 11, 25).unwrap();
    let ctx = Context { today, lang: Lang::Zh };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("青岩镇目录-2026.zip");
    println!("package benchmark: {n} resources × 12 items, median of {runs}");

    // Ours: the whole of `mulu package` after the passphrase.
    let ours = median(runs, || {
        let report = rules::validate(&catalog, &ctx);
        let changes = diff::changes(None, &catalog);
        let inputs = Inputs {
            catalog: &catalog,
            report: &report,
            changes: &changes,
            folder: bagit::folder_name("青岩镇目录-2026"),
            sequence: 1,
            bagging_date: today,
            allowed_findings: false,
            kind: bagit::Kind::Submission,
            extra_info: vec![],
        };
        package::build(&inputs, &key, &out, &mut |_| {}).unwrap();
    });
    let size = std::fs::metadata(&out).unwrap().len();
    println!("mulu package (validate+build+sign+zip) {:>8.0} ms   ({:.1} MB zip)", ms(ours), size as f64 / 1e6);

    // By parts: the same payload files written, then sha256sum and zip.
    if have("zip", "-v") && have("sha256sum", "--version") {
        let report = rules::validate(&catalog, &ctx);
        let changes = diff::changes(None, &catalog);
        let parts = median(runs, || {
            let root = dir.path().join("parts");
            let _ = std::fs::remove_dir_all(&root);
            let data = root.join("bag/data");
            std::fs::create_dir_all(&data).unwrap();
            mulu_core::sheets::export_catalog(&catalog, &data.join("catalog.xlsx")).unwrap();
            let json = |v: &dyn Fn() -> Vec<u8>, name: &str| std::fs::write(data.join(name), v()).unwrap();
            json(&|| serde_json::to_vec_pretty(&catalog).unwrap(), "catalog.json");
            json(&|| serde_json::to_vec_pretty(&report).unwrap(), "findings.json");
            json(&|| serde_json::to_vec_pretty(&changes).unwrap(), "changes.json");
            let sums = Command::new("sha256sum")
                .args(["data/catalog.json", "data/catalog.xlsx", "data/changes.json", "data/findings.json"])
                .current_dir(root.join("bag"))
                .output()
                .unwrap();
            std::fs::write(root.join("bag/manifest-sha256.txt"), sums.stdout).unwrap();
            run(Command::new("zip").args(["-q", "-r", "../parts.zip", "bag"]).current_dir(&root));
        });
        println!("by parts (xlsx+json+sha256sum+zip)     {:>8.0} ms", ms(parts));
        println!(
            "package / by parts                      ratio {:.2} (target ≤ 1.5)",
            ours.as_secs_f64() / parts.as_secs_f64()
        );
    } else {
        println!("by parts: SKIPPED (needs `zip` and `sha256sum`: apt-get install -y zip coreutils)");
    }

    // Verify: ours vs unzip + bagit-python.
    let trust = Trust::default();
    let verify = median(runs, || {
        let v = package::verify_file(&out, &trust, &Limits::default(), Lang::Zh).unwrap();
        assert_eq!(v.verdict, Verdict::IntactUnknownSigner, "{:?}", v.problems);
    });
    println!("mulu verify                            {:>8.0} ms", ms(verify));
    match (have("unzip", "-v"), bagit_python()) {
        (true, Some(py)) => {
            let theirs = median(runs, || {
                let x = dir.path().join("x");
                let _ = std::fs::remove_dir_all(&x);
                run(Command::new("unzip").args(["-q", "-o"]).arg(&out).arg("-d").arg(&x));
                let bag = x.join("青岩镇目录-2026");
                run(Command::new(&py)
                    .args(["-c", "import sys, bagit; bagit.Bag(sys.argv[1]).validate()"])
                    .arg(&bag));
            });
            println!("unzip + bagit-python validate          {:>8.0} ms", ms(theirs));
            println!(
                "unzip+bagit-python / mulu verify        ratio {:.2} (target ≥ 2)",
                theirs.as_secs_f64() / verify.as_secs_f64()
            );
        }
        _ => println!(
            "unzip + bagit-python: SKIPPED (needs unzip and bagit: tests/e2e/.venv/bin/pip install -r tests/e2e/requirements.txt)"
        ),
    }
}
