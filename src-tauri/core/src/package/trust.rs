//! Trust: which public keys a verifier accepts as an agency's signer. A key given on the
//! command line (`mulu verify --trust PUB.pem`) is trusted for any package; a key in a
//! workspace's trust list only for packages of the agency it was added for.

use std::path::Path;

use serde::Serialize;
use ts_rs::TS;

use super::keys;
use crate::error::Result;

/// A key in a workspace's trust list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct TrustedKey {
    /// 64 uppercase hex digits (see [`keys::fingerprint`]).
    pub fingerprint: String,
    /// The agency whose packages this key may sign.
    pub agency_uscc: String,
    /// Who holds the key, for people (e.g. "青岩镇党政办 王芳").
    pub name: String,
    /// SubjectPublicKeyInfo PEM.
    pub public_key: String,
    pub added_at: String,
}

impl TrustedKey {
    /// A trust-list entry for the public key file at `path`, added at `now` (the caller's clock:
    /// the store's, so that this module depends on no store).
    pub fn from_file(path: &Path, agency_uscc: &str, name: &str, now: &str) -> Result<Self> {
        Ok(Self::from_key(&keys::read_public_file(path)?, agency_uscc, name, now))
    }

    /// A trust-list entry for a public key in PEM, e.g. the signer's in a package under review.
    pub fn from_pem(pem: &str, agency_uscc: &str, name: &str, now: &str) -> Result<Self> {
        Ok(Self::from_key(&keys::parse_public_pem(pem, Path::new(super::SIGNER))?, agency_uscc, name, now))
    }

    fn from_key(key: &sm2::PublicKey, agency_uscc: &str, name: &str, now: &str) -> Self {
        TrustedKey {
            fingerprint: keys::fingerprint(key),
            agency_uscc: agency_uscc.trim().to_string(),
            name: name.trim().to_string(),
            public_key: keys::public_pem(key),
            added_at: now.to_string(),
        }
    }
}

/// The keys a verification accepts.
#[derive(Debug, Clone, Default)]
pub struct Trust {
    /// Trusted for any agency (given explicitly for this verification), by fingerprint.
    pub any_agency: Vec<(String, String)>,
    /// From a trust list: trusted for their agency only.
    pub listed: Vec<TrustedKey>,
}

/// Who signed, when the signer is trusted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Signer {
    pub name: String,
    pub agency_uscc: Option<String>,
    /// `"argument"` (a `--trust` key) or `"trust-list"`.
    pub source: String,
}

impl Trust {
    /// Adds a key given for this verification; `label` names it for people (its file name).
    pub fn add_key_file(&mut self, path: &Path) -> Result<()> {
        let key = keys::read_public_file(path)?;
        self.any_agency.push((keys::fingerprint(&key), path.display().to_string()));
        Ok(())
    }

    /// Whether `fingerprint` may sign a package of `agency_uscc`. The second value explains a
    /// near miss: the key is listed, but for another agency.
    pub fn signer(&self, fingerprint: &str, agency_uscc: Option<&str>) -> (Option<Signer>, Option<String>) {
        if let Some((_, label)) = self.any_agency.iter().find(|(fp, _)| fp == fingerprint) {
            return (Some(Signer { name: label.clone(), agency_uscc: None, source: "argument".into() }), None);
        }
        let mut other = None;
        for k in self.listed.iter().filter(|k| k.fingerprint == fingerprint) {
            if Some(k.agency_uscc.as_str()) == agency_uscc {
                let s = Signer {
                    name: k.name.clone(),
                    agency_uscc: Some(k.agency_uscc.clone()),
                    source: "trust-list".into(),
                };
                return (Some(s), None);
            }
            other = Some(k.agency_uscc.clone());
        }
        (None, other)
    }
}
