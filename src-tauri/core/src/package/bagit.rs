//! BagIt 1.0 (RFC 8493) text files as Mulu writes and reads them: `bagit.txt`, `bag-info.txt`,
//! `manifest-sha256.txt` and `tagmanifest-sha256.txt`, and the rules for the paths inside a bag.
//! Writing is canonical (UTF-8, LF, lowercase hex, two spaces, sorted by path), so the same files
//! always give the same manifests; reading is strict, since a package is signed input.

use unicode_normalization::is_nfc;

/// `bagit.txt`, byte for byte.
pub const BAGIT_TXT: &str = "BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n";

pub const BAGIT: &str = "bagit.txt";
pub const BAG_INFO: &str = "bag-info.txt";
pub const MANIFEST: &str = "manifest-sha256.txt";
pub const TAGMANIFEST: &str = "tagmanifest-sha256.txt";

/// The bag-info label naming what a package is for.
pub const KIND: &str = "Mulu-Package-Kind";

/// What a package is for (`Mulu-Package-Kind`): an agency's catalog for review, or the bureau's
/// signed answer to one (审核回执), or a bureau's summary (汇总) of the approved catalogs it
/// received, sent up to the next bureau like an agency's own catalog.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Submission,
    Receipt,
    Summary,
}

impl Kind {
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Submission => "submission",
            Kind::Receipt => "receipt",
            Kind::Summary => "summary",
        }
    }

    /// The kind a bag-info declares: none declared is a submission (packages made before the
    /// field existed); `Err` carries a kind this program does not know.
    pub fn of(fields: &[(String, String)]) -> Result<Kind, String> {
        match field(fields, KIND).map(str::trim) {
            None | Some("submission") => Ok(Kind::Submission),
            Some("receipt") => Ok(Kind::Receipt),
            Some("summary") => Ok(Kind::Summary),
            Some(other) => Err(other.to_string()),
        }
    }
}

/// Why a path cannot be in a bag. Each is a `verify.unsafe_name` reason.
pub fn check_path(path: &str) -> Result<(), &'static str> {
    if path.is_empty() {
        return Err("empty");
    }
    if path.starts_with('/') || path.as_bytes().get(1) == Some(&b':') {
        return Err("absolute");
    }
    if path.contains('\\') {
        return Err("backslash");
    }
    if path.chars().any(|c| c.is_control()) {
        return Err("control character");
    }
    if path.contains('%') {
        return Err("percent sign");
    }
    if !is_nfc(path) {
        return Err("not Unicode NFC");
    }
    let body = path.strip_suffix('/').unwrap_or(path);
    for part in body.split('/') {
        match part {
            "" => return Err("empty path component"),
            "." | ".." => return Err("dot path component"),
            _ => {}
        }
    }
    Ok(())
}

/// The folder name for a package file name: its stem, NFC, with characters that may not be in a
/// bag path replaced by `_`.
pub fn folder_name(stem: &str) -> String {
    let nfc: String = unicode_normalization::UnicodeNormalization::nfc(stem).collect();
    let cleaned: String =
        nfc.chars().map(|c| if c.is_control() || matches!(c, '/' | '\\' | '%' | ':') { '_' } else { c }).collect();
    let trimmed = cleaned.trim().trim_matches('.');
    if trimmed.is_empty() {
        "mulu-package".to_string()
    } else {
        trimmed.to_string()
    }
}

/// `bag-info.txt` from ordered (label, value) pairs. Values are made single-line.
pub fn render_bag_info(fields: &[(String, String)]) -> String {
    let mut s = String::new();
    for (k, v) in fields {
        let v: String = v.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        s.push_str(k);
        s.push_str(": ");
        s.push_str(v.trim());
        s.push('\n');
    }
    s
}

/// Parses `bag-info.txt` (RFC 8493 §2.2.2: `Label: value`, continuation lines start with
/// whitespace). `None` when it is not UTF-8 or a line is not a field.
pub fn parse_bag_info(bytes: &[u8]) -> Option<Vec<(String, String)>> {
    let text = std::str::from_utf8(bytes).ok()?;
    let mut out: Vec<(String, String)> = Vec::new();
    for line in text.lines() {
        if line.starts_with([' ', '\t']) {
            let (_, v) = out.last_mut()?;
            v.push(' ');
            v.push_str(line.trim());
            continue;
        }
        let (k, v) = line.split_once(':')?;
        if k.is_empty() || k.trim() != k {
            return None;
        }
        out.push((k.to_string(), v.trim().to_string()));
    }
    Some(out)
}

/// The first value of a bag-info field.
pub fn field<'a>(fields: &'a [(String, String)], label: &str) -> Option<&'a str> {
    fields.iter().find(|(k, _)| k.eq_ignore_ascii_case(label)).map(|(_, v)| v.as_str())
}

pub fn hex(bytes: &[u8]) -> String {
    super::keys::hex_upper(bytes).to_ascii_lowercase()
}

