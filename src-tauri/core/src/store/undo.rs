//! Undo of the last edits, from the change log: each change set is reversed field by field in
//! one transaction, itself recorded as a change set (so the history shows it), and marked as
//! undone so the next undo reaches further back.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::{changelog, search, Workspace};
use crate::error::{Error, Result};
use crate::i18n::{Face, Lang};
use crate::model::Resource;

/// How many of an undo's changes it reports (an undone import can touch thousands).
pub const UNDONE_DETAILS: usize = 20;

/// What an undo reversed.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Undone {
    #[ts(type = "number")]
    pub set_id: i64,
    pub action: String,
    pub at: String,
    /// Fields (or whole records) put back.
    pub changes: usize,
    /// The first of the undo's own changes (old: before the undo, new: after it).
    pub details: Vec<changelog::Change>,
}

/// The change set the next undo would reverse.
#[derive(Debug, Clone, Serialize, TS)]
pub struct UndoNext {
    #[ts(type = "number")]
    pub set_id: i64,
    pub action: String,
    pub at: String,
    pub changes: usize,
    /// Why it cannot be undone, in the person's language; `None` when it can.
    pub refused: Option<String>,
}

/// The newest change set that is not itself an undo and was not undone yet.
fn target(conn: &rusqlite::Connection) -> Result<Option<(i64, String, String)>> {
    Ok(conn
        .query_row(
            "SELECT id, action, at FROM change_set
             WHERE undone_by IS NULL AND action NOT LIKE 'undo%'
             ORDER BY id DESC LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .optional()?)
}

/// How many changes a set holds, and whether any is of a kind undo does not reverse (systems,
/// trusted keys and package records are few and edited whole).
fn census(conn: &rusqlite::Connection, set: i64) -> Result<(usize, bool)> {
    let (n, foreign): (i64, i64) = conn.query_row(
        "SELECT count(*), coalesce(sum(NOT (entity = 'agency' OR (entity = 'resource' AND entity_id IS NOT NULL))), 0)
         FROM change WHERE set_id = ?1",
        [set],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok((n as usize, foreign > 0))
}

struct Row {
    entity: String,
    entity_id: Option<i64>,
    path: String,
    old: Option<String>,
}

/// `items[2].name` → [Key("items"), Index(2), Key("name")].
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

fn steps(path: &str) -> Vec<Step<'_>> {
    let mut out = Vec::new();
    for part in path.split('.') {
        let (key, rest) = part.split_once('[').map(|(k, r)| (k, Some(r))).unwrap_or((part, None));
        if !key.is_empty() {
            out.push(Step::Key(key));
        }
        if let Some(rest) = rest {
            for idx in rest.split('[') {
                if let Ok(i) = idx.trim_end_matches(']').parse() {
                    out.push(Step::Index(i));
                }
            }
        }
    }
    out
}

/// Puts `old` back at `path`; `None` removes an array element or sets a field to null.
fn put_back(doc: &mut Value, path: &str, old: Option<Value>) -> Option<()> {
    let steps = steps(path);
    let (last, parents) = steps.split_last()?;
    let mut cur = doc;
    for s in parents {
        cur = match s {
            Step::Key(k) => cur.get_mut(*k)?,
            Step::Index(i) => cur.get_mut(*i)?,
        };
    }
    match (last, old) {
        (Step::Key(k), v) => {
            cur.as_object_mut()?.insert((*k).to_string(), v.unwrap_or(Value::Null));
        }
        (Step::Index(i), Some(v)) => {
            let a = cur.as_array_mut()?;
            if *i < a.len() {
                a[*i] = v;
            } else {
                a.push(v);
            }
        }
        (Step::Index(i), None) => {
            let a = cur.as_array_mut()?;
            if *i < a.len() {
                a.remove(*i);
            }
        }
    }
    Some(())
}

impl Workspace {
    /// What the next undo would reverse, and the core's refusal (worded for `face`) when it
    /// would refuse; `None` when there is nothing left to undo. Lets the app say so before the
    /// person asks.
    pub fn next_undo(&self, lang: Lang, face: Face) -> Result<Option<UndoNext>> {
        let Some((set_id, action, at)) = target(self.conn())? else { return Ok(None) };
        let (changes, foreign) = census(self.conn(), set_id)?;
        let refused = foreign.then(|| Error::UndoUnsupported { action: action.clone() }.message_in(lang, face));
        Ok(Some(UndoNext { set_id, action, at, changes, refused }))
    }

    /// Undoes the newest change set that is not itself an undo and was not undone yet.
    /// Returns `None` when there is nothing left to undo; refuses, changing nothing, a set
    /// holding a change of a kind it does not reverse.
    pub fn undo(&mut self) -> Result<Option<Undone>> {
        self.write(|tx| {
        let Some((set_id, action, at)) = target(tx)? else { return Ok(None) };
        if census(tx, set_id)?.1 {
            return Err(Error::UndoUnsupported { action });
        }
        let rows: Vec<Row> = {
            let mut st =
                tx.prepare("SELECT entity, entity_id, path, old FROM change WHERE set_id = ?1 ORDER BY id DESC")?;
            let it = st.query_map([set_id], |r| {
                Ok(Row { entity: r.get(0)?, entity_id: r.get(1)?, path: r.get(2)?, old: r.get(3)? })
            })?;
            it.collect::<rusqlite::Result<_>>()?
        };
        let undo_set = changelog::begin(tx, &format!("undo {action}"))?;
        let now = changelog::now();
        let parse = |s: &Option<String>| s.as_deref().map(serde_json::from_str::<Value>).transpose();
        for row in &rows {
            match (row.entity.as_str(), row.path.as_str(), row.entity_id) {
                ("resource", "*", Some(id)) => match parse(&row.old)? {
                    // It was added: remove it.
                    None => {
                        let doc: Option<String> =
                            tx.query_row("SELECT doc FROM resource WHERE id = ?1", [id], |r| r.get(0)).optional()?;
                        if let Some(doc) = doc {
                            changelog::record_whole(
                                tx,
                                undo_set,
                                "resource",
                                id,
                                Some(&serde_json::from_str(&doc)?),
                                None,
                            )?;
                            tx.execute("DELETE FROM resource WHERE id = ?1", [id])?;
                            search::unindex(tx, id)?;
                        }
                    }
                    // It was removed: put it back, at the end of the catalog, with its id.
                    Some(old) => {
                        let r: Resource = serde_json::from_value(old.clone())?;
                        let next: i64 =
                            tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM resource", [], |x| x.get(0))?;
                        tx.execute(
                            "INSERT INTO resource(id, position, code, name, doc, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                            params![id, next, r.code, r.name, super::doc::encode(&r)?, now],
                        )?;
                        search::index_new(tx, id, &r)?;
                        changelog::record_whole(tx, undo_set, "resource", id, None, Some(&old))?;
                    }
                },
                ("resource", path, Some(id)) => {
                    let doc: Option<String> =
                        tx.query_row("SELECT doc FROM resource WHERE id = ?1", [id], |r| r.get(0)).optional()?;
                    let Some(doc) = doc else { continue };
                    // The stored form leaves out empty members; the change log's paths are
                    // in the full form.
                    let before = serde_json::to_value(serde_json::from_str::<Resource>(&doc)?)?;
                    let mut after = before.clone();
                    put_back(&mut after, path, parse(&row.old)?);
                    let r: Resource = serde_json::from_value(after.clone())?;
                    changelog::record_diff(tx, undo_set, "resource", Some(id), &before, &after)?;
                    tx.execute(
                        "UPDATE resource SET code = ?1, name = ?2, doc = ?3, updated_at = ?4 WHERE id = ?5",
                        params![r.code, r.name, super::doc::encode(&r)?, now, id],
                    )?;
                    search::index(tx, id, &r)?;
                }
                ("agency", path, _) => {
                    let doc: Option<String> =
                        tx.query_row("SELECT doc FROM agency WHERE id = 1", [], |r| r.get(0)).optional()?;
                    let before: Value = doc
                        .as_deref()
                        .map(serde_json::from_str)
                        .transpose()?
                        .unwrap_or(Value::Object(Default::default()));
                    let mut after = before.clone();
                    put_back(&mut after, path, parse(&row.old)?);
                    let _: crate::model::Agency = serde_json::from_value(after.clone())?;
                    changelog::record_diff(tx, undo_set, "agency", None, &before, &after)?;
                    tx.execute(
                        "INSERT INTO agency(id, doc) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc",
                        [after.to_string()],
                    )?;
                }
                // Refused above (`census`); kept so a new kind of change can never be half undone.
                _ => return Err(Error::UndoUnsupported { action: action.clone() }),
            }
        }
        tx.execute("UPDATE change_set SET undone_by = ?1 WHERE id = ?2", params![undo_set, set_id])?;
        let details = changelog::of_set(tx, undo_set, UNDONE_DETAILS)?;
        Ok(Some(Undone { set_id, action, at, changes: rows.len(), details }))
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::model::fields::{parse_item, set};
    use crate::sample;
    use crate::store::Workspace;

    #[test]
    fn undo_walks_back_edits_adds_and_removals() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("u.mulu")).unwrap();
        ws.set_agency(&sample::agency()).unwrap();
        let id = ws.add_resource(sample::resource()).unwrap();
        let original = ws.resource(id).unwrap().resource;

        let mut r = original.clone();
        set(&mut r, "update_cycle", "每月").unwrap();
        set(&mut r, "name", "改过的名称").unwrap();
        r.items.push(parse_item("身份证号:C:18").unwrap());
        r.items.remove(0);
        ws.edit_resource(id, |x| {
            *x = r;
            Ok(())
        })
        .unwrap();
        let other = ws.add_resource(sample::large_catalog(2, 1).resources[1].clone()).unwrap();
        ws.remove_resource(id).unwrap();
        assert!(ws.resource(id).is_err());

        let u = ws.undo().unwrap().unwrap();
        assert_eq!(u.action, "resource.remove");
        assert_eq!(ws.resource(id).unwrap().resource.name, "改过的名称", "the removed resource is back");
        assert_eq!(ws.undo().unwrap().unwrap().action, "resource.add");
        assert!(ws.resource(other).is_err(), "the added one is gone");
        assert_eq!(ws.undo().unwrap().unwrap().action, "resource.edit");
        assert_eq!(ws.resource(id).unwrap().resource, original, "every field and item as before");
        assert_eq!(ws.search("改过的名称", 10).unwrap(), Vec::<i64>::new(), "the search index follows");
        assert_eq!(ws.undo().unwrap().unwrap().action, "resource.add");
        assert_eq!(ws.undo().unwrap().unwrap().action, "agency.set");
        assert_eq!(ws.agency().unwrap(), Default::default());
        assert!(ws.undo().unwrap().is_none(), "nothing left");
        assert!(
            ws.history(None, 100).unwrap().iter().any(|c| c.action.starts_with("undo")),
            "undos are in the history"
        );
    }

    #[test]
    fn the_next_undo_is_told_before_and_what_it_did_after() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("n.mulu")).unwrap();
        let app = crate::i18n::Face::App;
        assert!(ws.next_undo(crate::Lang::Zh, app).unwrap().is_none(), "a new workspace has nothing to undo");
        let id = ws.add_resource(sample::resource()).unwrap();
        let mut r = ws.resource(id).unwrap().resource;
        set(&mut r, "update_cycle", "每月").unwrap();
        ws.edit_resource(id, |x| {
            *x = r;
            Ok(())
        })
        .unwrap();

        let next = ws.next_undo(crate::Lang::Zh, app).unwrap().unwrap();
        assert_eq!((next.action.as_str(), next.changes, next.refused), ("resource.edit", 1, None));
        let u = ws.undo().unwrap().unwrap();
        assert_eq!(u.set_id, next.set_id, "the one announced");
        assert_eq!(u.details.len(), 1);
        let c = &u.details[0];
        assert_eq!((c.entity_id, c.path.as_str()), (Some(id), "update_cycle"));
        assert_eq!(
            (c.old.as_deref(), c.new.as_deref()),
            (Some("\"每月\""), Some("\"每年\"")),
            "before → after the undo"
        );

        // A system is edited whole: the core refuses, says so beforehand, and changes nothing.
        ws.put_system(&crate::model::InfoSystem { name: "低保管理系统".into(), ..Default::default() }).unwrap();
        let next = ws.next_undo(crate::Lang::Zh, app).unwrap().unwrap();
        let why = next.refused.expect("refused");
        assert!(why.contains("信息系统") && !why.contains("mulu"), "{why}");
        let err = ws.undo().unwrap_err();
        assert_eq!(err.payload(crate::Lang::Zh).message, why, "the same words before and after");
        assert_eq!(ws.systems().unwrap().len(), 1, "nothing undone");
        assert_eq!(
            ws.resource(id).unwrap().resource.update_cycle.map(|c| c.as_str().to_string()).as_deref(),
            Some("每年")
        );
    }
}
