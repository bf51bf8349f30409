//! Versions and the annual full maintenance from the command line (issue 14): `mulu versions`,
//! `mulu diff`, `mulu restore`, `mulu maintain`.

use std::path::Path;

use clap::Subcommand;
use mulu_core::model::fields;
use mulu_core::ops;
use mulu_core::ops::maintenance::{CampaignStatus, ReviewKind};
use mulu_core::ops::versions::{Side, VersionDiff};
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};

use crate::args::Command;
use crate::deadline_cmds::show;
use crate::print::out;
use crate::Outcome;

#[derive(Subcommand, Debug)]
pub enum MaintainCommand {
    /// 开始某年度的全面维护：目录期次改为该年，每个资源须确认无变化或更新 / start the year's full
    /// maintenance: the period becomes the year; every resource must be confirmed or updated
    Start {
        /// 年度，如 2027 / the year, e.g. 2027
        year: i32,
        /// 发起人 / who starts it
        #[arg(long, env = "MULU_OPERATOR")]
        operator: Option<String>,
    },
    /// 确认资源无变化（本次维护中修改过的资源已算复核）/ confirm resources unchanged (a resource
    /// edited during the campaign counts as reviewed)
    Confirm {
        /// 资源代码、名称或 #编号，可多个 / resource codes, names or #ids
        #[arg(required_unless_present = "all")]
        resources: Vec<String>,
        /// 确认全部尚未复核的资源 / confirm every resource still left
        #[arg(long)]
        all: bool,
        /// 确认人 / who confirms
        #[arg(long, env = "MULU_OPERATOR", default_value = "")]
        operator: String,
    },
    /// 维护进度：已复核 n / N、未复核的资源、谁在何时确认了什么 / where it stands: n of N reviewed,
    /// what is left, who confirmed what and when
    Status {
        /// 年度（默认：最近一次）/ the year (default: the latest)
        #[arg(long)]
        year: Option<i32>,
    },
}

pub fn run(cmd: Command, path: &Path, json: bool, lang: Lang) -> Result<Outcome> {
    match cmd {
        Command::Versions => {
            let all = ops::versions::list(&Workspace::open(path)?)?;
            show(json, &all, |all| {
                for v in all {
                    out!("{}", version_line(v, lang));
                }
                if all.is_empty() {
                    out!("{}", lang.pick("尚未生成报送包，没有版本。", "No package made yet, so no version."));
                }
            })?;
        }
        Command::Diff { a, b } => {
            let d = ops::versions::diff(&Workspace::open(path)?, &a, &b)?;
            show(json, &d, |d| print_diff(d, lang))?;
        }
        Command::Restore { version, resource } => {
            let r = ops::versions::restore(&mut Workspace::open(path)?, &version, &resource)?;
            show(json, &r, |r| {
                let v = r.version.name();
                if r.added_back {
                    match lang {
                        Lang::Zh => out!("已从版本 {v} 恢复已删除的资源：{}", r.resource),
                        Lang::En => out!("Restored the removed resource {} from version {v}", r.resource),
                    }
                } else {
                    match lang {
                        Lang::Zh => out!("已从版本 {v} 恢复 {}（{} 个字段）：", r.resource, r.fields.len()),
                        Lang::En => out!("Restored {} from version {v} ({} fields):", r.resource, r.fields.len()),
                    }
                    r.fields.iter().for_each(|f| out!("{}", field_line(f, lang)));
                }
                out!("{}", lang.pick("可用 `mulu undo` 撤销这次恢复。", "`mulu undo` takes the restore back."));
            })?;
        }
        Command::Maintain(MaintainCommand::Start { year, operator }) => {
            let s = ops::maintenance::start(&mut Workspace::open(path)?, year, operator.as_deref())?;
            show(json, &s, |s| {
                let st = &s.status;
                match (s.started, lang) {
                    (true, Lang::Zh) => out!(
                        "已开始 {} 年度全面维护：目录期次改为 {}，下一个报送包为第 {} 次。",
                        st.year,
                        st.year,
                        st.next_sequence
                    ),
                    (true, Lang::En) => out!(
                        "The {} full maintenance started: the period is now {}; the next package is no. {}.",
                        st.year,
                        st.year,
                        st.next_sequence
                    ),
                    (false, Lang::Zh) => out!("{} 年度全面维护已于 {} 开始。", st.year, day(&st.started_at)),
                    (false, Lang::En) => out!("The {} full maintenance started on {}.", st.year, day(&st.started_at)),
                }
                print_status(st, lang);
            })?;
        }
        Command::Maintain(MaintainCommand::Confirm { resources, all, operator }) => {
            let s = ops::maintenance::confirm(&mut Workspace::open(path)?, &resources, all, &operator)?;
            show(json, &s, |s| print_status(s, lang))?;
        }
        Command::Maintain(MaintainCommand::Status { year }) => {
            let s = ops::maintenance::status(&Workspace::open(path)?, year)?;
            show(json, &s, |s| {
                print_status(s, lang);
                s.done.iter().for_each(|r| out!("  {}", reviewed_line(r, lang)));
                s.left.iter().for_each(|p| out!("  {}{}", lang.pick("未复核：", "left: "), p.resource));
            })?;
        }
        _ => unreachable!("not a version or maintenance command"),
    }
    Ok(Outcome::Ok)
}

