//! SM2 signing keys. The private key lives only in a passphrase-encrypted PKCS#8 file (PBES2:
//! PBKDF2-HMAC-SHA256, 600,000 rounds, AES-256-CBC — what `openssl pkey -passin` reads); the
//! public key travels as SubjectPublicKeyInfo PEM; a key is named by its fingerprint, the SM3
//! digest of its SubjectPublicKeyInfo DER, in groups of four for reading aloud over the phone.

use std::path::Path;

use pkcs8::pkcs5::pbes2;
use pkcs8::{DecodePrivateKey, DecodePublicKey, EncodePrivateKey, EncodePublicKey, LineEnding, PrivateKeyInfoRef};
use sm2::elliptic_curve::Generate;
use sm2::{PublicKey, SecretKey};
use sm3::{Digest, Sm3};

use serde::Serialize;
use ts_rs::TS;

use crate::error::{Error, Result};

/// PBKDF2 rounds for a new key file (OWASP's figure for PBKDF2-HMAC-SHA256).
pub const PBKDF2_ROUNDS: u32 = 600_000;

/// The PEM label of an encrypted private key.
pub const ENCRYPTED_LABEL: &str = "ENCRYPTED PRIVATE KEY";

/// A new random SM2 key.
pub fn generate() -> Result<SecretKey> {
    SecretKey::try_generate().map_err(|e| Error::KeyGenerate { reason: e.to_string() })
}

fn random<const N: usize>() -> Result<[u8; N]> {
    let mut b = [0u8; N];
    getrandom::fill(&mut b).map_err(|e| Error::KeyGenerate { reason: e.to_string() })?;
    Ok(b)
}

/// The private key as an encrypted PKCS#8 PEM (`BEGIN ENCRYPTED PRIVATE KEY`).
pub fn encrypt_pem(key: &SecretKey, passphrase: &str) -> Result<String> {
    encrypt_pem_rounds(key, passphrase, PBKDF2_ROUNDS)
}

pub(crate) fn encrypt_pem_rounds(key: &SecretKey, passphrase: &str, rounds: u32) -> Result<String> {
    let fail = |e: &dyn std::fmt::Display| Error::KeyGenerate { reason: e.to_string() };
    let clear = key.to_pkcs8_der().map_err(|e| fail(&e))?;
    let info = PrivateKeyInfoRef::try_from(clear.as_bytes()).map_err(|e| fail(&e))?;
    let params = pbes2::Parameters::generate_pbkdf2_sha256_aes256cbc(rounds, &random::<16>()?, random::<16>()?)
        .map_err(|e| fail(&e))?;
    let sealed = info.encrypt_with_params(params, passphrase.as_bytes()).map_err(|e| fail(&e))?;
    let pem = sealed.to_pem(ENCRYPTED_LABEL, LineEnding::LF).map_err(|e| fail(&e))?;
    Ok(pem.to_string())
}

/// Reads an encrypted key file's text. `path` is only for the messages.
pub fn decrypt_pem(pem: &str, passphrase: &str, path: &Path) -> Result<SecretKey> {
    if !pem.contains(&format!("-----BEGIN {ENCRYPTED_LABEL}-----")) {
        return Err(Error::KeyUnreadable { path: path.into() });
    }
    let unreadable = || Error::KeyUnreadable { path: path.into() };
    let (label, der) = pkcs8::der::pem::decode_vec(pem.trim().as_bytes()).map_err(|_| unreadable())?;
    if label != ENCRYPTED_LABEL {
        return Err(unreadable());
    }
    let sealed = pkcs8::EncryptedPrivateKeyInfoRef::try_from(der.as_slice()).map_err(|_| unreadable())?;
    // A wrong passphrase shows as bad padding, or (rarely) as garbage that is not a key.
    let clear = sealed.decrypt(passphrase.as_bytes()).map_err(|_| Error::KeyPassphrase { path: path.into() })?;
    SecretKey::from_pkcs8_der(clear.as_bytes()).map_err(|_| Error::KeyPassphrase { path: path.into() })
}

