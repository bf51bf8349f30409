//! One function per command: open the workspace, call the core, print.

use std::path::PathBuf;

use mulu_core::model::fields;
use mulu_core::model::{DataItem, View};
use mulu_core::ops::resources::{self, FieldText, ResourceEdit};
use mulu_core::ops::{self, export::ExportKind};
use mulu_core::output::{check_output, OutputKind};
use mulu_core::rules::Context;
use mulu_core::store::{self, Workspace};
use mulu_core::{Error, Lang, Result};

use crate::args::{AgencyCommand, Cli, Command, ExportCommand, ResourceArgs, ResourceCommand, SystemCommand, ViewArg};
use crate::print::{self, out};
use crate::Outcome;

fn workspace_path(cli: &Option<PathBuf>) -> PathBuf {
    cli.clone().unwrap_or_else(store::default_path)
}

pub fn run(cli: Cli, lang: Lang) -> Result<Outcome> {
    let path = workspace_path(&cli.workspace);
    let mut ctx = Context::now(lang);
    if let Some(today) = cli.today {
        ctx.today = today;
    }
    let json = cli.json;
    // The operator is kept in the workspace: given once, it signs every later change set.
    let operator = cli.operator.as_deref().filter(|o| !o.trim().is_empty());
    if let Some(name) = operator.filter(|_| path.exists()) {
        Workspace::open(&path)?.set_operator(name)?;
    }
    match cli.command {
        Command::Init(a) => {
            let ws = ops::workspace::init(&path, &agency_texts(&a), operator)?;
            out!("{}{}", lang.pick("已创建工作区：", "Workspace created: "), path.display());
            print::agency_findings(&resources::agency_findings(&ws, &ctx)?, lang);
            Ok(Outcome::Ok)
        }
        Command::Agency(AgencyCommand::Set(a)) => {
            let mut ws = Workspace::open(&path)?;
            resources::set_agency(&mut ws, &agency_texts(&a))?;
            out!("{}", lang.pick("机构信息已保存。", "Agency profile saved."));
            print::agency_findings(&resources::agency_findings(&ws, &ctx)?, lang);
            Ok(Outcome::Ok)
        }
        Command::System(cmd) => system(cmd, &path, json, lang),
        c @ (Command::Key(_)
        | Command::Trust(_)
        | Command::Secrecy(_)
        | Command::Package { .. }
        | Command::Verify { .. }) => crate::package_cmds::run(c, cli.workspace.as_deref(), json, lang),
        Command::Resource(cmd) => resource(cmd, &path, &ctx),
        c @ (Command::Calendar(_) | Command::Event(_) | Command::Correction(_) | Command::Due) => {
            crate::deadline_cmds::run(c, &path, json, &ctx)
        }
        c @ (Command::Versions | Command::Diff { .. } | Command::Restore { .. } | Command::Maintain(_)) => {
            crate::version_cmds::run(c, &path, json, lang)
        }
        Command::Submitter(cmd) => crate::review_cmds::submitter(cmd, &path, json, lang),
        Command::Review(cmd) => crate::review_cmds::review(cmd, &path, json, lang),
        Command::Receipt(cmd) => crate::review_cmds::receipt(cmd, &path, json, lang),
        Command::Summarize { command } => crate::summary_cmds::summarize(command, &path, json, lang),
        Command::Show { view } => {
            let view = match view {
                ViewArg::Resource => View::Resource,
                ViewArg::Sharing => View::Sharing,
                ViewArg::Open => View::Open,
            };
            let shown = ops::catalog::show(&Workspace::open(&path)?, view)?;
            if json {
                print::json(&shown.catalog)?;
            } else {
                print::show(&shown, view, lang);
            }
            Ok(Outcome::Ok)
        }
        Command::Search { query, limit } => {
            let hits = ops::catalog::search(&Workspace::open(&path)?, &query, limit)?;
            if json {
                print::json(&hits)?;
            } else {
                for s in &hits {
                    out!("#{:<5} {:<20} {}", s.id, s.resource.code.as_deref().unwrap_or("-"), s.resource.name);
                }
                match lang {
                    Lang::Zh => out!("找到 {} 个资源。", hits.len()),
                    Lang::En => out!("{} resources found.", hits.len()),
                }
            }
            Ok(Outcome::Ok)
        }
        c @ (Command::Rules | Command::Validate { explain: Some(_) }) => crate::rule_cmds::run(c, json, &ctx),
        Command::Grade(cmd) => crate::grade_cmds::run(cmd, &path, json, lang),
        Command::Validate { explain: None } => {
            let ws = Workspace::open(&path)?;
            let report = ops::validate::validate(&ws, &ctx)?;
            if json {
                print::json(&report)?;
            } else {
                print::report(&report, lang);
            }
            Ok(if report.has_errors() { Outcome::Findings } else { Outcome::Ok })
        }
        Command::Import { file, sheet, dry_run, map, header_row, mapping, save_mapping, force } => {
            // Refused before anything is imported: the mapping never replaces the workbook read,
            // the mapping read, the workspace or a key.
            if let Some(out) = &save_mapping {
                let inputs: Vec<&std::path::Path> = std::iter::once(file.as_path()).chain(mapping.as_deref()).collect();
                check_output(out, OutputKind::Json, Some(&path), &inputs, force)?;
            }
            let mapping = import_mapping(mapping.as_deref(), &map, header_row)?;
            let opts = mulu_core::sheets::ImportOptions { sheet, mapping };
            let imported = mulu_core::sheets::read(&file, &opts, lang)?;
            // Importing into a workspace that does not exist yet creates it — but not for a dry run.
            let mut ws = if dry_run { Workspace::open(&path)? } else { Workspace::open_or_create(&path)? };
            // A dry run shows the findings now; a real import finds them while SQLite writes.
            let plan = if dry_run {
                ops::import::preview(&ws, imported, &ctx)?.plan
            } else {
                ops::import::import(&mut ws, imported, &ctx)?
            };
            if let Some(out) = save_mapping {
                if let Some(report) = plan.sheets.iter().find(|s| s.skipped.is_none()) {
                    mulu_core::sheets::header::Mapping::from_report(report).save(&out)?;
                }
            }
            if json {
                print::json(&plan)?;
            } else {
                print::import(&plan, &file, lang);
            }
            Ok(if plan.summary.errors > 0 { Outcome::Findings } else { Outcome::Ok })
        }
        Command::Export(ExportCommand::Project { system, out, force }) => {
            check_output(&out, OutputKind::Workbook, Some(&path), &[], force)?;
            let done = ops::export::project(&Workspace::open(&path)?, &system, &out, force)?;
            if json {
                print::json(&done)?;
            } else {
                match lang {
                    Lang::Zh => out!("已导出“{}”的项目目录（{} 个资源）：{}", done.system, done.resources, done.path),
                    Lang::En => out!(
                        "Project catalog of “{}” written ({} resources): {}",
                        done.system,
                        done.resources,
                        done.path
                    ),
                }
            }
            Ok(Outcome::Ok)
        }
        Command::Export(ExportCommand::Catalogs { out, force }) => {
            export(&path, ExportKind::Catalog, &out, force, &ctx)?;
            out!("{}{}", lang.pick("已导出目录工作簿：", "Catalog workbook written: "), out.display());
            Ok(Outcome::Ok)
        }
        Command::Scan { paths, accept } => {
            let (mut proposals, skipped) = mulu_core::scan::scan(&paths, ctx.today)?;
            let ws = if accept { Some(Workspace::open(&path)?) } else { None };
            if let Some(mut ws) = ws {
                let resources = proposals.iter().map(|p| p.resource.clone()).collect();
                let resources = ops::scan::accept(&mut ws, resources)?;
                for (p, r) in proposals.iter_mut().zip(resources) {
                    p.resource = r;
                }
            }
            if json {
                let skipped: Vec<_> =
                    skipped.iter().map(|(p, e)| serde_json::json!({"file": p, "error": e.payload_in(lang, mulu_core::i18n::Face::Cli)})).collect();
                print::json(&serde_json::json!({"proposals": proposals, "skipped": skipped, "accepted": accept}))?;
            } else {
                print::scan(&proposals, &skipped, accept, lang);
            }
            Ok(Outcome::Ok)
        }
        Command::Export(ExportCommand::Template { out, force }) => {
            export(&path, ExportKind::Template, &out, force, &ctx)?;
            out!("{}{}", lang.pick("已导出填报模板：", "Fill-in template written: "), out.display());
            Ok(Outcome::Ok)
        }
        Command::Export(ExportCommand::Dcat { out, force }) => {
            let done = export(&path, ExportKind::Dcat, &out, force, &ctx)?;
            let n = done.resources;
            if json {
                print::json(&serde_json::json!({
                    "ok": done.withheld.is_empty(), "file": out, "resources": n, "withheld": done.withheld,
                }))?;
            } else {
                match lang {
                    Lang::Zh => out!("已导出开放目录（{n} 个资源）的 DCAT：{}", out.display()),
                    Lang::En => out!("Open catalog ({n} resources) written as DCAT: {}", out.display()),
                }
                print::withheld(&done.withheld, lang);
            }
            // Resources left out of the open catalog are the officer's to fix: exit 1, as validate does.
            Ok(if done.withheld.is_empty() { Outcome::Ok } else { Outcome::Findings })
        }
        Command::Undo => {
            match ops::history::undo(&mut Workspace::open(&path)?)? {
                Some(u) => match lang {
                    Lang::Zh => out!("已撤销 {} 的修改（{}，{} 处）。", u.at, u.action, u.changes),
                    Lang::En => out!("Undid the change of {} ({}, {} places).", u.at, u.action, u.changes),
                },
                None => out!("{}", lang.pick("没有可以撤销的修改。", "Nothing to undo.")),
            }
            Ok(Outcome::Ok)
        }
        Command::History { resource, limit } => {
            let ws = Workspace::open(&path)?;
            let id = resource.map(|s| resources::find(&ws, &s)).transpose()?;
            let changes = ops::history::changes(&ws, id, limit)?;
            if json {
                print::json(&changes)?;
            } else {
                print::history(&changes, lang);
            }
            Ok(Outcome::Ok)
        }
    }
}