/// A manifest: `<sha256 hex>  <path>\n` per file, sorted by path (byte order).
pub fn render_manifest(entries: &[(String, [u8; 32])]) -> String {
    let mut sorted: Vec<&(String, [u8; 32])> = entries.iter().collect();
    sorted.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut s = String::with_capacity(sorted.len() * 100);
    for (path, digest) in sorted {
        s.push_str(&hex(digest));
        s.push_str("  ");
        s.push_str(path);
        s.push('\n');
    }
    s
}

/// Parses a manifest strictly: UTF-8, LF line ends, 64 hex digits, whitespace, a safe path,
/// each path once. Returns (path, lowercase hex) or the 1-based line that is wrong.
pub fn parse_manifest(bytes: &[u8]) -> Result<Vec<(String, String)>, usize> {
    let text = std::str::from_utf8(bytes).map_err(|_| 1usize)?;
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (i, line) in text.split_terminator('\n').enumerate() {
        let n = i + 1;
        if line.ends_with('\r') {
            return Err(n);
        }
        let (digest, rest) = line.split_once([' ', '\t']).ok_or(n)?;
        let path = rest.trim_start_matches([' ', '\t']);
        if digest.len() != 64 || !digest.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(n);
        }
        if check_path(path).is_err() || path.ends_with('/') || !seen.insert(path.to_string()) {
            return Err(n);
        }
        out.push((path.to_string(), digest.to_ascii_lowercase()));
    }
    if !text.is_empty() && !text.ends_with('\n') {
        return Err(out.len().max(1));
    }
    Ok(out)
}

/// `Payload-Oxum`: `<octets>.<files>`.
pub fn payload_oxum(octets: u64, files: usize) -> String {
    format!("{octets}.{files}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn manifests_are_sorted_lowercase_two_spaces_lf() {
        let m = render_manifest(&[("data/b.json".into(), [0xAB; 32]), ("data/a.json".into(), [1; 32])]);
        let lines: Vec<&str> = m.lines().collect();
        assert_eq!(lines[0], format!("{}  data/a.json", "01".repeat(32)));
        assert_eq!(lines[1], format!("{}  data/b.json", "ab".repeat(32)));
        assert!(m.ends_with('\n') && !m.contains('\r'));
        let parsed = parse_manifest(m.as_bytes()).unwrap();
        assert_eq!(parsed[1], ("data/b.json".into(), "ab".repeat(32)));
    }

    #[test]
    fn manifest_parsing_is_strict() {
        let good = format!("{}  data/a\n", "0".repeat(64));
        assert!(parse_manifest(good.as_bytes()).is_ok());
        assert_eq!(parse_manifest(good.replace('\n', "\r\n").as_bytes()), Err(1), "CRLF is refused");
        assert_eq!(parse_manifest(format!("{}  data/a\n", "0".repeat(63)).as_bytes()), Err(1));
        assert_eq!(parse_manifest(format!("{}  ../a\n", "0".repeat(64)).as_bytes()), Err(1));
        assert_eq!(parse_manifest(format!("{good}{good}").as_bytes()), Err(2), "a path listed twice");
        assert_eq!(parse_manifest(good.trim_end().as_bytes()), Err(1), "the last line ends with LF");
    }

    #[test]
    fn paths_must_be_relative_nfc_without_percent() {
        for ok in ["data/catalog.json", "青岩镇/data/目录.xlsx", "a/b/"] {
            assert_eq!(check_path(ok), Ok(()), "{ok}");
        }
        for (bad, why) in [
            ("/etc/passwd", "absolute"),
            ("C:/x", "absolute"),
            ("a/../b", "dot path component"),
            ("a//b", "empty path component"),
            ("a\\b", "backslash"),
            ("a%2Fb", "percent sign"),
            ("e\u{301}.txt", "not Unicode NFC"),
            ("a\nb", "control character"),
        ] {
            assert_eq!(check_path(bad), Err(why), "{bad:?}");
        }
        assert_eq!(folder_name("青岩镇 2026%/x"), "青岩镇 2026__x");
        assert_eq!(folder_name(".."), "mulu-package");
    }

    #[test]
    fn bag_info_round_trips_with_continuations() {
        let f = vec![("Source-Organization".to_string(), "花溪区\n青岩镇".to_string())];
        let s = render_bag_info(&f);
        assert_eq!(s, "Source-Organization: 花溪区 青岩镇\n");
        let parsed = parse_bag_info(b"A: 1\nB: two\n  lines\n").unwrap();
        assert_eq!(field(&parsed, "b"), Some("two lines"));
        assert_eq!(parse_bag_info(b"no colon here\n"), None);
        assert_eq!(payload_oxum(1234, 4), "1234.4");
    }

    #[test]
    fn a_package_without_a_kind_is_a_submission() {
        let of = |s: &[u8]| Kind::of(&parse_bag_info(s).unwrap());
        assert_eq!(of(b"A: 1\n"), Ok(Kind::Submission), "older packages carry no kind");
        assert_eq!(of(b"Mulu-Package-Kind: submission\n"), Ok(Kind::Submission));
        assert_eq!(of(b"Mulu-Package-Kind: receipt\n"), Ok(Kind::Receipt));
        assert_eq!(of(b"Mulu-Package-Kind: summary\n"), Ok(Kind::Summary));
        assert_eq!(of(b"Mulu-Package-Kind: census\n"), Err("census".into()));
    }
}
