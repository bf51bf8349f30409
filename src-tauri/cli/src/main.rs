//! `mulu`: the command-line face of Mulu, over the same core as the desktop app.
//!
//! Exit codes everywhere: 0 ok; 1 the command ran and found errors; 2 it could not run (bad
//! arguments, an unreadable or foreign workspace). Errors go to stderr in the chosen language.

mod args;
mod commands;
mod deadline_cmds;
mod grade_cmds;
mod package_cmds;
mod print;
mod review_cmds;
mod rule_cmds;
mod summary_cmds;
mod version_cmds;

use std::process::ExitCode;

// mimalloc: an import or a package allocates millions of small strings across two threads;
// glibc's allocator made reading a city-sized workbook 2.4x slower (benches/sheets.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use clap::Parser;
use mulu_core::Lang;

/// How a command ended when it did not fail.
pub enum Outcome {
    Ok,
    /// The command ran and found errors (validation).
    Findings,
    /// Another exit code (`mulu verify`: 3 intact but signer unknown, 2 broken).
    Code(u8),
}

fn main() -> ExitCode {
    let cli = match args::Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            // Help and version are not errors; clap exits 2 for usage errors.
            let code = if e.use_stderr() { 2 } else { 0 };
            let _ = e.print();
            return ExitCode::from(code);
        }
    };
    let Some(lang) = Lang::parse(&cli.lang) else {
        eprintln!(
            "错误：不支持的语言“{}”，请用 zh 或 en。 / Unsupported language “{}”: use zh or en.",
            cli.lang, cli.lang
        );
        return ExitCode::from(2);
    };
    let json = cli.json;
    print::json_mode(json);
    let workspace = cli.workspace.clone().unwrap_or_else(mulu_core::store::default_path);
    let code = match commands::run(cli, lang).map_err(|e| e.in_workspace(&workspace)) {
        Ok(Outcome::Ok) => 0,
        Ok(Outcome::Findings) => 1,
        Ok(Outcome::Code(c)) => c,
        Err(e) => {
            eprintln!("{}{}", lang.pick("错误：", "Error: "), e.message(lang));
            if json {
                if let Ok(s) = serde_json::to_string(
                    &serde_json::json!({ "error": e.payload_in(lang, mulu_core::i18n::Face::Cli) }),
                ) {
                    eprintln!("{s}");
                }
            }
            return ExitCode::from(2);
        }
    };
    print::finish_json(code);
    ExitCode::from(code)
}
