//! The grading questionnaire (定级, domain.md §6.2): the officer's answers suggest a sensitivity
//! grade and the sharing and open types it allows (G Art. 9); the officer confirms it or
//! overrides it with a stated reason, and both are kept with the resource.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::domain::{Coded, Domain, OpenType, Sensitivity, SharingType};
use crate::model::{Grading, Resource};

/// What the answers suggest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Suggestion {
    /// The suggested grade (stored key: 公开 / 内部 / 涉密).
    pub sensitivity: String,
    /// The sharing type to take when the current one is not allowed.
    pub sharing_type: String,
    /// The sharing types the grade allows.
    pub sharing_types: Vec<String>,
    pub open_type: String,
    pub open_types: Vec<String>,
    /// Restricted sharing needs its legal basis (S Art. 12).
    pub needs_basis: bool,
    /// Conditional opening needs its condition.
    pub needs_open_condition: bool,
    /// Why, in the person's language.
    pub reason: String,
    pub article: String,
}

/// The questionnaire's answers (questions 1–4 and the legal basis) as a form or the command
/// line holds them (`null`: not answered yet): the part of [`Grading`] the officer answers; the
/// rest (suggestion, reason, confirmation) is set by [`apply`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct Answers {
    pub state_secret: Option<bool>,
    pub legal_restriction: Option<bool>,
    pub personal_or_commercial: Option<bool>,
    pub already_public: Option<bool>,
    pub basis: Option<String>,
}

impl Answers {
    /// The answers as a grading record (a blank basis is no basis).
    pub fn to_grading(&self) -> Grading {
        let Answers { state_secret, legal_restriction, personal_or_commercial, already_public, basis } = self.clone();
        Grading {
            state_secret,
            legal_restriction,
            personal_or_commercial,
            already_public,
            basis: basis.as_deref().and_then(crate::text::opt),
            ..Grading::default()
        }
    }
}

impl From<&Grading> for Answers {
    fn from(g: &Grading) -> Self {
        // Destructured, so a question added to `Grading` fails to build here until it is asked.
        let Grading {
            unconfirmed: _,
            state_secret,
            legal_restriction,
            personal_or_commercial,
            already_public,
            basis,
            suggested: _,
            reason: _,
        } = g.clone();
        Answers { state_secret, legal_restriction, personal_or_commercial, already_public, basis }
    }
}

fn keys<T: Domain>(v: &[T]) -> Vec<String> {
    v.iter().map(|x| x.key().to_string()).collect()
}

/// The sharing and open types a grade allows (§6.1), the first being the default. The rules
/// read the same table, so the questionnaire and validation never disagree. Declassified or
/// desensitised classified data "应当开放" (Art. 9): opening is the default, and leaving it
/// closed is allowed but warned about (`grade.declassified.open`).
pub fn allowed(grade: Sensitivity, declassified: bool) -> (&'static [SharingType], &'static [OpenType]) {
    match grade {
        Sensitivity::Public => (&[SharingType::Unconditional], &[OpenType::Unconditional]),
        Sensitivity::Internal => (&[SharingType::Unconditional], &[OpenType::NotOpened, OpenType::Conditional]),
        Sensitivity::Classified if declassified => (
            &[SharingType::Conditional, SharingType::NotShared],
            &[OpenType::Conditional, OpenType::Unconditional, OpenType::NotOpened],
        ),
        Sensitivity::Classified => (&[SharingType::Conditional, SharingType::NotShared], &[OpenType::NotOpened]),
    }
}

/// The open types the questionnaire offers: those the grade allows, less any opening of
/// personal data that is not desensitised (`open.personal`, G Arts. 9, 23).
fn open_allowed(grade: Sensitivity, r: &Resource) -> Vec<OpenType> {
    let open = allowed(grade, r.open.declassified).1;
    // 公开 is opened in full or not at all: choosing it for personal data is the officer's
    // override, and the rule reports it.
    if grade == Sensitivity::Public || r.open.declassified || crate::rules::personal::personal_items(r).is_empty() {
        return open.to_vec();
    }
    vec![OpenType::NotOpened]
}

/// The answers a resource starts with: those recorded before, and "personal information" from
/// its data items when not answered yet.
pub fn default_answers(r: &Resource) -> Grading {
    let mut g = r.grading.clone().unwrap_or_default();
    if g.personal_or_commercial.is_none() && r.items.iter().any(|i| i.is_personal) {
        g.personal_or_commercial = Some(true);
    }
    g
}

