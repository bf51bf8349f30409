//! Human output, in the chosen language, and JSON output.

use mulu_core::model::fields::label;
use mulu_core::model::View;
use mulu_core::ops::catalog::Shown;
use mulu_core::rules::{Finding, Report, Severity};
use mulu_core::store::Change;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Mutex;

use mulu_core::{Lang, Result};

/// Writes a line to stdout. A closed pipe (`mulu show | head`) ends the output quietly
/// instead of panicking like `println!`. With `--json` the line is kept for the JSON answer
/// instead ([`json_mode`]), so stdout holds one JSON document.
macro_rules! out {
    ($($arg:tt)*) => {{
        $crate::print::line(format!($($arg)*));
    }};
}
pub(crate) use out;

static JSON_MODE: AtomicBool = AtomicBool::new(false);
static JSON_WRITTEN: AtomicBool = AtomicBool::new(false);
static KEPT: Mutex<Vec<String>> = Mutex::new(Vec::new());

/// `--json`: every command answers with one JSON document on stdout.
pub fn json_mode(on: bool) {
    JSON_MODE.store(on, Ordering::Relaxed);
}

pub fn line(text: String) {
    if JSON_MODE.load(Ordering::Relaxed) {
        KEPT.lock().unwrap_or_else(|p| p.into_inner()).push(text);
    } else {
        raw(&text);
    }
}

fn raw(text: &str) {
    use std::io::Write as _;
    let _ = writeln!(std::io::stdout().lock(), "{text}");
}

pub fn json<T: serde::Serialize>(value: &T) -> Result<()> {
    raw(&serde_json::to_string_pretty(value)?);
    JSON_WRITTEN.store(true, Ordering::Relaxed);
    Ok(())
}

/// With `--json`, the answer of a command that has no JSON of its own: whether it succeeded,
/// its exit code and the sentences it would have printed.
pub fn finish_json(exit: u8) {
    if JSON_MODE.load(Ordering::Relaxed) && !JSON_WRITTEN.load(Ordering::Relaxed) {
        let messages = std::mem::take(&mut *KEPT.lock().unwrap_or_else(|p| p.into_inner()));
        let v = serde_json::json!({ "ok": exit == 0, "exit": exit, "messages": messages });
        raw(&serde_json::to_string_pretty(&v).unwrap_or_default());
    }
}

fn severity(s: Severity, lang: Lang) -> &'static str {
    match s {
        Severity::Error => lang.pick("错误", "error"),
        Severity::Warning => lang.pick("警告", "warning"),
    }
}

/// The field's label: `items[2].data_type` → "信息项信息 第 3 项 · data_type".
fn field_label(field: &str, lang: Lang) -> String {
    match field.split_once('[') {
        Some((head, rest)) => {
            let n: usize = rest.split(']').next().and_then(|n| n.parse().ok()).unwrap_or(0);
            let tail = rest.split_once("].").map(|(_, t)| t).unwrap_or("");
            let part = match tail {
                "name" => lang.pick("名称", "name"),
                "data_type" => lang.pick("数据类型", "data type"),
                "length" => lang.pick("长度", "length"),
                _ => "",
            };
            let part = if part.is_empty() { String::new() } else { format!(" · {part}") };
            match lang {
                Lang::Zh => format!("{} 第 {} 项{part}", label(head, lang), n + 1),
                Lang::En => format!("{} #{}{part}", label(head, lang), n + 1),
            }
        }
        None => label(field, lang).to_string(),
    }
}

