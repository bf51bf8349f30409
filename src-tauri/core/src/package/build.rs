//! Building a submission package: the payload (catalog JSON, catalog workbook, findings,
//! changes), the BagIt tag files, the SM2 signature over the tag manifest, and the zip — written
//! to a temporary file beside the target and renamed. See docs/package-format.md.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use sha2::{Digest, Sha256};
use sm2::SecretKey;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use super::bagit::{self, BAGIT, BAG_INFO, MANIFEST, TAGMANIFEST};
use super::diff::Changes;
use super::{keys, sign, SIGNATURE, SIGNER};
use crate::error::{Error, Result};
use crate::model::domain::Sensitivity;
use crate::model::Catalog;
use crate::rules::Report;

/// The payload files, in the order they are written.
pub const CATALOG_JSON: &str = "data/catalog.json";
pub const CATALOG_XLSX: &str = "data/catalog.xlsx";
pub const CHANGES_JSON: &str = "data/changes.json";
pub const FINDINGS_JSON: &str = "data/findings.json";

/// The version of this package format (`Mulu-Package-Format` in bag-info.txt).
pub const FORMAT_VERSION: u32 = 1;

/// Progress of a build, for a long catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Workbook,
    CatalogJson,
    Manifests,
    Signing,
    Zip,
}

/// What a package is made of besides the catalog.
pub struct Inputs<'a> {
    pub catalog: &'a Catalog,
    /// Validation at packaging time (written as `data/findings.json`).
    pub report: &'a Report,
    pub changes: &'a Changes,
    /// The top-level folder (the package file's stem, see [`bagit::folder_name`]).
    pub folder: String,
    pub sequence: u32,
    pub bagging_date: NaiveDate,
    /// Packaged although validation found errors (`mulu package --allow-findings`).
    pub allowed_findings: bool,
    /// `Mulu-Package-Kind`: an agency's submission, or a bureau's summary.
    pub kind: bagit::Kind,
    /// Further bag-info fields, after the others (a summary's approval by the government).
    pub extra_info: Vec<(String, String)>,
}

/// One file of the bag: its path inside the bag folder, its bytes, whether to deflate it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BagFile {
    pub path: String,
    pub bytes: Vec<u8>,
    pub deflate: bool,
}

/// A whole package in memory, in zip order.
#[derive(Debug, Clone)]
pub struct Bag {
    pub folder: String,
    pub files: Vec<BagFile>,
}

impl Bag {
    pub fn get(&self, path: &str) -> Option<&BagFile> {
        self.files.iter().find(|f| f.path == path)
    }
    pub fn get_mut(&mut self, path: &str) -> Option<&mut BagFile> {
        self.files.iter_mut().find(|f| f.path == path)
    }
}

/// What was built, for the caller's record and message.
#[derive(Debug, Clone)]
pub struct Built {
    pub package_id: String,
    pub tagmanifest_sha256: String,
    pub payload_oxum: String,
    pub fingerprint: String,
    pub bag_info: Vec<(String, String)>,
    /// The catalog JSON as packaged, for the workspace's record.
    pub catalog_json: String,
}

/// `External-Identifier`: `<USCC>-<period>-<sequence, 3 digits>`.
pub fn package_id(catalog: &Catalog, sequence: u32, date: NaiveDate) -> Result<String> {
    let uscc = catalog.agency.uscc.as_deref().filter(|s| !s.is_empty()).ok_or(Error::PackageNoUscc)?;
    let period = catalog.agency.period.clone().unwrap_or_else(|| date.format("%Y").to_string());
    Ok(bagit::folder_name(&format!("{uscc}-{period}-{sequence:03}")))
}

/// The creation time written into the packaged workbook: fixed, so the bytes depend only on the catalog.
fn workbook_time() -> rust_xlsxwriter::ExcelDateTime {
    rust_xlsxwriter::ExcelDateTime::from_ymd(2000, 1, 1).expect("a valid date")
}

/// The payload files, deterministic for a given catalog, report and changes.
pub fn payload(inputs: &Inputs, progress: &mut dyn FnMut(Step)) -> Result<Vec<BagFile>> {
    progress(Step::Workbook);
    let dir = tempfile::Builder::new().prefix("mulu-package-").tempdir().map_err(|e| Error::io(Path::new("."), e))?;
    let xlsx_path = dir.path().join("catalog.xlsx");
    // The packaged 开放目录 is gated by the packaging-time validation, as the DCAT export is.
    let open = crate::opening::gate(inputs.catalog, inputs.report, crate::Lang::Zh);
    crate::sheets::export::export_catalog_created(inputs.catalog, &open, &xlsx_path, Some(&workbook_time()))?;
    let xlsx = std::fs::read(&xlsx_path).map_err(|e| Error::io(&xlsx_path, e))?;
    progress(Step::CatalogJson);
    Ok(vec![
        BagFile { path: CATALOG_JSON.into(), bytes: json(inputs.catalog)?, deflate: true },
        // Already a zip: storing it again costs nothing, deflating it again gains nothing.
        BagFile { path: CATALOG_XLSX.into(), bytes: xlsx, deflate: false },
        BagFile { path: CHANGES_JSON.into(), bytes: json(inputs.changes)?, deflate: true },
        BagFile { path: FINDINGS_JSON.into(), bytes: json(inputs.report)?, deflate: true },
    ])
}

