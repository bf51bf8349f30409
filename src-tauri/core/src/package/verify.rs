//! Verifying a package: one verdict — intact and trusted, intact but signer unknown, or broken
//! (with exactly what: which file differs, is missing or extra, a bad signature, an unsafe
//! entry, not a package). Entries are checked from the zip's directory first (names, kinds,
//! sizes, ratios), then streamed and hashed; nothing is extracted to disk.

use std::collections::{BTreeMap, HashMap};
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use serde::Serialize;
use sha2::{Digest, Sha256};
use ts_rs::TS;
use zip::ZipArchive;

use super::bagit::{self, BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST};
use super::problems::problem_text;
use super::sign::{self, SignatureProblem};
use super::trust::{Signer, Trust};
use super::{keys, SIGNATURE, SIGNER};
use crate::error::{Error, Result};
use crate::i18n::Lang;

/// Caps on what a package may unpack to (zip bombs).
#[derive(Debug, Clone, Copy)]
pub struct Limits {
    pub max_entries: usize,
    /// Total uncompressed bytes.
    pub max_total: u64,
    /// Uncompressed / compressed, for entries above `ratio_floor` bytes.
    pub max_ratio: u64,
    pub ratio_floor: u64,
    /// Any one tag file (read into memory).
    pub max_tag_file: u64,
    /// Any one payload file kept for showing ([`verify_keeping`]); a city's catalog JSON is ~80 MB.
    pub max_kept: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            max_entries: 10_000,
            max_total: 4 << 30,
            max_ratio: 200,
            ratio_floor: 1 << 20,
            max_tag_file: 64 << 20,
            max_kept: 512 << 20,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// INTACT AND TRUSTED: every byte as signed, by a trusted key.
    IntactTrusted,
    /// INTACT BUT SIGNER UNKNOWN: every byte as signed, by a key not trusted here.
    IntactUnknownSigner,
    /// BROKEN: see the problems.
    Broken,
}

impl Verdict {
    /// `mulu verify`'s exit code.
    pub fn exit_code(self) -> u8 {
        match self {
            Verdict::IntactTrusted => 0,
            Verdict::IntactUnknownSigner => 3,
            Verdict::Broken => 2,
        }
    }

    pub fn headline(self, lang: Lang) -> &'static str {
        match self {
            Verdict::IntactTrusted => lang.pick("完好且可信（INTACT AND TRUSTED）", "INTACT AND TRUSTED"),
            Verdict::IntactUnknownSigner => {
                lang.pick("完好，但签名者未知（INTACT BUT SIGNER UNKNOWN）", "INTACT BUT SIGNER UNKNOWN")
            }
            Verdict::Broken => lang.pick("已损坏（BROKEN）", "BROKEN"),
        }
    }
}

/// One thing wrong with a package. `code` is stable (`verify.*`); `path` is inside the bag.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Problem {
    pub code: String,
    pub path: Option<String>,
    pub detail: Option<String>,
    pub message: String,
}

/// The result of verifying a package.
#[derive(Debug, Clone, Serialize, TS)]
pub struct Verification {
    pub verdict: Verdict,
    pub exit_code: u8,
    pub package_id: Option<String>,
    pub agency_uscc: Option<String>,
    pub source_organization: Option<String>,
    pub sequence: Option<String>,
    pub bagging_date: Option<String>,
    pub contains_classified: Option<String>,
    /// The signer's key fingerprint, grouped for reading aloud.
    pub fingerprint: Option<String>,
    pub signer: Option<Signer>,
    /// Set when the key is in the trust list, but for another agency.
    pub trusted_for_other_agency: Option<String>,
    pub payload_files: usize,
    /// A number in JSON (a package is at most 4 GiB, well within a double).
    #[ts(type = "number")]
    pub payload_octets: u64,
    pub problems: Vec<Problem>,
}

struct Collector {
    lang: Lang,
    problems: Vec<Problem>,
}

impl Collector {
    fn add(&mut self, code: &str, path: Option<&str>, detail: Option<String>) {
        if self.problems.len() < 100 {
            self.problems.push(Problem {
                code: code.into(),
                path: path.map(str::to_string),
                detail,
                message: problem_text(code, self.lang).into(),
            });
        }
    }
}

/// Entry facts from the zip directory.
struct Entry {
    index: usize,
    size: u64,
}

