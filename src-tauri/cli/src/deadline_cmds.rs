//! Deadlines in working days from the command line (issue 14): `mulu calendar`, `mulu event`,
//! `mulu correction`, `mulu due`.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use clap::{Subcommand, ValueEnum};
use mulu_core::calendar::{CalendarInfo, Standing};
use mulu_core::messages::word;
use mulu_core::ops;
use mulu_core::ops::corrections::{Correction, CorrectionRequest};
use mulu_core::ops::deadlines::{DueItem, Event, EventKind, EventRequest};
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::{Lang, Result};

use crate::args::Command;
use crate::print::{self, out};
use crate::Outcome;

#[derive(Subcommand, Debug)]
pub enum CalendarCommand {
    /// 导入某一年的工作日历（TOML，格式见 docs/calendar.md），替换该年已有的日历 / import a year's
    /// calendar (TOML, see docs/calendar.md), replacing that year's
    Import { file: PathBuf },
    /// 列出已知的工作日历 / list the known calendars
    List {},
}

#[derive(Subcommand, Debug)]
pub enum EventCommand {
    /// 登记变更事件（法律法规修改、职能变化：10 个工作日内更新；其他数据变化：2 个工作日）/ record a
    /// change event (law, functions: update within 10 working days; data: within 2)
    Add {
        /// law 法律法规修改，functions 行政管理职能变化，data 其他数据变化 / law or regulation changed,
        /// the agency's functions changed, another change to the data
        #[arg(long, value_enum)]
        kind: KindArg,
        /// 事件发生之日（第 0 日）/ the day it happened (day 0)
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: NaiveDate,
        /// 受影响的资源（代码、名称或 #编号），可多个；不写则为整个目录 / the resources it affects
        /// (code, name or #id), several allowed; none: the whole catalog
        #[arg(long = "resource", value_name = "CODE", num_args = 1..)]
        resources: Vec<String>,
        /// 说明 / a note
        #[arg(long)]
        note: Option<String>,
        /// 更新后还须重新生成报送包才算办结 / met only once a package is made after the update
        #[arg(long)]
        needs_package: bool,
    },
    /// 列出变更事件及其期限、是否办结 / list the events, their deadlines and whether met
    List {},
}

#[derive(Subcommand, Debug)]
pub enum CorrectionCommand {
    /// 登记校核请求（收到之日起 5 个工作日内答复）/ record a correction request (answer within 5
    /// working days of receipt)
    Add {
        /// 提出请求的数据使用方 / who asks
        #[arg(long)]
        from: String,
        /// 资源代码、名称或 #编号 / resource code, name or #id
        #[arg(long)]
        resource: String,
        /// 涉及的字段（字段键，如 sharing.basis）/ the field concerned (its key, e.g. sharing.basis)
        #[arg(long)]
        field: Option<String>,
        /// 请求内容 / what the user reports
        #[arg(long)]
        text: String,
        /// 收到之日（第 0 日）/ the day it was received (day 0)
        #[arg(long, value_name = "YYYY-MM-DD")]
        received: NaiveDate,
        /// 来源（如“receipt 包编号”）/ where it came from (e.g. "receipt PACKAGE-ID")
        #[arg(long)]
        source: Option<String>,
    },
    /// 答复并关闭校核请求，关联收到后对该资源所作的修改 / answer and close a request, linking the
    /// changes made to its resource since it was received
    Answer {
        id: i64,
        /// 答复内容 / the answer
        #[arg(long)]
        text: String,
    },
    /// 列出校核请求 / list the correction requests
    List {},
}

/// 法律法规修改 / 行政管理职能变化 / 其他数据变化 (G Art. 15).
#[derive(ValueEnum, Clone, Copy, Debug)]
pub enum KindArg {
    Law,
    Functions,
    Data,
}

impl From<KindArg> for EventKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::Law => EventKind::Law,
            KindArg::Functions => EventKind::Functions,
            KindArg::Data => EventKind::Data,
        }
    }
}