pub fn finding_line(f: &Finding, lang: Lang) -> String {
    let who = match &f.resource {
        Some(r) => format!("{} {}", r.code.as_deref().unwrap_or("-"), r.name),
        // A finding on no resource concerns the agency profile (agency.* fields) or the catalog
        // as a whole (its systems, its secrecy review).
        None if f.field.as_deref().is_some_and(|x| x.starts_with("agency")) => {
            lang.pick("机构信息", "agency").to_string()
        }
        None => lang.pick("目录", "catalog").to_string(),
    };
    let field = f.field.as_deref().map(|x| format!(" · {}", field_label(x, lang))).unwrap_or_default();
    let sev = severity(f.severity, lang);
    let at = match (&f.sheet, f.row, &f.column) {
        (Some(s), Some(r), Some(c)) => match lang {
            Lang::Zh => format!("[{s} 第 {r} 行 {c} 列] "),
            Lang::En => format!("[{s} row {r} col {c}] "),
        },
        // The sheet has no column for the field: the row alone.
        (Some(s), Some(r), None) => match lang {
            Lang::Zh => format!("[{s} 第 {r} 行] "),
            Lang::En => format!("[{s} row {r}] "),
        },
        _ => String::new(),
    };
    let who = format!("{at}{who}");
    match lang {
        Lang::Zh => format!("[{sev}] {who}{field}：{}（依据：{}；{}）", f.message, f.article, f.rule),
        Lang::En => format!("[{sev}] {who}{field}: {} (see {}; {})", f.message, f.article, f.rule),
    }
}

pub fn findings(findings: &[Finding], lang: Lang) {
    if findings.is_empty() {
        out!("{}", lang.pick("没有发现问题。", "No findings."));
        return;
    }
    for f in findings {
        out!("  {}", finding_line(f, lang));
    }
}

pub fn agency_findings(own: &[Finding], lang: Lang) {
    if !own.is_empty() {
        out!("{}", lang.pick("机构信息还需补充：", "The agency profile still needs:"));
        findings(own, lang);
    }
}

pub fn report(report: &Report, lang: Lang) {
    for f in &report.findings {
        out!("{}", finding_line(f, lang));
    }
    let s = &report.summary;
    if lang == Lang::Zh {
        out!(
            "共 {} 个资源、{} 个信息项（共享目录 {}，开放目录 {}）：错误 {} 条，警告 {} 条。",
            s.resources,
            s.items,
            s.sharing_catalog,
            s.open_catalog,
            s.errors,
            s.warnings
        );
    } else {
        out!(
            "{} resources, {} data items (sharing catalog {}, open catalog {}): {} errors, {} warnings.",
            s.resources,
            s.items,
            s.sharing_catalog,
            s.open_catalog,
            s.errors,
            s.warnings
        );
    }
}

pub fn show(shown: &Shown, view: View, lang: Lang) {
    let a = &shown.catalog.agency;
    let none = lang.pick("（未填写）", "(not set)");
    let v = |o: &Option<String>| o.clone().unwrap_or_else(|| none.to_string());
    out!("{}{}", lang.pick("机构：", "Agency: "), v(&a.name));
    out!(
        "  {} {}  {} {}  {} {}",
        lang.pick("统一社会信用代码", "USCC"),
        v(&a.uscc),
        lang.pick("行政区划", "division"),
        v(&a.division_code),
        lang.pick("层级", "level"),
        a.level.as_ref().map(|l| l.label(lang).to_string()).unwrap_or_else(|| none.to_string())
    );
    let title = match view {
        View::Resource => lang.pick("资源目录", "Resource catalog"),
        View::Sharing => lang.pick("共享目录", "Sharing catalog"),
        View::Open => lang.pick("开放目录", "Open catalog"),
    };
    out!("{title}（{}）", shown.ids.len());
    for (id, r) in shown.ids.iter().zip(&shown.catalog.resources) {
        let l = |c: Option<&str>| c.unwrap_or("-").to_string();
        out!(
            "  #{:<5} {:<20} {}  [{} / {} / {} / {}] {}{}",
            id,
            r.code.as_deref().unwrap_or("-"),
            r.name,
            l(r.sensitivity.as_ref().map(|x| x.label(lang))),
            l(r.sharing.kind.as_ref().map(|x| x.label(lang))),
            l(r.open.kind.as_ref().map(|x| x.label(lang))),
            l(r.update_cycle.as_ref().map(|x| x.label(lang))),
            r.items.len(),
            lang.pick(" 个信息项", " items"),
        );
    }
}

