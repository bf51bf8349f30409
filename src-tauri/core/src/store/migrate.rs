//! Schema migrations, embedded in the binary and applied in order in one transaction.
//! `PRAGMA user_version` is the number applied; a newer file is refused by older programs.
//! Migrations only add: they never drop what an older program may read.

use rusqlite::Connection;

use crate::error::Result;

/// (name, SQL), in order. The name is `YYYYMMDDHHMMSS_what`.
const MIGRATIONS: &[(&str, &str)] = &[
    ("20261125000000_init", include_str!("migrations/20261125000000_init.sql")),
    ("20261126000000_packages", include_str!("migrations/20261126000000_packages.sql")),
    ("20261126100000_search", include_str!("migrations/20261126100000_search.sql")),
    ("20261126110000_undo", include_str!("migrations/20261126110000_undo.sql")),
];

pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

/// Applies the migrations after `from`, all or none.
pub fn apply(conn: &Connection, from: i64) -> Result<()> {
    let pending = &MIGRATIONS[from.clamp(0, SCHEMA_VERSION) as usize..];
    if pending.is_empty() {
        return Ok(());
    }
    conn.execute_batch("BEGIN IMMEDIATE")?;
    let result = (|| -> Result<()> {
        for (_, sql) in pending {
            conn.execute_batch(sql)?;
        }
        conn.pragma_update(None, "user_version", SCHEMA_VERSION)?;
        conn.execute(
            "INSERT INTO meta(key, value) VALUES ('schema_migrated_at', ?1) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [super::changelog::now()],
        )?;
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
    #[test]
    fn migration_names_are_ordered_timestamps() {
        let names: Vec<&str> = super::MIGRATIONS.iter().map(|m| m.0).collect();
        let mut sorted = names.clone();
        sorted.sort();
        assert_eq!(names, sorted, "migrations must be listed in timestamp order");
        assert!(names.iter().all(|n| n.len() > 15 && n[..14].bytes().all(|b| b.is_ascii_digit())));
    }
}