/// The grade the answers suggest, with what it allows and why (questions 1–5 of §6.2, in order).
pub fn suggest(a: &Grading, r: &Resource, lang: Lang) -> Suggestion {
    // Items that keep the resource from being opened undesensitised (`open.personal`) count as
    // a yes to question 3, so the suggestion never proposes what that rule refuses.
    let held = crate::rules::personal::personal_items(r);
    let mut personal_items: Vec<&str> = r.items.iter().filter(|i| i.is_personal).map(|i| i.name.as_str()).collect();
    personal_items.extend(held.iter().filter(|n| !personal_items.contains(n)).collect::<Vec<_>>());
    personal_items.truncate(3);
    let (grade, reason, article) = if a.state_secret == Some(true) {
        (
            Sensitivity::Classified,
            lang.pick("已定密或含国家秘密事项：定为“涉密”，有条件共享或不予共享，不向社会开放。", "Determined a state secret, or holding state-secret matter: classified; shared with conditions or not at all; not opened.").to_string(),
            lang.pick("《贵阳市政府数据资源管理办法》第九条、第二十四条", "Guiyang measures Arts. 9, 24"),
        )
    } else if a.legal_restriction == Some(true) {
        (
            Sensitivity::Classified,
            lang.pick("法律、法规或规章限制使用：贵阳的分级中只有“涉密”允许限制共享，须写明依据。", "A law, regulation or rule restricts its use: in Guiyang's scale only 涉密 allows restricted sharing; state the basis.").to_string(),
            lang.pick("《贵阳市政府数据资源管理办法》第九条；《贵州省政务数据资源共享管理办法》第十二条", "Guiyang measures Art. 9; Guizhou sharing measures Art. 12"),
        )
    } else if a.personal_or_commercial == Some(true) || !held.is_empty() {
        let what = if personal_items.is_empty() {
            String::new()
        } else {
            format!("（{}）", personal_items.join(lang.pick("、", ", ")))
        };
        (
            Sensitivity::Internal,
            match lang {
                Lang::Zh => format!("含个人信息或商业秘密{what}：至少为“内部”，部门间无条件共享，向社会只能脱敏后有条件开放。"),
                Lang::En => format!("Holds personal information or commercial secrets{what}: at least internal; shared between agencies, opened to society only desensitised."),
            },
            lang.pick("《贵阳市政府数据资源管理办法》第九条", "Guiyang measures Art. 9"),
        )
    } else {
        let why = if a.already_public == Some(true) {
            lang.pick(
                "已经公开（公示、政务公开）：定为“公开”，无条件共享并向社会开放。",
                "Already published: public; shared unconditionally and opened to society.",
            )
        } else {
            lang.pick(
                "没有限制使用的情形：以共享为原则、不共享为例外，定为“公开”。",
                "Nothing restricts it: sharing is the rule and restriction the exception, so public.",
            )
        };
        (
            Sensitivity::Public,
            why.to_string(),
            lang.pick(
                "《贵阳市政府数据资源管理办法》第九条；《贵州省政务数据资源共享管理办法》第十二条",
                "Guiyang measures Art. 9; Guizhou sharing measures Art. 12",
            ),
        )
    };
    let (sharing, _) = allowed(grade, r.open.declassified);
    let open = open_allowed(grade, r);
    let sharing_type =
        if grade == Sensitivity::Classified && a.legal_restriction != Some(true) && a.state_secret == Some(true) {
            SharingType::NotShared
        } else {
            sharing[0]
        };
    Suggestion {
        sensitivity: grade.key().to_string(),
        sharing_type: sharing_type.key().to_string(),
        sharing_types: keys(sharing),
        open_type: open[0].key().to_string(),
        open_types: keys(&open),
        needs_basis: grade == Sensitivity::Classified,
        needs_open_condition: open.contains(&OpenType::Conditional),
        reason,
        article: crate::i18n::cite(article, lang).into_owned(),
    }
}

