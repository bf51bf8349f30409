//! The signing key (签名密钥): an SM2 key pair, the private key stored encrypted with a
//! passphrase that is never stored.

use std::path::Path;

use crate::error::Result;
use crate::output::{check_output, OutputKind};
use crate::package::keys;

/// Refuses a place for a new key before the passphrase is asked for: an existing file, the
/// workspace `workspace` or its companions.
pub fn check_place(path: &Path, workspace: &Path) -> Result<()> {
    check_output(path, OutputKind::PrivateKey, Some(workspace), &[], false)
}

/// Makes a key pair and writes the private key, encrypted with `passphrase`, to `path` (never
/// over an existing file). Returns the public key's fingerprint grouped for reading aloud.
pub fn create(path: &Path, workspace: &Path, passphrase: &str) -> Result<String> {
    check_place(path, workspace)?;
    let public = keys::write_new_key_file(path, passphrase)?;
    Ok(keys::grouped(&keys::fingerprint(&public)))
}