pub fn run(cmd: Command, path: &Path, json: bool, ctx: &Context) -> Result<Outcome> {
    let lang = ctx.lang;
    match cmd {
        Command::Calendar(CalendarCommand::Import { file }) => {
            let info = ops::calendar::import(&mut Workspace::open(path)?, &file)?;
            show(json, &info, |i| {
                out!("{}{}", lang.pick("已导入工作日历：", "Calendar imported: "), calendar_line(i, lang))
            })?;
        }
        Command::Calendar(CalendarCommand::List {}) => {
            show(json, &ops::calendar::list(&Workspace::open(path)?)?, |all| {
                all.iter().for_each(|c| out!("{}", calendar_line(c, lang)));
                let tail = lang.pick(
                    "未列出的年份只按周末计算，其期限标为“暂定”。",
                    "A year not listed counts weekends only; its deadlines are marked provisional.",
                );
                out!("{tail}");
            })?;
        }
        Command::Event(EventCommand::Add { kind, date, resources, note, needs_package }) => {
            let req = EventRequest { kind: kind.into(), date, resources, note, needs_package };
            let e = ops::deadlines::add_event(&mut Workspace::open(path)?, &req, ctx.today)?;
            show(json, &e, |e| {
                out!("{}{}", lang.pick("已登记变更事件：", "Change event recorded: "), event_line(e, lang))
            })?;
        }
        Command::Event(EventCommand::List {}) => {
            show(json, &ops::deadlines::events(&Workspace::open(path)?, ctx.today)?, |all| {
                all.iter().for_each(|e| out!("{}", event_line(e, lang)));
                if all.is_empty() {
                    out!("{}", lang.pick("尚未登记变更事件。", "No change event recorded."));
                }
            })?;
        }
        Command::Correction(CorrectionCommand::Add { from, resource, field, text, received, source }) => {
            let req = CorrectionRequest { from, resource, field, text, received, source };
            let c = ops::corrections::add(&mut Workspace::open(path)?, &req, ctx.today)?;
            show(json, &c, |c| {
                out!("{}{}", lang.pick("已登记校核请求：", "Correction request recorded: "), correction_line(c, lang))
            })?;
        }
        Command::Correction(CorrectionCommand::Answer { id, text }) => {
            let c = ops::corrections::answer(&mut Workspace::open(path)?, id, &text, ctx.today)?;
            show(json, &c, |c| {
                out!("{}{}", lang.pick("已答复并关闭：", "Answered and closed: "), correction_line(c, lang))
            })?;
        }
        Command::Correction(CorrectionCommand::List {}) => {
            show(json, &ops::corrections::list(&Workspace::open(path)?, ctx.today)?, |all| {
                all.iter().for_each(|c| out!("{}", correction_line(c, lang)));
                if all.is_empty() {
                    out!("{}", lang.pick("尚未登记校核请求。", "No correction request recorded."));
                }
            })?;
        }
        Command::Due => {
            let items = ops::deadlines::due(&Workspace::open(path)?, ctx.today)?;
            show(json, &items, |items| {
                items.iter().for_each(|i| out!("{}", due_line(i, lang)));
                match lang {
                    Lang::Zh => out!("{} 项未办结（截至 {}）。", items.len(), ctx.today),
                    Lang::En => out!("{} open (as of {}).", items.len(), ctx.today),
                }
            })?;
            if items.iter().any(|i| i.status == Standing::Overdue) {
                return Ok(Outcome::Findings);
            }
        }
        _ => unreachable!("not a deadline command"),
    }
    Ok(Outcome::Ok)
}

/// Prints `value` as JSON with `--json`, else in words with `human`.
pub(crate) fn show<T: serde::Serialize>(json: bool, value: &T, human: impl FnOnce(&T)) -> Result<()> {
    if json {
        print::json(value)
    } else {
        human(value);
        Ok(())
    }
}

fn words(group: &str, name: &str, lang: Lang) -> &'static str {
    word(group, name, lang).unwrap_or_default()
}