pub fn history(changes: &[Change], lang: Lang) {
    for c in changes {
        let what = if c.path == "*" {
            match (&c.old, &c.new) {
                (None, Some(_)) => lang.pick("新增", "added").to_string(),
                (Some(_), None) => lang.pick("删除", "removed").to_string(),
                _ => "*".into(),
            }
        } else {
            let path = if c.entity == "agency" { format!("agency.{}", c.path) } else { c.path.clone() };
            format!(
                "{}: {} → {}",
                field_label(&path, lang),
                c.old.as_deref().unwrap_or("∅"),
                c.new.as_deref().unwrap_or("∅")
            )
        };
        let by = c.operator.as_deref().map(|o| format!("  {}{o}", lang.pick("经办人：", "by "))).unwrap_or_default();
        out!("{}  {} #{}  {what}{by}", c.at, c.entity, c.entity_id.map(|i| i.to_string()).unwrap_or_default());
    }
}

pub fn import(plan: &mulu_core::sheets::ImportPlan, file: &std::path::Path, lang: Lang) {
    for s in &plan.sheets {
        match (&s.skipped, lang) {
            (Some(why), Lang::Zh) => out!("工作表“{}”：跳过（{}）", s.sheet, skip_reason(why, lang)),
            (Some(why), Lang::En) => out!("Sheet “{}”: skipped ({})", s.sheet, skip_reason(why, lang)),
            (None, _) => {
                let rows = s.header_rows.iter().map(u32::to_string).collect::<Vec<_>>().join("–");
                let known = s.columns.iter().filter(|c| c.field.is_some()).count();
                match lang {
                    Lang::Zh => out!(
                        "工作表“{}”：表头在第 {rows} 行，识别 {known}/{} 列，读取 {} 行",
                        s.sheet,
                        s.columns.len(),
                        s.rows
                    ),
                    Lang::En => out!(
                        "Sheet “{}”: header on row {rows}, {known}/{} columns recognised, {} rows read",
                        s.sheet,
                        s.columns.len(),
                        s.rows
                    ),
                }
            }
        }
    }
    for f in &plan.findings {
        out!("{}", finding_line(f, lang));
    }
    for c in &plan.changed {
        out!("{} {} {}", lang.pick("修改", "changed"), c.code.as_deref().unwrap_or("-"), c.name);
        for f in &c.fields {
            out!(
                "    {}: {} → {}",
                field_label(&f.field, lang),
                f.old.as_deref().unwrap_or("∅"),
                f.new.as_deref().unwrap_or("∅")
            );
        }
    }
    let s = &plan.summary;
    let (a, ch, u) = (plan.added.len(), plan.changed.len(), plan.unchanged);
    match (lang, plan.committed) {
        (Lang::Zh, true) => out!(
            "已从 {} 导入：新增 {a}，修改 {ch}，不变 {u}；错误 {} 条，警告 {} 条。",
            file.display(),
            s.errors,
            s.warnings
        ),
        (Lang::Zh, false) => out!(
            "试导入 {}（未写入）：将新增 {a}，修改 {ch}，不变 {u}；错误 {} 条，警告 {} 条。",
            file.display(),
            s.errors,
            s.warnings
        ),
        (Lang::En, true) => out!(
            "Imported {}: {a} added, {ch} changed, {u} unchanged; {} errors, {} warnings.",
            file.display(),
            s.errors,
            s.warnings
        ),
        (Lang::En, false) => out!(
            "Dry run of {} (nothing written): {a} to add, {ch} to change, {u} unchanged; {} errors, {} warnings.",
            file.display(),
            s.errors,
            s.warnings
        ),
    }
}

fn skip_reason(why: &str, lang: Lang) -> &'static str {
    mulu_core::sheets::roles::skip_reason(why, lang)
}

