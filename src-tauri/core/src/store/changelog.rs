//! The change log: what changed, old → new, when. One `change_set` per mutation; one `change`
//! per field path touched. History and undo build on it.

use rusqlite::{params, Connection};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use crate::error::Result;

pub fn now() -> String {
    chrono::Local::now().to_rfc3339_opts(chrono::SecondsFormat::Millis, false)
}

/// Opens a change set inside the caller's transaction.
pub fn begin(conn: &Connection, action: &str) -> Result<i64> {
    // The operator recorded for the workspace ([`super::Workspace::set_operator`]) signs the set.
    conn.execute(
        "INSERT INTO change_set(at, action, operator) VALUES (?1, ?2, (SELECT value FROM meta WHERE key = 'operator'))",
        params![now(), action],
    )?;
    Ok(conn.last_insert_rowid())
}

/// Records a whole record added (`old` = None) or removed (`new` = None).
pub fn record_whole(
    conn: &Connection,
    set: i64,
    entity: &str,
    id: i64,
    old: Option<&Value>,
    new: Option<&Value>,
) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO change(set_id, entity, entity_id, path, old, new) VALUES (?1, ?2, ?3, '*', ?4, ?5)",
    )?
    .execute(params![set, entity, id, old.map(Value::to_string), new.map(Value::to_string)])?;
    Ok(())
}

/// Records each leaf that differs between two versions of a record.
pub fn record_diff(
    conn: &Connection,
    set: i64,
    entity: &str,
    id: Option<i64>,
    old: &Value,
    new: &Value,
) -> Result<usize> {
    let mut diffs = Vec::new();
    diff("", old, new, &mut diffs);
    let mut st = conn.prepare_cached(
        "INSERT INTO change(set_id, entity, entity_id, path, old, new) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (path, o, n) in &diffs {
        let j = |v: &Option<&Value>| v.filter(|v| !v.is_null()).map(Value::to_string);
        st.execute(params![set, entity, id, path, j(o), j(n)])?;
    }
    Ok(diffs.len())
}

/// Leaf-level differences: `sharing.type`, `items[2].name`, … Arrays of scalars compare whole.
pub fn diff<'a>(
    path: &str,
    old: &'a Value,
    new: &'a Value,
    out: &mut Vec<(String, Option<&'a Value>, Option<&'a Value>)>,
) {
    if old == new {
        return;
    }
    let join = |k: &str| if path.is_empty() { k.to_string() } else { format!("{path}.{k}") };
    match (old, new) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, va) in a {
                match b.get(k) {
                    Some(vb) => diff(&join(k), va, vb, out),
                    None => out.push((join(k), Some(va), None)),
                }
            }
            for (k, vb) in b {
                if !a.contains_key(k) {
                    out.push((join(k), None, Some(vb)));
                }
            }
        }
        (Value::Array(a), Value::Array(b)) if a.iter().chain(b).any(Value::is_object) => {
            for i in 0..a.len().max(b.len()) {
                let p = format!("{path}[{i}]");
                match (a.get(i), b.get(i)) {
                    (Some(x), Some(y)) => diff(&p, x, y, out),
                    (x, y) => out.push((p, x, y)),
                }
            }
        }
        _ => out.push((path.to_string(), Some(old), Some(new))),
    }
}

/// One recorded change, for history views.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Change {
    #[ts(type = "number")]
    pub set_id: i64,
    pub at: String,
    pub action: String,
    pub entity: String,
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    pub path: String,
    pub old: Option<String>,
    pub new: Option<String>,
    /// Who made the change set (经办人), when one was recorded.
    pub operator: Option<String>,
}

/// The first `limit` changes of one change set, in the order they were made.
pub fn of_set(conn: &Connection, set: i64, limit: usize) -> Result<Vec<Change>> {
    let sql = format!("{SELECT} WHERE c.set_id = ?1 ORDER BY c.id LIMIT ?2");
    let mut st = conn.prepare(&sql)?;
    let rows = st.query_map(params![set, limit as i64], change)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

const SELECT: &str = "SELECT s.id, s.at, s.action, c.entity, c.entity_id, c.path, c.old, c.new, s.operator
                      FROM change c JOIN change_set s ON s.id = c.set_id";

fn change(r: &rusqlite::Row) -> rusqlite::Result<Change> {
    Ok(Change {
        set_id: r.get(0)?,
        at: r.get(1)?,
        action: r.get(2)?,
        entity: r.get(3)?,
        entity_id: r.get(4)?,
        path: r.get(5)?,
        old: r.get(6)?,
        new: r.get(7)?,
        operator: r.get(8)?,
    })
}

/// The newest changes, newest first; of one record when `entity_id` is given.
pub fn recent(conn: &Connection, entity: Option<(&str, i64)>, limit: usize) -> Result<Vec<Change>> {
    // Two statements, not one with `?1 IS NULL OR …`: that form keeps SQLite from using the
    // (entity, entity_id) index, and a city's change log has millions of rows.
    let rows = match entity {
        Some((e, id)) => {
            let sql = format!("{SELECT} WHERE c.entity = ?1 AND c.entity_id = ?2 ORDER BY c.id DESC LIMIT ?3");
            let mut st = conn.prepare_cached(&sql)?;
            let rows = st.query_map(params![e, id, limit as i64], change)?;
            rows.collect::<rusqlite::Result<_>>()?
        }
        None => {
            let mut st = conn.prepare_cached(&format!("{SELECT} ORDER BY c.id DESC LIMIT ?1"))?;
            let rows = st.query_map(params![limit as i64], change)?;
            rows.collect::<rusqlite::Result<_>>()?
        }
    };
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    #[test]
    fn diffs_name_the_leaves() {
        let a = json!({"name": "甲", "sharing": {"type": "无条件共享", "basis": null}, "items": [{"name": "x"}], "related_codes": ["1"]});
        let b = json!({"name": "乙", "sharing": {"type": "有条件共享", "basis": null}, "items": [{"name": "x"}, {"name": "y"}], "related_codes": ["1", "2"]});
        let mut out = Vec::new();
        super::diff("", &a, &b, &mut out);
        let paths: Vec<&str> = out.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(paths, ["items[1]", "name", "related_codes", "sharing.type"]);
    }
}
