//! Bulk edit (step 3): one field set to one value on several resources, in one transaction and
//! one change set (`resource.bulk`), so a single undo reverts it. The value goes through the
//! form's setter (`fields::set`), so it is normalised exactly as one typed in a form.

use super::Workspace;
use crate::error::{Error, Result};
use crate::model::fields;

/// The change-log action of a bulk edit.
pub const BULK_ACTION: &str = "resource.bulk";

impl Workspace {
    /// Sets `key` to `text` on each resource of `ids`; returns how many changed (those that
    /// already held the value are left alone, their secrecy review kept). Refuses the fields
    /// that identify one resource, and fails whole when any id is unknown.
    pub fn set_field_many(&mut self, ids: &[i64], key: &str, text: &str) -> Result<usize> {
        if !fields::bulk_fields().any(|s| s.key == key) {
            return Err(match fields::spec(key) {
                Some(_) => Error::NotBulk { field: key.to_string() },
                None => Error::UnknownField { field: key.to_string() },
            });
        }
        self.edit_resources(BULK_ACTION, ids, |_, r| fields::set(r, key, text))
    }
}

#[cfg(test)]
mod tests {
    use crate::error::Error;
    use crate::model::fields::get;
    use crate::sample;
    use crate::store::Workspace;

    fn three() -> (tempfile::TempDir, Workspace, Vec<i64>) {
        let d = tempfile::tempdir().unwrap();
        let mut ws = Workspace::create(&d.path().join("b.mulu")).unwrap();
        let ids = ws.add_resources(sample::large_catalog(3, 1).resources).unwrap();
        (d, ws, ids)
    }

    #[test]
    fn one_field_on_several_resources_is_one_change_set_that_one_undo_reverts() {
        let (_d, mut ws, ids) = three();
        let cycle = |ws: &Workspace, id| get(&ws.resource(id).unwrap().resource, "update_cycle");
        let before: Vec<_> = ids.iter().map(|&id| cycle(&ws, id)).collect();
        ws.confirm_secrecy(ids[0], "李审查").unwrap();
        let sets = ws.history(None, 1000).unwrap().iter().map(|c| c.set_id).max();

        let n = ws.set_field_many(&[ids[0], ids[1], ids[0]], "update_cycle", "季度").unwrap();
        assert_eq!(n, 2, "each resource once, however often it is named");
        for &id in &ids[..2] {
            assert_eq!(cycle(&ws, id).as_deref(), Some("每季度"), "normalised as the form does");
        }
        assert_eq!(cycle(&ws, ids[2]), before[2], "a resource not selected is untouched");
        assert!(ws.resource(ids[0]).unwrap().resource.secrecy_review.is_none(), "an edit clears the review");
        let new: Vec<_> = ws.history(None, 1000).unwrap().into_iter().filter(|c| Some(c.set_id) > sets).collect();
        assert!(new.iter().all(|c| c.action == "resource.bulk" && c.set_id == new[0].set_id), "one set: {new:?}");

        let undone = ws.undo().unwrap().unwrap();
        assert_eq!(undone.action, "resource.bulk");
        let after: Vec<_> = ids.iter().map(|&id| cycle(&ws, id)).collect();
        assert_eq!(after, before, "one undo puts every resource back");
        assert_eq!(ws.resource(ids[0]).unwrap().resource.secrecy_review.map(|s| s.reviewer).as_deref(), Some("李审查"));
    }

    #[test]
    fn values_already_held_write_nothing_and_the_search_follows() {
        let (_d, mut ws, ids) = three();
        ws.set_field_many(&ids, "source_business", "城乡低保审批").unwrap();
        let changes = ws.history(None, 1000).unwrap().len();
        assert_eq!(ws.set_field_many(&ids, "source_business", " 城乡低保审批 ").unwrap(), 0);
        assert_eq!(ws.history(None, 1000).unwrap().len(), changes, "no empty change set");
        assert_eq!(ws.search("低保审批", 10).unwrap(), ids, "re-indexed");
        assert_eq!(ws.set_field_many(&[], "notes", "x").unwrap(), 0);
    }

    #[test]
    fn identifying_fields_unknown_keys_and_ids_are_refused_whole() {
        let (_d, mut ws, ids) = three();
        let err = ws.set_field_many(&ids, "name", "同一个名称").unwrap_err();
        assert!(matches!(err, Error::NotBulk { .. }), "{err:?}");
        let p = err.payload(crate::Lang::Zh);
        assert_eq!((p.code.as_str(), p.field.as_deref()), ("bulk.field", Some("name")));
        assert!(p.message.contains("信息资源名称"), "{}", p.message);
        assert!(matches!(ws.set_field_many(&ids, "colour", "红").unwrap_err(), Error::UnknownField { .. }));
        let err = ws.set_field_many(&[ids[0], 9999], "notes", "备注").unwrap_err();
        assert!(matches!(err, Error::ResourceNotFound { .. }), "{err:?}");
        assert_eq!(get(&ws.resource(ids[0]).unwrap().resource, "notes"), None, "nothing saved");
        assert!(ws.set_field_many(&ids, "open.declassified", "也许").is_err(), "a value the field cannot hold");
    }
}
