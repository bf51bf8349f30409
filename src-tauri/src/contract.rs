//! The command contract: every command the window may call, with its arguments and its answer,
//! in one table. The table registers the handlers (so a command cannot be served without being
//! in it) and is written as TypeScript into `ui/src/bindings/commands.ts` (a `Commands` map and
//! the app's own IPC types), next to the core's `mulu.ts`: a renamed command, argument, field or
//! error code fails `npm run build`. `commands_are_fresh` fails when the file is stale;
//! `MULU_UPDATE_BINDINGS=1 cargo test -p mulu-app contract` rewrites it.
//!
//! The arguments are stated here, not read from the functions (ts-rs sees types, not functions),
//! and checked against them: each row's argument types and answer must be the handler's, or the
//! app does not compile (`Handler`, below: the types after the ones Tauri injects, `State` and
//! `AppHandle`; the answer whether the handler is async and whether it may fail), and a test
//! reads each handler's signature and fails when an argument's name differs from its row's.

// The TypeScript is written by a test; the app itself uses only `handler`.
#![cfg_attr(not(test), allow(dead_code, unused_imports))]

use mulu_core::grading::{Answers, Suggestion};
use mulu_core::model::domain::Domains;
use mulu_core::model::View;
use mulu_core::ops::overview::OverviewDelta;
use mulu_core::ops::package::PackageDone;
use mulu_core::ops::resources::ItemInput;
use mulu_core::overview::{Overview, ResourceDetail};
use mulu_core::package::contents::ResourcePage;
use mulu_core::package::keys::FingerprintCheck;
use mulu_core::sheets::draft::Drafts;
use mulu_core::sheets::header::Mapping;
use mulu_core::sheets::ImportPlan;
use mulu_core::store::Change;
use mulu_core::Lang;
use ts_rs::TS;

use crate::commands::Fields;
use crate::deadlines::{CalendarImported, CorrectionDone, EventAdded};
use crate::edit::{Added, Bulked, UsccCheck};
use crate::history::UndoAnswer;
use crate::review::Shown;
use crate::scan::Scanned;
use crate::signing::KeyInfo;
use mulu_core::calendar::CalendarInfo;
use mulu_core::ops::catalog::Views;
use mulu_core::ops::corrections::{Correction, CorrectionRequest};
use mulu_core::ops::deadlines::{DueItem, Event, EventRequest};
use mulu_core::ops::export::ExportKind;

/// The codes of the failures the shell itself reports (beside the core's `ErrorCode`s): its
/// refusals (`[app]` in data/messages.toml) and `internal` (a task that panicked).
fn shell_codes() -> Vec<&'static str> {
    std::iter::once("internal").chain(mulu_core::messages::app_codes()).collect()
}

/// A row per command: `module::name(arg: Type, …) -> Answer;`.
macro_rules! contract {
    ($( $module:ident :: $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $ret:ty ; )*) => {
        /// Serves exactly the commands of the table.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke<tauri::Wry>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$( crate::$module::$name ),*]
        }

        // Each row's argument types and answer are its handler's, or this does not compile.
        const _: () = {
            #[allow(dead_code)]
            fn rows_match_their_handlers() {
                $( signature::<( $( $ty, )* ), $ret, _, _>(crate::$module::$name); )*
            }
        };

        /// Each command's name, its arguments' names and TypeScript types, its answer's type.
        pub fn table() -> Vec<Row> {
            let cfg = ts_rs::Config::default();
            vec![$( Row {
                module: stringify!($module),
                name: stringify!($name),
                args: vec![$( (stringify!($arg), ts::<$ty>(&cfg)) ),*],
                result: ts::<$ret>(&cfg),
            } ),*]
        }
    };
}

pub struct Row {
    pub module: &'static str,
    pub name: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub result: String,
}

/// A handler of a row: a function whose parameters are `Args` after those Tauri injects, and
/// whose answer is `Answer` (`K` says how many were injected and how it answers).
pub trait Handler<Args, Answer, K> {}

/// What Tauri gives a handler itself, not from the window's arguments.
pub trait Injected {}
impl<T: Send + Sync + 'static> Injected for tauri::State<'_, T> {}
impl<R: tauri::Runtime> Injected for tauri::AppHandle<R> {}