/// Reads and decrypts a key file.
pub fn read_key_file(path: &Path, passphrase: &str) -> Result<SecretKey> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::KeyUnreadable { path: path.into() },
        _ => Error::io(path, e),
    })?;
    decrypt_pem(&text, passphrase, path)
}

/// Creates a new key file at `path` (never over an existing file), readable by its owner only.
/// Returns the public key.
pub fn write_new_key_file(path: &Path, passphrase: &str) -> Result<PublicKey> {
    if passphrase.is_empty() {
        return Err(Error::PassphraseEmpty);
    }
    if path.exists() {
        return Err(Error::KeyExists { path: path.into() });
    }
    let key = generate()?;
    let pem = encrypt_pem(&key, passphrase)?;
    crate::fsutil::atomic_write(path, |tmp| {
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(tmp, std::fs::Permissions::from_mode(0o600)).map_err(|e| Error::io(path, e))?;
        }
        std::fs::write(tmp, pem.as_bytes()).map_err(|e| Error::io(path, e))
    })?;
    Ok(key.public_key())
}

/// The public key as SubjectPublicKeyInfo PEM (`BEGIN PUBLIC KEY`), LF line endings.
pub fn public_pem(key: &PublicKey) -> String {
    key.to_public_key_pem(LineEnding::LF).expect("an SM2 public key always encodes")
}

/// Reads a SubjectPublicKeyInfo PEM. `path` is only for the message.
pub fn parse_public_pem(pem: &str, path: &Path) -> Result<PublicKey> {
    PublicKey::from_public_key_pem(pem.trim()).map_err(|_| Error::PublicKeyUnreadable { path: path.into() })
}

/// Reads a public key file.
pub fn read_public_file(path: &Path) -> Result<PublicKey> {
    let text = std::fs::read_to_string(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::InvalidData => Error::PublicKeyUnreadable { path: path.into() },
        _ => Error::io(path, e),
    })?;
    parse_public_pem(&text, path)
}

/// The fingerprint, as stored: 64 uppercase hex digits of SM3(SubjectPublicKeyInfo DER).
pub fn fingerprint(key: &PublicKey) -> String {
    let der = key.to_public_key_der().expect("an SM2 public key always encodes");
    hex_upper(&Sm3::digest(der.as_bytes()))
}

/// The fingerprint for people: sixteen groups of four, `3F2A 9C01 …`.
pub fn grouped(fingerprint: &str) -> String {
    let chars: Vec<char> = fingerprint.chars().collect();
    chars.chunks(4).map(|c| c.iter().collect::<String>()).collect::<Vec<_>>().join(" ")
}

/// A fingerprint as typed (spaces, colons, lower case) in the stored form.
pub fn normalize_fingerprint(s: &str) -> String {
    s.chars().filter(char::is_ascii_hexdigit).map(|c| c.to_ascii_uppercase()).collect()
}

/// A fingerprint as heard over the phone and typed, against the key's own, group by group.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct FingerprintCheck {
    /// What was typed, normalised, in the key's groups of four (for showing it back).
    pub heard: Vec<String>,
    /// One per group of four: `true` the same, `false` different, `null` not (fully) typed yet.
    pub groups: Vec<Option<bool>>,
    /// Every digit typed, and all the same: only then may the key be trusted.
    pub matches: bool,
}

