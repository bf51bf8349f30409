//! The bureau's review from the command line (issue 13): `mulu submitter`, `mulu review` and,
//! on the agency's side, `mulu receipt`. Thin over `ops::review` and `ops::receipt`.

use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use mulu_core::i18n::Face;
use mulu_core::ops::review::{ReceiptRequest, SubmitterInput};
use mulu_core::ops::{self};
use mulu_core::review::decide::{DecideRequest, Overall, ReviewDetail};
use mulu_core::review::{ReviewStatus, ReviewVerdict};
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};

use crate::print::{self, out};
use crate::Outcome;

#[derive(Subcommand, Debug)]
pub enum SubmitterCommand {
    /// 加入或更新一个报送单位 / add or update an expected submitter
    Add {
        /// 统一社会信用代码 / USCC
        #[arg(long)]
        uscc: String,
        /// 单位名称 / name
        #[arg(long)]
        name: String,
        /// 机构层级：乡镇、区县部门… / level
        #[arg(long)]
        level: Option<String>,
        /// 联系人及电话 / contact
        #[arg(long)]
        contact: Option<String>,
    },
    /// 列出报送单位 / list the expected submitters
    List {},
    /// 移除报送单位（代码或名称）/ remove one (USCC or name)
    Rm { submitter: String },
    /// 从电子表格导入报送单位（全部或全不）/ import them from a spreadsheet (all rows or none)
    Import { file: PathBuf },
}

#[derive(Subcommand, Debug)]
pub enum ReviewCommand {
    /// 接收报送包（可多个）：先核验，再按本局规则重新校验 / receive packages: verified, then validated here
    Receive {
        #[arg(required = true)]
        packages: Vec<PathBuf>,
        /// 电话核对过的签名公钥指纹：签名者未知且指纹相符时信任它 / the fingerprint heard by phone:
        /// trusts an unknown signer when it matches
        #[arg(long)]
        fingerprint: Option<String>,
    },
    /// 列出已接收的报送包 / list the packages received
    List {},
    /// 各报送单位的报送情况：未报送、已接收、已退回、已通过 / where each expected submitter stands
    Status {},
    /// 显示一个报送包的审核：意见、本局校验与包内结果的差异、变更 / show a package's review
    Show { package_id: String },
    /// 通过或退回资源（不指定资源：通过全部资源，或退回整个报送包）/ approve or return resources
    Decide(DecideArgs),
    /// 出具签名的审核回执 / issue the signed review receipt
    Receipt {
        package_id: String,
        #[command(flatten)]
        to: SignedOut,
    },
}

/// A file the bureau signs: its key, where to write it (the receipt, the summary package).
#[derive(Args, Debug)]
pub struct SignedOut {
    /// 数据局的私钥文件 / the bureau's key file
    #[arg(long)]
    pub key: PathBuf,
    /// 要写出的 .zip / the .zip to write
    #[arg(long)]
    pub out: PathBuf,
    /// 覆盖已存在的其他类型文件（工作区、私钥和输入文件仍不覆盖）/ replace an existing file of another
    /// kind (never the workspace, a private key or an input)
    #[arg(long)]
    pub force: bool,
}

#[derive(Args, Debug)]
pub struct DecideArgs {
    pub package_id: String,
    /// 资源代码（无代码时用名称）/ the resource's code (or name)
    #[arg(long)]
    pub resource: Option<String>,
    /// 通过 / approve
    #[arg(long, conflicts_with = "return_", required_unless_present = "return_")]
    pub approve: bool,
    /// 退回（须附意见）/ return (with a comment)
    #[arg(long = "return", id = "return_", requires = "comment")]
    pub return_: bool,
    /// 退回意见 / what to fix
    #[arg(long, requires = "return_")]
    pub comment: Option<String>,
    /// 意见所指的字段，如 abstract、sharing.type、items[2].name / the field it concerns
    #[arg(long, requires = "return_")]
    pub field: Option<String>,
}

#[derive(Subcommand, Debug)]
pub enum ReceiptCommand {
    /// 导入数据局的审核回执 / import the bureau's review receipt
    Import {
        receipt: PathBuf,
        /// 电话核对过的数据局公钥指纹 / the bureau's key fingerprint heard by phone
        #[arg(long)]
        fingerprint: Option<String>,
    },
    /// 列出退回意见及处理情况 / list the returned comments and whether each is addressed
    Tasks {},
    /// 把一条退回意见标记为已处理（未改动其字段时）/ mark a comment dealt with
    Resolve { id: i64 },
}

