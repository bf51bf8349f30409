//! 行政区划代码 (GB/T 2260), domain.md §7.3: structure and the province list. The full code
//! list is not shipped (no well-kept source of it is available offline); see the note there.

use super::Invalid;

/// Valid first two digits.
const PROVINCES: &[u8] = &[
    11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
    64, 65, 71, 81, 82,
];

/// Guiyang's districts and counties, named for messages.
pub const GUIYANG: &[(&str, &str)] = &[
    ("520100", "贵阳市"),
    ("520102", "南明区"),
    ("520103", "云岩区"),
    ("520111", "花溪区"),
    ("520112", "乌当区"),
    ("520113", "白云区"),
    ("520115", "观山湖区"),
    ("520121", "开阳县"),
    ("520122", "息烽县"),
    ("520123", "修文县"),
    ("520181", "清镇市"),
];

/// A 6-digit code, or a 9/12-digit township statistical code whose first 6 are the county.
pub fn validate(code: &str) -> Result<(), Invalid> {
    let n = code.chars().count();
    if !matches!(n, 6 | 9 | 12) {
        return Err(Invalid::Length { expected: "6、9 或 12 / 6, 9 or 12", found: n });
    }
    if let Some((i, c)) = code.chars().enumerate().find(|(_, c)| !c.is_ascii_digit()) {
        return Err(Invalid::Character { position: i + 1, found: c });
    }
    let p: u8 = code[..2].parse().map_err(|_| Invalid::Structure)?;
    if !PROVINCES.contains(&p) {
        return Err(Invalid::Province(code[..2].into()));
    }
    if &code[2..4] == "00" && &code[4..6] != "00" {
        return Err(Invalid::Structure);
    }
    Ok(())
}

/// Whether `inner` lies within `outer` (both division codes): `520111` is within `520100`.
pub fn within(inner: &str, outer: &str) -> bool {
    fn six(c: &str) -> Option<&str> {
        c.get(..6).filter(|p| p.bytes().all(|b| b.is_ascii_digit()))
    }
    let (Some(i), Some(o)) = (six(inner), six(outer)) else { return false };
    let scope = if &o[2..] == "0000" {
        2
    } else if &o[4..] == "00" {
        4
    } else {
        6
    };
    i[..scope] == o[..scope]
}

pub fn name(code: &str) -> Option<&'static str> {
    GUIYANG.iter().find(|(c, _)| *c == code).map(|(_, n)| *n)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn checks_structure_and_province() {
        assert_eq!(validate("520111"), Ok(()));
        assert_eq!(validate("520111001"), Ok(()));
        assert_eq!(validate("520111001001"), Ok(()));
        assert!(matches!(validate("5201"), Err(Invalid::Length { .. })));
        assert!(matches!(validate("520A11"), Err(Invalid::Character { position: 4, .. })));
        assert_eq!(validate("990111"), Err(Invalid::Province("99".into())));
        assert_eq!(validate("520011"), Err(Invalid::Structure));
    }

    #[test]
    fn within_uses_the_outer_codes_level() {
        assert!(within("520111", "520100"));
        assert!(within("520111", "520111"));
        assert!(!within("520111", "520102"));
        assert!(within("520111", "520000"));
        assert!(!within("350100", "520000"));
        assert_eq!(name("520111"), Some("花溪区"));
        // Text that is not a code is never within anything, and never panics at a byte index.
        assert!(!within("5€111x", "520100"));
        assert!(!within("520111", "a€bc"));
        assert!(!within("花溪区青岩镇", "520100"));
    }
}
