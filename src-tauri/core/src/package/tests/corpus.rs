//! The hostile corpus: a good package, then each way an attacker or an accident may change it.
//! Every case must be BROKEN with its specific reason code (or, for a bag re-signed by another
//! key, SIGNER UNKNOWN), never panic, and write nothing outside a temporary folder.

use std::io::Write;

use sha2::{Digest, Sha256};
use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use super::*;

/// Recomputes the manifest from the payload and the tag manifest from the tag files, as an
/// attacker who rewrites files would; `key` then re-signs.
fn rehash(bag: &mut Bag, key: Option<&SecretKey>) {
    let payload: Vec<(String, [u8; 32])> = bag
        .files
        .iter()
        .filter(|f| f.path.starts_with("data/"))
        .map(|f| (f.path.clone(), Sha256::digest(&f.bytes).into()))
        .collect();
    bag.get_mut(MANIFEST).unwrap().bytes = bagit::render_manifest(&payload).into_bytes();
    let tags: Vec<(String, [u8; 32])> = ["bagit.txt", BAG_INFO, MANIFEST]
        .iter()
        .map(|p| (p.to_string(), Sha256::digest(&bag.get(p).unwrap().bytes).into()))
        .collect();
    bag.get_mut(TAGMANIFEST).unwrap().bytes = bagit::render_manifest(&tags).into_bytes();
    if let Some(k) = key {
        build::resign(bag, k).unwrap();
    }
}

/// A zip of raw (name, bytes) entries, for names and kinds the bag writer never makes.
fn raw_zip(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut z = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, bytes) in entries {
        z.start_file(*name, SimpleFileOptions::default()).unwrap();
        z.write_all(bytes).unwrap();
    }
    z.finish().unwrap().into_inner()
}

/// The good bag's entries with the folder prefix, plus `extra`.
fn entries_plus(bag: &Bag, extra: &[(&str, &[u8])]) -> Vec<u8> {
    let owned: Vec<(String, Vec<u8>)> =
        bag.files.iter().map(|f| (format!("{}/{}", bag.folder, f.path), f.bytes.clone())).collect();
    let mut all: Vec<(&str, &[u8])> = owned.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    all.extend_from_slice(extra);
    raw_zip(&all)
}

fn replace_all(hay: &mut [u8], from: &[u8], to: &[u8]) -> usize {
    assert_eq!(from.len(), to.len());
    let mut n = 0;
    let mut i = 0;
    while i + from.len() <= hay.len() {
        if &hay[i..i + from.len()] == from {
            hay[i..i + from.len()].copy_from_slice(to);
            n += 1;
            i += from.len();
        } else {
            i += 1;
        }
    }
    n
}

/// Clears the zip UTF-8 flag (general-purpose bit 11) of every entry, in the central directory
/// and in each local header, by walking the records byte by byte: the package as a zip tool that
/// writes names in the local code page (and keeps the UTF-8 bytes) would leave it.
fn without_utf8_flags(mut z: Vec<u8>) -> Vec<u8> {
    let u16_at = |z: &[u8], i: usize| u16::from_le_bytes([z[i], z[i + 1]]) as usize;
    let u32_at = |z: &[u8], i: usize| u32::from_le_bytes([z[i], z[i + 1], z[i + 2], z[i + 3]]) as usize;
    let eocd = (0..=z.len() - 22).rev().find(|&i| z[i..i + 4] == *b"PK\x05\x06").expect("end of central directory");
    let (count, mut at) = (u16_at(&z, eocd + 10), u32_at(&z, eocd + 16));
    let mut cleared = 0;
    for _ in 0..count {
        assert_eq!(z[at..at + 4], *b"PK\x01\x02", "a central directory entry");
        let local = u32_at(&z, at + 42);
        assert_eq!(z[local..local + 4], *b"PK\x03\x04", "a local header");
        if z[at + 9] & 0x08 != 0 {
            cleared += 1;
        }
        z[at + 9] &= !0x08;
        z[local + 7] &= !0x08;
        at += 46 + u16_at(&z, at + 28) + u16_at(&z, at + 30) + u16_at(&z, at + 32);
    }
    assert!(cleared > 0, "the package had names flagged UTF-8");
    z
}

struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    verdict: Verdict,
    code: Option<&'static str>,
    path: Option<&'static str>,
}

