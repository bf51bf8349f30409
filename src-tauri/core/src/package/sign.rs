//! SM2 signatures with SM3 and the default distinguishing ID `1234567812345678`
//! (GB/T 32918.2 / GM/T 0009), DER-encoded as `SEQUENCE { r INTEGER, s INTEGER }` — the form
//! `openssl pkeyutl -verify -digest sm3 -pkeyopt distid:1234567812345678` checks.

use sm2::dsa::signature::{Signer, Verifier};
use sm2::dsa::{Signature, SigningKey, VerifyingKey};
use sm2::{PublicKey, SecretKey};

use crate::error::{Error, Result};

/// The distinguishing ID every Mulu signature uses (the standard's default).
pub const DIST_ID: &str = "1234567812345678";

/// Signs `message`; returns the DER signature.
pub fn sign(key: &SecretKey, message: &[u8]) -> Result<Vec<u8>> {
    let fail = |e: &dyn std::fmt::Display| Error::PackageWrite { reason: format!("signing: {e}") };
    let sk = SigningKey::new(DIST_ID, key).map_err(|e| fail(&e))?;
    let sig: Signature = sk.try_sign(message).map_err(|e| fail(&e))?;
    Ok(sig.to_der().to_vec())
}

/// Why a signature does not check out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignatureProblem {
    /// Not a canonical DER `SEQUENCE { r, s }` (a raw `r‖s` signature is refused here).
    NotDer,
    /// Well-formed, but not a signature of this message by this key.
    Invalid,
}

/// Checks a DER signature of `message` by `key`.
pub fn verify(key: &PublicKey, message: &[u8], der: &[u8]) -> std::result::Result<(), SignatureProblem> {
    let sig = Signature::from_der(der).map_err(|_| SignatureProblem::NotDer)?;
    // Only the one canonical encoding: no trailing bytes, no padded integers.
    if sig.to_der().as_bytes() != der {
        return Err(SignatureProblem::NotDer);
    }
    let vk = VerifyingKey::new(DIST_ID, *key).map_err(|_| SignatureProblem::Invalid)?;
    vk.verify(message, &sig).map_err(|_| SignatureProblem::Invalid)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signs_in_der_and_verifies_only_the_same_bytes_by_the_same_key() {
        let key = super::super::keys::generate().unwrap();
        let msg = b"tagmanifest bytes\n";
        let der = sign(&key, msg).unwrap();
        assert_eq!(der[0], 0x30, "a DER SEQUENCE");
        assert_eq!(verify(&key.public_key(), msg, &der), Ok(()));
        assert_eq!(verify(&key.public_key(), b"tagmanifest bytes\r\n", &der), Err(SignatureProblem::Invalid));
        let other = super::super::keys::generate().unwrap();
        assert_eq!(verify(&other.public_key(), msg, &der), Err(SignatureProblem::Invalid));
        let raw = Signature::from_der(&der).unwrap().to_bytes();
        assert_eq!(verify(&key.public_key(), msg, &raw), Err(SignatureProblem::NotDer), "raw r‖s is refused");
        let mut trailing = der.clone();
        trailing.push(0);
        assert_eq!(verify(&key.public_key(), msg, &trailing), Err(SignatureProblem::NotDer));
    }
}
