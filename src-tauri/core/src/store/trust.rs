//! The workspace's trust list: public keys trusted to sign packages, each for one agency.

use rusqlite::{params, OptionalExtension};

use super::{changelog, Workspace};
use crate::error::{Error, Result};
use crate::package::trust::TrustedKey;

impl Workspace {
    /// Every trusted key, by agency then name.
    pub fn trusted_keys(&self) -> Result<Vec<TrustedKey>> {
        let mut st = self.conn().prepare(
            "SELECT fingerprint, agency_uscc, name, public_key, added_at FROM trusted_key ORDER BY agency_uscc, name",
        )?;
        let rows = st.query_map([], |r| {
            Ok(TrustedKey {
                fingerprint: r.get(0)?,
                agency_uscc: r.get(1)?,
                name: r.get(2)?,
                public_key: r.get(3)?,
                added_at: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Adds a key, or renames / re-assigns it when its fingerprint is already listed.
    pub fn trust_key(&mut self, key: &TrustedKey) -> Result<()> {
        self.conn().execute(
            "INSERT INTO trusted_key(fingerprint, agency_uscc, name, public_key, added_at) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT(fingerprint) DO UPDATE SET agency_uscc = excluded.agency_uscc, name = excluded.name",
            params![key.fingerprint, key.agency_uscc, key.name, key.public_key, key.added_at],
        )?;
        Ok(())
    }

    /// Removes the key with this fingerprint (spaces and case ignored, a unique prefix will do)
    /// or this name; returns it.
    pub fn untrust_key(&mut self, selector: &str) -> Result<TrustedKey> {
        let keys = self.trusted_keys()?;
        let fp = crate::package::keys::normalize_fingerprint(selector);
        let matches: Vec<&TrustedKey> = keys
            .iter()
            .filter(|k| k.name == selector.trim() || (fp.len() >= 8 && k.fingerprint.starts_with(&fp)))
            .collect();
        match matches.as_slice() {
            [] => Err(Error::TrustNotFound { selector: selector.trim().into() }),
            [k] => {
                self.conn().execute("DELETE FROM trusted_key WHERE fingerprint = ?1", [&k.fingerprint])?;
                Ok((*k).clone())
            }
            many => Err(Error::TrustAmbiguous { selector: selector.trim().into(), count: many.len() }),
        }
    }

    /// The key with this exact fingerprint, if trusted.
    pub fn trusted_key(&self, fingerprint: &str) -> Result<Option<TrustedKey>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT fingerprint, agency_uscc, name, public_key, added_at FROM trusted_key WHERE fingerprint = ?1",
                [fingerprint],
                |r| {
                    Ok(TrustedKey {
                        fingerprint: r.get(0)?,
                        agency_uscc: r.get(1)?,
                        name: r.get(2)?,
                        public_key: r.get(3)?,
                        added_at: r.get(4)?,
                    })
                },
            )
            .optional()?)
    }
}

/// Trusts `key` inside the caller's write (a fingerprint heard while receiving); a key already
/// listed stays as it is.
pub(crate) fn insert_new(tx: &rusqlite::Connection, key: &TrustedKey) -> Result<()> {
    tx.execute(
        "INSERT INTO trusted_key(fingerprint, agency_uscc, name, public_key, added_at) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(fingerprint) DO NOTHING",
        params![key.fingerprint, key.agency_uscc, key.name, key.public_key, key.added_at],
    )?;
    Ok(())
}

/// The time a trust entry is added, in the change log's format.
pub fn now() -> String {
    changelog::now()
}
