//! The shell's own words — its refusals (nothing chosen yet, no key) and its native dialogs'
//! titles, filters and suggested file names — kept with the core's in
//! `core/data/messages.toml` (`[app]`, `[dialog]`) and looked up by key here. The UI adds the
//! step that fixes a refusal, by its code (ui/src/lib/refusals.ts).

use mulu_core::error::ErrorPayload;
use mulu_core::Lang;

/// The shell's refusal codes.
const REFUSALS: &[&str] = &["key.none", "scan.none", "scan.stale", "import.none", "import.stale", "review.none"];

/// The keys of the dialogs' words the shell uses.
const DIALOGS: &[&str] = &[
    "key.save",
    "key.file",
    "package.save",
    "export.title",
    "export.catalog",
    "export.template",
    "export.dcat",
    "scan.folder",
    "scan.files",
    "scan.filter",
    "review.open",
    "review.filter",
    "import.open",
    "import.filter",
    "mapping.save",
    "mapping.file",
    "mapping.open",
    "calendar.open",
    "calendar.filter",
];

/// A refusal of the shell itself, in `lang`.
pub(crate) fn refusal(code: &'static str, lang: Lang) -> ErrorPayload {
    debug_assert!(REFUSALS.contains(&code), "{code} is not in REFUSALS");
    let message = mulu_core::messages::app(code, lang).unwrap_or_else(|| {
        debug_assert!(false, "{code} missing from [app] in data/messages.toml");
        code
    });
    ErrorPayload { code: code.into(), message: message.into(), field: None }
}

/// A word of a native dialog, in `lang`.
pub(crate) fn dialog(key: &'static str, lang: Lang) -> &'static str {
    debug_assert!(DIALOGS.contains(&key), "{key} is not in DIALOGS");
    mulu_core::messages::dialog(key, lang).unwrap_or_else(|| {
        debug_assert!(false, "{key} missing from [dialog] in data/messages.toml");
        key
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(mut a: Vec<&str>, b: &[&str]) {
        let mut b = b.to_vec();
        a.sort();
        b.sort();
        assert_eq!(a, b);
    }

    /// The shell's refusals and dialog words are those of the messages file, both ways, each in
    /// both languages.
    #[test]
    fn the_shells_words_are_those_of_the_messages_file() {
        same(mulu_core::messages::app_codes().collect(), REFUSALS);
        same(mulu_core::messages::dialog_keys().collect(), DIALOGS);
        for lang in [Lang::Zh, Lang::En] {
            for code in REFUSALS {
                assert_ne!(refusal(code, lang).message, *code);
            }
            for key in DIALOGS {
                assert_ne!(dialog(key, lang), *key);
            }
        }
        assert_eq!(dialog("export.dcat", Lang::Zh), "开放目录.dcat.jsonld", "the e2e tests look for this name");
    }
}