fn verdict_word(v: Option<ReviewVerdict>, lang: Lang) -> &'static str {
    v.map_or(lang.pick("未审核", "undecided"), |v| v.label(lang))
}

fn overall_word(o: Overall, lang: Lang) -> &'static str {
    match o {
        Overall::Undecided => lang.pick("审核中", "in review"),
        Overall::Approved => lang.pick("通过", "approved"),
        Overall::Returned => lang.pick("退回", "returned"),
    }
}

/// A list: as JSON, one line per row, or the sentence saying it is empty.
fn listing<T: serde::Serialize>(list: &[T], json: bool, empty: &str, line: impl Fn(&T) -> String) -> Result<()> {
    if json {
        return print::json(&list);
    }
    if list.is_empty() {
        out!("{empty}");
    }
    for x in list {
        out!("{}", line(x));
    }
    Ok(())
}

pub fn submitter(cmd: SubmitterCommand, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        SubmitterCommand::Add { uscc, name, level, contact } => {
            let s = ops::review::add_submitter(&mut ws, &SubmitterInput { uscc, name, level, contact }, lang)?;
            out!("{}{} ({})", lang.pick("已加入报送单位：", "Submitter added: "), s.name, s.uscc);
        }
        SubmitterCommand::List {} => {
            let list = ops::review::submitters(&ws)?;
            let empty = lang.pick("报送单位名单为空。", "No expected submitters.");
            listing(&list, json, empty, |s| {
                let keys = if s.keys.is_empty() {
                    lang.pick("无信任公钥", "no trusted key").to_string()
                } else {
                    s.keys.len().to_string()
                };
                let level = s.level.as_deref().unwrap_or("-");
                format!("{}  {}  {level}  {}  {keys}", s.uscc, s.name, s.contact.as_deref().unwrap_or("-"))
            })?;
        }
        SubmitterCommand::Rm { submitter } => {
            let s = ops::review::remove_submitter(&mut ws, &submitter)?;
            out!("{}{} ({})", lang.pick("已移除报送单位：", "Submitter removed: "), s.name, s.uscc);
        }
        SubmitterCommand::Import { file } => {
            let list = ops::review::import_submitters(&mut ws, &file)?;
            match lang {
                Lang::Zh => out!("已从 {} 导入 {} 个报送单位。", file.display(), list.len()),
                Lang::En => out!("{} submitters imported from {}.", list.len(), file.display()),
            }
        }
    }
    Ok(Outcome::Ok)
}

