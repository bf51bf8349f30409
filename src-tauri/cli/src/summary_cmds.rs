//! The bureau's summary from the command line (issue 13): `mulu summarize` (with `approve` and
//! `package`) and `mulu review status`. Thin over `ops::summary`.

use std::path::Path;

use clap::Subcommand;
use mulu_core::ops;
use mulu_core::ops::package::PackageRequest;
use mulu_core::review::conflicts::{Conflict, ConflictKind};
use mulu_core::review::status::SubmitterState;
use mulu_core::review::summary::{ApproveRequest, BureauSummary};
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};

use crate::print::{self, out};
use crate::Outcome;

#[derive(Subcommand, Debug)]
pub enum SummarizeCommand {
    /// 记录区县人民政府的审定（审定单位、日期、文号）/ record the government's approval
    Approve {
        /// 审定单位 / who approved
        #[arg(long)]
        by: String,
        /// 审定日期 YYYY-MM-DD / the date
        #[arg(long)]
        date: String,
        /// 文号，如 花府函〔2026〕12号 / the document number
        #[arg(long)]
        document: String,
    },
    /// 生成签名的汇总报送包（须先审定）/ make the signed summary package (approved first)
    Package(crate::review_cmds::SignedOut),
}

fn kind_word(k: ConflictKind, lang: Lang) -> &'static str {
    match k {
        ConflictKind::SameCode => lang.pick("资源代码重复", "one code, several agencies"),
        ConflictKind::NotLead => lang.pick("非牵头部门编目基础/主题资源", "base or thematic data not by its lead"),
        ConflictKind::SameData => lang.pick("一数多源", "the same data from several agencies"),
    }
}

fn print_conflict(c: &Conflict, lang: Lang) {
    let lead = c.lead.as_deref().map(|l| format!("（{}{l}）", lang.pick("应由", "lead: "))).unwrap_or_default();
    out!("  [{}] {}{lead}", kind_word(c.kind, lang), c.subject);
    for s in &c.sides {
        let code = s.code.as_deref().unwrap_or("-");
        out!("      {}（{}） {code} {}  ← {}", s.agency_name, s.agency_uscc, s.name, s.package_id);
    }
}

fn print_summary(s: &BureauSummary, lang: Lang) {
    let (n, r, sh, op) = (s.sources.len(), s.resources, s.sharing, s.open);
    match lang {
        Lang::Zh => out!("汇总 {n} 个单位最近通过的目录：资源目录 {r} 个，共享目录 {sh} 个，开放目录 {op} 个。"),
        Lang::En => out!("Summary of {n} agencies' latest approved catalogs: {r} resources, {sh} shared, {op} open."),
    }
    for x in &s.sources {
        out!("  {}（{}） {}  {}  {}", x.agency_name, x.agency_uscc, x.package_id, x.approved_on, x.resources);
    }
    match (&s.approval, s.approved) {
        (Some(a), true) => {
            out!("{}{}，{}，{}", lang.pick("已审定：", "Approved: "), a.approved_by, a.approved_on, a.document)
        }
        (Some(a), false) => out!(
            "{}{}（{}）",
            lang.pick(
                "审定后又有报送包通过，须重新审定；上次审定：",
                "Changed since its approval; approve it again. Last approval: "
            ),
            a.approved_on,
            a.document
        ),
        (None, _) => out!("{}", lang.pick("尚未经政府审定。", "Not yet approved by the government.")),
    }
    if s.conflicts.is_empty() {
        out!("{}", lang.pick("未发现冲突。", "No conflict found."));
    } else {
        match lang {
            Lang::Zh => out!("须审核人处理的冲突 {} 处：", s.conflicts.len()),
            Lang::En => out!("{} conflicts for the reviewer:", s.conflicts.len()),
        }
        for c in &s.conflicts {
            print_conflict(c, lang);
        }
    }
}

pub fn summarize(cmd: Option<SummarizeCommand>, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        None => {
            let s = ops::summary::summarize(&ws, lang)?;
            if json {
                print::json(&s)?;
            } else {
                print_summary(&s, lang);
            }
        }
        Some(SummarizeCommand::Approve { by, date, document }) => {
            let req = ApproveRequest { approved_by: by, approved_on: date, document };
            let a = ops::summary::approve(&mut ws, &req, lang)?;
            if json {
                print::json(&a)?;
            } else {
                let (by, on, doc, n) = (&a.approved_by, &a.approved_on, &a.document, a.packages.len());
                match lang {
                    Lang::Zh => out!("已记录审定：{by}，{on}，{doc}（汇总 {n} 个报送包）。"),
                    Lang::En => out!("Approval recorded: {by}, {on}, {doc} ({n} packages summarized)."),
                }
            }
        }
        Some(SummarizeCommand::Package(crate::review_cmds::SignedOut { key, out, force })) => {
            // Refused before the passphrase is asked for.
            ops::summary::check_package(&ws, &out, &key, force)?;
            let passphrase = crate::package_cmds::passphrase(lang, false)?;
            // The summarized packages were each reviewed here: their findings travel in the
            // summary's findings.json rather than stop it.
            let req = PackageRequest { key: &key, passphrase: &passphrase, out: &out, allow_findings: true, force };
            let made = ops::summary::package(&mut ws, &req)?;
            if json {
                print::json(&made)?;
            } else {
                let (id, n) = (&made.package_id, made.resources);
                match lang {
                    Lang::Zh => out!("已生成汇总报送包 {}（{id}，{n} 个资源）。", out.display()),
                    Lang::En => out!("Summary package written: {} ({id}, {n} resources).", out.display()),
                }
                out!("{}{}", lang.pick("签名公钥指纹：", "Signing key fingerprint: "), made.fingerprint);
            }
        }
    }
    Ok(Outcome::Ok)
}

fn state_word(s: SubmitterState, lang: Lang) -> &'static str {
    match s {
        SubmitterState::NotSubmitted => lang.pick("未报送", "not yet submitted"),
        SubmitterState::Received => lang.pick("已接收", "received"),
        SubmitterState::Returned => lang.pick("已退回", "returned"),
        SubmitterState::Approved => lang.pick("已通过", "approved"),
    }
}

/// `mulu review status`.
pub fn status(ws: &Workspace, json: bool, lang: Lang) -> Result<Outcome> {
    let rows = ops::summary::status(ws)?;
    if json {
        print::json(&rows)?;
        return Ok(Outcome::Ok);
    }
    if rows.is_empty() {
        out!("{}", lang.pick("报送单位名单为空。", "No expected submitters."));
    }
    for r in &rows {
        let errors = r.errors.map_or("-".to_string(), |e| e.to_string());
        let (on, id) = (r.last_package_on.as_deref().unwrap_or("-"), r.package_id.as_deref().unwrap_or("-"));
        let state = state_word(r.state, lang);
        match lang {
            Lang::Zh => out!("{}（{}）  {state}  错误 {errors}  最近报送 {on}  {id}", r.name, r.uscc),
            Lang::En => out!("{} ({})  {state}  errors {errors}  last package {on}  {id}", r.name, r.uscc),
        }
    }
    Ok(Outcome::Ok)
}
