//! Packages in the output folder that the workspace has no record of: made by a version that
//! published before recording, or copied in from another copy of the workspace. The next package
//! must not take the number of one of them, or the bureau receives two packages with one id
//! (报送包编号). Such a package is found by what it holds — bag-info.txt's External-Identifier,
//! `<USCC>-<period>-<sequence>` — not by its file name, which the officer chooses.

use std::io::{BufReader, Read};
use std::path::Path;

use super::bagit::{self, BAG_INFO};

/// bag-info.txt is a few hundred bytes; a larger one is not ours.
const MAX_BAG_INFO: u64 = 64 << 10;

/// The highest sequence number of a package in `dir` whose id is `prefix` followed by digits
/// (`prefix` is `<USCC>-<period>-`); 0 when there is none. Files that are not zips, or not
/// packages, or cannot be read, are passed over: they hold no number to avoid.
pub(super) fn highest_sequence(dir: &Path, prefix: &str) -> u32 {
    let Ok(entries) = std::fs::read_dir(dir) else { return 0 };
    entries
        .flatten()
        .filter(|e| e.path().extension().is_some_and(|x| x.eq_ignore_ascii_case("zip")))
        .filter_map(|e| package_id(&e.path()))
        .filter_map(|id| id.strip_prefix(prefix).filter(|n| n.bytes().all(|b| b.is_ascii_digit()))?.parse().ok())
        .max()
        .unwrap_or(0)
}

/// The External-Identifier of the package at `path`, read from its one `<folder>/bag-info.txt`.
fn package_id(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(BufReader::new(file)).ok()?;
    let name = zip
        .file_names()
        .flatten()
        .find(|n| n.split_once('/').is_some_and(|(folder, rest)| !folder.is_empty() && rest == BAG_INFO))?;
    let name = name.into_owned();
    let mut bytes = Vec::new();
    zip.by_name(&name).ok()?.take(MAX_BAG_INFO).read_to_end(&mut bytes).ok()?;
    let info = bagit::parse_bag_info(&bytes)?;
    bagit::field(&info, "External-Identifier").map(str::to_string)
}