/// How a handler answers `T`: as it is, as `Result<T, ErrorPayload>`, or either of them later.
pub trait Replies<T, How> {}
pub enum Plain {}
pub enum Fallible {}
pub struct Later<How>(std::marker::PhantomData<How>, std::convert::Infallible);
impl<T> Replies<T, Plain> for T {}
impl<T> Replies<T, Fallible> for Result<T, mulu_core::error::ErrorPayload> {}
impl<T, How, F: std::future::Future> Replies<T, Later<How>> for F where F::Output: Replies<T, How> {}

macro_rules! handlers {
    ($( [$($inj:ident),*] [$($arg:ident),*] ; )*) => {$(
        impl<Func, Ret, T, How, $($inj: Injected,)* $($arg,)*> Handler<($($arg,)*), T, (How, $($inj,)*)> for Func
        where
            Func: Fn($($inj,)* $($arg,)*) -> Ret,
            Ret: Replies<T, How>,
        {
        }
    )*};
}

handlers! {
    [] []; [] [A]; [] [A, B]; [] [A, B, C]; [] [A, B, C, D]; [] [A, B, C, D, E]; [] [A, B, C, D, E, G];
    [I] []; [I] [A]; [I] [A, B]; [I] [A, B, C]; [I] [A, B, C, D]; [I] [A, B, C, D, E]; [I] [A, B, C, D, E, G];
    [I, J] []; [I, J] [A]; [I, J] [A, B]; [I, J] [A, B, C]; [I, J] [A, B, C, D]; [I, J] [A, B, C, D, E];
}

/// Compiles only when `handler` takes `Args` and answers `Answer`.
fn signature<Args, Answer, K, F: Handler<Args, Answer, K>>(_handler: F) {}

/// A type's name in TypeScript. Ids are `i64` in Rust and plain numbers over JSON (far below
/// 2^53), so ts-rs's `bigint` is `number` here, as the core's bindings say.
fn ts<T: TS>(cfg: &ts_rs::Config) -> String {
    T::name(cfg).replace("bigint", "number")
}

contract! {
    commands::overview(lang: Lang) -> Overview;
    commands::resource_detail(id: i64, lang: Lang) -> ResourceDetail;
    commands::workspace_path() -> String;
    commands::search_resources(query: String, lang: Lang) -> Vec<i64>;
    commands::fields() -> Fields;
    commands::domains() -> Domains;
    edit::update_agency_field(key: String, text: String, lang: Lang) -> OverviewDelta;
    edit::check_uscc(text: String, lang: Lang) -> UsccCheck;
    edit::update_resource_field(id: i64, key: String, text: String, lang: Lang) -> OverviewDelta;
    edit::update_items(id: i64, items: Vec<ItemInput>, lang: Lang) -> OverviewDelta;
    edit::bulk_set_field(ids: Vec<i64>, key: String, text: String, lang: Lang) -> Bulked;
    edit::create_resource(name: String, lang: Lang) -> Added;
    edit::delete_resource(id: i64, lang: Lang) -> OverviewDelta;
    history::undo(lang: Lang) -> UndoAnswer;
    history::resource_history(id: i64, lang: Lang) -> Vec<Change>;
    grading::grading_start(id: i64, lang: Lang) -> Answers;
    grading::grading_suggest(ids: Vec<i64>, answers: Answers, lang: Lang) -> Vec<Suggestion>;
    grading::grading_apply(ids: Vec<i64>, answers: Answers, chosen: String, reason: Option<String>, lang: Lang) -> OverviewDelta;
    grading::grading_confirm(ids: Vec<i64>, lang: Lang) -> OverviewDelta;
    exports::catalog_views(lang: Lang) -> Views;
    exports::export_file(kind: ExportKind, lang: Lang) -> Option<String>;
    signing::key_status() -> Option<KeyInfo>;
    signing::key_create(passphrase: String, repeat: String, lang: Lang) -> Option<KeyInfo>;
    signing::secrecy_confirm(ids: Option<Vec<i64>>, reviewer: String, lang: Lang) -> OverviewDelta;
    signing::package_check(lang: Lang) -> ();
    signing::package_make(passphrase: String, lang: Lang) -> Option<PackageDone>;
    signing::reveal_package() -> ();
    import::import_choose(lang: Lang) -> Option<String>;
    import::import_preview(sheet: Option<String>, mapping: Option<Mapping>, lang: Lang) -> ImportPlan;
    import::import_commit(lang: Lang) -> ImportPlan;
    import::import_cancel() -> ();
    mapping::import_headers(mapping: Option<Mapping>, lang: Lang) -> Drafts;
    mapping::mapping_save(mapping: Mapping, lang: Lang) -> Option<String>;
    mapping::mapping_open(lang: Lang) -> Option<Mapping>;
    scan::scan_choose(folder: bool, lang: Lang) -> Vec<String>;
    scan::scan_run(lang: Lang) -> Scanned;
    scan::scan_accept(accepted: Vec<usize>, lang: Lang) -> usize;
    scan::scan_cancel() -> ();
    review::review_pending() -> Option<String>;
    review::review_open(fresh: bool, lang: Lang) -> Option<Shown>;
    review::review_choose(lang: Lang) -> Option<String>;
    review::review_resources(view: View, offset: usize, limit: usize) -> ResourcePage;
    review::review_fingerprint(heard: String) -> FingerprintCheck;
    review::review_trust(name: String, heard: String, lang: Lang) -> Shown;
    review::review_close() -> ();
    deadlines::due_list(lang: Lang) -> Vec<DueItem>;
    deadlines::event_add(request: EventRequest, lang: Lang) -> EventAdded;
    deadlines::event_list(lang: Lang) -> Vec<Event>;
    deadlines::correction_add(request: CorrectionRequest, lang: Lang) -> CorrectionDone;
    deadlines::correction_answer(id: i64, text: String, lang: Lang) -> CorrectionDone;
    deadlines::correction_list(lang: Lang) -> Vec<Correction>;
    deadlines::calendar_import(lang: Lang) -> Option<CalendarImported>;
    deadlines::calendar_list(lang: Lang) -> Vec<CalendarInfo>;
}

