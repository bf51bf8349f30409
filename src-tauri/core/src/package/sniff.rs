//! Telling a submission package from other files by what they hold, not by their name: the app
//! is handed a file on its command line (a double-click, a drop) and opens a package for review,
//! anything else as a workspace. A package may arrive renamed, and a `.zip` may be anything.

use std::io::{BufReader, Read};
use std::path::Path;

use zip::ZipArchive;

use super::bagit::BAGIT;
use super::verify::ends_with_eocd;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sniffed {
    /// A zip holding one folder with `bagit.txt`: what `verify` reads as a package.
    Package,
    /// It starts like a zip but cannot be read as one (cut short in transfer): verification
    /// says what is wrong, which is more use to a reviewer than "not a workspace".
    DamagedZip,
    /// Anything else: a workspace, some other file, or no file at all.
    Other,
}

pub fn sniff(path: &Path) -> Sniffed {
    let Ok(mut file) = std::fs::File::open(path) else { return Sniffed::Other };
    if !file.metadata().is_ok_and(|m| m.is_file()) {
        return Sniffed::Other;
    }
    let mut head = [0u8; 4];
    if file.read_exact(&mut head).is_err() || !(head == *b"PK\x03\x04" || head == *b"PK\x05\x06") {
        return Sniffed::Other;
    }
    if !ends_with_eocd(&mut file).unwrap_or(false) {
        return Sniffed::DamagedZip;
    }
    match ZipArchive::new(BufReader::new(file)) {
        Err(_) => Sniffed::DamagedZip,
        Ok(zip) => {
            let bag = zip.file_names_raw().any(|n| match n.iter().position(|b| *b == b'/') {
                Some(cut) => cut > 0 && &n[cut + 1..] == BAGIT.as_bytes(),
                None => false,
            });
            if bag {
                Sniffed::Package
            } else {
                Sniffed::Other
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::package::tests::{bag_of, catalog, zip_bytes};

    #[test]
    fn a_package_is_told_by_its_content_not_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, bytes: &[u8]| {
            let p = dir.path().join(name);
            std::fs::write(&p, bytes).unwrap();
            p
        };
        let pkg = zip_bytes(&bag_of(&catalog(2), &crate::package::keys::generate().unwrap()));
        assert_eq!(sniff(&write("报送包.zip", &pkg)), Sniffed::Package);
        assert_eq!(sniff(&write("renamed.dat", &pkg)), Sniffed::Package, "renamed, still a package");
        assert_eq!(sniff(&write("cut.zip", &pkg[..pkg.len() / 2])), Sniffed::DamagedZip, "cut short in transfer");

        // A zip without a bag (a workbook is one), a workspace, text, nothing: not packages.
        let mut other = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        other.start_file("folder/readme.txt", zip::write::SimpleFileOptions::default()).unwrap();
        std::io::Write::write_all(&mut other, b"bagit.txt").unwrap();
        assert_eq!(sniff(&write("other.zip", &other.finish().unwrap().into_inner())), Sniffed::Other);
        let ws = dir.path().join("w.mulu");
        drop(crate::store::Workspace::open_or_create(&ws).unwrap());
        assert_eq!(sniff(&ws), Sniffed::Other);
        assert_eq!(sniff(&write("notes.zip", "会议纪要".as_bytes())), Sniffed::Other);
        assert_eq!(sniff(&dir.path().join("missing.zip")), Sniffed::Other);
        assert_eq!(sniff(dir.path()), Sniffed::Other, "a folder");
    }
}
