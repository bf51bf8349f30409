//! The trust list: the public keys whose packages the bureau accepts, each for one agency.

use std::path::Path;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::package::trust::TrustedKey;
use crate::store::Workspace;

/// Trusts `key` for its agency (the app's review: the key from a package whose fingerprint the
/// person heard over the phone).
pub fn add(ws: &mut Workspace, key: &TrustedKey) -> Result<()> {
    ws.trust_key(key)
}

/// Trusts the public key in `public_key` for the agency with USCC `agency` (checked first).
pub fn add_file(ws: &mut Workspace, public_key: &Path, agency: &str, name: &str, lang: Lang) -> Result<TrustedKey> {
    let agency = crate::text::clean_code(agency);
    if crate::ids::uscc::validate(&agency).is_err() {
        return Err(Error::invalid("uscc", &agency, lang.pick("18 位统一社会信用代码", "an 18-character USCC")));
    }
    let key = TrustedKey::from_file(public_key, &agency, name)?;
    add(ws, &key)?;
    Ok(key)
}

/// Removes a trusted key by fingerprint or name; returns it.
pub fn remove(ws: &mut Workspace, selector: &str) -> Result<TrustedKey> {
    ws.untrust_key(selector)
}
