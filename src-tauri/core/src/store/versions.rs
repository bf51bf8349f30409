//! Versions (版本): every package made, kept whole — the catalog it carried, the findings of its
//! validation, its period, its signer — so that any two can be compared and a resource restored
//! from one. Kept apart from `package_record`, which older Mulu still thins out to the latest.

use rusqlite::{params, Connection, OptionalExtension};

use super::packages::PackageRecord;
use super::Workspace;
use crate::error::{Error, Result};
use crate::model::Catalog;

/// What a version keeps beyond the package record.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VersionExtra {
    /// The validation report as JSON; `None` when not kept (packages made before versions).
    pub findings_json: Option<String>,
    /// 目录期次 of the catalog packaged.
    pub period: Option<String>,
    /// Why it was made while the year's full maintenance was incomplete.
    pub incomplete_reason: Option<String>,
}

/// A version as listed (without its catalog).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredVersion {
    pub seq: u32,
    pub package_id: String,
    pub created_at: String,
    pub signer_fingerprint: String,
    pub period: Option<String>,
    pub incomplete_reason: Option<String>,
    pub has_findings: bool,
}

/// Keeps a version inside the caller's transaction (the one recording its package).
fn insert(conn: &Connection, rec: &PackageRecord, catalog_json: &str, extra: &VersionExtra) -> Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO package_version(seq, package_id, created_at, signer_fingerprint, period, catalog,
             findings, incomplete_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![
            rec.seq,
            rec.package_id,
            rec.created_at,
            rec.signer_fingerprint,
            extra.period,
            catalog_json,
            extra.findings_json,
            extra.incomplete_reason
        ],
    )?;
    Ok(())
}

impl Workspace {
    /// Records a package about to be published (its `package_record`, keeping its catalog and
    /// the previous package's, so that unrecording it leaves the previous one whole; older ones'
    /// are dropped there) and keeps it whole as a version: its catalog, findings, period and the
    /// reason it was made during an incomplete campaign. In one write with the check that no
    /// package took its number or a later one: two programs packaging at once never record one
    /// number twice.
    pub fn record_version(&mut self, rec: &PackageRecord, catalog_json: &str, extra: &VersionExtra) -> Result<()> {
        let path = self.path().to_path_buf();
        self.write(|tx| {
            let next: u32 = tx.query_row("SELECT coalesce(max(seq), 0) + 1 FROM package_record", [], |r| r.get(0))?;
            if rec.seq < next {
                // Another program made a package meanwhile; making it again takes the next number.
                // (A number past the next skips packages found unrecorded in the output folder.)
                return Err(Error::Busy { path });
            }
            tx.execute(
                "UPDATE package_record SET catalog = NULL
                 WHERE catalog IS NOT NULL AND seq < (SELECT max(seq) FROM package_record)",
                [],
            )?;
            tx.execute(
                "INSERT INTO package_record(seq, package_id, created_at, file_name, tagmanifest_sha256, signer_fingerprint, catalog)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
                params![
                    rec.seq,
                    rec.package_id,
                    rec.created_at,
                    rec.file_name,
                    rec.tagmanifest_sha256,
                    rec.signer_fingerprint,
                    catalog_json
                ],
            )?;
            insert(tx, rec, catalog_json, extra)
        })
    }

    /// Every version, oldest first.
    pub fn versions(&self) -> Result<Vec<StoredVersion>> {
        let mut st = self.conn().prepare(
            "SELECT seq, package_id, created_at, signer_fingerprint, period, incomplete_reason, findings IS NOT NULL
             FROM package_version ORDER BY seq",
        )?;
        let rows = st.query_map([], |r| {
            Ok(StoredVersion {
                seq: r.get(0)?,
                package_id: r.get(1)?,
                created_at: r.get(2)?,
                signer_fingerprint: r.get(3)?,
                period: r.get(4)?,
                incomplete_reason: r.get(5)?,
                has_findings: r.get(6)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The catalog of version `seq`, and its findings (JSON) when kept.
    pub fn version_content(&self, seq: u32) -> Result<(Catalog, Option<serde_json::Value>)> {
        let row: Option<(String, Option<String>)> = self
            .conn()
            .query_row("SELECT catalog, findings FROM package_version WHERE seq = ?1", [seq], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .optional()?;
        let Some((catalog, findings)) = row else {
            return Err(Error::VersionNotFound { selector: seq.to_string() });
        };
        Ok((serde_json::from_str(&catalog)?, findings.map(|f| serde_json::from_str(&f)).transpose()?))
    }
}

impl Workspace {
    /// Each version's error and warning counts, where its findings were kept.
    pub fn version_counts(&self) -> Result<std::collections::HashMap<u32, (usize, usize)>> {
        let mut st = self.conn().prepare(
            "SELECT seq, json_extract(findings, '$.summary.errors'), json_extract(findings, '$.summary.warnings')
             FROM package_version WHERE findings IS NOT NULL",
        )?;
        let rows = st.query_map([], |r| {
            let (e, w): (Option<i64>, Option<i64>) = (r.get(1)?, r.get(2)?);
            Ok((r.get(0)?, (e.unwrap_or(0) as usize, w.unwrap_or(0) as usize)))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}
