//! A bureau's records: the expected submitters, the packages received (with their verified
//! bytes), and the reviewer's decisions and comments on them.

use rusqlite::{params, OptionalExtension, Transaction};

use super::Workspace;
use crate::error::{Error, Result};
use crate::review::{Comment, ReviewStatus, ReviewVerdict};

/// An agency expected to report to this bureau (报送单位).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
pub struct Submitter {
    pub uscc: String,
    pub name: String,
    /// 乡镇 / 区县部门 / …
    pub level: Option<String>,
    pub contact: Option<String>,
    #[serde(default)]
    pub added_at: String,
    /// The fingerprints of the keys trusted for it (its rows of the trust list).
    #[serde(default)]
    pub keys: Vec<String>,
}

/// A package received, as listed (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
pub struct Received {
    pub package_id: String,
    pub agency_uscc: String,
    pub agency_name: String,
    pub sequence: u32,
    pub signer_fingerprint: String,
    pub tagmanifest_sha256: String,
    pub bagging_date: String,
    pub received_at: String,
    pub file_name: String,
    pub resources: usize,
    /// This workspace's own validation when it was received.
    pub errors: usize,
    pub warnings: usize,
    pub status: ReviewStatus,
    /// When the receipt was issued (decisions are final from then on).
    pub receipt_at: Option<String>,
}

/// What is stored of a package on receiving it.
pub struct NewReceived<'a> {
    pub head: &'a Received,
    pub catalog_json: &'a str,
    pub findings_json: &'a str,
    pub changes_json: &'a str,
    pub bytes: &'a [u8],
}

/// One resource's (or the package's, `resource_key` empty) decision with its comments.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredDecision {
    pub resource_key: String,
    pub verdict: ReviewVerdict,
    pub decided_at: String,
    pub comments: Vec<Comment>,
}

pub(super) const RECEIVED: &str =
    "SELECT package_id, agency_uscc, agency_name, sequence, signer_fingerprint, tagmanifest_sha256,
    bagging_date, received_at, file_name, resources, errors, warnings, decision, receipt_at FROM received_package";

pub(super) fn received_row(r: &rusqlite::Row) -> rusqlite::Result<Received> {
    let decision: Option<String> = r.get(12)?;
    Ok(Received {
        package_id: r.get(0)?,
        agency_uscc: r.get(1)?,
        agency_name: r.get(2)?,
        sequence: r.get(3)?,
        signer_fingerprint: r.get(4)?,
        tagmanifest_sha256: r.get(5)?,
        bagging_date: r.get(6)?,
        received_at: r.get(7)?,
        file_name: r.get(8)?,
        resources: r.get::<_, i64>(9)? as usize,
        errors: r.get::<_, i64>(10)? as usize,
        warnings: r.get::<_, i64>(11)? as usize,
        status: match decision.as_deref().and_then(ReviewVerdict::parse) {
            None => ReviewStatus::InReview,
            Some(ReviewVerdict::Approved) => ReviewStatus::Approved,
            Some(ReviewVerdict::Returned) => ReviewStatus::Returned,
        },
        receipt_at: r.get(13)?,
    })
}