/// The date of a stored timestamp.
fn day(at: &str) -> &str {
    at.get(..10).unwrap_or(at)
}

fn version_line(v: &ops::versions::Version, lang: Lang) -> String {
    let period = v.period.as_deref().unwrap_or("-");
    let findings = match (v.errors, v.warnings, lang) {
        (Some(e), Some(w), Lang::Zh) => format!("错误 {e}、警告 {w}"),
        (Some(e), Some(w), Lang::En) => format!("{e} errors, {w} warnings"),
        (_, _, Lang::Zh) => "校验结果未保存".into(),
        (_, _, Lang::En) => "findings not kept".into(),
    };
    let reason = v
        .incomplete_reason
        .as_ref()
        .map(|r| format!(" {}{r}", lang.pick("未完成全面维护：", "maintenance incomplete: ")));
    let signer = v.signer.get(..16).unwrap_or(&v.signer);
    format!(
        "{:>3}  {}  {}  {period}  {findings}  {signer}…{}",
        v.sequence,
        v.package_id,
        day(&v.created_at),
        reason.unwrap_or_default()
    )
}

fn side_name(s: &Side, lang: Lang) -> String {
    match (&s.package_id, s.sequence) {
        (Some(id), Some(seq)) => format!("{id} (#{seq})"),
        _ => lang.pick("当前目录", "the working catalog").to_string(),
    }
}

fn value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::Null => "∅".into(),
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn field_line(f: &mulu_core::package::diff::FieldChange, lang: Lang) -> String {
    // `items[2].name` is labelled by its top key.
    let top = f.field.split(['.', '[']).next().unwrap_or(&f.field);
    format!("    {} ({}): {} → {}", fields::label(top, lang), f.field, value(&f.old), value(&f.new))
}

fn print_diff(d: &VersionDiff, lang: Lang) {
    let (from, to) = (side_name(&d.from, lang), side_name(&d.to, lang));
    match lang {
        Lang::Zh => out!(
            "{from} → {to}：新增 {}、删除 {}、修改 {} 个资源，机构信息 {} 项",
            d.added.len(),
            d.removed.len(),
            d.changed.len(),
            d.agency.len()
        ),
        Lang::En => out!(
            "{from} → {to}: {} added, {} removed, {} changed; {} agency fields",
            d.added.len(),
            d.removed.len(),
            d.changed.len(),
            d.agency.len()
        ),
    }
    let key = |code: &Option<String>, name: &str| format!("{} {name}", code.as_deref().unwrap_or("-"));
    d.agency.iter().for_each(|f| out!("{}", field_line(f, lang)));
    d.added.iter().for_each(|r| out!("+ {}", key(&r.code, &r.name)));
    d.removed.iter().for_each(|r| out!("- {}", key(&r.code, &r.name)));
    for r in &d.changed {
        out!("~ {}", key(&r.code, &r.name));
        r.fields.iter().for_each(|f| out!("{}", field_line(f, lang)));
    }
}

fn print_status(s: &CampaignStatus, lang: Lang) {
    let state = match (s.complete, lang) {
        (true, Lang::Zh) => "已完成",
        (true, Lang::En) => "complete",
        (false, Lang::Zh) => "未完成",
        (false, Lang::En) => "not complete",
    };
    match lang {
        Lang::Zh => out!("{} 年度全面维护：已复核 {} / {}，{state}。", s.year, s.reviewed, s.total),
        Lang::En => out!("{} full maintenance: {} of {} reviewed, {state}.", s.year, s.reviewed, s.total),
    }
}

fn reviewed_line(r: &ops::maintenance::Reviewed, lang: Lang) -> String {
    match (r.kind, lang) {
        (ReviewKind::Confirmed, Lang::Zh) => {
            format!("已确认无变化：{}（{}，{}）", r.resource, r.by.as_deref().unwrap_or("-"), day(&r.at))
        }
        (ReviewKind::Confirmed, Lang::En) => {
            format!("confirmed unchanged: {} ({}, {})", r.resource, r.by.as_deref().unwrap_or("-"), day(&r.at))
        }
        (ReviewKind::Updated, Lang::Zh) => format!("已更新：{}（{}）", r.resource, day(&r.at)),
        (ReviewKind::Updated, Lang::En) => format!("updated: {} ({})", r.resource, day(&r.at)),
    }
}
