//! 统一社会信用代码 (GB 32100), domain.md §7.1.

use super::Invalid;

const ALPHABET: &str = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS: [u32; 17] = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

fn value(c: char) -> Option<u32> {
    ALPHABET.find(c).map(|i| i as u32)
}

/// The check character for the first 17 characters.
pub fn check_char(first17: &str) -> Option<char> {
    let mut sum = 0;
    for (c, w) in first17.chars().zip(WEIGHTS) {
        sum += value(c)? * w;
    }
    let v = (31 - sum % 31) % 31;
    ALPHABET.chars().nth(v as usize)
}

/// Validates an 18-character code (already upper-cased and half-width).
pub fn validate(code: &str) -> Result<(), Invalid> {
    let chars: Vec<char> = code.chars().collect();
    if chars.len() != 18 {
        return Err(Invalid::Length { expected: "18", found: chars.len() });
    }
    for (i, c) in chars.iter().enumerate() {
        if value(*c).is_none() {
            return Err(Invalid::Character { position: i + 1, found: *c });
        }
    }
    let expected = check_char(&code[..17]).ok_or(Invalid::Structure)?;
    if chars[17] != expected {
        return Err(Invalid::CheckCharacter { expected, found: chars[17] });
    }
    Ok(())
}

/// Positions 3–8: the division code of the registering authority.
pub fn division(code: &str) -> Option<&str> {
    code.get(2..8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn worked_examples() {
        assert_eq!(validate("91350100M000100Y43"), Ok(()));
        assert_eq!(validate("115201110091453295"), Ok(()));
        assert_eq!(validate("91520100MA6DJ1234X"), Err(Invalid::CheckCharacter { expected: 'R', found: 'X' }));
        assert!(matches!(validate("91520100MA6DJ1234"), Err(Invalid::Length { .. })));
        assert!(matches!(validate("9152010OMA6DJ1234R"), Err(Invalid::Character { position: 8, found: 'O' })));
    }

    #[test]
    fn check_character_31_maps_to_zero() {
        // Search a body whose weighted sum is ≡ 0 (mod 31): its check character must be '0'.
        let body = (0..31u32)
            .map(|d| format!("1152011100914532{}", ALPHABET.chars().nth(d as usize).unwrap()))
            .find(|b| b.chars().zip(WEIGHTS).map(|(c, w)| value(c).unwrap() * w).sum::<u32>() % 31 == 0)
            .expect("some last digit makes the sum divisible");
        assert_eq!(check_char(&body), Some('0'));
    }
}