pub fn review(cmd: ReviewCommand, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        ReviewCommand::Receive { packages, fingerprint } => {
            let results = ops::review::receive(&mut ws, &packages, fingerprint.as_deref(), lang, Face::Cli)?;
            let refused = results.iter().filter(|r| r.error.is_some()).count();
            if json {
                print::json(&results)?;
            }
            for r in results.iter().filter(|_| !json) {
                match (&r.received, &r.error) {
                    (Some(one), _) if one.already_received => match lang {
                        Lang::Zh => out!("{}：已接收过（{}），未重复保存。", r.path, one.package_id),
                        Lang::En => out!("{}: already received ({}); not stored again.", r.path, one.package_id),
                    },
                    (Some(one), _) => match lang {
                        Lang::Zh => out!(
                            "{}：已接收 {}（{}，第 {} 次报送）：{} 个资源，本局校验 {} 个错误、{} 个警告。",
                            r.path, one.package_id, one.agency_name, one.sequence, one.resources, one.errors, one.warnings
                        ),
                        Lang::En => out!(
                            "{}: received {} ({}, package no. {}): {} resources; validated here: {} errors, {} warnings.",
                            r.path, one.package_id, one.agency_name, one.sequence, one.resources, one.errors, one.warnings
                        ),
                    },
                    (None, Some(e)) => out!("{}：{} <{}>", r.path, e.message, e.code),
                    (None, None) => {}
                }
            }
            Ok(if refused > 0 { Outcome::Findings } else { Outcome::Ok })
        }
        ReviewCommand::List {} => {
            let list = ops::review::list(&ws)?;
            listing(&list, json, lang.pick("尚未接收任何报送包。", "No package received yet."), |p| {
                let status = match p.status {
                    ReviewStatus::InReview => lang.pick("审核中", "in review"),
                    ReviewStatus::Approved => lang.pick("已通过", "approved"),
                    ReviewStatus::Returned => lang.pick("已退回", "returned"),
                };
                format!("{}  {}  {}  {}  {status}", p.package_id, p.agency_name, p.bagging_date, p.resources)
            })?;
            Ok(Outcome::Ok)
        }
        ReviewCommand::Status {} => crate::summary_cmds::status(&ws, json, lang),
        ReviewCommand::Show { package_id } => {
            let d = ops::review::show(&ws, &package_id, lang)?;
            if json {
                print::json(&d)?;
            } else {
                print_detail(&d, lang);
            }
            Ok(Outcome::Ok)
        }
        ReviewCommand::Decide(a) => {
            let verdict = if a.approve { ReviewVerdict::Approved } else { ReviewVerdict::Returned };
            let req = DecideRequest {
                package_id: a.package_id,
                resource: a.resource,
                verdict,
                comment: a.comment,
                field: a.field,
            };
            let d = ops::review::decide(&mut ws, &req, lang)?;
            let (v, id, now, left) = (verdict.label(lang), &d.package_id, overall_word(d.overall, lang), d.undecided);
            match lang {
                Lang::Zh => out!("已记录审核意见（{v}）：报送包 {id} 目前为“{now}”，还有 {left} 个资源未审核。"),
                Lang::En => out!("Decision recorded ({v}): package {id} is now {now}, {left} resources undecided."),
            }
            Ok(Outcome::Ok)
        }
        ReviewCommand::Receipt { package_id, to: SignedOut { key, out, force } } => {
            // Refused before the passphrase is asked for.
            mulu_core::output::check_output(&out, mulu_core::output::OutputKind::Package, Some(path), &[&key], force)?;
            let passphrase = crate::package_cmds::passphrase(lang, false)?;
            let req = ReceiptRequest { package_id: &package_id, key: &key, passphrase: &passphrase, out: &out, force };
            let r = ops::review::issue_receipt(&mut ws, &req)?;
            let (id, verdict, n_ok, n_back) = (&r.package_id, r.decision.label(lang), r.approved, r.returned);
            out!("{}{}", lang.pick("已出具审核回执：", "Review receipt written: "), r.path);
            match lang {
                Lang::Zh => out!("报送包 {id}：{verdict}（通过 {n_ok} 个资源，退回 {n_back} 个）"),
                Lang::En => out!("Package {id}: {verdict} ({n_ok} resources approved, {n_back} returned)"),
            }
            out!("{}{}", lang.pick("签名公钥指纹：", "Signing key fingerprint: "), r.fingerprint);
            Ok(Outcome::Ok)
        }
    }
}

