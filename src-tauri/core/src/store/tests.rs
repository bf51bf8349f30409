use std::path::{Path, PathBuf};

use super::*;
use crate::model::fields::set;
use crate::sample;

fn dir() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn new_ws(d: &Path) -> (PathBuf, Workspace) {
    let p = d.join("镇.mulu");
    let ws = Workspace::create(&p).unwrap();
    (p, ws)
}

#[test]
fn create_open_and_round_trip_the_catalog() {
    let d = dir();
    let (p, mut ws) = new_ws(d.path());
    ws.set_agency(&sample::agency()).unwrap();
    let id = ws.add_resource(sample::resource()).unwrap();
    drop(ws);
    let ws = Workspace::open(&p).unwrap();
    assert_eq!(ws.catalog().unwrap(), sample::catalog(), "what was saved is what is read back");
    assert_eq!(ws.find("352111009/000001").unwrap(), id);
    assert_eq!(ws.find("镇级财政预算公开信息").unwrap(), id);
    assert_eq!(ws.find(&format!("#{id}")).unwrap(), id);
    assert!(matches!(ws.find("无此资源"), Err(Error::ResourceNotFound { .. })));
    assert_eq!(ws.next_code().unwrap().as_deref(), Some("352111009/000002"));
}

#[test]
fn create_refuses_to_overwrite() {
    let d = dir();
    let (p, _ws) = new_ws(d.path());
    assert!(matches!(Workspace::create(&p), Err(Error::AlreadyExists { .. })));
}

#[test]
fn store_settings_are_as_promised() {
    let d = dir();
    let (_p, ws) = new_ws(d.path());
    let c = ws.conn();
    let mode: String = c.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let fk: i64 = c.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    let sync: i64 = c.pragma_query_value(None, "synchronous", |r| r.get(0)).unwrap();
    let app: i32 = c.pragma_query_value(None, "application_id", |r| r.get(0)).unwrap();
    assert_eq!((mode.as_str(), fk, sync, app), ("wal", 1, 1, APPLICATION_ID), "WAL, foreign keys, synchronous=NORMAL");
}

#[test]
fn every_mutation_is_logged_field_by_field() {
    let d = dir();
    let (_p, mut ws) = new_ws(d.path());
    let id = ws.add_resource(sample::resource()).unwrap();
    let mut r = ws.resource(id).unwrap().resource;
    set(&mut r, "update_cycle", "每月").unwrap();
    set(&mut r, "notes", "补充说明").unwrap();
    ws.edit_resource(id, |x| {
        *x = r;
        Ok(())
    })
    .unwrap();
    let h = ws.history(Some(id), 10).unwrap();
    let paths: Vec<(&str, Option<&str>, Option<&str>)> =
        h.iter().map(|c| (c.path.as_str(), c.old.as_deref(), c.new.as_deref())).collect();
    assert_eq!(paths[0], ("update_cycle", Some("\"每年\""), Some("\"每月\"")));
    assert_eq!(paths[1], ("notes", None, Some("\"补充说明\"")));
    assert_eq!(paths[2].0, "*", "the add is logged whole");
    ws.remove_resource(id).unwrap();
    assert_eq!(ws.history(Some(id), 1).unwrap()[0].action, "resource.remove");
}

#[test]
fn an_edit_clears_the_secrecy_review() {
    let d = dir();
    let (_p, mut ws) = new_ws(d.path());
    let id = ws.add_resource(sample::resource()).unwrap();
    ws.confirm_secrecy(id, "李审查").unwrap();
    assert_eq!(ws.resource(id).unwrap().resource.secrecy_review.unwrap().reviewer, "李审查");
    let mut r = ws.resource(id).unwrap().resource;
    r.notes = Some("改了".into());
    ws.edit_resource(id, |x| {
        *x = r;
        Ok(())
    })
    .unwrap();
    assert_eq!(ws.resource(id).unwrap().resource.secrecy_review, None, "any later edit clears the review");
}

#[test]
fn bulk_add_is_one_transaction_in_order() {
    let d = dir();
    let (_p, mut ws) = new_ws(d.path());
    let c = sample::large_catalog(50, 3);
    let ids = ws.add_resources(c.resources.clone()).unwrap();
    assert_eq!(ids.len(), 50);
    let back: Vec<_> = ws.resources().unwrap().into_iter().map(|s| s.resource).collect();
    assert_eq!(back, c.resources);
}

#[test]
fn systems_are_kept_by_name() {
    let d = dir();
    let (_p, mut ws) = new_ws(d.path());
    let mut s = crate::model::InfoSystem { name: "低保系统".into(), public_funds: true, description: None };
    ws.put_system(&s).unwrap();
    s.description = Some("民政".into());
    ws.put_system(&s).unwrap();
    assert_eq!(ws.systems().unwrap(), vec![s]);
    ws.remove_system("低保系统").unwrap();
    assert!(ws.systems().unwrap().is_empty());
    assert!(matches!(ws.remove_system("无"), Err(Error::SystemNotFound { .. })));
}

