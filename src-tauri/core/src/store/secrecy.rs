//! The secrecy review (保密审查, G Art. 24) of many resources at once: one transaction, one
//! change set, each resource's review recorded with who and when. A later edit of a resource
//! clears its review ([`Workspace::edit_resources`]).

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::model::SecrecyReview;

impl Workspace {
    /// Records the secrecy review of the resources `ids` by `reviewer`, now, each as stored at the
    /// moment of writing; returns how many.
    pub fn confirm_secrecy_many(&mut self, ids: &[i64], reviewer: &str) -> Result<usize> {
        let reviewer = crate::text::clean_line(reviewer);
        if reviewer.is_empty() {
            return Err(Error::invalid("secrecy_review.reviewer", "", "审查人姓名 / the reviewer's name"));
        }
        let at = changelog::now();
        self.edit_resources("resource.secrecy_confirm", ids, |_, r| {
            r.secrecy_review = Some(SecrecyReview { reviewer: reviewer.clone(), at: at.clone() });
            Ok(())
        })?;
        Ok(ids.len())
    }
}