/// Refused before the workspace is opened (an output that would replace it, a key or a file of
/// another kind), then written by the core's use case.
fn export(
    path: &std::path::Path,
    kind: ExportKind,
    out: &std::path::Path,
    force: bool,
    ctx: &Context,
) -> Result<ops::export::Exported> {
    check_output(out, kind.output(), Some(path), &[], force)?;
    ops::export::write(&Workspace::open(path)?, kind, out, force, ctx)
}

fn agency_texts(a: &crate::args::AgencyArgs) -> Vec<FieldText> {
    a.pairs().into_iter().filter_map(|(k, v)| v.as_deref().map(|v| FieldText::new(k, v))).collect()
}

/// The header mapping from a saved file, `--map` rules and `--header-row`, later ones winning.
fn import_mapping(
    file: Option<&std::path::Path>,
    rules: &[String],
    header_row: Option<u32>,
) -> Result<Option<mulu_core::sheets::header::Mapping>> {
    use mulu_core::sheets::header::{ColumnRule, Mapping};
    let mut m = file.map(Mapping::load).transpose()?.unwrap_or_default();
    for r in rules {
        let Some((column, field)) = r.split_once(['=', '＝']) else {
            return Err(Error::invalid("mapping", r, "列名=字段"));
        };
        let field = mulu_core::text::clean(field);
        m.columns.retain(|c| c.column != column.trim());
        m.columns.push(ColumnRule {
            column: column.trim().into(),
            field: (!field.is_empty() && field != "-").then_some(field),
        });
    }
    if header_row.is_some() {
        m.header_row = header_row;
    }
    Ok((file.is_some() || !rules.is_empty() || header_row.is_some()).then_some(m))
}

