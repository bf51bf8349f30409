//! An agency's side of the review: the receipts imported for the packages this workspace
//! produced, and the comments of a returned package as tasks until they are addressed.

use rusqlite::{params, OptionalExtension};

use super::Workspace;
use crate::error::{Error, Result};
use crate::package::trust::TrustedKey;
use crate::review::ReviewVerdict;

/// A receipt as imported.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct ReceiptRecord {
    pub package_id: String,
    pub decision: ReviewVerdict,
    pub bureau_uscc: String,
    pub bureau_name: String,
    pub signer_fingerprint: String,
    pub reviewed_on: String,
    pub imported_at: String,
}

/// A comment of a returned package, stored as a task.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredTask {
    pub id: i64,
    pub package_id: String,
    pub resource_code: Option<String>,
    pub resource_name: Option<String>,
    pub field: Option<String>,
    pub comment: String,
    /// The resource as it was in the returned package (JSON), to tell when it changed.
    pub snapshot: Option<String>,
    pub resolved_at: Option<String>,
}

impl Workspace {
    /// A package this workspace produced: its tag manifest's SHA-256 and the catalog it
    /// carried, when still kept.
    pub fn produced_package(&self, package_id: &str) -> Result<Option<(String, Option<String>)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT tagmanifest_sha256, catalog FROM package_record WHERE package_id = ?1",
                [package_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?)
    }

    /// The receipt imported for `package_id`, with its bytes.
    pub fn receipt(&self, package_id: &str) -> Result<Option<(ReceiptRecord, Vec<u8>)>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT package_id, decision, bureau_uscc, bureau_name, signer_fingerprint, reviewed_on, imported_at, bytes
                 FROM package_receipt WHERE package_id = ?1",
                [package_id],
                |r| {
                    let d: String = r.get(1)?;
                    Ok((
                        ReceiptRecord {
                            package_id: r.get(0)?,
                            decision: ReviewVerdict::parse(&d).unwrap_or(ReviewVerdict::Returned),
                            bureau_uscc: r.get(2)?,
                            bureau_name: r.get(3)?,
                            signer_fingerprint: r.get(4)?,
                            reviewed_on: r.get(5)?,
                            imported_at: r.get(6)?,
                        },
                        r.get(7)?,
                    ))
                },
            )
            .optional()?)
    }

    /// Stores a receipt and its tasks in one write (trusting the bureau's key first when its
    /// fingerprint was just heard).
    pub fn insert_receipt(
        &mut self,
        rec: &ReceiptRecord,
        bytes: &[u8],
        tasks: &[StoredTask],
        key: Option<&TrustedKey>,
    ) -> Result<()> {
        self.write(|tx| {
            if let Some(k) = key {
                super::trust::insert_new(tx, k)?;
            }
            tx.execute(
                "INSERT INTO package_receipt(package_id, decision, bureau_uscc, bureau_name, signer_fingerprint,
                    reviewed_on, imported_at, bytes) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                params![
                    rec.package_id,
                    rec.decision.as_str(),
                    rec.bureau_uscc,
                    rec.bureau_name,
                    rec.signer_fingerprint,
                    rec.reviewed_on,
                    rec.imported_at,
                    bytes
                ],
            )?;
            let mut st = tx.prepare(
                "INSERT INTO review_task(package_id, resource_code, resource_name, field, comment, snapshot)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for t in tasks {
                st.execute(params![t.package_id, t.resource_code, t.resource_name, t.field, t.comment, t.snapshot])?;
            }
            let set = super::changelog::begin(tx, "receipt.import")?;
            let v = |d: Option<&str>| serde_json::json!({ rec.package_id.as_str(): { "decision": d, "tasks": tasks.len() } });
            super::changelog::record_diff(tx, set, "receipt", None, &v(None), &v(Some(rec.decision.as_str())))?;
            Ok(())
        })
    }

    /// Every task, oldest first; `open_only` leaves out those resolved by hand.
    pub fn review_tasks(&self, open_only: bool) -> Result<Vec<StoredTask>> {
        let sql = format!(
            "SELECT id, package_id, resource_code, resource_name, field, comment, snapshot, resolved_at
             FROM review_task {} ORDER BY id",
            if open_only { "WHERE resolved_at IS NULL" } else { "" }
        );
        let mut st = self.conn().prepare(&sql)?;
        let rows = st.query_map([], |r| {
            Ok(StoredTask {
                id: r.get(0)?,
                package_id: r.get(1)?,
                resource_code: r.get(2)?,
                resource_name: r.get(3)?,
                field: r.get(4)?,
                comment: r.get(5)?,
                snapshot: r.get(6)?,
                resolved_at: r.get(7)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Marks task `id` resolved by hand; returns it.
    pub fn resolve_task(&mut self, id: i64) -> Result<StoredTask> {
        let at = super::changelog::now();
        let n = self.write(|tx| {
            Ok(tx.execute(
                "UPDATE review_task SET resolved_at = coalesce(resolved_at, ?2) WHERE id = ?1",
                params![id, at],
            )?)
        })?;
        if n == 0 {
            return Err(Error::TaskNotFound { id });
        }
        self.review_tasks(false)?.into_iter().find(|t| t.id == id).ok_or(Error::TaskNotFound { id })
    }
}