/// Compares `typed` (any case, spaces or not) with `fingerprint` (either form). A group still
/// being typed is already `false` when what is there differs.
pub fn compare_fingerprint(typed: &str, fingerprint: &str) -> FingerprintCheck {
    let (typed, want) = (normalize_fingerprint(typed), normalize_fingerprint(fingerprint));
    let groups = want
        .as_bytes()
        .chunks(4)
        .enumerate()
        .map(|(i, group)| {
            let have = typed.as_bytes().get(i * 4..).map(|rest| &rest[..rest.len().min(4)]).unwrap_or_default();
            match have.len() {
                0 => None,
                n if n == group.len() => Some(have == group),
                n => (have != &group[..n]).then_some(false),
            }
        })
        .collect();
    let heard = typed.as_bytes().chunks(4).map(|c| String::from_utf8_lossy(c).into_owned()).collect();
    FingerprintCheck { heard, groups, matches: !want.is_empty() && typed == want }
}

pub(crate) fn hex_upper(bytes: &[u8]) -> String {
    const H: &[u8; 16] = b"0123456789ABCDEF";
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        s.push(H[(b >> 4) as usize] as char);
        s.push(H[(b & 15) as usize] as char);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encrypted_key_round_trips_and_refuses_a_wrong_passphrase() {
        let key = generate().unwrap();
        let pem = encrypt_pem_rounds(&key, "正确的口令 correct", 1000).unwrap();
        assert!(pem.starts_with("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"), "{pem}");
        assert!(!pem.contains("BEGIN PRIVATE KEY"), "the private key is never written in clear");
        let back = decrypt_pem(&pem, "正确的口令 correct", Path::new("k.pem")).unwrap();
        assert_eq!(back.to_bytes(), key.to_bytes(), "decrypting gives back the same key");
        let wrong = decrypt_pem(&pem, "wrong", Path::new("k.pem")).unwrap_err();
        assert_eq!(wrong.code(), "key.passphrase");
        let clear = decrypt_pem("-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n", "x", Path::new("k"));
        assert_eq!(clear.unwrap_err().code(), "key.unreadable", "a clear key file is not accepted");
    }

    #[test]
    fn fingerprint_is_sm3_of_spki_in_groups_of_four() {
        let key = generate().unwrap().public_key();
        let fp = fingerprint(&key);
        assert_eq!(fp.len(), 64);
        assert!(fp.chars().all(|c| c.is_ascii_digit() || ('A'..='F').contains(&c)));
        let g = grouped(&fp);
        assert_eq!(g.split(' ').count(), 16, "sixteen groups: {g}");
        assert!(g.split(' ').all(|p| p.len() == 4));
        assert_eq!(normalize_fingerprint(&g.to_lowercase()), fp, "typed back in any case, it matches");
        let pem = public_pem(&key);
        assert!(pem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
        assert_eq!(fingerprint(&parse_public_pem(&pem, Path::new("p")).unwrap()), fp);
    }

    #[test]
    fn a_fingerprint_heard_over_the_phone_is_checked_group_by_group() {
        let fp = "27F8B86A2E28E5DD6C624F4F07A3C1E5C6AD00112233445566778899AABBCCDD";
        let all = compare_fingerprint(&grouped(fp).to_lowercase(), fp);
        assert!(all.matches && all.groups.iter().all(|g| *g == Some(true)), "{all:?}");

        let partial = compare_fingerprint("27f8 b86a 2e", fp);
        assert_eq!(&partial.groups[..4], [Some(true), Some(true), None, None], "a group being typed is not yet wrong");
        assert_eq!(partial.heard, ["27F8", "B86A", "2E"], "shown back as the key's groups");
        assert!(!partial.matches, "half a fingerprint is not a match");

        let misheard = compare_fingerprint("27F8 B86B 2E29", &grouped(fp));
        assert_eq!(&misheard.groups[..3], [Some(true), Some(false), Some(false)], "wrong as soon as a digit differs");
        assert!(!misheard.matches);

        let longer = compare_fingerprint(&format!("{fp}00"), fp);
        assert!(longer.groups.iter().all(|g| *g == Some(true)) && !longer.matches, "extra digits are not a match");
        assert!(!compare_fingerprint("", "").matches, "nothing matches nothing");
    }
}