/// The app's own IPC types (answers and events), declared in the generated file.
fn declarations(cfg: &ts_rs::Config) -> Vec<String> {
    macro_rules! decl {
        ($($t:ty),+ $(,)?) => { vec![$( format!("export {}", <$t>::decl(cfg)) ),+] };
    }
    decl!(
        Fields,
        UsccCheck,
        Bulked,
        Added,
        UndoAnswer,
        Scanned,
        crate::scan::Skipped,
        crate::scan::Progress,
        crate::import::Progress,
        KeyInfo,
        Shown,
        EventAdded,
        CorrectionDone,
        CalendarImported,
    )
}

/// `ui/src/bindings/commands.ts`.
pub fn typescript() -> String {
    let cfg = ts_rs::Config::default();
    let mut body = String::new();
    for d in declarations(&cfg) {
        body.push_str(&d.replace("bigint", "number"));
        body.push_str("\n\n");
    }
    let shell: Vec<String> = shell_codes().iter().map(|c| format!("\"{c}\"")).collect();
    body.push_str("/** Every code a command's failure may carry: the core's, and the shell's own. */\n");
    body.push_str(&format!("export type AppErrorCode = ErrorCode | {};\n\n", shell.join(" | ")));
    body.push_str("/** Each command: its arguments (by name, as `invoke` sends them) and its answer. */\n");
    body.push_str("export type Commands = {\n");
    for row in table() {
        let args: Vec<String> = row.args.iter().map(|(n, t)| format!("{}: {t}", camel(n))).collect();
        let args =
            if args.is_empty() { "Record<string, never>".to_string() } else { format!("{{ {} }}", args.join(", ")) };
        body.push_str(&format!("  {}: {{ args: {args}; result: {} }};\n", row.name, row.result));
    }
    body.push_str("};\n");
    // Import from the core's bindings exactly the names used (the build forbids unused ones).
    let core = mulu_core::bindings::typescript();
    let mut used: Vec<&str> = core
        .lines()
        .filter_map(|l| l.strip_prefix("export type ")?.split([' ', '<']).next())
        .filter(|name| mentions(&body, name))
        .collect();
    used.sort_unstable();
    used.dedup();
    format!(
        "// Generated from the app's command table by mulu-app (src/contract.rs). Do not edit.\n\nimport type {{ {} }} from './mulu'\n\n{}",
        used.join(", "),
        body
    )
}

