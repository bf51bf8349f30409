//! Package tests: building (manifests, Payload-Oxum, determinism), verifying, the checks by
//! tools nobody here wrote (OpenSSL, bagit-python), and the hostile corpus (`corpus`).

use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sm2::SecretKey;

use super::bagit::{self, BAG_INFO, MANIFEST, TAGMANIFEST};
use super::build::{self, Bag, Inputs};
use super::diff;
use super::trust::{Trust, TrustedKey};
use super::verify::{verify_file, Limits, Verdict, Verification};
use super::{keys, SIGNATURE, SIGNER};
use crate::model::{Catalog, SecrecyReview};
use crate::rules::{self, Context};
use crate::Lang;

mod corpus;

pub(crate) fn catalog(n: usize) -> Catalog {
    let mut c = crate::sample::large_catalog(n, 3);
    for r in &mut c.resources {
        r.secrecy_review =
            Some(SecrecyReview { reviewer: "李审查".into(), at: "2026-11-20T10:00:00.000+08:00".into() });
    }
    c
}

pub(super) fn date() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
}

/// A sealed bag of `catalog`, as `mulu package` makes it.
pub(crate) fn bag_of(catalog: &Catalog, key: &SecretKey) -> Bag {
    let ctx = Context { today: date(), lang: Lang::Zh };
    let report = rules::validate(catalog, &ctx);
    let changes = diff::changes(None, catalog);
    bag_with(catalog, &report, &changes, 1, key)
}

/// A sealed bag of `catalog` number `sequence` with the findings and changes given (what a
/// sender may claim).
pub(crate) fn bag_with(
    catalog: &Catalog,
    report: &rules::Report,
    changes: &diff::Changes,
    sequence: u32,
    key: &SecretKey,
) -> Bag {
    let inputs = Inputs {
        catalog,
        report,
        changes,
        folder: "青岩镇目录-2026".into(),
        sequence,
        bagging_date: date(),
        allowed_findings: false,
        kind: bagit::Kind::Submission,
        extra_info: vec![],
    };
    let payload = build::payload(&inputs, &mut |_| {}).unwrap();
    let id = build::package_id(catalog, sequence, date()).unwrap();
    let info = build::bag_info(&inputs, &id, &payload);
    build::seal(inputs.folder.clone(), payload, &info, key).unwrap()
}

pub(crate) fn zip_bytes(bag: &Bag) -> Vec<u8> {
    build::write_zip(bag, std::io::Cursor::new(Vec::new())).unwrap().into_inner()
}

pub(super) fn verify_bytes(bytes: &[u8], trust: &Trust) -> Verification {
    let dir = tempfile::tempdir().unwrap();
    let p = dir.path().join("pkg.zip");
    std::fs::write(&p, bytes).unwrap();
    verify_file(&p, trust, &Limits::default(), Lang::En).unwrap()
}

fn text(bag: &Bag, path: &str) -> String {
    String::from_utf8(bag.get(path).unwrap().bytes.clone()).unwrap()
}

/// Unzips with the zip crate into `dir` (for the external tools), returns the bag folder.
fn unzip(bytes: &[u8], dir: &Path) -> PathBuf {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    z.extract(dir).unwrap();
    std::fs::read_dir(dir).unwrap().next().unwrap().unwrap().path()
}

#[test]
fn a_bag_has_its_files_manifests_and_oxum() {
    let key = keys::generate().unwrap();
    let c = catalog(4);
    let bag = bag_of(&c, &key);
    let paths: Vec<&str> = bag.files.iter().map(|f| f.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "data/catalog.json",
            "data/catalog.xlsx",
            "data/changes.json",
            "data/findings.json",
            "bagit.txt",
            BAG_INFO,
            MANIFEST,
            TAGMANIFEST,
            SIGNER,
            SIGNATURE
        ],
        "the entries, in their fixed order"
    );
    assert_eq!(text(&bag, "bagit.txt"), "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n");
    let manifest = bagit::parse_manifest(bag.get(MANIFEST).unwrap().bytes.as_slice()).unwrap();
    assert_eq!(manifest.len(), 4, "the manifest lists every payload file");
    let tm = bagit::parse_manifest(bag.get(TAGMANIFEST).unwrap().bytes.as_slice()).unwrap();
    let tm_paths: Vec<&str> = tm.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(tm_paths, ["bag-info.txt", "bagit.txt", "manifest-sha256.txt"], "the signature files are not listed");
    let octets: usize = bag.files.iter().filter(|f| f.path.starts_with("data/")).map(|f| f.bytes.len()).sum();
    let info = bagit::parse_bag_info(&bag.get(BAG_INFO).unwrap().bytes).unwrap();
    assert_eq!(bagit::field(&info, "Payload-Oxum"), Some(format!("{octets}.4").as_str()));
    for (k, v) in [
        ("Source-Organization", "花溪区青岩镇人民政府"),
        ("Contact-Name", "王芳"),
        ("Bagging-Date", "2026-11-25"),
        ("External-Identifier", "115201110091453295-2026-001"),
        ("Mulu-Agency-USCC", "115201110091453295"),
        ("Mulu-Division-Code", "520111"),
        ("Mulu-Agency-Level", "乡镇"),
        ("Mulu-Principal-Head", "张明"),
        ("Mulu-Catalog-Period", "2026"),
        ("Mulu-Package-Sequence", "1"),
        ("Mulu-Secrecy-Review", "confirmed 4/4"),
        ("Mulu-Contains-Classified", "yes"),
        ("Mulu-Classified-Count", "1"),
    ] {
        assert_eq!(bagit::field(&info, k), Some(v), "{k}");
    }
    assert!(bagit::field(&info, "Bag-Software-Agent").unwrap().starts_with("Mulu "));
    let catalog: Catalog = serde_json::from_slice(&bag.get("data/catalog.json").unwrap().bytes).unwrap();
    assert_eq!(catalog, c, "the catalog JSON is the catalog, with its schema version");
}

