//! The problems a verification can find: each a stable code (`verify.*`, what scripts and the
//! app switch on) with its explanation in both languages in `data/messages.toml` (`[problem]`),
//! listed in docs/package-format.md §6.

use crate::i18n::Lang;

/// A problem code's explanation in `lang` (a review shown again in another language re-reads it).
pub fn problem_text(code: &str, lang: Lang) -> &'static str {
    crate::messages::problem(code, lang)
}