fn print_detail(d: &ReviewDetail, lang: Lang) {
    let p = &d.package;
    out!("{}{}（{}，{}）", lang.pick("报送包：", "Package: "), p.package_id, p.agency_name, p.agency_uscc);
    out!("{}{}", lang.pick("审核结论：", "Decision: "), overall_word(d.overall, lang));
    if let Some(at) = &p.receipt_at {
        out!("{}{at}", lang.pick("回执出具于：", "Receipt issued: "));
    }
    for c in &d.package_comments {
        out!("  {}{}", lang.pick("整包退回：", "Whole package returned: "), c.comment);
    }
    let f = &d.findings;
    let (e, w) = (f.here.summary.errors, f.here.summary.warnings);
    let told = |n: Option<usize>| n.map_or("?".into(), |n| n.to_string());
    let (pe, pw) = (told(f.package_errors), told(f.package_warnings));
    match lang {
        Lang::Zh => out!("本局校验：{e} 个错误、{w} 个警告；报送单位自报：{pe} 个错误、{pw} 个警告。"),
        Lang::En => out!("Validated here: {e} errors, {w} warnings; the package says: {pe} errors, {pw} warnings."),
    }
    for x in &f.only_here {
        out!("  {}{}", lang.pick("仅本局发现：", "Found here only: "), print::finding_line(x, lang));
    }
    for x in &f.only_in_package {
        let who = x.resource.as_ref().map(|r| r.code.clone().unwrap_or_else(|| r.name.clone())).unwrap_or_default();
        out!("  {}[{}] {} {}", lang.pick("仅包内报告：", "In the package only: "), x.rule, who, x.message);
    }
    let c = &d.changes;
    let against =
        c.against.clone().unwrap_or_else(|| lang.pick("无（首次通过前）", "none (nothing approved yet)").into());
    let (added, removed, changed) = (c.changes.added.len(), c.changes.removed.len(), c.changes.changed.len());
    match lang {
        Lang::Zh => out!("与上次通过的目录（{against}）相比：新增 {added}、删除 {removed}、修改 {changed}"),
        Lang::En => {
            out!("Against the last approved catalog ({against}): {added} added, {removed} removed, {changed} changed")
        }
    }
    match c.package_agrees {
        Some(true) => out!(
            "{}",
            lang.pick(
                "包内 changes.json 与本局比对一致。",
                "The package's changes.json agrees with the comparison made here."
            )
        ),
        Some(false) => {
            out!(
                "{}",
                lang.pick(
                    "注意：包内 changes.json 与本局比对不一致：",
                    "Note: the package's changes.json disagrees with the comparison made here:"
                )
            );
            for l in &c.missing_from_package {
                out!("  {}{l}", lang.pick("包内漏报：", "missing from it: "));
            }
            for l in &c.only_in_package {
                out!("  {}{l}", lang.pick("包内多报：", "listed only in it: "));
            }
        }
        None => out!(
            "{}",
            lang.pick(
                "包内 changes.json 的比对基准未在本局接收过，无法核对。",
                "The package's changes.json compares with a package never received here; it cannot be checked."
            )
        ),
    }
    for r in &d.resources {
        let code = r.code.as_deref().unwrap_or("-");
        out!("  {code}  {}  {}", r.name, verdict_word(r.verdict, lang));
        for c in &r.comments {
            out!("      {}{}", c.field.as_deref().map(|f| format!("[{f}] ")).unwrap_or_default(), c.comment);
        }
    }
}

pub fn receipt(cmd: ReceiptCommand, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        ReceiptCommand::Import { receipt, fingerprint } => {
            let r = ops::receipt::import(&mut ws, &receipt, fingerprint.as_deref())?;
            if json {
                print::json(&r)?;
                return Ok(Outcome::Ok);
            }
            if r.already_imported {
                match lang {
                    Lang::Zh => out!("该回执已导入过（报送包 {}），未作修改。", r.package_id),
                    Lang::En => out!("This receipt was imported before (package {}); nothing changed.", r.package_id),
                }
                return Ok(Outcome::Ok);
            }
            let (who, id, v, on, n) = (&r.bureau_name, &r.package_id, r.decision.label(lang), &r.reviewed_on, r.tasks);
            match lang {
                Lang::Zh => out!("已导入 {who} 的审核回执：报送包 {id} {v}（{on}），退回意见 {n} 条。"),
                Lang::En => out!("Receipt from {who} imported: package {id} {v} ({on}), {n} comments to address."),
            }
            if r.tasks > 0 {
                out!(
                    "{}",
                    lang.pick(
                        "用 `mulu validate` 查看每条意见；修改后重新打包。",
                        "See each comment with `mulu validate`; fix, then package again."
                    )
                );
            }
        }
        ReceiptCommand::Tasks {} => {
            let tasks = ops::receipt::tasks(&ws)?;
            if json {
                print::json(&tasks)?;
            }
            for t in tasks.iter().filter(|_| !json) {
                let who = t
                    .resource
                    .as_ref()
                    .map(|r| r.code.clone().unwrap_or_else(|| r.name.clone()))
                    .unwrap_or_else(|| "*".into());
                let state =
                    if t.addressed { lang.pick("已处理", "addressed") } else { lang.pick("待处理", "open") };
                out!(
                    "{}  {}  {}  {}  {}  {}",
                    t.id,
                    t.package_id,
                    who,
                    t.field.as_deref().unwrap_or("-"),
                    state,
                    t.comment
                );
            }
        }
        ReceiptCommand::Resolve { id } => {
            let t = ops::receipt::resolve(&mut ws, id)?;
            out!("{}{} {}", lang.pick("已标记为已处理：", "Marked resolved: "), t.id, t.comment);
        }
    }
    Ok(Outcome::Ok)
}