#[test]
fn classified_resources_are_counted_in_bag_info() {
    let key = keys::generate().unwrap();
    let info = |n| {
        let bag = bag_of(&catalog(n), &key);
        let info = bagit::parse_bag_info(&bag.get(BAG_INFO).unwrap().bytes).unwrap();
        (
            bagit::field(&info, "Mulu-Contains-Classified").unwrap().to_string(),
            bagit::field(&info, "Mulu-Classified-Count").unwrap().to_string(),
        )
    };
    assert_eq!(info(2), ("no".to_string(), "0".to_string()));
    assert_eq!(info(153), ("yes".to_string(), "2".to_string()), "large_catalog makes resources 2 and 152 classified");
}

#[test]
fn the_same_catalog_gives_the_same_payload_manifests_and_zip() {
    let key = keys::generate().unwrap();
    let c = catalog(30);
    let (a, b) = (bag_of(&c, &key), bag_of(&c, &key));
    for f in &a.files {
        if f.path != SIGNATURE {
            assert_eq!(f.bytes, b.get(&f.path).unwrap().bytes, "{} must be byte-identical", f.path);
        }
    }
    let (za, zb) = (zip_bytes(&a), zip_bytes(&b));
    let names = |z: &[u8]| {
        let mut a = zip::ZipArchive::new(std::io::Cursor::new(z.to_vec())).unwrap();
        (0..a.len())
            .map(|i| {
                let f = a.by_index(i).unwrap();
                (f.name().unwrap().to_string(), f.last_modified().map(|t| (t.year(), t.month(), t.day())))
            })
            .collect::<Vec<_>>()
    };
    assert_eq!(names(&za), names(&zb), "same entry order and timestamps");
    assert_eq!(names(&za)[0], ("青岩镇目录-2026/data/catalog.json".to_string(), Some((1980, 1, 1))));
}

#[test]
fn a_good_package_is_intact_and_trusted_only_for_its_agency() {
    let key = keys::generate().unwrap();
    let bytes = zip_bytes(&bag_of(&catalog(3), &key));
    let unknown = verify_bytes(&bytes, &Trust::default());
    assert_eq!(unknown.verdict, Verdict::IntactUnknownSigner, "{:?}", unknown.problems);
    assert_eq!(unknown.exit_code, 3);
    let fp = keys::fingerprint(&key.public_key());
    assert_eq!(unknown.fingerprint.as_deref(), Some(keys::grouped(&fp).as_str()));
    assert_eq!(unknown.package_id.as_deref(), Some("115201110091453295-2026-001"));
    assert_eq!(unknown.payload_files, 4);

    let listed = |uscc: &str| TrustedKey {
        fingerprint: fp.clone(),
        agency_uscc: uscc.into(),
        name: "青岩镇 王芳".into(),
        public_key: keys::public_pem(&key.public_key()),
        added_at: "t".into(),
    };
    let ok = verify_bytes(&bytes, &Trust { listed: vec![listed("115201110091453295")], ..Default::default() });
    assert_eq!(ok.verdict, Verdict::IntactTrusted);
    assert_eq!(ok.exit_code, 0);
    assert_eq!(ok.signer.unwrap().name, "青岩镇 王芳");
    let other = verify_bytes(&bytes, &Trust { listed: vec![listed("915201110000000000")], ..Default::default() });
    assert_eq!(
        other.verdict,
        Verdict::IntactUnknownSigner,
        "a key listed for another agency does not vouch for this one"
    );
    assert_eq!(other.trusted_for_other_agency.as_deref(), Some("915201110000000000"));
    let arg =
        verify_bytes(&bytes, &Trust { any_agency: vec![(fp.clone(), "signer.pem".into())], ..Default::default() });
    assert_eq!(arg.verdict, Verdict::IntactTrusted);
}

