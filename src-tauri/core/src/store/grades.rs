//! Confirming grades taken from a spreadsheet or a scan (定级确认): the officer takes them as
//! the agency's own (G Art. 9), for one resource or many, in one transaction and one change set,
//! so one undo reverts them together. The grade itself does not change, so a secrecy review
//! already recorded stays.

use rusqlite::params;

use super::{changelog, Workspace};
use crate::error::Result;

/// The change set's action, as the history and the undo name it.
pub const CONFIRM_ACTION: &str = "resource.grade_confirm";

impl Workspace {
    /// Confirms the grades of `ids` that are still to confirm; returns the ids confirmed, in the
    /// order given. A resource without such a grade is left as it is.
    pub fn confirm_grades(&mut self, ids: &[i64]) -> Result<Vec<i64>> {
        // Read and written in one write transaction: a grade changed meanwhile by another
        // program is confirmed as it is now, never overwritten by what was read before.
        self.write(|tx| {
            let mut confirmed = Vec::new();
            let mut set = None;
            let at = changelog::now();
            let mut upd = tx.prepare_cached("UPDATE resource SET doc = ?1, updated_at = ?2 WHERE id = ?3")?;
            for &id in ids {
                let old = super::write::read_resource(tx, id)?;
                if old.unconfirmed_grade().is_none() || confirmed.contains(&id) {
                    continue;
                }
                let mut new = old.clone();
                new.confirm_grade();
                let set = match set {
                    Some(s) => s,
                    None => *set.insert(changelog::begin(tx, CONFIRM_ACTION)?),
                };
                let (ov, nv) = (serde_json::to_value(&old)?, serde_json::to_value(&new)?);
                changelog::record_diff(tx, set, "resource", Some(id), &ov, &nv)?;
                upd.execute(params![super::doc::encode(&new)?, at, id])?;
                confirmed.push(id);
            }
            Ok(confirmed)
        })
    }

    /// The resources whose grade is still to confirm, in catalog order.
    pub fn unconfirmed_grades(&self) -> Result<Vec<i64>> {
        Ok(self.resources()?.into_iter().filter(|s| s.resource.unconfirmed_grade().is_some()).map(|s| s.id).collect())
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{GradeOrigin, SecrecyReview};
    use crate::store::Workspace;

    #[test]
    fn confirming_takes_the_marker_away_in_one_undoable_change_and_keeps_the_review() {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("g.mulu")).unwrap();
        let mut imported = crate::sample::resource();
        imported.mark_grade_unconfirmed(GradeOrigin::Import);
        imported.secrecy_review =
            Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-01-02T03:04:05Z".into() });
        let mut scanned = crate::sample::resource();
        scanned.name = "道路养护记录".into();
        scanned.code = Some("352111009/000002".into());
        scanned.mark_grade_unconfirmed(GradeOrigin::Scan);
        let mut confirmed = crate::sample::resource();
        confirmed.name = "路灯维修记录".into();
        confirmed.code = Some("352111009/000003".into());
        let ids = ws.add_resources(vec![imported.clone(), scanned, confirmed]).unwrap();
        assert_eq!(ws.unconfirmed_grades().unwrap(), ids[..2]);

        let done = ws.confirm_grades(&[ids[2], ids[0], ids[1], ids[0]]).unwrap();
        assert_eq!(done, [ids[0], ids[1]], "the one already confirmed is left alone");
        assert!(ws.unconfirmed_grades().unwrap().is_empty());
        let r = ws.resource(ids[0]).unwrap().resource;
        assert_eq!(r.sensitivity, imported.sensitivity, "the grade itself is unchanged");
        assert_eq!(r.secrecy_review, imported.secrecy_review, "so the secrecy review stays");
        assert!(ws.confirm_grades(&ids).unwrap().is_empty(), "nothing left to confirm");

        let undone = ws.undo().unwrap().unwrap();
        assert_eq!(undone.action, super::CONFIRM_ACTION);
        assert_eq!(ws.unconfirmed_grades().unwrap(), ids[..2], "one undo reverts both");
    }
}
