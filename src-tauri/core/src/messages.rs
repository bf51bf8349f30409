//! The core's error and refusal texts, kept as data in `data/messages.toml` like the rules: one
//! entry per stable code, in zh-CN and English, with `{placeholders}` filled by
//! [`i18n::fill`](crate::i18n::fill). A sentence says what happened and what to do in words of
//! no particular face; the command line adds its `mulu …` advice (`cli`), and the app adds its
//! own by code in the UI, which alone knows its steps.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use serde::Deserialize;

use crate::i18n::{fill, Face, Lang, Text};

const MESSAGES_TOML: &str = include_str!("../data/messages.toml");

/// One error's sentence, and the advice added at the command line.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Entry {
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub cli: Option<Text>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MessagesFile {
    pub error: BTreeMap<String, Entry>,
    pub word: BTreeMap<String, BTreeMap<String, Text>>,
    pub problem: BTreeMap<String, Text>,
    pub app: BTreeMap<String, Text>,
    pub dialog: BTreeMap<String, Text>,
}

pub(crate) fn file() -> &'static MessagesFile {
    static F: OnceLock<MessagesFile> = OnceLock::new();
    F.get_or_init(|| toml::from_str(MESSAGES_TOML).expect("data/messages.toml is valid"))
}

/// The sentence for the error `code`, filled with `args`, for the person in `face`.
pub fn error(code: &str, lang: Lang, face: Face, args: &[(&str, &str)]) -> String {
    let Some(entry) = file().error.get(code) else {
        // A test walks every code (`error::tests`); a release build still says something.
        debug_assert!(false, "error {code} missing from data/messages.toml");
        return fill(lang.pick("出现问题（{code}）。", "Something went wrong ({code})."), &[("code", code)]);
    };
    let mut out = fill(lang.pick(&entry.zh, &entry.en), args);
    if let (Face::Cli, Some(cli)) = (face, &entry.cli) {
        if lang == Lang::En {
            out.push(' ');
        }
        out.push_str(&fill(cli.get(lang), args));
    }
    out
}

/// A word filled into a sentence: `name` in the list `group` (`foreign`, `found`…), else the
/// list's `other` entry, else `None` (the caller shows the name as it is).
pub fn word(group: &str, name: &str, lang: Lang) -> Option<&'static str> {
    let list = file().word.get(group)?;
    list.get(name).or_else(|| list.get("other")).map(|t| t.get(lang))
}

/// A verification problem's explanation (`verify.*`); an unknown code gets a general one.
pub fn problem(code: &str, lang: Lang) -> &'static str {
    let problems = &file().problem;
    problems.get(code).or_else(|| problems.get("verify.other")).map(|t| t.get(lang)).unwrap_or_default()
}

/// A refusal of the desktop app's shell (`key.none`, `scan.none`…), which has no core error.
pub fn app(code: &str, lang: Lang) -> Option<&'static str> {
    file().app.get(code).map(|t| t.get(lang))
}

/// The codes of the shell's refusals that have a sentence here.
pub fn app_codes() -> impl Iterator<Item = &'static str> {
    file().app.keys().map(String::as_str)
}

/// A word of the desktop app's native dialogs (a title, a filter, a suggested file name).
pub fn dialog(key: &str, lang: Lang) -> Option<&'static str> {
    file().dialog.get(key).map(|t| t.get(lang))
}

/// The keys of the dialogs' words.
pub fn dialog_keys() -> impl Iterator<Item = &'static str> {
    file().dialog.keys().map(String::as_str)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The core never names a step of the app; only a `cli` advice names a command or a flag.
    #[test]
    fn sentences_are_face_neutral_and_both_languages_are_there() {
        let f = file();
        let faceless = |s: &str, what: &str| {
            assert!(!s.trim().is_empty(), "{what} is empty");
            for app_word in ["第 1 步", "第 5 步", "本步", "步“", "step 1", "step 5", "this step", "in the app"]
            {
                assert!(!s.contains(app_word), "{what} names the app's steps: {s}");
            }
        };
        for (code, e) in &f.error {
            for s in [&e.zh, &e.en] {
                faceless(s, code);
                assert!(!s.contains("`mulu") && !s.contains(" --"), "{code}: a command outside `cli`: {s}");
            }
            if let Some(cli) = &e.cli {
                faceless(&cli.zh, code);
                faceless(&cli.en, code);
            }
        }
        for (group, list) in &f.word {
            for (name, t) in list {
                faceless(&t.zh, &format!("{group}.{name}"));
                faceless(&t.en, &format!("{group}.{name}"));
            }
        }
        for (code, t) in f.problem.iter().chain(&f.app).chain(&f.dialog) {
            faceless(&t.zh, code);
            faceless(&t.en, code);
        }
    }

    #[test]
    fn the_cli_advice_follows_the_sentence() {
        let args = [("count", "2"), ("selector", "甲")];
        let app = error("resource.ambiguous", Lang::En, Face::App, &args);
        assert_eq!(app, "2 resources have the code or name “甲”.");
        let cli = error("resource.ambiguous", Lang::En, Face::Cli, &args);
        assert_eq!(cli, "2 resources have the code or name “甲”. Name one by its number (#N, see `mulu show`).");
        let zh = error("resource.ambiguous", Lang::Zh, Face::Cli, &args);
        assert_eq!(zh, "有 2 个资源的代码或名称为“甲”。请改用内部编号（#编号，见 `mulu show`）指定。");
        assert_eq!(word("foreign", "no-such-reason", Lang::En), Some("unrecognised"));
        assert_eq!(word("undo", "resource.edit", Lang::En), None, "shown as it is");
        assert_eq!(problem("verify.from_the_future", Lang::En), "The package has a problem.");
    }
}
