//! Reading the catalog (目录): what `mulu show`, `mulu search` and `mulu validate` print, and
//! what the app's lists and exports step ask for. Reads only, no transaction of their own.

use serde::Serialize;
use ts_rs::TS;

use crate::error::Result;
use crate::model::{Catalog, View};

use crate::store::{StoredResource, Workspace};

/// One of the three catalogs (资源目录, 共享目录, 开放目录): the catalog with only the resources
/// the view holds, and their row ids in the same order.
#[derive(Debug, Clone)]
pub struct Shown {
    pub ids: Vec<i64>,
    pub catalog: Catalog,
}

/// The catalog as `view` shows it.
pub fn show(ws: &Workspace, view: View) -> Result<Shown> {
    let (ids, mut catalog) = ws.catalog_with_ids()?;
    let (ids, resources) = ids.into_iter().zip(catalog.resources).filter(|(_, r)| view.includes(r)).unzip();
    catalog.resources = resources;
    Ok(Shown { ids, catalog })
}

/// The resource ids of each catalog, in catalog order.
#[derive(Debug, Default, Serialize, PartialEq, Eq, TS)]
pub struct Views {
    #[ts(type = "Array<number>")]
    pub resource: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub sharing: Vec<i64>,
    #[ts(type = "Array<number>")]
    pub open: Vec<i64>,
}

/// Which resources each of the three catalogs holds (the core decides, the UI only shows).
pub fn views(ws: &Workspace) -> Result<Views> {
    let stored = ws.resources()?;
    let ids = |v: View| stored.iter().filter(|s| v.includes(&s.resource)).map(|s| s.id).collect();
    Ok(Views { resource: ids(View::Resource), sharing: ids(View::Sharing), open: ids(View::Open) })
}

/// The ids of the resources matching `query` (every word: a substring of three or more
/// characters anywhere in the indexed text, a shorter word in the name or code), in catalog
/// order, at most `limit`.
pub fn search_ids(ws: &Workspace, query: &str, limit: usize) -> Result<Vec<i64>> {
    ws.search(query, limit)
}

/// The resources matching `query`, whole (see [`search_ids`]).
pub fn search(ws: &Workspace, query: &str, limit: usize) -> Result<Vec<StoredResource>> {
    search_ids(ws, query, limit)?.into_iter().map(|id| ws.resource(id)).collect()
}

/// How many resources the catalog holds.
pub fn count(ws: &Workspace) -> Result<usize> {
    ws.resource_count()
}