fn sha256_hex(b: &[u8]) -> String {
    bagit::hex(&Sha256::digest(b))
}

/// Reads one entry whole (tag files), refusing more than `cap` bytes or a size unlike the stated one.
fn read_entry<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    e: &Entry,
    cap: u64,
) -> std::result::Result<Vec<u8>, &'static str> {
    if e.size > cap {
        return Err("verify.zip_bomb");
    }
    let f = zip.by_index(e.index).map_err(|_| "verify.entry_unreadable")?;
    let mut buf = Vec::with_capacity(e.size as usize);
    f.take(e.size + 1).read_to_end(&mut buf).map_err(|_| "verify.entry_unreadable")?;
    if buf.len() as u64 != e.size {
        return Err("verify.size_mismatch");
    }
    Ok(buf)
}

/// Streams one entry through SHA-256, copying it into `keep` when given; returns (hex digest, bytes).
fn hash_entry<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    e: &Entry,
    buf: &mut [u8],
    mut keep: Option<&mut Vec<u8>>,
) -> std::result::Result<(String, u64), &'static str> {
    let mut f = zip.by_index(e.index).map_err(|_| "verify.entry_unreadable")?.take(e.size + 1);
    let mut h = Sha256::new();
    let mut n = 0u64;
    loop {
        let k = f.read(buf).map_err(|_| "verify.entry_unreadable")?;
        if k == 0 {
            break;
        }
        h.update(&buf[..k]);
        if let Some(kept) = keep.as_deref_mut() {
            kept.extend_from_slice(&buf[..k]);
        }
        n += k as u64;
    }
    if n != e.size {
        return Err("verify.size_mismatch");
    }
    Ok((bagit::hex(&h.finalize()), n))
}

/// Why a source that is no zip cannot be opened: cut short, or not a zip at all.
fn classify_unopenable<R: Read + Seek>(src: &mut R) -> &'static str {
    let mut head = [0u8; 4];
    let n = src.seek(SeekFrom::Start(0)).and_then(|_| src.read(&mut head)).unwrap_or(0);
    if n == 4 && (head == *b"PK\x03\x04" || head == *b"PK\x05\x06") {
        "verify.truncated"
    } else {
        "verify.not_zip"
    }
}

/// Whether the file ends with a zip's end-of-central-directory record (its comment reaching
/// exactly to the end). A cut-short zip does not, even when a zip stored inside it (the
/// workbook) would let a lenient reader find an inner directory and read that instead.
pub(crate) fn ends_with_eocd<R: Read + Seek>(file: &mut R) -> std::io::Result<bool> {
    let len = file.seek(SeekFrom::End(0))?;
    let tail_len = len.min(22 + 65_535);
    file.seek(SeekFrom::Start(len - tail_len))?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail)?;
    file.seek(SeekFrom::Start(0))?;
    let found = (0..tail.len().saturating_sub(21)).rev().any(|i| {
        tail[i..i + 4] == *b"PK\x05\x06" && {
            let comment = u16::from_le_bytes([tail[i + 20], tail[i + 21]]) as usize;
            i + 22 + comment == tail.len()
        }
    });
    Ok(found)
}

/// Verifies the package at `path`. Fails only when the file cannot be opened at all; a damaged
/// or hostile file is a `Broken` verdict.
pub fn verify_file(path: &Path, trust: &Trust, limits: &Limits, lang: Lang) -> Result<Verification> {
    verify_keeping(path, trust, limits, lang, &[]).map(|(v, _)| v)
}

/// What a verification keeps for showing the package: the very bytes it checked, so what is
/// shown is what was verified, not a second read of a file that may have changed since.
#[derive(Debug, Default)]
pub struct Kept {
    /// bag-info.txt's fields (`None` when it is missing or malformed).
    pub bag_info: Option<Vec<(String, String)>>,
    /// `signature/signer.pem` as read.
    pub signer_pem: Option<String>,
    /// SHA-256 (lowercase hex) of `tagmanifest-sha256.txt` as read: what the signature covers,
    /// and how a receipt names the package it answers.
    pub tagmanifest_sha256: Option<String>,
    /// The payload files asked for whose bytes match their manifest line (each at most
    /// `Limits::max_kept`: they are held in memory).
    pub payload: HashMap<String, Vec<u8>>,
}

