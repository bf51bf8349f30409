//! Searching the catalog: FTS5 with the trigram tokenizer, so a Chinese substring of three or
//! more characters is found anywhere in a resource's code, name, abstract, provider, source
//! business or data-item names; shorter words (two-character words like 低保 are common) scan
//! the codes and names. A query of several words (split at spaces) needs every one.

use rusqlite::types::Value;
use rusqlite::{params, Connection};

use super::Workspace;
use crate::error::Result;
use crate::model::Resource;

/// The text a resource is found by.
pub(crate) fn text_of(r: &Resource) -> String {
    let mut parts: Vec<&str> = Vec::with_capacity(6 + r.items.len());
    parts.extend(r.code.as_deref());
    parts.push(&r.name);
    parts.extend(r.summary.as_deref());
    parts.extend(r.provider_name.as_deref());
    parts.extend(r.source_business.as_deref());
    parts.extend(r.items.iter().map(|i| i.name.as_str()));
    parts.join("\n")
}

/// Indexes (or re-indexes) one resource, inside the caller's transaction.
pub(crate) fn index(conn: &Connection, id: i64, r: &Resource) -> Result<()> {
    conn.prepare_cached("DELETE FROM resource_search WHERE rowid = ?1")?.execute([id])?;
    conn.prepare_cached("INSERT INTO resource_search(rowid, text) VALUES (?1, ?2)")?
        .execute(params![id, text_of(r)])?;
    Ok(())
}

/// Indexes resources just inserted (no previous entry to remove).
pub(crate) fn index_new(conn: &Connection, id: i64, r: &Resource) -> Result<()> {
    conn.prepare_cached("INSERT INTO resource_search(rowid, text) VALUES (?1, ?2)")?
        .execute(params![id, text_of(r)])?;
    Ok(())
}

pub(crate) fn unindex(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM resource_search WHERE rowid = ?1")?.execute([id])?;
    Ok(())
}

/// `w` as an FTS5 phrase (quotes doubled, so nothing typed is read as query syntax).
fn phrase(w: &str) -> String {
    format!("\"{}\"", w.replace('"', "\"\""))
}

/// `w` as a LIKE pattern matching it anywhere, its wildcards escaped.
fn like(w: &str) -> String {
    format!("%{}%", w.replace('\\', "\\\\").replace('%', "\\%").replace('_', "\\_"))
}

/// The meta key that says the index lags behind the resources.
const STALE: &str = "search_stale";

/// Leaves the index to be rebuilt at the next search, inside the caller's transaction. An import
/// of a city catalog does this rather than index 20,000 resources as it commits: the index is a
/// cache of the documents, and building it later, whole, costs no more than building it now,
/// row by row, while the officer waits for the import.
pub(crate) fn defer(conn: &Connection) -> Result<()> {
    conn.prepare_cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?1, '1')")?.execute([STALE])?;
    Ok(())
}

impl Workspace {
    /// Rebuilds the search index when an import deferred it; one transaction, so a killed
    /// process leaves it deferred, never half built.
    pub fn ensure_search_index(&self) -> Result<()> {
        let conn = self.conn();
        let stale: bool = conn.query_row("SELECT EXISTS (SELECT 1 FROM meta WHERE key = ?1)", [STALE], |r| r.get(0))?;
        if !stale {
            return Ok(());
        }
        // Immediate: the write lock first, then the records, so a record another program
        // writes meanwhile is not indexed from its older version.
        let tx = rusqlite::Transaction::new_unchecked(conn, rusqlite::TransactionBehavior::Immediate)
            .map_err(|e| super::write::busy(self.path(), e.into()))?;
        tx.execute("INSERT INTO resource_search(resource_search) VALUES ('delete-all')", [])?;
        {
            let mut st = tx.prepare("SELECT id, doc FROM resource")?;
            let mut rows = st.query([])?;
            while let Some(row) = rows.next()? {
                let r: crate::model::Resource = serde_json::from_str(&row.get::<_, String>(1)?)?;
                index_new(&tx, row.get(0)?, &r)?;
            }
        }
        tx.execute("DELETE FROM meta WHERE key = ?1", [STALE])?;
        tx.commit()?;
        Ok(())
    }