fn system(cmd: SystemCommand, path: &std::path::Path, json: bool, lang: Lang) -> Result<Outcome> {
    let mut ws = Workspace::open(path)?;
    match cmd {
        SystemCommand::Add { name, public_funds, funding, description } => {
            let saved =
                ops::systems::put(&mut ws, &name, public_funds, funding.as_deref(), description.as_deref(), lang)?;
            out!("{}{}", lang.pick("已保存信息系统：", "System saved: "), saved.name);
        }
        SystemCommand::Rm { name } => {
            ops::systems::remove(&mut ws, &name)?;
            out!("{}{name}", lang.pick("已删除信息系统：", "System removed: "));
        }
        SystemCommand::List {} => {
            let systems = ops::systems::list(&ws)?;
            if json {
                print::json(&systems)?;
            } else {
                for s in systems {
                    let funds = match s.funding.as_ref() {
                        Some(f) => format!("{}{}{}", lang.pick("（", " ("), f.label(lang), lang.pick("）", ")")),
                        None if s.public_funds => lang.pick("（财政资金建设）", " (public funds)").to_string(),
                        None => String::new(),
                    };
                    out!("{}{funds}", s.name);
                }
            }
        }
    }
    Ok(Outcome::Ok)
}

/// The data items as `名称:类型[:长度][:id+personal]`.
fn items(specs: &[String]) -> Result<Vec<DataItem>> {
    specs.iter().map(|s| fields::parse_item(s)).collect()
}

