//! The person's language. zh-CN is the default everywhere; English is the switch.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Zh,
    En,
}

/// Where the person meets Mulu, which decides how advice is put: at the command line a sentence
/// ends with the `mulu` command that helps; in the app it stands alone, and the UI adds the step
/// that fixes it (`data/messages.toml`, `docs/architecture.md`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Cli,
    App,
}

impl Lang {
    /// Accepts `zh`, `zh-CN`, `zh_CN.UTF-8`, `en`, `en-US`… (as in `LANG` or a `--lang` flag).
    pub fn parse(s: &str) -> Option<Lang> {
        let s = s.trim().to_ascii_lowercase();
        if s.starts_with("zh") {
            Some(Lang::Zh)
        } else if s.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// Picks the zh or en text.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// A text in both languages, as kept in the data files.
#[derive(Debug, Clone, Deserialize)]
pub struct Text {
    pub zh: String,
    pub en: String,
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        lang.pick(&self.zh, &self.en)
    }
}

/// A citation as shown to the person. In English, " (Chinese text)" follows the article numbers
/// of the Guiyang and Guizhou measures: they are the Chinese texts' numbers, and an English
/// translation in circulation numbers the articles differently. Every citation shown goes
/// through here, so the note is never forgotten in one place and doubled in another.
pub fn cite(article: &str, lang: Lang) -> std::borrow::Cow<'_, str> {
    const NOTE: &str = " (Chinese text)";
    const KEY: &str = "measures Art";
    if lang == Lang::Zh || article.contains(NOTE.trim_start()) || !article.contains(KEY) {
        return std::borrow::Cow::Borrowed(article);
    }
    let mut out = String::with_capacity(article.len() + 2 * NOTE.len());
    let mut rest = article;
    while let Some(i) = rest.find(KEY) {
        let tail = &rest[i + KEY.len()..];
        let Some(numbers) = tail.strip_prefix(". ").or_else(|| tail.strip_prefix("s. ")) else {
            out.push_str(&rest[..i + KEY.len()]);
            rest = tail;
            continue;
        };
        // The numbers: `9`, `24, 27`, `9 and 24`.
        let mut end = 0;
        loop {
            let digits = numbers[end..].bytes().take_while(u8::is_ascii_digit).count();
            if digits == 0 {
                break;
            }
            end += digits;
            let more = [", ", " and "].iter().find(|sep| {
                numbers[end..].strip_prefix(**sep).is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
            });
            match more {
                Some(sep) => end += sep.len(),
                None => break,
            }
        }
        let cut = rest.len() - numbers.len() + end;
        out.push_str(&rest[..cut]);
        if end > 0 {
            out.push_str(NOTE);
        }
        rest = &rest[cut..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// Fills `{name}` placeholders in a message template.
pub fn fill(template: &str, args: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len() + 32);
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let key = &after[..end];
                match args.iter().find(|(k, _)| *k == key) {
                    Some((_, v)) => out.push_str(v),
                    None => {
                        out.push('{');
                        out.push_str(key);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fills_placeholders_and_keeps_unknown_ones() {
        assert_eq!(fill("请填写“{label}”{x}", &[("label", "名称")]), "请填写“名称”{x}");
        assert_eq!(fill("no braces", &[]), "no braces");
        assert_eq!(fill("open {", &[]), "open {");
    }

    #[test]
    fn english_citations_of_the_measures_say_their_numbers_are_the_chinese_texts() {
        assert_eq!(cite("Guiyang measures Art. 9", Lang::En), "Guiyang measures Art. 9 (Chinese text)");
        assert_eq!(
            cite("Guizhou sharing measures Art. 12; Guiyang measures Arts. 24, 27", Lang::En),
            "Guizhou sharing measures Art. 12 (Chinese text); Guiyang measures Arts. 24, 27 (Chinese text)"
        );
        assert_eq!(
            cite("Guiyang measures Art. 22 (one source per datum)", Lang::En),
            "Guiyang measures Art. 22 (Chinese text) (one source per datum)"
        );
        for same in [
            "National catalog guide, resource code",
            "GB/T 2260 (division codes)",
            "Guiyang measures Art. 9 (Chinese text)",
        ] {
            assert_eq!(cite(same, Lang::En), same);
        }
        assert_eq!(cite("《贵阳市政府数据资源管理办法》第九条", Lang::Zh), "《贵阳市政府数据资源管理办法》第九条");
    }

    #[test]
    fn parses_locale_strings() {
        assert_eq!(Lang::parse("zh_CN.UTF-8"), Some(Lang::Zh));
        assert_eq!(Lang::parse("en-US"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