/// Each hostile file is refused with the right error and left byte for byte as it was.
#[test]
fn foreign_files_are_refused_and_untouched() {
    let d = dir();
    let (good, mut ws) = new_ws(d.path());
    ws.add_resources(sample::large_catalog(200, 4).resources).unwrap();
    drop(ws);
    let good_bytes = std::fs::read(&good).unwrap();

    let other_app = d.path().join("other.db");
    {
        let c = rusqlite::Connection::open(&other_app).unwrap();
        c.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES (1);").unwrap();
    }
    let newer = d.path().join("newer.mulu");
    std::fs::copy(&good, &newer).unwrap();
    {
        let c = rusqlite::Connection::open(&newer).unwrap();
        c.pragma_update(None, "user_version", 99).unwrap();
        c.pragma_update(None, "journal_mode", "DELETE").unwrap();
    }
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("random.mulu", (0..5000u32).map(|i| (i.wrapping_mul(2654435761) >> 13) as u8).collect(), "workspace.foreign"),
        ("text.mulu", "这是一个文本文件\n不是工作区\n".as_bytes().to_vec(), "workspace.foreign"),
        ("empty.mulu", vec![], "workspace.foreign"),
        ("truncated.mulu", good_bytes[..good_bytes.len() / 2].to_vec(), "workspace.foreign"),
        ("header-only.mulu", good_bytes[..60].to_vec(), "workspace.foreign"),
    ];
    let mut paths = vec![];
    for (name, bytes, code) in &cases {
        let p = d.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        paths.push((p, *code));
    }
    paths.push((other_app, "workspace.foreign"));
    paths.push((newer, "workspace.newer"));
    paths.push((d.path().to_path_buf(), "workspace.foreign"));
    paths.push((d.path().join("missing.mulu"), "workspace.missing"));
    for (p, code) in paths {
        let before = std::fs::read(&p).ok();
        let err = Workspace::open(&p).err().unwrap_or_else(|| panic!("{} must be refused", p.display()));
        assert_eq!(err.code(), code, "{}: {err}", p.display());
        assert_eq!(std::fs::read(&p).ok(), before, "{} must be left untouched", p.display());
        assert!(!err.message(crate::Lang::Zh).is_empty() && !err.message(crate::Lang::En).is_empty());
        assert!(!backup_dir(&p).exists() || p == good, "no backup folder for a refused file");
    }
}

#[test]
fn a_corrupted_page_is_reported_not_opened() {
    let d = dir();
    let (p, mut ws) = new_ws(d.path());
    ws.add_resources(sample::large_catalog(300, 4).resources).unwrap();
    drop(ws);
    let mut bytes = std::fs::read(&p).unwrap();
    let page = 4096;
    for b in &mut bytes[page * 3..page * 5] {
        *b = 0xA5;
    }
    std::fs::write(&p, &bytes).unwrap();
    let err = Workspace::open(&p).err().expect("a damaged file is refused");
    assert!(matches!(err.code(), "workspace.corrupt" | "workspace.foreign"), "{err}");
    assert_eq!(std::fs::read(&p).unwrap(), bytes, "left untouched");
}

#[cfg(unix)]
#[test]
fn read_only_locations_are_refused() {
    use std::os::unix::fs::PermissionsExt;
    let d = dir();
    let (p, ws) = new_ws(d.path());
    drop(ws);
    let before = std::fs::read(&p).unwrap();
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o444)).unwrap();
    assert_eq!(Workspace::open(&p).err().unwrap().code(), "workspace.read_only");
    std::fs::set_permissions(&p, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o555)).unwrap();
    let r = Workspace::open(&p).err().map(|e| e.code());
    let n = Workspace::create(&d.path().join("new.mulu")).err().map(|e| e.code());
    std::fs::set_permissions(d.path(), std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!((r, n), (Some("workspace.read_only"), Some("workspace.read_only")));
    assert_eq!(std::fs::read(&p).unwrap(), before);
}

#[test]
fn backups_daily_and_pruned() {
    let d = dir();
    let (p, ws) = new_ws(d.path());
    assert_eq!(list_backups(&p).len(), 1, "the first open takes the day's backup");
    drop(ws);
    drop(Workspace::open(&p).unwrap());
    assert_eq!(list_backups(&p).len(), 1, "only once a day");
    let ws = Workspace::open(&p).unwrap();
    for i in 0..(KEEP_BACKUPS + 3) {
        backup::create(ws.conn(), &p, &format!("t{i:02}")).unwrap();
    }
    let kept = list_backups(&p);
    assert_eq!(kept.len(), KEEP_BACKUPS);
    assert!(Workspace::open(&kept[kept.len() - 1]).is_ok(), "a backup is itself a workspace");
}

#[test]
fn older_files_are_migrated_after_a_backup() {
    let d = dir();
    let p = d.path().join("old.mulu");
    {
        // A file as an earlier version would have left it: ours, but at schema 0.
        let c = rusqlite::Connection::open(&p).unwrap();
        c.pragma_update(None, "application_id", APPLICATION_ID).unwrap();
        c.execute_batch("CREATE TABLE legacy(x); INSERT INTO legacy VALUES (1);").unwrap();
    }
    let ws = Workspace::open(&p).unwrap();
    let v: i64 = ws.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
    assert_eq!(v, migrate::compat_version(migrate::MIGRATIONS), "the compatibility version");
    let s: String =
        ws.conn().query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).unwrap();
    assert_eq!(s, STORE_VERSION.to_string(), "every migration applied");
    let backups = list_backups(&p);
    assert!(backups.iter().any(|b| b.to_string_lossy().contains("before-migration-v0")), "{backups:?}");
}