/// Pretty JSON with a final newline: the bytes `mulu show --json` prints.
pub fn json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>> {
    let mut b = serde_json::to_vec_pretty(value)?;
    b.push(b'\n');
    Ok(b)
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// The bag-info.txt fields, in order.
pub fn bag_info(inputs: &Inputs, package_id: &str, payload: &[BagFile]) -> Vec<(String, String)> {
    let a = &inputs.catalog.agency;
    let rs = &inputs.catalog.resources;
    let octets: u64 = payload.iter().map(|f| f.bytes.len() as u64).sum();
    let classified = rs.iter().filter(|r| r.sensitivity() == Some(Sensitivity::Classified)).count();
    let reviewed = rs.iter().filter(|r| r.secrecy_review.is_some()).count();
    let mut reviewers: Vec<&str> =
        rs.iter().filter_map(|r| r.secrecy_review.as_ref()).map(|s| s.reviewer.as_str()).collect();
    reviewers.sort_unstable();
    reviewers.dedup();
    let latest_review = rs.iter().filter_map(|r| r.secrecy_review.as_ref()).map(|s| s.at.as_str()).max();
    let s = |v: Option<&str>| v.unwrap_or("").to_string();
    let mut f: Vec<(&str, String)> = vec![
        ("Source-Organization", s(a.name.as_deref())),
        ("Contact-Name", s(a.contact_name.as_deref())),
        ("Contact-Phone", s(a.contact_phone.as_deref())),
        ("Bagging-Date", inputs.bagging_date.format("%Y-%m-%d").to_string()),
        ("External-Identifier", package_id.to_string()),
        ("Payload-Oxum", bagit::payload_oxum(octets, payload.len())),
        ("Bag-Software-Agent", format!("Mulu {} (目录)", env!("CARGO_PKG_VERSION"))),
        ("Mulu-Package-Format", FORMAT_VERSION.to_string()),
        (bagit::KIND, inputs.kind.as_str().to_string()),
        ("Mulu-Catalog-Schema-Version", inputs.catalog.schema_version.to_string()),
        ("Mulu-Agency-USCC", s(a.uscc.as_deref())),
        ("Mulu-Division-Code", s(a.division_code.as_deref())),
        ("Mulu-Agency-Level", s(a.level.as_ref().map(|l| l.as_str()))),
        ("Mulu-Principal-Head", s(a.principal_head.as_deref())),
        ("Mulu-Catalog-Period", s(a.period.as_deref())),
        ("Mulu-Package-Sequence", inputs.sequence.to_string()),
        (
            "Mulu-Previous-Package",
            inputs.changes.previous.as_ref().map(|p| p.package_id.clone()).unwrap_or_else(|| "none".into()),
        ),
        ("Mulu-Resource-Count", rs.len().to_string()),
        (
            "Mulu-Secrecy-Review",
            if reviewed == rs.len() {
                format!("confirmed {reviewed}/{}", rs.len())
            } else {
                format!("incomplete {reviewed}/{}", rs.len())
            },
        ),
        ("Mulu-Secrecy-Reviewers", reviewers.join("; ")),
        ("Mulu-Secrecy-Reviewed-Until", latest_review.unwrap_or("").to_string()),
        ("Mulu-Contains-Classified", if classified > 0 { "yes" } else { "no" }.to_string()),
        ("Mulu-Classified-Count", classified.to_string()),
        ("Mulu-Validation-Errors", inputs.report.summary.errors.to_string()),
        ("Mulu-Validation-Warnings", inputs.report.summary.warnings.to_string()),
        (
            "Mulu-Packaged-With-Errors",
            if inputs.allowed_findings && inputs.report.has_errors() { "yes" } else { "no" }.to_string(),
        ),
    ];
    f.retain(|(k, v)| !v.is_empty() || k.starts_with("Mulu-"));
    let mut out: Vec<(String, String)> = f.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
    out.extend(inputs.extra_info.iter().cloned());
    out
}

/// The tag files and signature for `payload`: returns the whole bag, in zip order.
pub fn seal(folder: String, payload: Vec<BagFile>, bag_info: &[(String, String)], key: &SecretKey) -> Result<Bag> {
    let manifest: Vec<(String, [u8; 32])> = payload.iter().map(|f| (f.path.clone(), sha256(&f.bytes))).collect();
    let manifest = bagit::render_manifest(&manifest).into_bytes();
    let info = bagit::render_bag_info(bag_info).into_bytes();
    let tags = vec![
        BagFile { path: BAGIT.into(), bytes: bagit::BAGIT_TXT.as_bytes().to_vec(), deflate: false },
        BagFile { path: BAG_INFO.into(), bytes: info, deflate: true },
        BagFile { path: MANIFEST.into(), bytes: manifest, deflate: true },
    ];
    let tagmanifest: Vec<(String, [u8; 32])> = tags.iter().map(|f| (f.path.clone(), sha256(&f.bytes))).collect();
    let tagmanifest = bagit::render_manifest(&tagmanifest).into_bytes();
    let mut bag = Bag { folder, files: payload };
    bag.files.extend(tags);
    bag.files.push(BagFile { path: TAGMANIFEST.into(), bytes: tagmanifest, deflate: true });
    resign(&mut bag, key)?;
    Ok(bag)
}

/// (Re)writes `signature/` for the bag's current tag manifest.
pub fn resign(bag: &mut Bag, key: &SecretKey) -> Result<()> {
    let tm = bag.get(TAGMANIFEST).map(|f| f.bytes.clone()).unwrap_or_default();
    let sig = sign::sign(key, &tm)?;
    let pem = keys::public_pem(&key.public_key()).into_bytes();
    bag.files.retain(|f| f.path != SIGNATURE && f.path != SIGNER);
    bag.files.push(BagFile { path: SIGNER.into(), bytes: pem, deflate: false });
    bag.files.push(BagFile { path: SIGNATURE.into(), bytes: sig, deflate: false });
    Ok(())
}

/// Writes the bag as a zip to `w`: one folder, entries in the bag's order, fixed timestamps
/// (1980-01-01 00:00, the zip epoch), mode 0644, UTF-8 names.
pub fn write_zip<W: Write + std::io::Seek>(bag: &Bag, w: W) -> Result<W> {
    let fail = |e: &dyn std::fmt::Display| Error::PackageWrite { reason: e.to_string() };
    let mut zip = ZipWriter::new(w);
    let base = SimpleFileOptions::default().last_modified_time(DateTime::default()).unix_permissions(0o644);
    for f in &bag.files {
        let method = if f.deflate { CompressionMethod::Deflated } else { CompressionMethod::Stored };
        let opts = base.compression_method(method).large_file(f.bytes.len() as u64 >= u32::MAX as u64);
        zip.start_file(format!("{}/{}", bag.folder, f.path), opts).map_err(|e| fail(&e))?;
        zip.write_all(&f.bytes).map_err(|e| fail(&e))?;
    }
    zip.finish().map_err(|e| fail(&e))
}

/// Writes the bag as a zip into a file beside `out`, flushed but not yet in place.
pub fn stage_zip(bag: &Bag, out: &Path) -> Result<crate::fsutil::Staged> {
    let (staged, ()) = crate::fsutil::stage(out, |tmp| {
        let file = std::fs::File::create(tmp).map_err(|e| Error::io(out, e))?;
        let w = write_zip(bag, std::io::BufWriter::with_capacity(1 << 20, file))?;
        w.into_inner().map_err(|e| Error::io(out, e.into_error()))?;
        Ok(())
    })?;
    Ok(staged)
}

/// Builds the whole package and writes it to `out` atomically.
pub fn build(inputs: &Inputs, key: &SecretKey, out: &Path, progress: &mut dyn FnMut(Step)) -> Result<Built> {
    let (built, staged) = build_staged(inputs, key, out, progress)?;
    staged.publish()?;
    Ok(built)
}

/// Builds the whole package into a file beside `out`, flushed but not yet in place: the caller
/// records it, then publishes it.
pub fn build_staged(
    inputs: &Inputs,
    key: &SecretKey,
    out: &Path,
    progress: &mut dyn FnMut(Step),
) -> Result<(Built, crate::fsutil::Staged)> {
    let package_id = package_id(inputs.catalog, inputs.sequence, inputs.bagging_date)?;
    let payload = payload(inputs, progress)?;
    let catalog_json = String::from_utf8(payload[0].bytes.clone()).expect("serde_json writes UTF-8");
    progress(Step::Manifests);
    let info = bag_info(inputs, &package_id, &payload);
    progress(Step::Signing);
    let bag = seal(inputs.folder.clone(), payload, &info, key)?;
    progress(Step::Zip);
    let staged = stage_zip(&bag, out)?;
    let tm = &bag.get(TAGMANIFEST).expect("sealed").bytes;
    let built = Built {
        package_id,
        tagmanifest_sha256: bagit::hex(&sha256(tm)),
        payload_oxum: bagit::field(&info, "Payload-Oxum").unwrap_or_default().to_string(),
        fingerprint: keys::fingerprint(&key.public_key()),
        bag_info: info,
        catalog_json,
    };
    Ok((built, staged))
}