fn standing_name(s: Standing) -> &'static str {
    match s {
        Standing::Due => "due",
        Standing::DueSoon => "due_soon",
        Standing::Overdue => "overdue",
    }
}

/// The resources concerned, or the catalog.
fn whom(resources: &[String], lang: Lang) -> String {
    if resources.is_empty() {
        words("deadline", "catalog", lang).to_string()
    } else {
        resources.join(words("list", "separator", lang))
    }
}

fn event_line(e: &Event, lang: Lang) -> String {
    let state = match (&e.met, e.status) {
        (Some(m), _) => {
            let day = &m.at[..m.at.len().min(10)];
            let package = m.package_id.as_ref().map(|p| format!("{}{p}", lang.pick("，报送包 ", ", package ")));
            let met = lang.pick("已办结", "met");
            let (open, close) = (lang.pick("（", " ("), lang.pick("）", ")"));
            format!("{met}{open}{day}{}{close}", package.unwrap_or_default())
        }
        (None, Some(s)) => words("standing", standing_name(s), lang).to_string(),
        (None, None) => String::new(),
    };
    let provisional = if e.due.provisional { words("deadline", "provisional", lang) } else { "" };
    let note = e.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
    let days = match lang {
        Lang::Zh => format!("（{} 个工作日）", e.days),
        Lang::En => format!(" ({} working days)", e.days),
    };
    format!(
        "#{} {} {} → {}{days}{provisional} {state}{}{}{note}",
        e.id,
        words("event", e.kind.name(), lang),
        e.date,
        e.due.date,
        lang.pick("：", ": "),
        whom(&e.resources, lang)
    )
}

fn correction_line(c: &Correction, lang: Lang) -> String {
    let field =
        c.field.as_deref().map(|f| format!(" [{}]", mulu_core::model::fields::label(f, lang))).unwrap_or_default();
    let state = match (&c.answer, c.status) {
        (Some(a), _) => {
            let changes = a.change_sets.iter().map(|s| format!("#{s}")).collect::<Vec<_>>().join(" ");
            match lang {
                Lang::Zh => format!(
                    "已于 {} 答复：{}（关联修改：{}）",
                    a.on,
                    a.text,
                    if changes.is_empty() { "无" } else { &changes }
                ),
                Lang::En => format!(
                    "answered {}: {} (changes: {})",
                    a.on,
                    a.text,
                    if changes.is_empty() { "none" } else { &changes }
                ),
            }
        }
        (None, Some(s)) => words("standing", standing_name(s), lang).to_string(),
        (None, None) => String::new(),
    };
    let source = c.source.as_deref().map(|s| format!(" <{s}>")).unwrap_or_default();
    format!(
        "#{} {} {} → {}{} {}{field}{}“{}”{source} {state}",
        c.id,
        c.from,
        c.received,
        c.due.date,
        if c.due.provisional { words("deadline", "provisional", lang) } else { "" },
        c.resource,
        lang.pick("：", ": "),
        c.text
    )
}

fn due_line(i: &DueItem, lang: Lang) -> String {
    let kind = i.kind.name();
    format!(
        "{:<8} #{} {} {} → {}  {}  {}",
        words("standing", standing_name(i.status), lang),
        i.id,
        words("event", kind, lang),
        i.start,
        i.due,
        ops::validate::state_text(i, lang),
        whom(&i.resources, lang)
    )
}

fn calendar_line(c: &CalendarInfo, lang: Lang) -> String {
    let origin = match (c.imported, lang) {
        (true, Lang::Zh) => "导入",
        (false, Lang::Zh) => "内置",
        (true, Lang::En) => "imported",
        (false, Lang::En) => "built in",
    };
    match lang {
        Lang::Zh => {
            format!("{} 年（{origin}）：假日 {} 天，调休上班 {} 天　{}", c.year, c.holidays, c.workdays, c.source)
        }
        Lang::En => {
            format!("{} ({origin}): {} days off, {} weekend days worked  {}", c.year, c.holidays, c.workdays, c.source)
        }
    }
}
