//! The rule set for review (`mulu rules`, `mulu validate --explain`).

use mulu_core::rules::{self, Context, RuleInfo, Severity};
use mulu_core::{Lang, Result};

use crate::args::Command;
use crate::print::{self, out};
use crate::Outcome;

pub fn run(cmd: Command, json: bool, ctx: &Context) -> Result<Outcome> {
    let lang = ctx.lang;
    match cmd {
        Command::Rules => {
            let all = rules::list(lang);
            if json {
                print::json(&all)?;
            } else {
                for r in &all {
                    out!("{}", rule_line(r, lang));
                }
                match lang {
                    Lang::Zh => out!("共 {} 条规则；`mulu validate --explain 编号` 显示一条规则的提示。", all.len()),
                    Lang::En => out!("{} rules; `mulu validate --explain ID` shows one rule's message.", all.len()),
                }
            }
        }
        Command::Validate { explain: Some(id) } => {
            let r = rules::explain(&id, lang)?;
            if json {
                print::json(&r)?;
            } else {
                let [rule, sev, basis, says] = match lang {
                    Lang::Zh => ["规则", "级别", "依据", "提示"],
                    Lang::En => ["Rule", "Severity", "Article", "Message"],
                };
                out!("{rule} {}{}{}", r.id, lang.pick("：", ": "), r.title);
                out!("  {sev}{}{}", lang.pick("：", ": "), severity(r.severity, lang));
                out!("  {basis}{}{}", lang.pick("：", ": "), r.article);
                out!("  {says}{}{}", lang.pick("：", ": "), r.message);
            }
        }
        _ => unreachable!("commands.rs routes only these here"),
    }
    Ok(Outcome::Ok)
}

fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
    }
}

/// `grade.sharing  [错误] 共享类型与敏感程度不符 — 《…》第九条`
fn rule_line(r: &RuleInfo, lang: Lang) -> String {
    format!("{:<24} [{}] {} — {}", r.id, severity(r.severity, lang), r.title, r.article)
}
