//! Human output, in the chosen language, and JSON output.

use mulu_core::model::fields::label;
use mulu_core::model::{Catalog, View};
use mulu_core::rules::{Context, Finding, Report, Severity};
use mulu_core::store::{Change, Workspace};
use mulu_core::{Lang, Result};

pub fn json<T: serde::Serialize>(value: &T) -> Result<()> {
    println!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
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
        None => lang.pick("机构信息", "agency").to_string(),
    };
    let field = f.field.as_deref().map(|x| format!(" · {}", field_label(x, lang))).unwrap_or_default();
    let sev = severity(f.severity, lang);
    match lang {
        Lang::Zh => format!("[{sev}] {who}{field}：{}（依据：{}；{}）", f.message, f.article, f.rule),
        Lang::En => format!("[{sev}] {who}{field}: {} (see {}; {})", f.message, f.article, f.rule),
    }
}

pub fn findings(findings: &[Finding], lang: Lang) {
    if findings.is_empty() {
        println!("{}", lang.pick("没有发现问题。", "No findings."));
        return;
    }
    for f in findings {
        println!("  {}", finding_line(f, lang));
    }
}

pub fn agency_findings(catalog: &Catalog, ctx: &Context) {
    let report = mulu_core::rules::validate(catalog, ctx);
    let own: Vec<Finding> = report.findings.into_iter().filter(|f| f.resource.is_none()).collect();
    if !own.is_empty() {
        println!("{}", ctx.lang.pick("机构信息还需补充：", "The agency profile still needs:"));
        findings(&own, ctx.lang);
    }
}

pub fn report(report: &Report, lang: Lang) {
    for f in &report.findings {
        println!("{}", finding_line(f, lang));
    }
    let s = &report.summary;
    if lang == Lang::Zh {
        println!(
            "共 {} 个资源、{} 个信息项（共享目录 {}，开放目录 {}）：错误 {} 条，警告 {} 条。",
            s.resources, s.items, s.sharing_catalog, s.open_catalog, s.errors, s.warnings
        );
    } else {
        println!(
            "{} resources, {} data items (sharing catalog {}, open catalog {}): {} errors, {} warnings.",
            s.resources, s.items, s.sharing_catalog, s.open_catalog, s.errors, s.warnings
        );
    }
}

pub fn show(ws: &Workspace, view: View, lang: Lang) -> Result<()> {
    let a = ws.agency()?;
    let none = lang.pick("（未填写）", "(not set)");
    let v = |o: &Option<String>| o.clone().unwrap_or_else(|| none.to_string());
    println!("{}{}", lang.pick("机构：", "Agency: "), v(&a.name));
    println!(
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
    let rows: Vec<_> = ws.resources()?.into_iter().filter(|s| view.includes(&s.resource)).collect();
    println!("{title}（{}）", rows.len());
    for s in rows {
        let r = &s.resource;
        let l = |c: Option<&str>| c.unwrap_or("-").to_string();
        println!(
            "  #{:<5} {:<20} {}  [{} / {} / {} / {}] {}{}",
            s.id,
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
    Ok(())
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
        println!("{}  {} #{}  {what}", c.at, c.entity, c.entity_id.map(|i| i.to_string()).unwrap_or_default());
    }
}
