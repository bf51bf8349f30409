//! Kills `mulu import` (SIGKILL, no cleanup) at varied moments during a large import, 24 times,
//! and checks each time that the workspace opens, passes `PRAGMA integrity_check`, and holds
//! all of that import or none of it.

use std::process::{Command, Stdio};
use std::time::Duration;

#[cfg(unix)]
#[test]
fn a_killed_import_leaves_all_of_it_or_none() {
    const N: i64 = 1200;
    let d = tempfile::tempdir().unwrap();
    let book = d.path().join("city.xlsx");
    let mut catalog = mulu_core::sample::large_catalog(N as usize, 5);
    catalog.agency = Default::default();
    mulu_core::sheets::export_catalog(&catalog, &book).unwrap();
    let exe = assert_cmd::cargo::cargo_bin("mulu");
    let base = d.path().join("base.mulu");
    mulu_core::store::Workspace::create(&base).unwrap();

    // How long a whole import takes here, to spread the kills over it.
    let t = std::time::Instant::now();
    let probe = d.path().join("probe.mulu");
    let out = Command::new(&exe).arg("-w").arg(&probe).arg("import").arg(&book).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{}", String::from_utf8_lossy(&out.stderr));
    let full = (t.elapsed().as_millis() as u64).max(20);

    let (mut none, mut all) = (0, 0);
    for round in 0..24u64 {
        let ws = d.path().join(format!("w{round}.mulu"));
        std::fs::copy(&base, &ws).unwrap();
        let mut child = Command::new(&exe)
            .arg("-w")
            .arg(&ws)
            .arg("import")
            .arg(&book)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // From the first milliseconds to well past the end: reading, validating, committing.
        std::thread::sleep(Duration::from_millis(2 + round * (full + full / 2) / 24));
        let _ = child.kill();
        child.wait().unwrap();
        let conn = rusqlite::Connection::open(&ws).unwrap();
        let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "round {round}");
        let n: i64 = conn.query_row("SELECT count(*) FROM resource", [], |r| r.get(0)).unwrap();
        drop(conn);
        assert!(n == 0 || n == N, "round {round}: {n} resources — a partial import");
        if n == 0 {
            none += 1
        } else {
            all += 1
        }
        let out = Command::new(&exe).arg("-w").arg(&ws).args(["validate", "--json"]).output().unwrap();
        assert!(matches!(out.status.code(), Some(0 | 1)), "round {round}: {}", String::from_utf8_lossy(&out.stderr));
    }
    assert!(none > 0, "some kills landed before the commit ({none} none, {all} all)");
    eprintln!("killed imports: {none} left nothing, {all} had committed");
}