/// A newer Mulu (the shipped migrations and one more) migrates a file; the shipped program, which
/// stands for older Mulu, still opens it when that migration only added, and refuses it when it
/// broke older readers.
#[test]
fn an_additive_migration_keeps_older_mulu_reading_and_a_breaking_one_does_not() {
    use migrate::{Migration, MIGRATIONS};
    let notes = |breaking| Migration {
        name: "20991231000000_notes",
        sql: "CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT NOT NULL);",
        breaking,
    };
    let known = MIGRATIONS.len() as i64;
    // What a file without its schema version is taken to have had (migrations since the last
    // breaking one are re-applied to it: they are written to bear that).
    let base = migrate::compat_version(MIGRATIONS);
    for breaking in [false, true] {
        let d = dir();
        let (p, mut ws) = new_ws(d.path());
        ws.set_agency(&sample::agency()).unwrap();
        // A file written before the schema version was recorded: its user_version says it all
        // (such files predate the first additive migration, so only while none is known).
        if migrate::compat_version(MIGRATIONS) == known {
            ws.conn().execute("DELETE FROM meta WHERE key = 'schema_version'", []).unwrap();
        }
        drop(ws);
        let newer: Vec<Migration> = MIGRATIONS.iter().copied().chain([notes(breaking)]).collect();
        let ws = Workspace::open_known(&p, &newer).unwrap();
        let compat: i64 = ws.conn().pragma_query_value(None, "user_version", |r| r.get(0)).unwrap();
        assert_eq!(compat, if breaking { known + 1 } else { base }, "breaking: {breaking}");
        let backups = list_backups(&p);
        let tag = format!("before-migration-v{known}");
        assert!(backups.iter().any(|b| b.to_string_lossy().contains(&tag)), "only the new one applied: {backups:?}");
        drop(ws);
        match Workspace::open(&p) {
            Err(Error::NewerSchema { found, supported, .. }) => {
                assert!(breaking, "an additive migration refused");
                assert_eq!((found, supported), (known + 1, known));
            }
            Ok(mut older) => {
                assert!(!breaking, "a breaking migration not refused");
                assert_eq!(older.catalog().unwrap().agency, sample::agency());
                older.add_resource(sample::resource()).unwrap();
                drop(older);
                // Older Mulu neither re-applied nor undid the newer migration.
                let ws = Workspace::open_known(&p, &newer).unwrap();
                ws.conn().execute("INSERT INTO notes(text) VALUES ('x')", []).unwrap();
                assert_eq!(ws.catalog().unwrap().resources.len(), 1);
                let v: String = ws
                    .conn()
                    .query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0))
                    .unwrap();
                assert_eq!(v, (known + 1).to_string());
            }
            Err(e) => panic!("{e:?}"),
        }
    }
}

/// The child half of `a_killed_writer_leaves_a_consistent_store`: writes batches until killed.
#[test]
fn killable_writer_child() {
    let Some(path) = std::env::var_os("MULU_KILL_TEST_WORKSPACE") else { return };
    let mut ws = Workspace::open(Path::new(&path)).unwrap();
    let batch = sample::large_catalog(200, 6).resources;
    loop {
        ws.add_resources(batch.clone()).unwrap();
    }
}

/// Kills a writing process at varied moments (SIGKILL: no cleanup at all) and checks each time
/// that the workspace opens, passes `PRAGMA integrity_check`, and holds whole transactions only.
#[cfg(unix)]
#[test]
fn a_killed_writer_leaves_a_consistent_store() {
    let d = dir();
    let (p, ws) = new_ws(d.path());
    drop(ws);
    let exe = std::env::current_exe().unwrap();
    let mut last = 0;
    for round in 0..20u64 {
        let mut child = std::process::Command::new(&exe)
            .args(["--exact", "store::tests::killable_writer_child", "--nocapture", "--test-threads=1"])
            .env("MULU_KILL_TEST_WORKSPACE", &p)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        // Spread the kills over the first ~half second: during open, mid-transaction, mid-commit.
        std::thread::sleep(std::time::Duration::from_millis(20 + (round * 37) % 500));
        child.kill().unwrap();
        child.wait().unwrap();
        let ws = Workspace::open(&p).unwrap_or_else(|e| panic!("round {round}: the workspace must open: {e}"));
        let check: String = ws.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
        assert_eq!(check, "ok", "round {round}");
        let n = ws.resource_count().unwrap();
        assert_eq!(n % 200, 0, "round {round}: {n} resources is not a whole number of transactions");
        assert!(n >= last, "round {round}: committed work was lost ({n} < {last})");
        last = n;
    }
    assert!(last > 0, "the child got to commit at least once");
}