/// Tauri takes a command's arguments in camelCase.
fn camel(snake: &str) -> String {
    let mut out = String::new();
    let mut up = false;
    for c in snake.chars() {
        match c {
            '_' => up = true,
            c if up => {
                out.extend(c.to_uppercase());
                up = false;
            }
            c => out.push(c),
        }
    }
    out
}

/// Whether `name` occurs in `text` as a whole identifier.
fn mentions(text: &str, name: &str) -> bool {
    let ident = |c: char| c.is_alphanumeric() || c == '_';
    text.match_indices(name).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + name.len()..].chars().next();
        !before.is_some_and(ident) && !after.is_some_and(ident)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_are_fresh() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../ui/src/bindings/commands.ts");
        let want = typescript();
        if std::env::var_os("MULU_UPDATE_BINDINGS").is_some() {
            std::fs::write(&path, &want).unwrap();
        }
        let have = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            have == want,
            "ui/src/bindings/commands.ts is stale: run `MULU_UPDATE_BINDINGS=1 cargo test -p mulu-app contract`"
        );
    }

    /// The parameters of handler `name` in `source`, as written: `(name, type)`.
    fn params(source: &str, name: &str) -> Option<Vec<(String, String)>> {
        let at = [format!("pub fn {name}("), format!("pub async fn {name}(")]
            .iter()
            .find_map(|head| source.find(head.as_str()).map(|i| i + head.len()))?;
        let (mut depth, mut part, mut out) = (0i32, String::new(), Vec::new());
        for c in source[at..].chars() {
            match c {
                '(' | '<' => depth += 1,
                ')' if depth == 0 => break,
                ')' | '>' => depth -= 1,
                ',' if depth == 0 => {
                    out.push(std::mem::take(&mut part));
                    continue;
                }
                _ => {}
            }
            part.push(c);
        }
        out.push(part);
        let param = |p: &String| {
            let (n, t) = p.split_once(':')?;
            Some((n.trim().trim_start_matches("mut ").to_string(), t.split_whitespace().collect::<String>()))
        };
        Some(out.iter().filter_map(param).collect())
    }

    /// Tauri takes a command's arguments by name: a handler's argument renamed without its row
    /// still compiles (the types match), and the window's call would then fail.
    #[test]
    fn each_rows_arguments_are_named_as_its_handlers() {
        let injected =
            |t: &str| ["State<", "tauri::State<", "AppHandle", "tauri::AppHandle"].iter().any(|i| t.starts_with(i));
        for row in table() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("src/{}.rs", row.module));
            let source = std::fs::read_to_string(&path).unwrap();
            let params = params(&source, row.name).unwrap_or_else(|| panic!("no handler {}::{}", row.module, row.name));
            let handler: Vec<&str> = params.iter().filter(|(_, t)| !injected(t)).map(|(n, _)| n.as_str()).collect();
            let contract: Vec<&str> = row.args.iter().map(|(n, _)| *n).collect();
            assert_eq!(handler, contract, "{}::{}: its row in contract.rs names other arguments", row.module, row.name);
        }
        let sample = "pub async fn f(app: AppHandle, ids: Vec<i64>, map: Option<HashMap<String, u8>>) -> X";
        assert_eq!(
            params(sample, "f").unwrap(),
            [("app", "AppHandle"), ("ids", "Vec<i64>"), ("map", "Option<HashMap<String,u8>>")]
                .map(|(n, t)| (n.to_string(), t.to_string()))
        );
    }

    #[test]
    fn each_command_once_and_shell_codes_apart_from_the_core() {
        let names: std::collections::HashSet<_> = table().iter().map(|r| r.name).collect();
        assert_eq!(names.len(), table().len(), "a command listed twice");
        assert!(shell_codes().iter().all(|c| !mulu_core::error_codes::codes().contains(c)));
        assert_eq!(camel("is_personal"), "isPersonal");
        assert!(mentions("a: Overview | null", "Overview") && !mentions("ResourceDetail", "Resource"));
    }
}
