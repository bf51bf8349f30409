//! The rule set as a bureau reviews it: each rule's id, severity, title, the article it
//! enforces and its message template, in the person's language (`mulu rules`, `mulu validate
//! --explain`, and the headings of step 5's groups).

use serde::Serialize;
use ts_rs::TS;

use super::{specs, RuleSpec, Severity};
use crate::error::{Error, Result};
use crate::i18n::{cite, Lang};

/// One rule, described.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct RuleInfo {
    /// The stable id findings carry (`grade.sharing`).
    pub id: String,
    pub severity: Severity,
    /// What the rule checks: the heading of its findings.
    pub title: String,
    /// The article or standard it enforces.
    pub article: String,
    /// The message it gives, with its `{placeholders}` unfilled.
    pub message: String,
}

impl RuleInfo {
    fn of(spec: &RuleSpec, lang: Lang) -> Self {
        RuleInfo {
            id: spec.id.clone(),
            severity: spec.severity,
            title: spec.title.get(lang).to_string(),
            article: cite(spec.article.get(lang), lang).into_owned(),
            message: spec.message.get(lang).to_string(),
        }
    }
}

/// Every rule, in the order of `data/rules.toml`.
pub fn list(lang: Lang) -> Vec<RuleInfo> {
    let mut all: Vec<&RuleSpec> = specs().values().collect();
    all.sort_by_key(|s| s.position);
    all.into_iter().map(|s| RuleInfo::of(s, lang)).collect()
}

/// The rules `ids` names, in the order of `data/rules.toml`; unknown ids are left out.
pub fn some<'a>(ids: impl IntoIterator<Item = &'a str>, lang: Lang) -> Vec<RuleInfo> {
    let mut found: Vec<&RuleSpec> = ids.into_iter().filter_map(|id| specs().get(id)).collect();
    found.sort_by_key(|s| s.position);
    found.dedup_by_key(|s| s.position);
    found.into_iter().map(|s| RuleInfo::of(s, lang)).collect()
}

/// One rule by its id; an unknown id is refused with the way to list them.
pub fn explain(id: &str, lang: Lang) -> Result<RuleInfo> {
    match specs().get(id.trim()) {
        Some(spec) => Ok(RuleInfo::of(spec, lang)),
        None => Err(Error::invalid(
            "rule",
            id,
            lang.pick(
                "`mulu rules` 列出的规则编号之一，如 grade.sharing",
                "a rule id that `mulu rules` lists, such as grade.sharing",
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A bureau reviews the rule set by its titles and articles: every rule has both, in both
    /// languages, and cites a document (a measure, the national guide, a standard).
    #[test]
    fn every_rule_has_a_title_and_cites_its_article_in_both_languages() {
        let zh = list(Lang::Zh);
        let en = list(Lang::En);
        assert_eq!(zh.len(), specs().len());
        for (z, e) in zh.iter().zip(&en) {
            assert_eq!(z.id, e.id);
            for (text, what) in
                [(&z.title, "zh title"), (&e.title, "en title"), (&z.article, "zh article"), (&e.article, "en article")]
            {
                assert!(!text.trim().is_empty(), "{}: no {what}", z.id);
                assert_ne!(text.as_str(), z.id, "{}: the {what} is the id", z.id);
            }
            assert!(z.title.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)), "{}: {}", z.id, z.title);
            assert!(!z.title.chars().any(|c| c.is_ascii_lowercase()), "{}: English in {}", z.id, z.title);
            assert!(e.title.is_ascii() && e.title != z.title, "{}: {}", z.id, e.title);
            assert!(
                z.article.contains('《') || z.article.starts_with("GB"),
                "{}: {} cites no document",
                z.id,
                z.article
            );
            assert!(
                e.article.contains("guide") || e.article.contains("measures") || e.article.starts_with("GB"),
                "{}: {}",
                z.id,
                e.article
            );
            if e.article.contains("measures Art") {
                assert!(e.article.contains("(Chinese text)"), "{}: {}", z.id, e.article);
            }
        }
        let positions: Vec<&str> = zh.iter().map(|r| r.id.as_str()).take(2).collect();
        assert_eq!(positions, ["field.required", "field.recommended"], "in the file's order");
    }

    #[test]
    fn explains_one_rule_and_refuses_an_unknown_id() {
        let r = explain("grade.sharing", Lang::En).unwrap();
        assert_eq!((r.severity, r.title.as_str()), (Severity::Error, "Sharing type not allowed for the grade"));
        assert_eq!(r.article, "Guiyang measures Art. 9 (Chinese text)");
        assert!(r.message.contains("{grade}"), "the template, unfilled: {}", r.message);
        let e = explain("grade.nope", Lang::Zh).unwrap_err();
        assert_eq!(e.field(), Some("rule"));
        assert!(e.message(Lang::Zh).contains("mulu rules"), "{}", e.message(Lang::Zh));
        assert_eq!(some(["grade.open", "field.required", "nope", "grade.open"], Lang::Zh).len(), 2);
    }
}