impl Workspace {
    /// The expected submitters, by name, each with its trusted keys.
    pub fn submitters(&self) -> Result<Vec<Submitter>> {
        let mut st = self.conn().prepare(
            "SELECT s.uscc, s.name, s.level, s.contact, s.added_at,
                    (SELECT group_concat(fingerprint, ',') FROM trusted_key k WHERE k.agency_uscc = s.uscc)
             FROM submitter s ORDER BY s.name, s.uscc",
        )?;
        let rows = st.query_map([], |r| {
            let keys: Option<String> = r.get(5)?;
            Ok(Submitter {
                uscc: r.get(0)?,
                name: r.get(1)?,
                level: r.get(2)?,
                contact: r.get(3)?,
                added_at: r.get(4)?,
                keys: keys.map(|k| k.split(',').map(str::to_string).collect()).unwrap_or_default(),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The expected submitter with this USCC.
    pub fn submitter(&self, uscc: &str) -> Result<Option<Submitter>> {
        Ok(self.submitters()?.into_iter().find(|s| s.uscc == uscc))
    }

    /// Adds or updates (by USCC) the submitters, all or none.
    pub fn put_submitters(&mut self, list: &[Submitter]) -> Result<()> {
        let at = super::changelog::now();
        self.write(|tx| {
            let mut st = tx.prepare(
                "INSERT INTO submitter(uscc, name, level, contact, added_at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(uscc) DO UPDATE SET name = excluded.name, level = excluded.level, contact = excluded.contact",
            )?;
            for s in list {
                st.execute(params![s.uscc, s.name, s.level, s.contact, at])?;
            }
            Ok(())
        })
    }

    /// Removes the submitter with this USCC or name; returns it.
    pub fn remove_submitter(&mut self, selector: &str) -> Result<Submitter> {
        let sel = selector.trim();
        let found = self.submitters()?.into_iter().find(|s| s.uscc == sel || s.name == sel);
        let s = found.ok_or_else(|| Error::SubmitterNotFound { selector: sel.into() })?;
        self.conn().execute("DELETE FROM submitter WHERE uscc = ?1", [&s.uscc])?;
        Ok(s)
    }

    /// Every package received, newest first.
    pub fn received(&self) -> Result<Vec<Received>> {
        let mut st = self.conn().prepare(&format!("{RECEIVED} ORDER BY received_at DESC, package_id"))?;
        let rows = st.query_map([], received_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// One received package, with its stored catalog, findings and changes JSON.
    pub fn received_package(&self, id: &str) -> Result<(Received, String, String, String)> {
        let head = self
            .conn()
            .query_row(&format!("{RECEIVED} WHERE package_id = ?1"), [id.trim()], received_row)
            .optional()?
            .ok_or_else(|| Error::ReviewNotFound { id: id.trim().into() })?;
        let (c, f, ch) = self.conn().query_row(
            "SELECT catalog, findings, changes FROM received_package WHERE package_id = ?1",
            [&head.package_id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )?;
        Ok((head, c, f, ch))
    }

    /// The verified bytes of a received package.
    pub fn received_bytes(&self, id: &str) -> Result<Vec<u8>> {
        self.conn()
            .query_row("SELECT bytes FROM received_package WHERE package_id = ?1", [id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| Error::ReviewNotFound { id: id.into() })
    }

    /// The agency's latest approved package other than `except`, with its catalog JSON.
    pub fn last_approved(&self, agency_uscc: &str, except: &str) -> Result<Option<(Received, String)>> {
        let head = self
            .conn()
            .query_row(
                &format!(
                    "{RECEIVED} WHERE agency_uscc = ?1 AND decision = 'approved' AND package_id <> ?2
                     ORDER BY sequence DESC LIMIT 1"
                ),
                [agency_uscc, except],
                received_row,
            )
            .optional()?;
        match head {
            None => Ok(None),
            Some(h) => {
                let (_, c, _, _) = self.received_package(&h.package_id)?;
                Ok(Some((h, c)))
            }
        }
    }

    /// Stores a received package (and trusts `key` first, when the fingerprint was just heard).
    pub fn insert_received(
        &mut self,
        new: &NewReceived,
        key: Option<&crate::package::trust::TrustedKey>,
    ) -> Result<()> {
        let h = new.head;
        self.write(|tx| {
            if let Some(k) = key {
                super::trust::insert_new(tx, k)?;
            }
            tx.execute(
                "INSERT INTO received_package(package_id, agency_uscc, agency_name, sequence, signer_fingerprint,
                    tagmanifest_sha256, bagging_date, received_at, file_name, resources, errors, warnings,
                    catalog, findings, changes, bytes)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)",
                params![
                    h.package_id,
                    h.agency_uscc,
                    h.agency_name,
                    h.sequence,
                    h.signer_fingerprint,
                    h.tagmanifest_sha256,
                    h.bagging_date,
                    h.received_at,
                    h.file_name,
                    h.resources as i64,
                    h.errors as i64,
                    h.warnings as i64,
                    new.catalog_json,
                    new.findings_json,
                    new.changes_json,
                    new.bytes
                ],
            )?;
            Ok(())
        })
    }

    /// The decisions on a package so far.
    pub fn decisions(&self, id: &str) -> Result<Vec<StoredDecision>> {
        decisions(self.conn(), id)
    }

    /// Changes the decisions of package `id` with `f` in one write, refused once its receipt
    /// was issued; the change log records the decisions before and after.
    pub fn edit_decisions<T>(&mut self, id: &str, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        self.write(|tx| {
            let closed: Option<Option<String>> = tx
                .query_row("SELECT receipt_at FROM received_package WHERE package_id = ?1", [id], |r| r.get(0))
                .optional()?;
            match closed {
                None => return Err(Error::ReviewNotFound { id: id.into() }),
                Some(Some(at)) => return Err(Error::ReviewClosed { id: id.into(), at }),
                Some(None) => {}
            }
            let before = log_value(&decisions(tx, id)?);
            let out = f(tx)?;
            let after = log_value(&decisions(tx, id)?);
            let set = super::changelog::begin(tx, "review.decide")?;
            let wrap = |v| serde_json::json!({ id: v });
            super::changelog::record_diff(tx, set, "review", None, &wrap(before), &wrap(after))?;
            Ok(out)
        })
    }

    /// Records the receipt issued for package `id`: its decision is final from now on.
    pub fn close_review(&mut self, id: &str, decision: ReviewVerdict, receipt_sha256: &str) -> Result<()> {
        let at = super::changelog::now();
        self.write(|tx| {
            tx.execute(
                "UPDATE received_package SET decision = ?2, receipt_at = coalesce(receipt_at, ?3), receipt_sha256 = ?4
                 WHERE package_id = ?1",
                params![id, decision.as_str(), at, receipt_sha256],
            )?;
            let set = super::changelog::begin(tx, "review.receipt")?;
            let v = |d: Option<&str>| serde_json::json!({ id: { "decision": d } });
            super::changelog::record_diff(tx, set, "review", None, &v(None), &v(Some(decision.as_str())))?;
            Ok(())
        })
    }
}

fn decisions(conn: &rusqlite::Connection, id: &str) -> Result<Vec<StoredDecision>> {
    let mut st = conn.prepare(
        "SELECT resource_key, verdict, decided_at FROM review_decision WHERE package_id = ?1 ORDER BY resource_key",
    )?;
    let heads: Vec<(String, String, String)> =
        st.query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))?.collect::<rusqlite::Result<_>>()?;
    let mut cs = conn.prepare(
        "SELECT field, comment FROM review_comment WHERE package_id = ?1 AND resource_key = ?2 ORDER BY field",
    )?;
    let mut out = Vec::with_capacity(heads.len());
    for (key, verdict, at) in heads {
        let comments = cs
            .query_map([id, key.as_str()], |r| {
                let f: String = r.get(0)?;
                Ok(Comment { field: Some(f).filter(|f| !f.is_empty()), comment: r.get(1)? })
            })?
            .collect::<rusqlite::Result<_>>()?;
        let verdict = ReviewVerdict::parse(&verdict).unwrap_or(ReviewVerdict::Returned);
        out.push(StoredDecision { resource_key: key, verdict, decided_at: at, comments });
    }
    Ok(out)
}

/// The decisions as the change log keeps them: `{resource key: {verdict, comments}}`.
fn log_value(ds: &[StoredDecision]) -> serde_json::Value {
    let m: serde_json::Map<String, serde_json::Value> = ds
        .iter()
        .map(|d| {
            let key = if d.resource_key.is_empty() { "*".to_string() } else { d.resource_key.clone() };
            (key, serde_json::json!({ "verdict": d.verdict.as_str(), "comments": d.comments }))
        })
        .collect();
    serde_json::Value::Object(m)
}

/// Sets one decision inside [`Workspace::edit_decisions`]: approving clears its comments;
/// returning adds (or replaces, per field) `comment`.
pub fn set_decision(
    tx: &Transaction,
    id: &str,
    resource_key: &str,
    verdict: ReviewVerdict,
    comment: Option<&Comment>,
) -> Result<()> {
    let at = super::changelog::now();
    tx.execute(
        "INSERT INTO review_decision(package_id, resource_key, verdict, decided_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(package_id, resource_key) DO UPDATE SET verdict = excluded.verdict, decided_at = excluded.decided_at",
        params![id, resource_key, verdict.as_str(), at],
    )?;
    match (verdict, comment) {
        (ReviewVerdict::Approved, _) => {
            tx.execute("DELETE FROM review_comment WHERE package_id = ?1 AND resource_key = ?2", [id, resource_key])?;
        }
        (ReviewVerdict::Returned, Some(c)) => {
            tx.execute(
                "INSERT INTO review_comment(package_id, resource_key, field, comment, at) VALUES (?1, ?2, ?3, ?4, ?5)
                 ON CONFLICT(package_id, resource_key, field) DO UPDATE SET comment = excluded.comment, at = excluded.at",
                params![id, resource_key, c.field.as_deref().unwrap_or(""), c.comment, at],
            )?;
        }
        (ReviewVerdict::Returned, None) => {}
    }
    Ok(())
}

/// Removes the decision on the package as a whole (approving every resource lifts it).
pub fn clear_package_decision(tx: &Transaction, id: &str) -> Result<()> {
    tx.execute("DELETE FROM review_comment WHERE package_id = ?1 AND resource_key = ''", [id])?;
    tx.execute("DELETE FROM review_decision WHERE package_id = ?1 AND resource_key = ''", [id])?;
    Ok(())
}