/// As [`verify_file`], keeping bag-info, the signer's key and the payload files named in `keep`
/// (`data/catalog.json`…). Whether they can be believed is the verdict's to say.
pub fn verify_keeping(
    path: &Path,
    trust: &Trust,
    limits: &Limits,
    lang: Lang,
    keep: &[&str],
) -> Result<(Verification, Kept)> {
    let unreadable = |e: std::io::Error| Error::VerifyUnreadable { path: path.into(), reason: e.to_string() };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    if file.metadata().map(|m| m.is_dir()).unwrap_or(false) {
        return Err(Error::VerifyUnreadable { path: path.into(), reason: "directory".into() });
    }
    verify_source(BufReader::with_capacity(1 << 16, file), trust, limits, lang, keep)
        .map_err(|e| Error::VerifyUnreadable { path: path.into(), reason: e.to_string() })
}

/// As [`verify_keeping`], over bytes already read (a package received into a workspace is
/// verified from the very bytes that are then stored).
pub fn verify_bytes(bytes: &[u8], trust: &Trust, limits: &Limits, lang: Lang, keep: &[&str]) -> (Verification, Kept) {
    verify_source(std::io::Cursor::new(bytes), trust, limits, lang, keep).expect("reading memory does not fail")
}

/// Verifies the package read from `src`; only a failing read of `src` is an error.
fn verify_source<R: Read + Seek>(
    mut src: R,
    trust: &Trust,
    limits: &Limits,
    lang: Lang,
    keep: &[&str],
) -> std::io::Result<(Verification, Kept)> {
    let mut c = Collector { lang, problems: Vec::new() };
    let mut v = Verification {
        verdict: Verdict::Broken,
        exit_code: 2,
        package_id: None,
        agency_uscc: None,
        source_organization: None,
        sequence: None,
        bagging_date: None,
        contains_classified: None,
        fingerprint: None,
        signer: None,
        trusted_for_other_agency: None,
        payload_files: 0,
        payload_octets: 0,
        problems: vec![],
    };
    let mut kept = Kept::default();
    if !ends_with_eocd(&mut src)? {
        let why = classify_unopenable(&mut src);
        c.add(why, None, Some("no end-of-central-directory record at the end".into()));
    } else {
        src.seek(SeekFrom::Start(0))?;
        match ZipArchive::new(&mut src) {
            Ok(mut zip) => check(&mut zip, trust, limits, &mut c, &mut v, (keep, &mut kept)),
            Err(e) => {
                let why = classify_unopenable(&mut src);
                c.add(why, None, Some(e.to_string()))
            }
        }
    }
    v.problems = c.problems;
    if !v.problems.is_empty() {
        v.verdict = Verdict::Broken;
    }
    v.exit_code = v.verdict.exit_code();
    Ok((v, kept))
}

