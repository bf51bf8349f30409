//! The operator (经办人): the person who makes the changes on this workspace, asked once and
//! kept in the workspace (meta key `operator`), and written into every change set opened after
//! (G Arts. 26, 32, 33: each change has a responsible person).

use rusqlite::OptionalExtension;

use super::Workspace;
use crate::error::{Error, Result};

impl Workspace {
    /// The operator recorded for this workspace, if any.
    pub fn operator(&self) -> Result<Option<String>> {
        Ok(self.conn.query_row("SELECT value FROM meta WHERE key = 'operator'", [], |r| r.get(0)).optional()?)
    }

    /// Records who makes the changes from now on; a blank name is refused. Not itself a change
    /// of the catalog (no change set).
    pub fn set_operator(&mut self, name: &str) -> Result<()> {
        let name = crate::text::clean_line(name);
        if name.is_empty() {
            return Err(Error::invalid("operator", "", "经办人姓名"));
        }
        if self.operator()?.as_deref() == Some(name.as_str()) {
            return Ok(());
        }
        self.write(|tx| {
            tx.execute(
                "INSERT INTO meta(key, value) VALUES ('operator', ?1) ON CONFLICT(key) DO UPDATE SET value = ?1",
                [&name],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Workspace;

    #[test]
    fn every_change_set_records_the_operator_of_its_time() {
        let d = tempfile::tempdir().unwrap();
        let path = d.path().join("w.mulu");
        let mut ws = Workspace::open_or_create(&path).unwrap();
        ws.set_agency(&crate::sample::agency()).unwrap();
        ws.set_operator("  王芳 ").unwrap();
        ws.add_resource(crate::sample::resource()).unwrap();
        ws.set_operator("李明").unwrap();
        let mut r = crate::sample::resource();
        r.name = "第二个资源".into();
        r.code = Some("352111009/000002".into());
        ws.add_resource(r).unwrap();
        assert!(ws.set_operator(" ").is_err(), "a blank name is no operator");
        drop(ws);
        // Kept in the workspace: reopened, it is still the operator.
        let ws = Workspace::open(&path).unwrap();
        assert_eq!(ws.operator().unwrap().as_deref(), Some("李明"));
        let history = ws.history(None, 100).unwrap();
        let by: Vec<(&str, Option<&str>)> =
            history.iter().map(|c| (c.action.as_str(), c.operator.as_deref())).collect();
        assert_eq!(by.first().unwrap().1, Some("李明"), "newest first: {by:?}");
        assert!(by.iter().any(|(_, o)| *o == Some("王芳")), "{by:?}");
        assert!(by.iter().any(|(a, o)| a.starts_with("agency") && o.is_none()), "before any operator: none, {by:?}");
    }
}
