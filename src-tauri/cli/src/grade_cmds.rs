//! Grading (定级) from the command line: the questionnaire's answers for one or many resources
//! (`mulu grade answer`, the app's step 4 form), and confirming grades taken from a spreadsheet
//! or a scan (`mulu grade confirm`). Both run the core's use cases (`ops::grading`).

use std::path::Path;

use clap::Args;
use mulu_core::grading::Answers;
use mulu_core::ops::grading::{self, GradeRequest};
use mulu_core::ops::resources;
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};
use serde::Serialize;

use crate::args::GradeCommand;
use crate::print::{self, out};
use crate::Outcome;

/// The questionnaire: each question answered 是/否 (yes/no); one left out stays unanswered.
#[derive(Args, Debug)]
pub struct AnswerArgs {
    /// 资源代码、名称或 #编号，可多个 / resource codes, names or #ids
    #[arg(required = true)]
    pub resources: Vec<String>,
    /// 问 1：是否已定密或含国家秘密事项 / Q1: determined a state secret, or holding state-secret matter?
    #[arg(long, value_name = "是|否", value_parser = yes_no)]
    pub state_secret: Option<bool>,
    /// 问 2：法律、法规或规章是否限制其使用 / Q2: does a law, regulation or rule restrict its use?
    #[arg(long, value_name = "是|否", value_parser = yes_no)]
    pub legal_restriction: Option<bool>,
    /// 问 3：是否含个人信息或商业秘密 / Q3: does it hold personal information or commercial secrets?
    #[arg(long, value_name = "是|否", value_parser = yes_no)]
    pub personal_or_commercial: Option<bool>,
    /// 问 4：是否已经公开（公示、政务公开）/ Q4: is it already published?
    #[arg(long, value_name = "是|否", value_parser = yes_no)]
    pub already_public: Option<bool>,
    /// 限制使用的法律依据 / the legal basis restricting it
    #[arg(long)]
    pub basis: Option<String>,
    /// 定级（公开、内部、涉密）；默认取建议 / the grade chosen (公开, 内部, 涉密); default: the suggested one
    #[arg(long)]
    pub grade: Option<String>,
    /// 定级与建议不同时的理由 / why, when the grade chosen differs from the suggestion
    #[arg(long)]
    pub reason: Option<String>,
    /// 只显示建议，不保存 / show the suggestion, save nothing
    #[arg(long)]
    pub dry_run: bool,
}

/// 是/否 as the form's buttons say it, or yes/no.
fn yes_no(s: &str) -> std::result::Result<bool, String> {
    match mulu_core::text::clean_line(s).to_lowercase().as_str() {
        "是" | "yes" | "y" | "true" | "1" => Ok(true),
        "否" | "no" | "n" | "false" | "0" => Ok(false),
        _ => Err("应为 是 或 否 / expected yes or no".into()),
    }
}

impl AnswerArgs {
    fn answers(&self) -> Answers {
        Answers {
            state_secret: self.state_secret,
            legal_restriction: self.legal_restriction,
            personal_or_commercial: self.personal_or_commercial,
            already_public: self.already_public,
            basis: self.basis.clone(),
        }
    }
}

/// One resource's line of the answer, for `--json`.
#[derive(Serialize)]
struct Graded {
    id: i64,
    code: Option<String>,
    name: String,
    suggestion: mulu_core::grading::Suggestion,
    /// The grade stored now (unchanged by a dry run).
    sensitivity: Option<String>,
}

pub fn run(cmd: GradeCommand, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        GradeCommand::Answer(a) => answer(&mut ws, &a, json, lang),
        GradeCommand::Confirm { resources, all } => confirm(&mut ws, &resources, all, lang),
    }
}

fn answer(ws: &mut Workspace, a: &AnswerArgs, json: bool, lang: Lang) -> Result<Outcome> {
    let ids = a.resources.iter().map(|s| resources::find(ws, s)).collect::<Result<Vec<_>>>()?;
    let answers = a.answers();
    let suggestions = grading::suggest(ws, &ids, &answers, lang)?;
    let changed = if a.dry_run {
        0
    } else {
        let req = GradeRequest { ids: ids.clone(), answers, chosen: a.grade.clone(), reason: a.reason.clone() };
        grading::apply(ws, &req, lang)?
    };
    let mut graded = Vec::with_capacity(ids.len());
    for (&id, suggestion) in ids.iter().zip(suggestions) {
        let r = resources::get(ws, id)?.resource;
        let sensitivity = r.sensitivity.as_ref().map(|s| s.as_str().to_string());
        graded.push(Graded { id, code: r.code, name: r.name, suggestion, sensitivity });
    }
    if json {
        print::json(&graded)?;
        return Ok(Outcome::Ok);
    }
    let colon = lang.pick("：", ": ");
    for g in &graded {
        let now = g.sensitivity.as_deref().unwrap_or("-");
        let code = g.code.as_deref().unwrap_or("-");
        match lang {
            Lang::Zh => out!("#{} {code} {}{colon}建议“{}”，定级“{now}”", g.id, g.name, g.suggestion.sensitivity),
            Lang::En => out!("#{} {code} {}{colon}suggested {}, graded {now}", g.id, g.name, g.suggestion.sensitivity),
        }
        out!("  {}（{}）", g.suggestion.reason, g.suggestion.article);
    }
    match (a.dry_run, lang) {
        (true, Lang::Zh) => out!("只显示建议，未保存；去掉 --dry-run 即按此定级。"),
        (true, Lang::En) => out!("Suggestion only, nothing saved; run without --dry-run to grade."),
        (false, Lang::Zh) => out!("已定级 {changed} 个资源（`mulu undo` 可撤销）。"),
        (false, Lang::En) => out!("Graded {changed} resources (`mulu undo` reverts it)."),
    }
    Ok(Outcome::Ok)
}

fn confirm(ws: &mut Workspace, resources: &[String], all: bool, lang: Lang) -> Result<Outcome> {
    let ids = if all {
        grading::unconfirmed(ws)?
    } else {
        resources.iter().map(|s| resources::find(ws, s)).collect::<Result<Vec<_>>>()?
    };
    let done = grading::confirm(ws, &ids)?;
    for &id in ids.iter().filter(|id| !done.contains(id)) {
        let r = resources::get(ws, id)?.resource;
        let why = match (r.sensitivity.is_some(), lang) {
            (true, Lang::Zh) => "定级已是本单位确认的，无需再确认",
            (true, Lang::En) => "its grade is already the agency's own",
            (false, Lang::Zh) => "尚未定级：请先用 `mulu grade answer` 或 `mulu resource edit --sensitivity` 定级",
            (false, Lang::En) => {
                "it has no grade yet: grade it with `mulu grade answer` or `mulu resource edit --sensitivity`"
            }
        };
        out!("  #{id} {} {}{}{why}", r.code.as_deref().unwrap_or("-"), r.name, lang.pick("：", ": "));
    }
    match lang {
        Lang::Zh => out!("已确认 {} 个资源的定级。", done.len()),
        Lang::En => out!("Confirmed the grade of {} resources.", done.len()),
    }
    Ok(Outcome::Ok)
}
