//! Versions (版本): every package made is kept whole (store `versions.rs`). Any two versions — or
//! a version and the working catalog — compare field by field with the comparison the package's
//! `changes.json` uses (`package::diff`), and a resource can be restored from a version as one
//! undoable change.

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{Catalog, Resource};
use crate::package::diff::{self, ChangedResource, FieldChange, PreviousPackage, ResourceKey};
use crate::store::Workspace;

/// The name of the working catalog where a version is expected.
pub const WORKING: &str = "working";

/// A version as listed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Version {
    pub sequence: u32,
    pub package_id: String,
    pub created_at: String,
    /// The signer's key fingerprint (SM3, hex).
    pub signer: String,
    /// 目录期次 of the catalog packaged.
    pub period: Option<String>,
    /// Why it was made while the year's full maintenance was incomplete.
    pub incomplete_reason: Option<String>,
    /// Validation errors and warnings it was packaged with; `None` for a package made before
    /// versions kept them.
    pub errors: Option<usize>,
    pub warnings: Option<usize>,
}

/// One side of a comparison: a version, or the working catalog (no sequence).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Side {
    pub sequence: Option<u32>,
    pub package_id: Option<String>,
    pub created_at: Option<String>,
}

impl Side {
    fn working() -> Self {
        Side { sequence: None, package_id: None, created_at: None }
    }

    /// How the person names it: the package id, or `working`.
    pub fn name(&self) -> String {
        self.package_id.clone().unwrap_or_else(|| WORKING.to_string())
    }
}

/// Two catalogs compared field by field: `from` → `to`.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct VersionDiff {
    pub from: Side,
    pub to: Side,
    /// The agency profile's fields that differ.
    pub agency: Vec<FieldChange>,
    pub added: Vec<ResourceKey>,
    pub removed: Vec<ResourceKey>,
    pub changed: Vec<ChangedResource>,
}

/// A resource restored from a version.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct Restored {
    pub version: Side,
    /// Its row id in the working catalog.
    #[ts(type = "number")]
    pub id: i64,
    /// Its code and name.
    pub resource: String,
    /// Whether it had been removed and was added back.
    pub added_back: bool,
    /// The fields put back (old: the working catalog's, new: the version's).
    pub fields: Vec<FieldChange>,
}

/// The change-set action of a restore (one undo reverts it).
pub const RESTORE_ACTION: &str = "resource.restore";

/// Every version, oldest first.
pub fn list(ws: &Workspace) -> Result<Vec<Version>> {
    let counts = ws.version_counts()?;
    Ok(ws
        .versions()?
        .into_iter()
        .map(|v| {
            let (errors, warnings) = counts.get(&v.seq).copied().unzip();
            Version {
                sequence: v.seq,
                package_id: v.package_id,
                created_at: v.created_at,
                signer: v.signer_fingerprint,
                period: v.period,
                incomplete_reason: v.incomplete_reason,
                errors,
                warnings,
            }
        })
        .collect())
}

/// The catalog `selector` names: `working`, a sequence number or a package id.
pub fn resolve(ws: &Workspace, selector: &str) -> Result<(Side, Catalog)> {
    let sel = crate::text::clean_line(selector);
    if sel.eq_ignore_ascii_case(WORKING) {
        return Ok((Side::working(), ws.catalog()?));
    }
    let versions = ws.versions()?;
    let found = match sel.parse::<u32>() {
        Ok(seq) => versions.into_iter().find(|v| v.seq == seq),
        Err(_) => versions.into_iter().find(|v| v.package_id.eq_ignore_ascii_case(&sel)),
    };
    let Some(v) = found else { return Err(Error::VersionNotFound { selector: sel }) };
    let (catalog, _) = ws.version_content(v.seq)?;
    Ok((Side { sequence: Some(v.seq), package_id: Some(v.package_id), created_at: Some(v.created_at) }, catalog))
}

/// Compares the catalogs `a` and `b` name, field by field (a → b).
pub fn diff(ws: &Workspace, a: &str, b: &str) -> Result<VersionDiff> {
    let (from, old) = resolve(ws, a)?;
    let (to, new) = resolve(ws, b)?;
    Ok(compare(from, &old, to, &new))
}

/// The comparison of two catalogs already read.
pub fn compare(from: Side, old: &Catalog, to: Side, new: &Catalog) -> VersionDiff {
    let prev = PreviousPackage {
        package_id: from.name(),
        sequence: from.sequence.unwrap_or(0),
        created_at: from.created_at.clone().unwrap_or_default(),
    };
    let c = diff::changes(Some((prev, old)), new);
    VersionDiff { from, to, agency: c.agency, added: c.added, removed: c.removed, changed: c.changed }
}

/// The resource `selector` (code, else name) in a version's catalog.
fn in_version<'a>(side: &Side, catalog: &'a Catalog, selector: &str) -> Result<&'a Resource> {
    let sel = crate::text::clean_line(selector);
    let code = crate::text::clean_code(&sel);
    if let Some(r) = catalog.resources.iter().find(|r| r.code.as_deref() == Some(code.as_str())) {
        return Ok(r);
    }
    let named: Vec<&Resource> = catalog.resources.iter().filter(|r| r.name == sel).collect();
    match named.as_slice() {
        [r] => Ok(r),
        [] => Err(Error::VersionLacksResource { version: side.name(), selector: sel }),
        many => Err(Error::AmbiguousResource { selector: sel, count: many.len() }),
    }
}

/// Puts resource `selector` back as it was in `version`: over the working record of the same
/// code (or name), or added back when it was removed since. One change set, undone by one undo.
/// The secrecy review goes as any change takes it (the review covers what was reviewed).
pub fn restore(ws: &mut Workspace, version: &str, selector: &str) -> Result<Restored> {
    let (side, catalog) = resolve(ws, version)?;
    if side.sequence.is_none() {
        return Err(Error::VersionNotFound { selector: WORKING.into() });
    }
    let old = in_version(&side, &catalog, selector)?.clone();
    let current = match &old.code {
        Some(code) => ws.find(code),
        None => ws.find(&old.name),
    };
    let (id, added_back, fields) = match current {
        Ok(id) => {
            let before = ws.resource(id)?.resource;
            let fields = diff::resource_fields(&before, &old);
            let wanted = old.clone();
            ws.edit_resources(RESTORE_ACTION, &[id], |_, r| {
                *r = wanted.clone();
                Ok(())
            })?;
            (id, false, fields)
        }
        Err(Error::ResourceNotFound { .. }) => {
            let ids = ws.add_resources(vec![old.clone()])?;
            (ids[0], true, vec![])
        }
        Err(e) => return Err(e),
    };
    let resource = super::resources::label(ws, id)?;
    Ok(Restored { version: side, id, resource, added_back, fields })
}