    /// Ids of the resources matching every word of `query` (words split at spaces), in catalog
    /// order, at most `limit`.
    pub fn search(&self, query: &str, limit: usize) -> Result<Vec<i64>> {
        let q = crate::text::clean_line(query);
        let (long, short): (Vec<&str>, Vec<&str>) = q.split_whitespace().partition(|w| w.chars().count() >= 3);
        if long.is_empty() && short.is_empty() {
            return Ok(vec![]);
        }
        let mut sql = String::from("SELECT r.id FROM resource r WHERE 1");
        let mut args: Vec<Value> = Vec::with_capacity(short.len() + 2);
        if !long.is_empty() {
            self.ensure_search_index()?;
            // Phrases side by side: FTS5 requires each of them.
            args.push(Value::Text(long.iter().map(|w| phrase(w)).collect::<Vec<_>>().join(" ")));
            sql += " AND r.id IN (SELECT rowid FROM resource_search WHERE resource_search MATCH ?1)";
        }
        for w in short {
            args.push(Value::Text(like(w)));
            let n = args.len();
            sql += &format!(" AND (r.name LIKE ?{n} ESCAPE '\\' OR r.code LIKE ?{n} ESCAPE '\\')");
        }
        args.push(Value::Integer(limit.min(i64::MAX as usize) as i64));
        sql += &format!(" ORDER BY r.position LIMIT ?{}", args.len());
        let mut st = self.conn().prepare_cached(&sql)?;
        let ids = st.query_map(rusqlite::params_from_iter(&args), |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<Vec<i64>>>()?)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::fields::set;
    use crate::sample;
    use crate::store::Workspace;

    #[test]
    fn finds_chinese_substrings_and_follows_edits() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("s.mulu")).unwrap();
        let mut c = sample::large_catalog(30, 2);
        set(&mut c.resources[7], "name", "农村低保对象名册").unwrap();
        c.resources[12].items[0].name = "低保金额".into();
        let ids = ws.add_resources(c.resources).unwrap();
        assert_eq!(ws.search("低保对象", 50).unwrap(), [ids[7]], "a substring of the name");
        assert_eq!(ws.search("保金额", 50).unwrap(), [ids[12]], "a data item's name");
        assert_eq!(ws.search("低保", 50).unwrap(), [ids[7]], "two characters: names and codes");
        assert_eq!(ws.search("352111000/000008", 50).unwrap(), [ids[7]], "a code");
        assert!(ws.search("\"; DROP", 50).unwrap().is_empty());
        assert!(ws.search("100% _x", 50).unwrap().is_empty(), "wildcards are taken literally");
        assert_eq!(ws.search(" 低保  对象名册 ", 50).unwrap(), [ids[7]], "every word, short or long");
        assert!(ws.search("低保 预算", 50).unwrap().is_empty(), "a word that is not there excludes it");
        assert!(ws.search("   ", 50).unwrap().is_empty());
        let mut r = ws.resource(ids[7]).unwrap().resource;
        set(&mut r, "name", "城市低收入家庭名册").unwrap();
        ws.edit_resource(ids[7], |x| {
            *x = r;
            Ok(())
        })
        .unwrap();
        assert!(ws.search("低保对象", 50).unwrap().is_empty(), "re-indexed on edit");
        assert_eq!(ws.search("低收入家庭", 50).unwrap(), [ids[7]]);
        ws.remove_resource(ids[12]).unwrap();
        assert!(ws.search("保金额", 50).unwrap().is_empty(), "removed from the index");
        assert_eq!(ws.search("财政预算", 5).unwrap().len(), 5, "limited");
    }

    #[test]
    fn an_import_is_indexed_at_the_first_search_and_edits_before_it_count() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("s.mulu")).unwrap();
        let mut c = sample::large_catalog(1000, 1);
        set(&mut c.resources[3], "name", "农村低保对象名册").unwrap();
        set(&mut c.resources[5], "name", "城市低保对象名册").unwrap();
        let docs: Vec<String> = c.resources.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
        ws.apply_import(None, &[], c.resources.iter().zip(&docs).map(|(r, d)| (r, d.as_str())).collect(), vec![])
            .unwrap();
        let stale = |ws: &Workspace| -> bool {
            ws.conn().query_row("SELECT count(*) FROM meta WHERE key = 'search_stale'", [], |r| r.get(0)).unwrap()
        };
        assert!(stale(&ws), "the import leaves the index to the first search");
        // An edit before any search: the rebuild reads the documents as they are now.
        let id = ws.find("城市低保对象名册").unwrap();
        let mut r = ws.resource(id).unwrap().resource;
        set(&mut r, "name", "城市低收入家庭名册").unwrap();
        ws.edit_resource(id, |x| {
            *x = r;
            Ok(())
        })
        .unwrap();
        assert_eq!(ws.search("低保对象", 50).unwrap(), [ws.find("农村低保对象名册").unwrap()]);
        assert!(!stale(&ws), "built once");
        assert_eq!(ws.search("低收入家庭", 50).unwrap(), [id]);
        let count: i64 = ws.conn().query_row("SELECT count(*) FROM resource_search", [], |r| r.get(0)).unwrap();
        assert_eq!(count, 1000, "every resource once");
        // A small import is indexed as it commits.
        let small = sample::large_catalog(3, 1);
        let docs: Vec<String> = small.resources.iter().map(|r| serde_json::to_string(r).unwrap()).collect();
        ws.apply_import(None, &[], small.resources.iter().zip(&docs).map(|(r, d)| (r, d.as_str())).collect(), vec![])
            .unwrap();
        assert!(!stale(&ws));
    }
}