fn field_texts(args: &ResourceArgs) -> Vec<FieldText> {
    args.pairs().into_iter().map(|(k, v)| FieldText::new(k, v)).collect()
}

fn resource(cmd: ResourceCommand, path: &std::path::Path, ctx: &Context) -> Result<Outcome> {
    let lang = ctx.lang;
    let mut ws = Workspace::open(path)?;
    let added = matches!(cmd, ResourceCommand::Add { .. });
    let id = match cmd {
        ResourceCommand::Add { fields: args, items: specs } => {
            let new =
                ResourceEdit { fields: field_texts(&args), replace_items: Some(items(&specs)?), ..Default::default() };
            resources::add(&mut ws, &new)?
        }
        ResourceCommand::Edit { resource, fields: args, items: specs, add_items, remove_items } => {
            let id = resources::find(&ws, &resource)?;
            let change = ResourceEdit {
                fields: field_texts(&args),
                replace_items: (!specs.is_empty()).then(|| items(&specs)).transpose()?,
                add_items: items(&add_items)?,
                remove_items,
            };
            resources::edit(&mut ws, id, &change)?;
            id
        }
        ResourceCommand::Rm { resource } => {
            let id = resources::find(&ws, &resource)?;
            let r = resources::remove(&mut ws, id)?;
            out!("{} #{id} {} {}", lang.pick("已删除资源", "Removed resource"), r.code.unwrap_or_default(), r.name);
            return Ok(Outcome::Ok);
        }
    };
    let stored = resources::get(&ws, id)?;
    let verb = if added {
        lang.pick("已添加资源", "Added resource")
    } else {
        lang.pick("已保存资源", "Saved resource")
    };
    out!("{verb} #{id} {} {}", stored.resource.code.as_deref().unwrap_or("-"), stored.resource.name);
    // Show what is still to fix on this resource; saving never waits for it.
    print::findings(&resources::findings(&ws, id, ctx)?, lang);
    Ok(Outcome::Ok)
}