fn cases() -> (Vec<Case>, Trust) {
    let key = keys::generate().unwrap();
    let other = keys::generate().unwrap();
    let good = bag_of(&catalog(3), &key);
    let good_zip = zip_bytes(&good);
    let trust =
        Trust { any_agency: vec![(keys::fingerprint(&key.public_key()), "signer".into())], ..Default::default() };
    let mut cases = Vec::new();
    let mut case = |name, bytes, code: Option<&'static str>, path| {
        let verdict = if code.is_some() { Verdict::Broken } else { Verdict::IntactTrusted };
        cases.push(Case { name, bytes, verdict, code, path })
    };
    let mutate = |f: &dyn Fn(&mut Bag)| {
        let mut b = good.clone();
        f(&mut b);
        zip_bytes(&b)
    };

    case("the good package", good_zip.clone(), None, None);
    case("not a zip", "这不是 zip 文件 / not a zip".repeat(50).into_bytes(), Some("verify.not_zip"), None);
    case("empty file", Vec::new(), Some("verify.not_zip"), None);
    case("truncated zip", good_zip[..good_zip.len() / 2].to_vec(), Some("verify.truncated"), None);
    case("truncated by one byte", good_zip[..good_zip.len() - 1].to_vec(), Some("verify.truncated"), None);
    case(
        "dot-dot entry",
        entries_plus(&good, &[("青岩镇目录-2026/../evil.txt", b"x")]),
        Some("verify.unsafe_name"),
        None,
    );
    case("absolute entry", entries_plus(&good, &[("/etc/evil.txt", b"x")]), Some("verify.unsafe_name"), None);
    case(
        "backslash entry",
        entries_plus(&good, &[("青岩镇目录-2026\\..\\evil.txt", b"x")]),
        Some("verify.unsafe_name"),
        None,
    );
    case(
        "percent in a name",
        entries_plus(&good, &[("青岩镇目录-2026/data/a%2Fb", b"x")]),
        Some("verify.unsafe_name"),
        None,
    );
    case(
        "name not in NFC",
        entries_plus(&good, &[("青岩镇目录-2026/data/caf\u{65}\u{301}.txt", b"x")]),
        Some("verify.unsafe_name"),
        None,
    );
    case("entry outside the folder", entries_plus(&good, &[("other.txt", b"x")]), Some("verify.not_a_package"), None);
    case(
        "a second top-level folder",
        entries_plus(&good, &[("x/bagit.txt", b"x")]),
        Some("verify.not_a_package"),
        None,
    );
    case("not a package", raw_zip(&[("photos/a.jpg", b"jpeg")]), Some("verify.not_a_package"), Some("bagit.txt"));
    {
        let mut z = ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for f in &good.files {
            z.start_file(format!("{}/{}", good.folder, f.path), SimpleFileOptions::default()).unwrap();
            z.write_all(&f.bytes).unwrap();
        }
        z.add_symlink(format!("{}/data/link", good.folder), "/etc/passwd", SimpleFileOptions::default()).unwrap();
        case(
            "symlink entry",
            z.finish().unwrap().into_inner(),
            Some("verify.symlink"),
            Some("青岩镇目录-2026/data/link"),
        );
    }
    {
        // Same length as "data/catalog.json": rename the extra entry to it in both headers.
        let mut dup = entries_plus(&good, &[("青岩镇目录-2026/data/catalog.jsoX", b"{}\n")]);
        assert!(replace_all(&mut dup, b"catalog.jsoX", b"catalog.json") >= 2);
        case("duplicate names", dup, Some("verify.duplicate"), None);
    }
    {
        // 40 MB of zeros deflate to ~40 KB: a ratio of ~1000.
        let zeros = vec![0u8; 40 << 20];
        case(
            "zip bomb (ratio)",
            entries_plus(&good, &[("青岩镇目录-2026/data/zeros.bin", &zeros)]),
            Some("verify.zip_bomb"),
            None,
        );
    }
    {
        let mut z = entries_plus(&good, &[("青岩镇目录-2026/data/XX.txt", b"x")]);
        // "你" in GBK, as a Windows zip tool might write it, without the UTF-8 flag.
        assert!(replace_all(&mut z, b"XX.txt", b"\xC4\xE3.txt") >= 2);
        case("non-UTF-8 name", z, Some("verify.non_utf8_name"), None);
    }
    // The names' bytes are still UTF-8, but without the flag a reader takes them as CP437
    // (docs/package-format.md): the folder 青岩镇目录-2026 would unpack under another name.
    case(
        "non-ASCII names without the UTF-8 flag",
        without_utf8_flags(good_zip.clone()),
        Some("verify.non_utf8_name"),
        None,
    );
    case(
        "a payload byte changed",
        mutate(&|b| b.get_mut("data/catalog.json").unwrap().bytes[20] ^= 0x20),
        Some("verify.digest_mismatch"),
        Some("data/catalog.json"),
    );
    case(
        "a payload file missing",
        mutate(&|b| b.files.retain(|f| f.path != "data/changes.json")),
        Some("verify.missing"),
        Some("data/changes.json"),
    );
    case(
        "an unlisted payload file",
        mutate(&|b| {
            b.files.insert(0, build::BagFile { path: "data/extra.txt".into(), bytes: b"x".to_vec(), deflate: false })
        }),
        Some("verify.unlisted"),
        Some("data/extra.txt"),
    );
    case(
        "an unlisted tag file",
        mutate(&|b| b.files.push(build::BagFile { path: "notes.txt".into(), bytes: b"x".to_vec(), deflate: false })),
        Some("verify.unlisted"),
        Some("notes.txt"),
    );
    case(
        "an unlisted file in signature/",
        mutate(&|b| {
            b.files.push(build::BagFile { path: "signature/more.txt".into(), bytes: b"x".to_vec(), deflate: false })
        }),
        Some("verify.unlisted"),
        Some("signature/more.txt"),
    );
    case(
        "manifest in upper case",
        mutate(&|b| {
            let m = b.get_mut(MANIFEST).unwrap();
            m.bytes = String::from_utf8(m.bytes.clone()).unwrap().to_uppercase().into_bytes();
        }),
        Some("verify.digest_mismatch"),
        Some(MANIFEST),
    );
    case(
        "manifest with CRLF line ends",
        mutate(&|b| {
            let m = b.get_mut(MANIFEST).unwrap();
            m.bytes = String::from_utf8(m.bytes.clone()).unwrap().replace('\n', "\r\n").into_bytes();
        }),
        Some("verify.digest_mismatch"),
        Some(MANIFEST),
    );
    case(
        "tag manifest in upper case",
        mutate(&|b| {
            let m = b.get_mut(TAGMANIFEST).unwrap();
            m.bytes = String::from_utf8(m.bytes.clone()).unwrap().to_uppercase().into_bytes();
        }),
        Some("verify.bad_signature"),
        Some(SIGNATURE),
    );
    case(
        "tag manifest with CRLF line ends",
        mutate(&|b| {
            let m = b.get_mut(TAGMANIFEST).unwrap();
            m.bytes = String::from_utf8(m.bytes.clone()).unwrap().replace('\n', "\r\n").into_bytes();
        }),
        Some("verify.bad_signature"),
        Some(SIGNATURE),
    );
    case(
        "payload, manifest and tag manifest re-hashed consistently",
        mutate(&|b| {
            b.get_mut("data/catalog.json").unwrap().bytes[20] ^= 0x20;
            rehash(b, None);
        }),
        Some("verify.bad_signature"),
        Some(SIGNATURE),
    );
    case(
        "signed by another key, signer.pem unchanged",
        mutate(&|b| {
            let pem = b.get(SIGNER).unwrap().bytes.clone();
            build::resign(b, &other).unwrap();
            b.get_mut(SIGNER).unwrap().bytes = pem;
        }),
        Some("verify.bad_signature"),
        Some(SIGNATURE),
    );
    case(
        "the right signature as raw r‖s",
        mutate(&|b| {
            let s = b.get_mut(SIGNATURE).unwrap();
            s.bytes = sm2::dsa::Signature::from_der(&s.bytes).unwrap().to_bytes().to_vec();
        }),
        Some("verify.signature_encoding"),
        Some(SIGNATURE),
    );
    case(
        "no signature",
        mutate(&|b| b.files.retain(|f| !f.path.starts_with("signature/"))),
        Some("verify.unsigned"),
        Some(SIGNATURE),
    );
    case(
        "signer key is not a key",
        mutate(&|b| {
            b.get_mut(SIGNER).unwrap().bytes = b"-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n".to_vec()
        }),
        Some("verify.signer_key"),
        Some(SIGNER),
    );
    case(
        "bag-info lying about Payload-Oxum (consistently re-signed)",
        mutate(&|b| {
            let info = String::from_utf8(b.get(BAG_INFO).unwrap().bytes.clone()).unwrap();
            let line = info.lines().find(|l| l.starts_with("Payload-Oxum")).unwrap().to_string();
            b.get_mut(BAG_INFO).unwrap().bytes = info.replace(&line, "Payload-Oxum: 12345.4").into_bytes();
            rehash(b, Some(&key));
        }),
        Some("verify.oxum"),
        Some(BAG_INFO),
    );
    case(
        "bag-info edited, not re-hashed",
        mutate(&|b| b.get_mut(BAG_INFO).unwrap().bytes.extend_from_slice(b"Mulu-Note: edited\n")),
        Some("verify.digest_mismatch"),
        Some(BAG_INFO),
    );
    (cases, trust)
}

