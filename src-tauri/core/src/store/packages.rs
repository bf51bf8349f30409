//! The packages this workspace produced: their sequence numbers and, for the latest, the catalog
//! it carried, so that the next package can list the changes since it. Every package's catalog
//! is also kept whole as a version (`versions.rs`).

use rusqlite::OptionalExtension;

use super::Workspace;
use crate::error::Result;
use crate::model::Catalog;

/// A package this workspace produced.
#[derive(Debug, Clone, PartialEq)]
pub struct PackageRecord {
    pub seq: u32,
    pub package_id: String,
    pub created_at: String,
    pub file_name: String,
    pub tagmanifest_sha256: String,
    pub signer_fingerprint: String,
}

impl Workspace {
    /// The latest package, with the catalog it carried.
    pub fn last_package(&self) -> Result<Option<(PackageRecord, Option<Catalog>)>> {
        let row: Option<(PackageRecord, Option<String>)> = self
            .conn()
            .query_row(
                "SELECT seq, package_id, created_at, file_name, tagmanifest_sha256, signer_fingerprint, catalog
                 FROM package_record ORDER BY seq DESC LIMIT 1",
                [],
                |r| {
                    Ok((
                        PackageRecord {
                            seq: r.get(0)?,
                            package_id: r.get(1)?,
                            created_at: r.get(2)?,
                            file_name: r.get(3)?,
                            tagmanifest_sha256: r.get(4)?,
                            signer_fingerprint: r.get(5)?,
                        },
                        r.get(6)?,
                    ))
                },
            )
            .optional()?;
        match row {
            None => Ok(None),
            Some((rec, doc)) => {
                let catalog = doc.map(|d| serde_json::from_str(&d)).transpose()?;
                Ok(Some((rec, catalog)))
            }
        }
    }

    /// The sequence number the next package gets.
    pub fn next_package_seq(&self) -> Result<u32> {
        Ok(self.conn().query_row("SELECT coalesce(max(seq), 0) + 1 FROM package_record", [], |r| r.get(0))?)
    }

    /// Records a package about to be published, keeping its catalog (and the previous package's,
    /// so that unrecording it leaves the previous one whole; older ones' are dropped) and, as a
    /// version, the catalog whole (`versions.rs`, [`Workspace::record_version`]).
    pub fn record_package(&mut self, rec: &PackageRecord, catalog_json: &str) -> Result<()> {
        self.record_version(rec, catalog_json, &Default::default())
    }

    /// Removes the record of a package that could not be published (nothing went out under its
    /// number, so the number may be used again).
    pub fn unrecord_package(&mut self, seq: u32) -> Result<()> {
        self.write(|tx| {
            tx.execute("DELETE FROM package_record WHERE seq = ?1", [seq])?;
            tx.execute("DELETE FROM package_version WHERE seq = ?1", [seq])?;
            Ok(())
        })
    }
}
