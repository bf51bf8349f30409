//! The secrecy review (保密审查, G Art. 24) of many resources at once: one transaction, one
//! change set, each resource's review recorded with who and when. A later edit of a resource
//! clears its review (`update_resource`).

use rusqlite::params;

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::model::SecrecyReview;

impl Workspace {
    /// Records the secrecy review of the resources `ids` by `reviewer`, now; returns how many.
    pub fn confirm_secrecy_many(&mut self, ids: &[i64], reviewer: &str) -> Result<usize> {
        let reviewer = crate::text::clean_line(reviewer);
        if reviewer.is_empty() {
            return Err(Error::invalid("secrecy_review.reviewer", "", "审查人姓名 / the reviewer's name"));
        }
        let mut docs = Vec::with_capacity(ids.len());
        for &id in ids {
            docs.push((id, self.resource(id)?.resource));
        }
        let at = changelog::now();
        let tx = self.conn.transaction()?;
        let set = changelog::begin(&tx, "resource.secrecy_confirm")?;
        {
            let mut upd = tx.prepare_cached("UPDATE resource SET doc = ?1, updated_at = ?2 WHERE id = ?3")?;
            for (id, mut r) in docs {
                let old = serde_json::to_value(&r)?;
                r.secrecy_review = Some(SecrecyReview { reviewer: reviewer.clone(), at: at.clone() });
                let new = serde_json::to_value(&r)?;
                changelog::record_diff(&tx, set, "resource", Some(id), &old, &new)?;
                upd.execute(params![super::doc::encode(&r)?, at, id])?;
            }
        }
        tx.commit()?;
        Ok(ids.len())
    }
}
