//! Resources in the store: list, find, add, remove. Each mutation is one transaction with its
//! change-log rows; edits go through [`super::write`].

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::model::Resource;

/// A resource with its row id, which the app and `#N` selectors use.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct StoredResource {
    #[ts(type = "number")]
    pub id: i64,
    pub resource: Resource,
}

const UPDATE: &str = "UPDATE resource SET code = ?1, name = ?2, doc = ?3, updated_at = ?4 WHERE id = ?5";

/// From how many new resources an import leaves them to be indexed at the next search.
const DEFER_INDEX_FROM: usize = 1000;

/// How new resources reach the search index.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Indexing {
    Now,
    /// At the next search ([`super::search::defer`]).
    Deferred,
}

/// Inserts new resources (with their JSON) at the end of the catalog, inside the caller's
/// transaction and change set. An add is logged without the document: undoing it is a delete,
/// and logging it whole would double the file of a city-sized import.
fn insert_new(
    tx: &rusqlite::Transaction,
    set: i64,
    docs: Vec<(&Resource, &str)>,
    indexing: Indexing,
) -> Result<Vec<i64>> {
    if indexing == Indexing::Deferred && !docs.is_empty() {
        super::search::defer(tx)?;
    }
    let at = changelog::now();
    let first: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM resource", [], |r| r.get(0))?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO resource(position, code, name, doc, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let mut log = tx.prepare_cached(
        "INSERT INTO change(set_id, entity, entity_id, path, old, new) VALUES (?1, 'resource', ?2, '*', NULL, '{}')",
    )?;
    let mut ids = Vec::with_capacity(docs.len());
    for (next, (r, doc)) in (first..).zip(docs) {
        ins.execute(params![next, r.code, r.name, doc, at])?;
        let id = tx.last_insert_rowid();
        if indexing == Indexing::Now {
            super::search::index_new(tx, id, r)?;
        }
        log.execute(params![set, id])?;
        ids.push(id);
    }
    Ok(ids)
}

fn decode(doc: &str) -> Result<Resource> {
    Ok(serde_json::from_str(doc)?)
}

/// Every resource, in catalog order, as stored now (inside the caller's transaction, if any).
pub(crate) fn read_all(conn: &rusqlite::Connection) -> Result<Vec<StoredResource>> {
    let mut st = conn.prepare_cached("SELECT id, doc FROM resource ORDER BY position, id")?;
    let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (id, doc) = row?;
        out.push(StoredResource { id, resource: decode(&doc)? });
    }
    Ok(out)
}

