//! Resources in the store: list, find, add, update, remove. Each mutation is one transaction
//! with its change-log rows.

use rusqlite::{params, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::model::{Resource, SecrecyReview};

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
    let mut next: i64 = tx.query_row("SELECT coalesce(max(position), 0) + 1 FROM resource", [], |r| r.get(0))?;
    let mut ins = tx.prepare_cached(
        "INSERT INTO resource(position, code, name, doc, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?5)",
    )?;
    let mut log = tx.prepare_cached(
        "INSERT INTO change(set_id, entity, entity_id, path, old, new) VALUES (?1, 'resource', ?2, '*', NULL, '{}')",
    )?;
    let mut ids = Vec::with_capacity(docs.len());
    for (r, doc) in docs {
        ins.execute(params![next, r.code, r.name, doc, at])?;
        let id = tx.last_insert_rowid();
        if indexing == Indexing::Now {
            super::search::index_new(tx, id, r)?;
        }
        log.execute(params![set, id])?;
        ids.push(id);
        next += 1;
    }
    Ok(ids)
}

fn decode(doc: &str) -> Result<Resource> {
    Ok(serde_json::from_str(doc)?)
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
        let mut st = self.conn().prepare_cached("SELECT id, doc FROM resource ORDER BY position, id")?;
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        let mut out = Vec::new();
        for row in rows {
            let (id, doc) = row?;
            out.push(StoredResource { id, resource: decode(&doc)? });
        }
        Ok(out)
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

    /// The next free code under the agency's prefix, when it has one.
    pub fn next_code(&self) -> Result<Option<String>> {
        let Some(prefix) = self.agency()?.code_prefix else { return Ok(None) };
        let mut st = self.conn().prepare("SELECT code FROM resource WHERE code LIKE ?1 || '/%'")?;
        let codes: Vec<String> = st.query_map([&prefix], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        Ok(Some(crate::ids::code::next_code(&prefix, codes.iter().map(String::as_str))))
    }

    /// Prepares new resources the way the agency catalogues them: codes numbered in order under
    /// the agency's prefix for those without one, and the agency as provider when none is named.
    pub fn prepare_new(&self, resources: &mut [Resource]) -> Result<()> {
        let agency = self.agency()?;
        let mut next = self.next_code()?;
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

    /// Adds resources at the end of the catalog, all in one transaction; returns their ids.
    pub fn add_resources(&mut self, resources: Vec<Resource>) -> Result<Vec<i64>> {
        let mut docs = Vec::with_capacity(resources.len());
        for mut r in resources {
            r.derive_classification();
            let doc = super::doc::encode(&r)?;
            docs.push((r, doc));
        }
        let tx = self.conn.transaction()?;
        let set = changelog::begin(&tx, if docs.len() == 1 { "resource.add" } else { "resource.add_many" })?;
        let ids = insert_new(&tx, set, docs.iter().map(|(r, d)| (r, d.as_str())).collect(), Indexing::Now)?;
        tx.commit()?;
        Ok(ids)
    }

    pub fn add_resource(&mut self, resource: Resource) -> Result<i64> {
        Ok(self.add_resources(vec![resource])?[0])
    }

    /// Saves a new version of a resource (see [`Workspace::update_resources`]).
    pub fn update_resource(&mut self, id: i64, resource: Resource) -> Result<()> {
        self.update_resources("resource.edit", vec![(id, resource)]).map(|_| ())
    }

    /// Saves new versions of resources in one transaction and one change set named `action`
    /// (`resource.edit`, `resource.bulk`, `resource.grade`), so one undo reverts them together.
    /// Unchanged ones are skipped; returns how many changed. Any change other than the secrecy
    /// review itself clears the secrecy review (G Art. 24: the review covers what was reviewed).
    pub fn update_resources(&mut self, action: &str, updates: Vec<(i64, Resource)>) -> Result<usize> {
        let mut changed = Vec::with_capacity(updates.len());
        for (id, mut resource) in updates {
            let old = self.resource(id)?.resource;
            if old == resource {
                continue;
            }
            let touched_other = {
                let mut a = old.clone();
                let mut b = resource.clone();
                a.secrecy_review = None;
                b.secrecy_review = None;
                a != b
            };
            if touched_other {
                resource.secrecy_review = None;
            }
            resource.derive_classification();
            changed.push((id, serde_json::to_value(&old)?, resource));
        }
        if changed.is_empty() {
            return Ok(0);
        }
        let at = changelog::now();
        let tx = self.conn.transaction()?;
        let set = changelog::begin(&tx, action)?;
        {
            let mut upd = tx.prepare_cached(UPDATE)?;
            for (id, ov, resource) in &changed {
                let nv = serde_json::to_value(resource)?;
                changelog::record_diff(&tx, set, "resource", Some(*id), ov, &nv)?;
                upd.execute(params![resource.code, resource.name, super::doc::encode(resource)?, at, id])?;
                super::search::index(&tx, *id, resource)?;
            }
        }
        tx.commit()?;
        Ok(changed.len())
    }

    pub fn remove_resource(&mut self, id: i64) -> Result<Resource> {
        let old = self.resource(id)?.resource;
        let tx = self.conn.transaction()?;
        let set = changelog::begin(&tx, "resource.remove")?;
        changelog::record_whole(&tx, set, "resource", id, Some(&serde_json::to_value(&old)?), None)?;
        tx.execute("DELETE FROM resource WHERE id = ?1", [id])?;
        super::search::unindex(&tx, id)?;
        tx.commit()?;
        Ok(old)
    }

    /// Records the secrecy review (保密审查) of a resource by `reviewer`, now.
    pub fn confirm_secrecy(&mut self, id: i64, reviewer: &str) -> Result<()> {
        let mut r = self.resource(id)?.resource;
        r.secrecy_review = Some(SecrecyReview { reviewer: reviewer.into(), at: changelog::now() });
        self.update_resource(id, r)
    }

    /// Applies an import in one transaction (one change set): the agency profile when given,
    /// systems by name, new resources at the end (each with its JSON, serialised by the caller
    /// while validation ran), merged versions of matched ones. Many new resources are indexed
    /// for search at the next search, not now.
    pub fn apply_import(
        &mut self,
        agency: Option<&crate::model::Agency>,
        systems: &[crate::model::InfoSystem],
        adds: Vec<(&Resource, &str)>,
        updates: Vec<(i64, Resource)>,
    ) -> Result<()> {
        let old_agency = serde_json::to_value(self.agency()?)?;
        let mut old_docs = Vec::with_capacity(updates.len());
        for (id, _) in &updates {
            old_docs.push(serde_json::to_value(&self.resource(*id)?.resource)?);
        }
        let tx = self.conn.transaction()?;
        let set = changelog::begin(&tx, "import")?;
        if let Some(a) = agency {
            let new = serde_json::to_value(a)?;
            changelog::record_diff(&tx, set, "agency", None, &old_agency, &new)?;
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
                tx.execute("INSERT INTO info_system(doc) SELECT ?1 WHERE NOT EXISTS (SELECT 1 FROM info_system WHERE name = ?2)", params![doc, s.name])?;
            }
        }
        // A few new records cost less to index now than the whole index costs to rebuild.
        let indexing = if adds.len() >= DEFER_INDEX_FROM { Indexing::Deferred } else { Indexing::Now };
        insert_new(&tx, set, adds, indexing)?;
        {
            let at = changelog::now();
            let mut upd = tx.prepare_cached(UPDATE)?;
            for ((id, mut r), old) in updates.into_iter().zip(old_docs) {
                r.derive_classification();
                r.secrecy_review = None;
                let new = serde_json::to_value(&r)?;
                changelog::record_diff(&tx, set, "resource", Some(id), &old, &new)?;
                upd.execute(params![r.code, r.name, super::doc::encode(&r)?, at, id])?;
                super::search::index(&tx, id, &r)?;
            }
        }
        tx.commit()?;
        Ok(())
    }

    /// The change log, newest first; of one resource when `id` is given.
    pub fn history(&self, id: Option<i64>, limit: usize) -> Result<Vec<changelog::Change>> {
        changelog::recent(self.conn(), id.map(|i| ("resource", i)), limit)
    }
}