fn check<R: Read + std::io::Seek>(
    zip: &mut ZipArchive<R>,
    trust: &Trust,
    limits: &Limits,
    c: &mut Collector,
    v: &mut Verification,
    (keep, kept): (&[&str], &mut Kept),
) {
    if zip.has_duplicate_names() {
        c.add("verify.duplicate", None, None);
        return;
    }
    if zip.len() > limits.max_entries {
        c.add("verify.zip_bomb", None, Some(format!("{} entries", zip.len())));
        return;
    }
    // 1. The directory: names, kinds, sizes. Nothing is decompressed yet.
    let mut folder: Option<String> = None;
    let mut files: BTreeMap<String, Entry> = BTreeMap::new();
    let mut total: u64 = 0;
    for i in 0..zip.len() {
        let f = match zip.by_index_raw(i) {
            Ok(f) => f,
            Err(e) => {
                c.add("verify.entry_unreadable", None, Some(e.to_string()));
                return;
            }
        };
        let raw = f.name_raw().to_vec();
        let Ok(name) = String::from_utf8(raw.clone()) else {
            c.add("verify.non_utf8_name", None, Some(String::from_utf8_lossy(&raw).into_owned()));
            continue;
        };
        // Without the UTF-8 flag (general-purpose bit 11) a zip name is CP437, whatever its
        // bytes look like: the zip crate guesses UTF-8, an unzip tool need not.
        const UTF8_FLAG: u16 = 1 << 11;
        if !raw.is_ascii() && f.flags().as_u16() & UTF8_FLAG == 0 {
            c.add("verify.non_utf8_name", Some(&name), Some("no UTF-8 flag".into()));
            continue;
        }
        if let Err(why) = bagit::check_path(&name) {
            c.add("verify.unsafe_name", Some(&name), Some(why.into()));
            continue;
        }
        if f.is_symlink() {
            c.add("verify.symlink", Some(&name), None);
            continue;
        }
        if f.encrypted() {
            c.add("verify.encrypted", Some(&name), None);
            continue;
        }
        let (top, rest) = match name.split_once('/') {
            Some((t, r)) => (t.to_string(), r.to_string()),
            None => {
                c.add("verify.not_a_package", Some(&name), Some("entry outside the package folder".into()));
                continue;
            }
        };
        match &folder {
            None => folder = Some(top),
            Some(f0) if *f0 != top => {
                c.add("verify.not_a_package", Some(&name), Some("more than one top-level folder".into()));
                continue;
            }
            _ => {}
        }
        if f.is_dir() {
            continue;
        }
        let (size, packed) = (f.size(), f.compressed_size());
        total = total.saturating_add(size);
        if total > limits.max_total {
            c.add("verify.zip_bomb", Some(&rest), Some(format!("more than {} bytes in all", limits.max_total)));
            return;
        }
        if size > limits.ratio_floor && size / packed.max(1) > limits.max_ratio {
            c.add("verify.zip_bomb", Some(&rest), Some(format!("{size} bytes from {packed}")));
            return;
        }
        if files.insert(rest.clone(), Entry { index: i, size }).is_some() {
            c.add("verify.duplicate", Some(&rest), None);
        }
    }
    if !c.problems.is_empty() {
        return;
    }
    if !files.contains_key(BAGIT) {
        c.add("verify.not_a_package", Some(BAGIT), Some("no bagit.txt in the package folder".into()));
        return;
    }

    // 2. The tag files, read whole (they are small).
    let mut tag: HashMap<&str, Vec<u8>> = HashMap::new();
    for name in [BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST, SIGNATURE, SIGNER] {
        let Some(e) = files.get(name) else {
            let code = if name == SIGNATURE || name == SIGNER { "verify.unsigned" } else { "verify.missing" };
            c.add(code, Some(name), None);
            continue;
        };
        match read_entry(zip, e, limits.max_tag_file) {
            Ok(b) => {
                tag.insert(name, b);
            }
            Err(code) => c.add(code, Some(name), None),
        }
    }
    if let Some(b) = tag.get(BAGIT) {
        let t = String::from_utf8_lossy(b);
        if !t.lines().any(|l| l.trim() == "BagIt-Version: 1.0") {
            c.add("verify.not_a_package", Some(BAGIT), Some("not BagIt 1.0".into()));
        }
    }
    let info = tag.get(BAG_INFO).map(|b| bagit::parse_bag_info(b));
    kept.bag_info = info.clone().flatten();
    kept.signer_pem = tag.get(SIGNER).and_then(|b| String::from_utf8(b.clone()).ok());
    kept.tagmanifest_sha256 = tag.get(TAGMANIFEST).map(|b| sha256_hex(b));
    if let Some(info) = &info {
        match info {
            Some(info) => {
                let get = |k: &str| bagit::field(info, k).map(str::to_string);
                v.package_id = get("External-Identifier");
                v.agency_uscc = get("Mulu-Agency-USCC");
                v.source_organization = get("Source-Organization");
                v.sequence = get("Mulu-Package-Sequence");
                v.bagging_date = get("Bagging-Date");
                v.contains_classified = get("Mulu-Contains-Classified");
            }
            None => c.add("verify.bag_info", Some(BAG_INFO), None),
        }
    }

    // 3. The signature over the exact bytes of the tag manifest.
    if let (Some(pem), Some(sig), Some(tm)) = (tag.get(SIGNER), tag.get(SIGNATURE), tag.get(TAGMANIFEST)) {
        match std::str::from_utf8(pem).ok().and_then(|p| keys::parse_public_pem(p, Path::new(SIGNER)).ok()) {
            None => c.add("verify.signer_key", Some(SIGNER), None),
            Some(key) => {
                v.fingerprint = Some(keys::grouped(&keys::fingerprint(&key)));
                match sign::verify(&key, tm, sig) {
                    Ok(()) => {}
                    Err(SignatureProblem::NotDer) => c.add("verify.signature_encoding", Some(SIGNATURE), None),
                    Err(SignatureProblem::Invalid) => c.add("verify.bad_signature", Some(SIGNATURE), None),
                }
            }
        }
    }

    // 4. The manifests, and every file against them.
    let parse = |c: &mut Collector, name: &str| -> Option<Vec<(String, String)>> {
        let b = tag.get(name)?;
        match bagit::parse_manifest(b) {
            Ok(m) => Some(m),
            Err(line) => {
                c.add("verify.manifest_syntax", Some(name), Some(format!("line {line}")));
                None
            }
        }
    };
    let tagmanifest = parse(c, TAGMANIFEST);
    let manifest = parse(c, MANIFEST);
    let mut listed: std::collections::HashSet<String> = std::collections::HashSet::new();
    if let Some(tm) = &tagmanifest {
        for (p, digest) in tm {
            listed.insert(p.clone());
            if p.starts_with("data/") || p.starts_with("signature/") || p == TAGMANIFEST {
                c.add("verify.manifest_syntax", Some(TAGMANIFEST), Some(format!("{p} cannot be a tag file")));
                continue;
            }
            match (files.get(p.as_str()), tag.get(p.as_str())) {
                (None, _) => c.add("verify.missing", Some(p), None),
                (Some(_), Some(bytes)) => {
                    if sha256_hex(bytes) != *digest {
                        c.add("verify.digest_mismatch", Some(p), None);
                    }
                }
                (Some(e), None) => {
                    let mut buf = vec![0u8; 1 << 16];
                    match hash_entry(zip, e, &mut buf, None) {
                        Ok((h, _)) if h == *digest => {}
                        Ok(_) => c.add("verify.digest_mismatch", Some(p), None),
                        Err(code) => c.add(code, Some(p), None),
                    }
                }
            }
        }
        for required in [BAGIT, BAG_INFO, MANIFEST] {
            if files.contains_key(required) && !listed.contains(required) {
                c.add("verify.unlisted", Some(required), Some("not in tagmanifest-sha256.txt".into()));
            }
        }
    }
    let mut octets = 0u64;
    let mut count = 0usize;
    if let Some(m) = &manifest {
        let mut buf = vec![0u8; 1 << 20];
        for (p, digest) in m {
            listed.insert(p.clone());
            if !p.starts_with("data/") {
                c.add("verify.manifest_syntax", Some(MANIFEST), Some(format!("{p} is not under data/")));
                continue;
            }
            let Some(e) = files.get(p.as_str()) else {
                c.add("verify.missing", Some(p), None);
                continue;
            };
            let mut copy =
                (keep.contains(&p.as_str()) && e.size <= limits.max_kept).then(|| Vec::with_capacity(e.size as usize));
            match hash_entry(zip, e, &mut buf, copy.as_mut()) {
                Ok((h, _)) if h == *digest => {
                    if let Some(bytes) = copy {
                        kept.payload.insert(p.clone(), bytes);
                    }
                }
                Ok(_) => c.add("verify.digest_mismatch", Some(p), None),
                Err(code) => c.add(code, Some(p), None),
            }
        }
    }
    for (p, e) in &files {
        if p.starts_with("data/") {
            octets += e.size;
            count += 1;
        }
        let exempt = p == TAGMANIFEST || p == SIGNATURE || p == SIGNER;
        if !exempt && !listed.contains(p) && (tagmanifest.is_some() || p.starts_with("data/")) {
            c.add("verify.unlisted", Some(p), None);
        }
    }
    v.payload_files = count;
    v.payload_octets = octets;
    if let Some(Some(info)) = &info {
        match bagit::field(info, "Payload-Oxum") {
            None => c.add("verify.bag_info", Some(BAG_INFO), Some("no Payload-Oxum".into())),
            Some(ox) if ox != bagit::payload_oxum(octets, count) => c.add(
                "verify.oxum",
                Some(BAG_INFO),
                Some(format!("says {ox}, payload is {}", bagit::payload_oxum(octets, count))),
            ),
            Some(_) => {}
        }
    }
    if !c.problems.is_empty() {
        return;
    }

    // 5. Intact: is the signer trusted for this agency?
    let fp = v.fingerprint.as_deref().map(keys::normalize_fingerprint).unwrap_or_default();
    let (signer, other) = trust.signer(&fp, v.agency_uscc.as_deref());
    v.verdict = if signer.is_some() { Verdict::IntactTrusted } else { Verdict::IntactUnknownSigner };
    v.signer = signer;
    v.trusted_for_other_agency = other;
}
