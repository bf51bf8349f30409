//! Text normalisation shared by every input path (CLI flags, forms, spreadsheets): see
//! domain.md §5.7. Kept in one place so an import and a hand edit store the same value.

use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

fn is_blank(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{00A0}' || c == '\u{FEFF}'
}

/// NFC of `s`, without the rebuild when it already is (nearly all CJK text is).
fn nfc(s: &str) -> String {
    if s.is_ascii() || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// Whether the text is empty once every kind of space is ignored.
pub fn is_blank_text(s: &str) -> bool {
    s.chars().all(is_blank)
}

/// Trims ASCII, full-width and non-breaking spaces at both ends and applies NFC.
pub fn clean(s: &str) -> String {
    nfc(s.trim_matches(is_blank))
}

/// Like [`clean`], and also collapses inner line breaks (names, codes): `"户籍\n人口"` → `"户籍人口"`.
pub fn clean_line(s: &str) -> String {
    let c = clean(s);
    if c.contains(['\n', '\r']) {
        c.split(['\n', '\r']).map(|p| p.trim_matches(is_blank)).collect()
    } else {
        c
    }
}

/// `clean` that maps an empty result to `None`.
pub fn opt(s: &str) -> Option<String> {
    let c = clean(s);
    (!c.is_empty()).then_some(c)
}

/// Full-width ASCII (Ａ１／) to half-width; used for codes and identifiers.
pub fn half_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect()
}

/// A code or identifier as typed: cleaned, half-width, no spaces at all.
pub fn clean_code(s: &str) -> String {
    half_width(&clean_line(s)).chars().filter(|c| !is_blank(*c)).collect()
}

/// The key used to match a value against a synonym list or to compare names: half-width,
/// lower-case, without any space, line break or middle dot.
pub fn match_key(s: &str) -> String {
    half_width(s).nfc().filter(|c| !is_blank(*c) && *c != '·').flat_map(|c| c.to_lowercase()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trims_every_kind_of_space() {
        assert_eq!(clean("\u{3000} 户籍人口\u{00A0}\n"), "户籍人口");
        assert_eq!(clean_line("户籍\n人口"), "户籍人口");
        assert_eq!(opt(" \u{3000}"), None);
    }

    #[test]
    fn codes_become_half_width() {
        assert_eq!(clean_code("３５２１１１００９／０００００１"), "352111009/000001");
        assert_eq!(clean_code(" 3521 11009/000001 "), "352111009/000001");
    }

    #[test]
    fn match_keys_ignore_width_case_and_space() {
        assert_eq!(match_key("字符型 Ｃ"), match_key("字符型c"));
        assert_eq!(match_key(" API "), "api");
    }
}
