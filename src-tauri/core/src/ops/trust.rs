//! The trust list: the public keys whose packages the bureau accepts, each for one agency.

use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::package::contents::Opened;
use crate::package::trust::TrustedKey;
use crate::store::Workspace;

/// Trusts `key` for its agency (the app's review: the key from a package whose fingerprint the
/// person heard over the phone).
pub fn add(ws: &mut Workspace, key: &TrustedKey) -> Result<()> {
    ws.trust_key(key)
}

/// The trust-list entry for the signer of the package under review, once the fingerprint
/// `heard` matches (see `Opened::trusted_key`); checked before any workspace is touched.
pub fn from_package(opened: &Opened, name: &str, heard: &str) -> Result<TrustedKey> {
    opened.trusted_key(name, heard, &crate::store::trust::now())
}

/// Trusts the public key in `public_key` for the agency with USCC `agency` (checked first).
pub fn add_file(ws: &mut Workspace, public_key: &Path, agency: &str, name: &str, lang: Lang) -> Result<TrustedKey> {
    let agency = crate::text::clean_code(agency);
    if crate::ids::uscc::validate(&agency).is_err() {
        return Err(Error::invalid("uscc", &agency, lang.pick("18 位统一社会信用代码", "an 18-character USCC")));
    }
    let key = TrustedKey::from_file(public_key, &agency, name, &crate::store::trust::now())?;
    add(ws, &key)?;
    Ok(key)
}

/// The trust list, in the order the keys were added.
pub fn list(ws: &Workspace) -> Result<Vec<TrustedKey>> {
    ws.trusted_keys()
}

/// Removes a trusted key by fingerprint or name; returns it.
pub fn remove(ws: &mut Workspace, selector: &str) -> Result<TrustedKey> {
    ws.untrust_key(selector)
}
