//! Schema migrations, embedded in the binary and applied in order in one transaction.
//!
//! Two numbers describe a file, so that a migration which only adds (a table, an index) does
//! not lock out older Mulu:
//! - the **schema version**, how many migrations the file has had, kept in `meta` under
//!   `schema_version` (absent in files written before it existed: then it equals the next);
//! - the **compatibility version**, in `PRAGMA user_version`: the count up to and including the
//!   last migration that breaks older readers. Every reader refuses a file whose
//!   `user_version` exceeds the number of migrations it knows, which is what older Mulu already
//!   does, so it keeps reading a file that only had additive migrations since.
//!
//! A migration is *breaking* when an older program would misread or damage the file after it
//! (a changed column's meaning, a dropped table, a new constraint an old writer violates).

use rusqlite::{Connection, OptionalExtension};

use crate::error::Result;

/// One schema change. `name` is `YYYYMMDDHHMMSS_what`, as its file in `migrations/`.
#[derive(Debug, Clone, Copy)]
pub struct Migration {
    /// Checked against the folder by the tests; the program itself goes by position.
    #[cfg_attr(not(test), allow(dead_code))]
    pub name: &'static str,
    pub sql: &'static str,
    /// Whether a program that does not know this migration must refuse the file after it.
    pub breaking: bool,
}

/// Every migration, in order. The first four were shipped as breaking (before the distinction).
pub const MIGRATIONS: &[Migration] = &[
    Migration { name: "20261125000000_init", sql: include_str!("migrations/20261125000000_init.sql"), breaking: true },
    Migration {
        name: "20261126000000_packages",
        sql: include_str!("migrations/20261126000000_packages.sql"),
        breaking: true,
    },
    Migration {
        name: "20261126100000_search",
        sql: include_str!("migrations/20261126100000_search.sql"),
        breaking: true,
    },
    Migration { name: "20261126110000_undo", sql: include_str!("migrations/20261126110000_undo.sql"), breaking: true },
    Migration {
        name: "20261201000000_deadlines",
        sql: include_str!("migrations/20261201000000_deadlines.sql"),
        breaking: false,
    },
    Migration {
        name: "20261201050000_review",
        sql: include_str!("migrations/20261201050000_review.sql"),
        breaking: false,
    },
    // A nullable column older Mulu ignores (its change sets then carry no operator).
    Migration {
        name: "20261201060000_operator",
        sql: include_str!("migrations/20261201060000_operator.sql"),
        breaking: false,
    },
    Migration {
        name: "20261201100000_versions",
        sql: include_str!("migrations/20261201100000_versions.sql"),
        breaking: false,
    },
    Migration {
        name: "20261201110000_maintenance",
        sql: include_str!("migrations/20261201110000_maintenance.sql"),
        breaking: false,
    },
    Migration {
        name: "20261202000000_summary",
        sql: include_str!("migrations/20261202000000_summary.sql"),
        breaking: false,
    },
];

/// How many migrations this program knows and applies.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// The count up to and including the last breaking migration of `migrations`.
pub const fn compat_version(migrations: &[Migration]) -> i64 {
    let mut i = migrations.len();
    while i > 0 {
        if migrations[i - 1].breaking {
            return i as i64;
        }
        i -= 1;
    }
    0
}

/// How many migrations the file behind `conn` has had, given its `user_version`.
pub fn applied(conn: &Connection, user_version: i64) -> Result<i64> {
    if user_version == 0 {
        // Nothing applied yet: there may not even be a `meta` table.
        return Ok(0);
    }
    let stored: Option<String> =
        conn.query_row("SELECT value FROM meta WHERE key = 'schema_version'", [], |r| r.get(0)).optional()?;
    Ok(stored.and_then(|s| s.parse().ok()).unwrap_or(user_version).max(user_version))
}

/// Applies the migrations of `migrations` after the first `from`, all or none, and records both
/// versions.
pub fn apply(conn: &Connection, from: i64, migrations: &[Migration]) -> Result<()> {
    let count = migrations.len() as i64;
    let pending = &migrations[from.clamp(0, count) as usize..];
    if pending.is_empty() {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| -> Result<()> {
        for m in pending {
            conn.execute_batch(m.sql)?;
        }
        conn.pragma_update(None, "user_version", compat_version(migrations))?;
        let now = super::changelog::now();
        for (key, value) in [("schema_version", count.to_string()), ("schema_migrated_at", now)] {
            conn.execute(
                "INSERT INTO meta(key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                [key, value.as_str()],
            )?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => {
            conn.execute_batch("COMMIT")?;
            Ok(())
        }
        Err(e) => {
            let _ = conn.execute_batch("ROLLBACK");
            Err(e)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migration_names_are_ordered_timestamps() {
        let names: Vec<&str> = MIGRATIONS.iter().map(|m| m.name).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "migrations must be listed in timestamp order");
        assert!(names.iter().all(|n| n.len() > 15 && n[..14].bytes().all(|b| b.is_ascii_digit())));
    }

    /// A `.sql` file left out of the list would never be applied: the folder and the list agree,
    /// and each listed migration embeds its own file.
    #[test]
    fn every_file_in_migrations_is_listed() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/store/migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".sql"))
            .collect();
        files.sort();
        let listed: Vec<String> = MIGRATIONS.iter().map(|m| format!("{}.sql", m.name)).collect();
        assert_eq!(files, listed, "every file in {} is listed in MIGRATIONS, in order", dir.display());
        for m in MIGRATIONS {
            let on_disk = std::fs::read_to_string(dir.join(format!("{}.sql", m.name))).unwrap();
            assert_eq!(on_disk, m.sql, "{} embeds its own file", m.name);
        }
    }

    #[test]
    fn the_compatibility_version_stops_at_the_last_breaking_migration() {
        let m = |breaking| Migration { name: "x", sql: "", breaking };
        assert_eq!(compat_version(&[]), 0);
        assert_eq!(compat_version(&[m(true), m(false), m(false)]), 1);
        assert_eq!(compat_version(&[m(true), m(false), m(true)]), 3);
        assert_eq!(compat_version(MIGRATIONS), 4, "the four first migrations are breaking, the review tables additive");
    }
}