fn next_code_in(conn: &rusqlite::Connection) -> Result<Option<String>> {
    let Some(prefix) = super::write::read_agency(conn)?.0.code_prefix else { return Ok(None) };
    let mut st = conn.prepare_cached("SELECT code FROM resource WHERE code LIKE ?1 || '/%'")?;
    let codes: Vec<String> = st.query_map([&prefix], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    Ok(Some(crate::ids::code::next_code(&prefix, codes.iter().map(String::as_str))))
}

/// Numbers the resources without a code in order under the agency's prefix and names the agency
/// as provider where none is, from the workspace as it is in the caller's transaction.
fn prepare_new(conn: &rusqlite::Connection, resources: &mut [Resource]) -> Result<()> {
    let agency = super::write::read_agency(conn)?.0;
    let mut next = next_code_in(conn)?;
    for r in resources.iter_mut() {
        if r.code.is_none() {
            if let Some(code) = next.take() {
                let (prefix, seq) = code.split_once('/').unwrap_or((&code, "1"));
                let n: u64 = seq.parse().unwrap_or(1);
                next = Some(format!("{prefix}/{:06}", n + 1));
                crate::model::fields::set(r, "code", &code)?;
            }
        }
        if r.provider_name.is_none() && r.provider_code.is_none() {
            r.provider_name = agency.name.clone();
            r.provider_code = agency.uscc.clone();
        }
    }
    Ok(())
}

/// Applies an import inside the caller's transaction, as one change set: the agency profile
/// when given, systems by name, new resources at the end (each with its JSON, serialised by the
/// caller while validation ran), merged versions of matched ones — which the caller computed
/// against the records as they are in this same transaction. Many new resources are indexed
/// for search at the next search, not now.
pub(crate) fn apply_import_in(
    tx: &rusqlite::Transaction,
    agency: Option<&crate::model::Agency>,
    systems: &[crate::model::InfoSystem],
    adds: Vec<(&Resource, &str)>,
    updates: Vec<(i64, Resource)>,
) -> Result<()> {
    let set = changelog::begin(tx, "import")?;
    if let Some(a) = agency {
        let old = serde_json::to_value(super::write::read_agency(tx)?.0)?;
        let new = serde_json::to_value(a)?;
        changelog::record_diff(tx, set, "agency", None, &old, &new)?;
        tx.execute(
            "INSERT INTO agency(id, doc) VALUES (1, ?1) ON CONFLICT(id) DO UPDATE SET doc = excluded.doc",
            [new.to_string()],
        )?;
    }
    for s in systems {
        let doc = serde_json::to_string(s)?;
        let changed =
            tx.execute("UPDATE info_system SET doc = ?1 WHERE name = ?2 AND doc <> ?1", params![doc, s.name])?;
        if changed == 0 {
            tx.execute(
                "INSERT INTO info_system(doc) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM info_system WHERE name = ?2)",
                params![doc, s.name],
            )?;
        }
    }
    // A few new records cost less to index now than the whole index costs to rebuild.
    let indexing = if adds.len() >= DEFER_INDEX_FROM { Indexing::Deferred } else { Indexing::Now };
    insert_new(tx, set, adds, indexing)?;
    let at = changelog::now();
    let mut upd = tx.prepare_cached(UPDATE)?;
    for (id, mut r) in updates {
        let old = serde_json::to_value(super::write::read_resource(tx, id)?)?;
        r.derive_classification();
        r.secrecy_review = None;
        let new = serde_json::to_value(&r)?;
        changelog::record_diff(tx, set, "resource", Some(id), &old, &new)?;
        upd.execute(params![r.code, r.name, super::doc::encode(&r)?, at, id])?;
        super::search::index(tx, id, &r)?;
    }
    Ok(())
}

impl Workspace {
    /// Every resource's code and name, from their own columns (kept with each write of the
    /// record): what checking one resource against the catalog reads, without decoding records.
    pub fn codes_and_names(&self) -> Result<Vec<(Option<String>, String)>> {
        let mut st = self.conn().prepare_cached("SELECT code, name FROM resource")?;
        let rows = st.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every resource, in catalog order.
    pub fn resources(&self) -> Result<Vec<StoredResource>> {
        read_all(self.conn())
    }

    pub fn resource(&self, id: i64) -> Result<StoredResource> {
        let doc: Option<String> =
            self.conn().query_row("SELECT doc FROM resource WHERE id = ?1", [id], |r| r.get(0)).optional()?;
        match doc {
            Some(d) => Ok(StoredResource { id, resource: decode(&d)? }),
            None => Err(Error::ResourceNotFound { selector: format!("#{id}") }),
        }
    }

    pub fn resource_count(&self) -> Result<usize> {
        Ok(self.conn().query_row("SELECT count(*) FROM resource", [], |r| r.get::<_, i64>(0))? as usize)
    }

    /// Finds one resource by `#id`, by code, or by name (in that order of preference).
    pub fn find(&self, selector: &str) -> Result<i64> {
        let sel = crate::text::clean_line(selector);
        if let Some(id) = sel.strip_prefix('#').and_then(|n| n.parse::<i64>().ok()) {
            return self.resource(id).map(|s| s.id);
        }
        for column in ["code", "name"] {
            let probe = if column == "code" { crate::text::clean_code(&sel) } else { sel.clone() };
            let mut st = self.conn().prepare_cached(&format!("SELECT id FROM resource WHERE {column} = ?1 LIMIT 3"))?;
            let ids: Vec<i64> = st.query_map([&probe], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
            match ids.len() {
                0 => continue,
                1 => return Ok(ids[0]),
                n => return Err(Error::AmbiguousResource { selector: sel, count: n }),
            }
        }
        Err(Error::ResourceNotFound { selector: sel })
    }

    /// The next free code under the agency's prefix, when it has one: what the next resource
    /// created would get if nothing else is added first (creating one numbers it inside its own
    /// write, [`Workspace::create_resources`]).
    pub fn next_code(&self) -> Result<Option<String>> {
        next_code_in(self.conn())
    }

    /// Adds resources, as given, at the end of the catalog, all in one transaction; returns their
    /// ids.
    pub fn add_resources(&mut self, resources: Vec<Resource>) -> Result<Vec<i64>> {
        let mut docs = Vec::with_capacity(resources.len());
        for mut r in resources {
            r.derive_classification();
            let doc = super::doc::encode(&r)?;
            docs.push((r, doc));
        }
        self.write(|tx| {
            let set = changelog::begin(tx, if docs.len() == 1 { "resource.add" } else { "resource.add_many" })?;
            insert_new(tx, set, docs.iter().map(|(r, d)| (r, d.as_str())).collect(), Indexing::Now)
        })
    }

    pub fn add_resource(&mut self, resource: Resource) -> Result<i64> {
        Ok(self.add_resources(vec![resource])?[0])
    }

    /// Creates new resources the way the agency catalogues them, in one transaction: codes
    /// numbered in order under the agency's prefix for those without one — computed inside the
    /// write, so two programs adding at once never hand out one code twice — and the agency as
    /// provider when none is named. Returns them as stored.
    pub fn create_resources(&mut self, resources: Vec<Resource>) -> Result<Vec<StoredResource>> {
        self.write(|tx| {
            let mut resources = resources;
            prepare_new(tx, &mut resources)?;
            let mut docs = Vec::with_capacity(resources.len());
            for mut r in resources {
                r.derive_classification();
                let doc = super::doc::encode(&r)?;
                docs.push((r, doc));
            }
            let set = changelog::begin(tx, if docs.len() == 1 { "resource.add" } else { "resource.add_many" })?;
            let ids = insert_new(tx, set, docs.iter().map(|(r, d)| (r, d.as_str())).collect(), Indexing::Now)?;
            Ok(ids.into_iter().zip(docs).map(|(id, (resource, _))| StoredResource { id, resource }).collect())
        })
    }

    pub fn remove_resource(&mut self, id: i64) -> Result<Resource> {
        self.write(|tx| {
            let old = super::write::read_resource(tx, id)?;
            let set = changelog::begin(tx, "resource.remove")?;
            changelog::record_whole(tx, set, "resource", id, Some(&serde_json::to_value(&old)?), None)?;
            tx.execute("DELETE FROM resource WHERE id = ?1", [id])?;
            super::search::unindex(tx, id)?;
            Ok(old)
        })
    }

    /// Records the secrecy review (保密审查) of a resource by `reviewer`, now.
    pub fn confirm_secrecy(&mut self, id: i64, reviewer: &str) -> Result<()> {
        self.confirm_secrecy_many(&[id], reviewer).map(|_| ())
    }

    /// Applies an import in one transaction (see [`apply_import_in`]); `updates` replace records
    /// whole, so only tests call this: an import goes through `sheets::commit`, which merges
    /// against the records as they are inside its write.
    #[cfg(test)]
    pub(crate) fn apply_import(
        &mut self,
        agency: Option<&crate::model::Agency>,
        systems: &[crate::model::InfoSystem],
        adds: Vec<(&Resource, &str)>,
        updates: Vec<(i64, Resource)>,
    ) -> Result<()> {
        self.write(|tx| apply_import_in(tx, agency, systems, adds, updates))
    }

    /// The change log, newest first; of one resource when `id` is given.
    pub fn history(&self, id: Option<i64>, limit: usize) -> Result<Vec<changelog::Change>> {
        changelog::recent(self.conn(), id.map(|i| ("resource", i)), limit)
    }
}