#[test]
fn every_hostile_package_is_broken_for_its_specific_reason() {
    let (cases, trust) = cases();
    let before: Vec<_> =
        std::fs::read_dir(std::env::temp_dir()).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    let mut failures = Vec::new();
    for c in &cases {
        let v = verify_bytes(&c.bytes, &trust);
        let ok_verdict = v.verdict == c.verdict && v.exit_code == c.verdict.exit_code();
        let ok_code = match c.code {
            None => v.problems.is_empty(),
            Some(code) => {
                v.problems.iter().any(|p| p.code == code && (c.path.is_none() || p.path.as_deref() == c.path))
            }
        };
        if !(ok_verdict && ok_code) {
            failures.push(format!(
                "{}: expected {:?} {:?} at {:?}, got {:?} {:?}",
                c.name, c.verdict, c.code, c.path, v.verdict, v.problems
            ));
        }
        if c.code.is_some() {
            assert!(v.problems.iter().all(|p| !p.message.is_empty()), "{}: every problem explains itself", c.name);
        }
    }
    assert!(failures.is_empty(), "hostile corpus:\n{}", failures.join("\n"));
    // Nothing was extracted: no new entries in the temporary folder besides other tests' own.
    let after: Vec<_> =
        std::fs::read_dir(std::env::temp_dir()).unwrap().filter_map(|e| e.ok()).map(|e| e.file_name()).collect();
    for name in after.iter().filter(|n| !before.contains(n)) {
        let s = name.to_string_lossy();
        assert!(!s.contains("evil") && !s.contains("passwd"), "nothing from a package lands in {s}");
    }
}