pub fn scan(
    proposals: &[mulu_core::scan::Proposal],
    skipped: &[(std::path::PathBuf, mulu_core::Error)],
    accepted: bool,
    lang: Lang,
) {
    for p in proposals {
        let r = &p.resource;
        let grade = r.sensitivity.as_ref().map(|s| s.label(lang).to_string()).unwrap_or_default();
        let rows = match (p.rows, lang) {
            (Some(n), Lang::Zh) => format!("{n} 行"),
            (Some(n), Lang::En) => format!("{n} rows"),
            (None, Lang::Zh) => format!("抽样 {} 行", p.sampled),
            (None, Lang::En) => format!("{} rows sampled", p.sampled),
        };
        out!("{} {}  [{grade}] {rows}  ← {}", r.code.as_deref().unwrap_or("-"), r.name, p.source);
        for i in &r.items {
            let flags = match (i.is_identifier, i.is_personal) {
                (true, true) => lang.pick("  标识·个人信息", "  identifier, personal"),
                (true, false) => lang.pick("  标识", "  identifier"),
                (false, true) => lang.pick("  个人信息", "  personal"),
                _ => "",
            };
            let t = i.data_type.as_ref().map(|t| t.label(lang).to_string()).unwrap_or_default();
            out!("    {}  {t}{}{flags}", i.name, i.length.as_deref().map(|l| format!("({l})")).unwrap_or_default());
        }
        if let Some(reason) = r.grading.as_ref().and_then(|g| g.reason.as_deref()) {
            out!("    {}{reason}", lang.pick("定级建议：", "Suggested grade: "));
        }
        scan_quality(&p.quality, lang);
    }
    for (path, e) in skipped {
        eprintln!("{}{}: {}", lang.pick("跳过 ", "Skipped "), path.display(), e.message(lang));
    }
    let n = proposals.len();
    match (lang, accepted) {
        (Lang::Zh, true) => out!("已加入目录 {n} 个资源。"),
        (Lang::Zh, false) => out!("提议 {n} 个资源（未加入；确认后加 --accept 加入目录）。"),
        (Lang::En, true) => out!("{n} resources added to the catalog."),
        (Lang::En, false) => out!("{n} resources proposed (nothing added; run again with --accept to add them)."),
    }
}

/// The resources the open catalog left out, with why.
pub fn withheld(list: &[mulu_core::opening::Withheld], lang: Lang) {
    if list.is_empty() {
        return;
    }
    match lang {
        Lang::Zh => out!("开放目录未收录 {} 个标为开放的资源：", list.len()),
        Lang::En => out!("The open catalog left out {} resources marked for opening:", list.len()),
    }
    for w in list {
        let who = match &w.code {
            Some(c) => format!("{c} {}", w.name),
            None => w.name.clone(),
        };
        out!("  {who}{}{}", lang.pick("：", ": "), w.why);
    }
}

/// Per column: the empty-cell rate and the values failing its check, rows named, values masked.
fn scan_quality(columns: &[mulu_core::scan::quality::ColumnQuality], lang: Lang) {
    use mulu_core::scan::quality::Check;
    for q in columns.iter().filter(|q| q.empty > 0 || q.failing_count > 0) {
        let mut line = match lang {
            Lang::Zh => format!("    数据质量 · {}：空值 {:.0}%", q.column, q.empty_rate * 100.0),
            Lang::En => format!("    Data quality · {}: {:.0}% empty", q.column, q.empty_rate * 100.0),
        };
        if let (Some(check), true) = (q.check, q.failing_count > 0) {
            let what = match check {
                Check::CitizenId => lang.pick("身份证号码校验", "the citizen ID check"),
                Check::Uscc => lang.pick("统一社会信用代码校验", "the USCC check"),
                Check::Date => lang.pick("日期格式", "the date check"),
            };
            let rows: Vec<String> = q
                .failing
                .iter()
                .map(|f| match lang {
                    Lang::Zh => format!("第 {} 行 {}", f.row, f.value),
                    Lang::En => format!("row {}: {}", f.row, f.value),
                })
                .collect();
            let more = if q.failing_count > q.failing.len() { lang.pick(" 等", " …") } else { "" };
            line.push_str(&match lang {
                Lang::Zh => {
                    format!("；{} 个值未通过{what}（{}{more}），请在原表中改正", q.failing_count, rows.join("、"))
                }
                Lang::En => {
                    format!(
                        "; {} values fail {what} ({}{more}); correct them in the file",
                        q.failing_count,
                        rows.join("; ")
                    )
                }
            });
        }
        out!("{line}");
    }
}