/// Records the answers and the chosen grade; sets sharing and open types the grade does not
/// allow to the suggested ones. Choosing other than the suggestion needs a reason.
pub fn apply(
    r: &mut Resource,
    answers: Grading,
    chosen: &str,
    override_reason: Option<String>,
    lang: Lang,
) -> Result<()> {
    let Some(grade) = Sensitivity::parse(chosen) else {
        return Err(Error::invalid("sensitivity", chosen, &Sensitivity::allowed(lang)));
    };
    let s = suggest(&answers, r, lang);
    let reason = override_reason.as_deref().and_then(crate::text::opt);
    if grade.key() != s.sensitivity && reason.is_none() {
        return Err(Error::invalid(
            "grading.reason",
            "",
            lang.pick("与建议不同的定级须说明理由", "a reason for a grade other than the suggested one"),
        ));
    }
    let (sharing, _) = allowed(grade, r.open.declassified);
    let open = open_allowed(grade, r);
    if !r.sharing_type().is_some_and(|t| sharing.contains(&t)) {
        let pick = if grade.key() == s.sensitivity {
            SharingType::parse(&s.sharing_type).unwrap_or(sharing[0])
        } else {
            sharing[0]
        };
        r.sharing.kind = Some(pick.into());
        // A condition and basis of restricted sharing are stale once sharing is unconditional:
        // cleared with the change, so the store records (and undo restores) them together.
        if pick == SharingType::Unconditional {
            r.sharing.condition = None;
            r.sharing.basis = None;
        }
    }
    if !r.open_type().is_some_and(|t| open.contains(&t)) {
        r.open.kind = Some(open[0].into());
        if open[0] == OpenType::Unconditional {
            r.open.condition = None;
        }
    }
    if grade == Sensitivity::Classified && r.sharing.basis.is_none() {
        r.sharing.basis = answers.basis.clone();
    }
    r.sensitivity = Some(Coded::Known(grade));
    // The officer answered and chose: the grade is theirs now, whatever proposed it before.
    r.grading = Some(Grading {
        suggested: Some(Coded::Known(Sensitivity::parse(&s.sensitivity).unwrap_or(grade))),
        reason: reason.or(Some(s.reason)),
        unconfirmed: None,
        ..answers
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample;

    fn answers(secret: bool, restricted: bool, personal: bool, public: bool) -> Grading {
        Grading {
            state_secret: Some(secret),
            legal_restriction: Some(restricted),
            personal_or_commercial: Some(personal),
            already_public: Some(public),
            ..Default::default()
        }
    }

    #[test]
    fn the_questions_in_order() {
        let r = sample::resource();
        assert_eq!(suggest(&answers(true, false, true, false), &r, Lang::Zh).sensitivity, "涉密");
        let restricted = suggest(&answers(false, true, false, false), &r, Lang::Zh);
        assert_eq!((restricted.sensitivity.as_str(), restricted.needs_basis), ("涉密", true));
        assert_eq!(restricted.sharing_types, ["有条件共享", "不予共享"]);
        let personal = suggest(&answers(false, false, true, false), &r, Lang::Zh);
        assert_eq!((personal.sensitivity.as_str(), personal.open_type.as_str()), ("内部", "不予开放"));
        assert!(personal.needs_open_condition, "internal data may be opened desensitised, with a condition");
        let public = suggest(&answers(false, false, false, true), &r, Lang::En);
        assert_eq!(
            (public.sensitivity.as_str(), public.sharing_type.as_str(), public.open_type.as_str()),
            ("公开", "无条件共享", "无条件开放")
        );
        assert!(public.reason.contains("published"));
        assert!(public.article.contains("Art. 9"));
    }

    #[test]
    fn personal_items_pre_answer_the_third_question() {
        let mut r = sample::resource();
        r.items.push(crate::model::fields::parse_item("身份证号:C:18").unwrap());
        assert_eq!(default_answers(&r).personal_or_commercial, Some(true));
        assert!(suggest(&default_answers(&r), &r, Lang::Zh).reason.contains("身份证号"));
    }

    #[test]
    fn applying_sets_what_the_grade_allows_and_overrides_need_a_reason() {
        let mut r = sample::resource();
        apply(&mut r, answers(false, false, true, false), "内部", None, Lang::Zh).unwrap();
        assert_eq!(r.sensitivity(), Some(Sensitivity::Internal));
        assert_eq!(r.open_type(), Some(OpenType::NotOpened), "公开's 无条件开放 is not allowed for 内部");
        assert_eq!(r.sharing_type(), Some(SharingType::Unconditional), "an allowed type is kept");
        let g = r.grading.clone().unwrap();
        assert_eq!(g.suggested, Some(Sensitivity::Internal.into()));
        assert!(g.reason.unwrap().contains("个人信息"));
        let report = crate::rules::validate(
            &crate::Catalog { agency: sample::agency(), resources: vec![r.clone()], ..Default::default() },
            &crate::rules::Context::now(Lang::Zh),
        );
        assert!(report.findings.iter().all(|f| !f.rule.starts_with("grade.")), "{:?}", report.findings);

        let e = apply(&mut r, answers(false, false, true, false), "公开", None, Lang::Zh).unwrap_err();
        assert_eq!(e.field(), Some("grading.reason"));
        apply(&mut r, answers(false, false, true, false), "公开", Some("数据已脱敏汇总".into()), Lang::Zh).unwrap();
        assert_eq!(r.sensitivity(), Some(Sensitivity::Public));
        assert_eq!(r.grading.unwrap().reason.as_deref(), Some("数据已脱敏汇总"));
    }
}
