//! Deadlines in working days from the command line (issue 14): `mulu calendar`.

use std::path::{Path, PathBuf};

use clap::Subcommand;
use mulu_core::calendar::CalendarInfo;
use mulu_core::ops;
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

pub fn run(cmd: Command, path: &Path, json: bool, ctx: &Context) -> Result<Outcome> {
    let lang = ctx.lang;
    match cmd {
        Command::Calendar(CalendarCommand::Import { file }) => {
            let mut ws = Workspace::open(path)?;
            let info = ops::calendar::import(&mut ws, &file)?;
            if json {
                print::json(&info)?;
            } else {
                out!("{}{}", lang.pick("已导入工作日历：", "Calendar imported: "), calendar_line(&info, lang));
            }
        }
        Command::Calendar(CalendarCommand::List {}) => {
            let ws = Workspace::open(path)?;
            let all = ops::calendar::list(&ws)?;
            if json {
                print::json(&all)?;
            } else {
                for c in &all {
                    out!("{}", calendar_line(c, lang));
                }
                out!(
                    "{}",
                    lang.pick(
                        "未列出的年份只按周末计算，其期限标为“暂定”。",
                        "A year not listed counts weekends only; its deadlines are marked provisional."
                    )
                );
            }
        }
        _ => unreachable!("not a deadline command"),
    }
    Ok(Outcome::Ok)
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
