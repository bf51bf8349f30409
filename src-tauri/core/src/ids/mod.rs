//! Identifier algorithms: resource codes, USCC (GB 32100), citizen ID numbers (GB 11643),
//! division codes (GB/T 2260). Each returns why a value fails, for the finding's message.

pub mod citizen_id;
pub mod code;
pub mod division;
pub mod uscc;

/// Why an identifier is invalid; rendered in the person's language by [`Invalid::describe`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Invalid {
    Length { expected: &'static str, found: usize },
    Character { position: usize, found: char },
    CheckCharacter { expected: char, found: char },
    Province(String),
    BirthDate(String),
    Structure,
}

impl Invalid {
    pub fn describe(&self, lang: crate::Lang) -> String {
        use crate::Lang::*;
        match (self, lang) {
            (Invalid::Length { expected, found }, Zh) => format!("应为 {expected} 位，实为 {found} 位"),
            (Invalid::Length { expected, found }, En) => format!("it must have {expected} characters, not {found}"),
            (Invalid::Character { position, found }, Zh) => format!("第 {position} 位“{found}”不是允许的字符"),
            (Invalid::Character { position, found }, En) => format!("character {position} “{found}” is not allowed"),
            (Invalid::CheckCharacter { expected, found }, Zh) => {
                format!("校验位应为“{expected}”，实为“{found}”，请核对是否抄错")
            }
            (Invalid::CheckCharacter { expected, found }, En) => {
                format!("the check character should be “{expected}”, not “{found}”: check for a typo")
            }
            (Invalid::Province(p), Zh) => format!("省级代码“{p}”不存在"),
            (Invalid::Province(p), En) => format!("there is no province “{p}”"),
            (Invalid::BirthDate(d), Zh) => format!("出生日期“{d}”不是有效日期"),
            (Invalid::BirthDate(d), En) => format!("birth date “{d}” is not a real date"),
            (Invalid::Structure, Zh) => "结构不正确".into(),
            (Invalid::Structure, En) => "its structure is wrong".into(),
        }
    }
}