#[test]
fn build_writes_the_zip_atomically_and_reports_what_it_made() {
    let key = keys::generate().unwrap();
    let c = catalog(3);
    let ctx = Context { today: date(), lang: Lang::Zh };
    let report = rules::validate(&c, &ctx);
    let changes = diff::changes(None, &c);
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("青岩镇目录-2026.zip");
    let inputs = Inputs {
        catalog: &c,
        report: &report,
        changes: &changes,
        folder: bagit::folder_name("青岩镇目录-2026"),
        sequence: 7,
        bagging_date: date(),
        allowed_findings: false,
        kind: bagit::Kind::Submission,
        extra_info: vec![],
    };
    let mut steps = vec![];
    let built = build::build(&inputs, &key, &out, &mut |s| steps.push(s)).unwrap();
    assert_eq!(built.package_id, "115201110091453295-2026-007");
    assert_eq!(steps.len(), 5);
    let left: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(left.len(), 1, "only the package, no temporary file: {left:?}");
    let v = verify_file(&out, &Trust::default(), &Limits::default(), Lang::Zh).unwrap();
    assert_eq!(v.verdict, Verdict::IntactUnknownSigner, "{:?}", v.problems);
}

fn have(cmd: &str) -> bool {
    std::process::Command::new(cmd).arg("--version").output().map(|o| o.status.success()).unwrap_or(false)
        || std::process::Command::new(cmd).arg("version").output().map(|o| o.status.success()).unwrap_or(false)
}

/// OpenSSL checks the signature exactly as docs/package-format.md says a bureau can.
#[test]
fn openssl_verifies_the_signature_and_reads_the_key_file() {
    if !have("openssl") {
        eprintln!("SKIPPED: `openssl` is not installed (apt-get install -y openssl)");
        return;
    }
    let key = keys::generate().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let root = unzip(&zip_bytes(&bag_of(&catalog(3), &key)), dir.path());
    let run = |args: &[&str]| std::process::Command::new("openssl").args(args).current_dir(&root).output().unwrap();
    let ok = run(&[
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "signature/signer.pem",
        "-rawin",
        "-in",
        "tagmanifest-sha256.txt",
        "-sigfile",
        "signature/tagmanifest-sha256.txt.sig",
        "-digest",
        "sm3",
        "-pkeyopt",
        "distid:1234567812345678",
    ]);
    let said = String::from_utf8_lossy(&ok.stdout).to_string() + &String::from_utf8_lossy(&ok.stderr);
    assert!(ok.status.success() && said.contains("Signature Verified Successfully"), "openssl: {said}");

    // A changed tag manifest fails OpenSSL's check too.
    std::fs::OpenOptions::new()
        .append(true)
        .open(root.join("tagmanifest-sha256.txt"))
        .unwrap()
        .write_all(b"\n")
        .unwrap();
    let bad = run(&[
        "pkeyutl",
        "-verify",
        "-pubin",
        "-inkey",
        "signature/signer.pem",
        "-rawin",
        "-in",
        "tagmanifest-sha256.txt",
        "-sigfile",
        "signature/tagmanifest-sha256.txt.sig",
        "-digest",
        "sm3",
        "-pkeyopt",
        "distid:1234567812345678",
    ]);
    assert!(!bad.status.success(), "openssl must reject a changed tag manifest");

    // The encrypted key file is standard PKCS#8: OpenSSL reads it with the passphrase.
    let pem = keys::encrypt_pem_rounds(&key, "口令 pass", 2000).unwrap();
    std::fs::write(root.join("k.pem"), pem).unwrap();
    let pk = run(&["pkey", "-in", "k.pem", "-passin", "pass:口令 pass", "-pubout"]);
    assert!(pk.status.success(), "openssl pkey: {}", String::from_utf8_lossy(&pk.stderr));
    assert_eq!(String::from_utf8_lossy(&pk.stdout), keys::public_pem(&key.public_key()), "same public key");
    let wrong = run(&["pkey", "-in", "k.pem", "-passin", "pass:wrong", "-noout"]);
    assert!(!wrong.status.success());
}

/// The Library of Congress's bagit-python validates the bag (the venv of tests/run.sh).
#[test]
fn bagit_python_validates_the_bag() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let python = root.join("tests/e2e/.venv/bin/python");
    let has_bagit = python.exists()
        && std::process::Command::new(&python)
            .args(["-c", "import bagit"])
            .output()
            .map(|o| o.status.success())
            .unwrap_or(false);
    if !has_bagit {
        eprintln!("SKIPPED: no bagit-python in tests/e2e/.venv (run tests/run.sh, or: tests/e2e/.venv/bin/pip install -r tests/e2e/requirements.txt)");
        return;
    }
    let key = keys::generate().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let bytes = zip_bytes(&bag_of(&catalog(5), &key));
    let bag = unzip(&bytes, dir.path());
    let check = |p: &Path| {
        std::process::Command::new(&python)
            .args(["-c", "import sys, bagit; b = bagit.Bag(sys.argv[1]); b.validate(); print(b.info['Payload-Oxum'])"])
            .arg(p)
            .output()
            .unwrap()
    };
    let out = check(&bag);
    assert!(out.status.success(), "bagit-python: {}", String::from_utf8_lossy(&out.stderr));
    let catalog_json = bag.join("data/catalog.json");
    let mut b = std::fs::read(&catalog_json).unwrap();
    b[10] ^= 1;
    std::fs::write(&catalog_json, b).unwrap();
    assert!(!check(&bag).status.success(), "bagit-python must reject a changed payload");
}
