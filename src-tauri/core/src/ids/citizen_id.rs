//! 公民身份号码 (GB 11643), domain.md §7.2. Never print a full number: use [`mask`].

use chrono::NaiveDate;

use super::Invalid;

const WEIGHTS: [u32; 17] = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK: &[u8; 11] = b"10X98765432";

/// Validates an 18-character ID number; `today` bounds the birth date.
pub fn validate(id: &str, today: NaiveDate) -> Result<(), Invalid> {
    let id = id.to_ascii_uppercase();
    let b = id.as_bytes();
    if id.chars().count() != 18 || b.len() != 18 {
        return Err(Invalid::Length { expected: "18", found: id.chars().count() });
    }
    let mut sum = 0;
    for (i, w) in WEIGHTS.iter().enumerate() {
        if !b[i].is_ascii_digit() {
            return Err(Invalid::Character { position: i + 1, found: b[i] as char });
        }
        sum += u32::from(b[i] - b'0') * w;
    }
    super::division::validate(&id[..6])?;
    let birth = &id[6..14];
    match NaiveDate::parse_from_str(birth, "%Y%m%d") {
        Ok(d) if d <= today && d.format("%Y").to_string().as_str() >= "1850" => {}
        _ => return Err(Invalid::BirthDate(birth.into())),
    }
    let expected = CHECK[(sum % 11) as usize] as char;
    if b[17] as char != expected {
        return Err(Invalid::CheckCharacter { expected, found: b[17] as char });
    }
    Ok(())
}

/// `520111********001X`: the division and the tail stay readable, the birth date does not.
pub fn mask(id: &str) -> String {
    let chars: Vec<char> = id.chars().collect();
    if chars.len() < 10 {
        return "*".repeat(chars.len());
    }
    chars.iter().enumerate().map(|(i, c)| if (6..chars.len() - 4).contains(&i) { '*' } else { *c }).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 11, 25).unwrap()
    }

    #[test]
    fn worked_examples() {
        assert_eq!(validate("11010519491231002X", today()), Ok(()));
        assert_eq!(validate("52011119800101001X", today()), Ok(()));
        assert_eq!(validate("52011119800101001x", today()), Ok(()), "lower-case x is accepted");
        assert_eq!(validate("520111198001010014", today()), Err(Invalid::CheckCharacter { expected: 'X', found: '4' }));
        assert_eq!(validate("520111198002300018", today()), Err(Invalid::BirthDate("19800230".into())));
    }

    #[test]
    fn future_birth_dates_and_bad_provinces_fail() {
        assert!(matches!(validate("520111203001010010", today()), Err(Invalid::BirthDate(_))));
        assert!(matches!(validate("990111198001010010", today()), Err(Invalid::Province(_))));
    }

    #[test]
    fn masks_the_middle() {
        assert_eq!(mask("52011119800101001X"), "520111********001X");
    }
}
