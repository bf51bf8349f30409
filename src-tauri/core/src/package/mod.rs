//! Submission packages (报送包): what a township sends the district bureau, and how the bureau
//! checks it. A zip holding one folder with a BagIt 1.0 bag (RFC 8493) — the catalog JSON, the
//! catalog workbook, the findings and the changes since the last package — and an SM2/SM3
//! signature over its tag manifest. The format is specified in docs/package-format.md, so that
//! tools nobody here wrote (bagit-python, OpenSSL) can check a package.
//!
//! One concept per module: [`bagit`] (the bag's text files and path rules), [`keys`] (SM2 key
//! files, fingerprints), [`sign`] (SM2 signatures), [`trust`] (which keys a verifier accepts),
//! [`diff`] (changes since the previous package), [`build`] (numbered past any unrecorded package
//! in the output folder, `orphans`) and [`verify`] (with [`problems`],
//! what it can find); for the bureau's reviewer, [`sniff`] (is this file a package?) and
//! [`contents`] (what a verified package holds).

pub mod bagit;
pub mod build;
pub mod contents;
pub mod diff;
pub mod keys;
pub mod make;
mod orphans;
pub mod problems;
pub mod sign;
pub mod sniff;
pub mod trust;
pub mod verify;

#[cfg(test)]
pub(crate) mod tests;

/// The signature over `tagmanifest-sha256.txt`, in the bag but not in its manifests.
pub const SIGNATURE: &str = "signature/tagmanifest-sha256.txt.sig";
/// The signer's public key (SubjectPublicKeyInfo PEM), in the bag but not in its manifests.
pub const SIGNER: &str = "signature/signer.pem";

pub use build::{build, Built, Inputs, Step};
pub use verify::{verify_file, verify_keeping, Kept, Limits, Verdict, Verification};
