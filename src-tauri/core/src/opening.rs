//! The open catalog's gate (开放目录): what may reach society. Like packaging, it leaves out
//! every resource with validation errors, without a current secrecy review (G Arts. 24, 27) or
//! that Art. 9 keeps closed, and says why for each, so the DCAT export, the workbook's 开放目录
//! sheet and the package's all carry the same resources.

use serde::Serialize;
use ts_rs::TS;

use crate::i18n::Lang;
use crate::model::domain::OpenType;
use crate::model::{Catalog, Resource};
use crate::rules::{self, Report, Severity};

/// Why a resource marked for opening was left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "snake_case", tag = "code")]
pub enum Withhold {
    /// Validation found errors on it.
    Errors { count: usize },
    /// No secrecy review since its last edit.
    Unreviewed,
    /// Art. 9 does not let it be opened (internal data neither desensitised nor opened by a
    /// named law; classified data not declassified; or ungraded).
    Closed,
}

impl Withhold {
    /// The reason in the person's language.
    pub fn text(self, lang: Lang) -> String {
        match self {
            Withhold::Errors { count } => match lang {
                Lang::Zh => format!("有 {count} 个校验错误，改正后才能开放"),
                Lang::En => format!("{count} validation errors; fix them before opening it"),
            },
            Withhold::Unreviewed => lang
                .pick(
                    "上次修改后尚未通过保密审查，确认保密审查后才能开放",
                    "not secrecy-reviewed since its last edit; confirm the review before opening it",
                )
                .to_string(),
            Withhold::Closed => lang
                .pick(
                    "按第九条不能开放：内部数据须脱敏或有法律法规规定，涉密数据须已解密",
                    "Art. 9 keeps it closed: internal data must be desensitised or opened by a named law, classified data declassified",
                )
                .to_string(),
        }
    }
}

/// A resource the open catalog left out, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Withheld {
    pub code: Option<String>,
    pub name: String,
    pub reasons: Vec<Withhold>,
    /// The reasons in the person's language, joined.
    pub why: String,
}

/// The open catalog: the positions of the resources it carries, in catalog order, and those
/// marked for opening that it left out.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OpenCatalog {
    pub open: Vec<usize>,
    pub withheld: Vec<Withheld>,
}

impl OpenCatalog {
    pub fn resources<'a>(&self, c: &'a Catalog) -> Vec<&'a Resource> {
        self.open.iter().filter_map(|&i| c.resources.get(i)).collect()
    }
}

/// Gates the resources marked 无条件开放 / 有条件开放 by `report` (the validation of `c`).
pub fn gate(c: &Catalog, report: &Report, lang: Lang) -> OpenCatalog {
    let mut errors = vec![0usize; c.resources.len()];
    for f in report.findings.iter().filter(|f| f.severity == Severity::Error) {
        if let Some(n) = f.resource_index.and_then(|i| errors.get_mut(i)) {
            *n += 1;
        }
    }
    let mut out = OpenCatalog::default();
    for (i, r) in c.resources.iter().enumerate() {
        if !matches!(r.open_type(), Some(OpenType::Unconditional | OpenType::Conditional)) {
            continue;
        }
        let mut reasons = Vec::new();
        if !r.opening_permitted() {
            reasons.push(Withhold::Closed);
        }
        if errors[i] > 0 {
            reasons.push(Withhold::Errors { count: errors[i] });
        }
        if rules::needs_review(r) {
            reasons.push(Withhold::Unreviewed);
        }
        if reasons.is_empty() {
            out.open.push(i);
        } else {
            let why = reasons.iter().map(|w| w.text(lang)).collect::<Vec<_>>().join(lang.pick("；", "; "));
            out.withheld.push(Withheld { code: r.code.clone(), name: r.name.clone(), reasons, why });
        }
    }
    out
}

/// [`gate`] after validating `c` as of `ctx`.
pub fn gate_validated(c: &Catalog, ctx: &rules::Context) -> OpenCatalog {
    gate(c, &rules::validate(c, ctx), ctx.lang)
}

#[cfg(test)]
mod tests;