#[test]
fn a_package_resigned_by_another_key_is_intact_but_its_signer_unknown() {
    let key = keys::generate().unwrap();
    let other = keys::generate().unwrap();
    let mut bag = bag_of(&catalog(2), &key);
    bag.get_mut("data/catalog.json").unwrap().bytes[20] ^= 0x20;
    rehash(&mut bag, Some(&other));
    let trust =
        Trust { any_agency: vec![(keys::fingerprint(&key.public_key()), "signer".into())], ..Default::default() };
    let v = verify_bytes(&zip_bytes(&bag), &trust);
    assert_eq!(v.verdict, Verdict::IntactUnknownSigner, "intact as signed, but not by the trusted key");
    assert_eq!(v.exit_code, 3);
    assert_eq!(v.fingerprint.unwrap(), keys::grouped(&keys::fingerprint(&other.public_key())));
}

#[test]
fn total_size_is_capped() {
    let key = keys::generate().unwrap();
    let bytes = zip_bytes(&bag_of(&catalog(2), &key));
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("p.zip");
    std::fs::write(&p, bytes).unwrap();
    let limits = Limits { max_total: 1000, ..Limits::default() };
    let v = verify_file(&p, &Trust::default(), &limits, Lang::Zh).unwrap();
    assert_eq!(v.verdict, Verdict::Broken);
    assert_eq!(v.problems[0].code, "verify.zip_bomb");
    assert!(v.problems[0].message.contains("zip 炸弹"), "in the person's language: {}", v.problems[0].message);
}
