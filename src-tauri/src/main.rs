//! Mulu's desktop window. Everything the window shows comes from `mulu-core` through the
//! commands in [`commands`]; this file only picks the workspace (and a package to review) and
//! starts Tauri.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod contract;
mod deadlines;
mod dialogs;
mod edit;
mod exports;
mod grading;
mod history;
mod import;
mod mapping;
mod review;
mod scan;
mod signing;
mod words;

// The same allocator as the `mulu` CLI: imports allocate millions of small strings on two
// threads, where glibc's allocator is slow.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::ffi::OsString;
use std::path::{Path, PathBuf};

/// What the app opens: the workspace, and first a package to review when one was given.
#[derive(Debug, PartialEq, Eq)]
struct Launch {
    workspace: PathBuf,
    package: Option<PathBuf>,
}

/// From the command line (a file double-clicked or dropped on the app), `MULU_WORKSPACE` and
/// the default place in the user's data directory.
fn launch() -> Launch {
    choose(std::env::args_os().skip(1), std::env::var_os("MULU_WORKSPACE"), is_package)
}

/// A package, or what starts like one but is damaged: verification then says what is wrong.
fn is_package(path: &Path) -> bool {
    use mulu_core::package::sniff::{sniff, Sniffed};
    matches!(sniff(path), Sniffed::Package | Sniffed::DamagedZip)
}

/// Each argument is a package or a workspace by its content (`is_package`), not its name: the
/// first package is reviewed; the first other path is the workspace (which may not exist yet),
/// else the environment's, else the default one, whose trust list a review is checked against.
fn choose(
    args: impl IntoIterator<Item = OsString>,
    env: Option<OsString>,
    is_package: impl Fn(&Path) -> bool,
) -> Launch {
    let (mut workspace, mut package) = (None, None);
    // Options (`-psn_…` from macOS, flags from a launcher) are not paths.
    for arg in args.into_iter().filter(|a| !a.to_string_lossy().starts_with('-')).map(PathBuf::from) {
        let slot = if is_package(&arg) { &mut package } else { &mut workspace };
        slot.get_or_insert(arg);
    }
    let workspace = workspace
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(mulu_core::store::default_path);
    Launch { workspace, package }
}

fn main() {
    let Launch { workspace, package } = launch();
    // Reviewing a package only reads the workspace's trust list: it is not created or opened
    // in full until the person goes to it.
    let state = match package {
        Some(_) => commands::AppState::deferred(workspace),
        None => commands::AppState::open(workspace),
    };
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(signing::LastPackage::default())
        .manage(scan::ScanState::default())
        .manage(review::ReviewState::new(package))
        .invoke_handler(contract::handler())
        .run(tauri::generate_context!());
    if let Err(e) = result {
        // Only reached when the window system itself fails (no display, no WebKit).
        eprintln!("Mulu could not start its window: {e}");
        std::process::exit(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const NOT_A_PACKAGE: fn(&Path) -> bool = |_| false;

    #[test]
    fn the_argument_wins_over_the_environment_which_wins_over_the_default() {
        let os = |s: &str| OsString::from(s);
        let ws = |args: Vec<OsString>, env: Option<OsString>| choose(args, env, NOT_A_PACKAGE).workspace;
        assert_eq!(ws(vec![os("--flag"), os("a.mulu")], Some(os("b.mulu"))), PathBuf::from("a.mulu"));
        assert_eq!(ws(vec![os("-psn_0_1")], Some(os("b.mulu"))), PathBuf::from("b.mulu"));
        assert_eq!(ws(vec![], Some(os(""))), mulu_core::store::default_path(), "an empty variable is unset");
    }

    /// Real files, told apart by the core's reading of them: a package (even renamed), a
    /// workspace, and garbage (which opens as a workspace, to be reported and left untouched).
    #[test]
    fn a_package_argument_is_reviewed_against_the_workspace_given_or_the_usual_one() {
        let dir = tempfile::tempdir().unwrap();
        let key = dir.path().join("k.pem");
        signing::create_key(&key, &dir.path().join("w.mulu"), "口令 2026", "口令 2026").unwrap();
        let workspace = dir.path().join("青岩镇.mulu");
        let mut ws = mulu_core::store::Workspace::open_or_create(&workspace).unwrap();
        ws.set_agency(&mulu_core::sample::agency()).unwrap();
        let id = ws.add_resource(mulu_core::sample::resource()).unwrap();
        ws.confirm_secrecy_many(&[id], "王芳").unwrap();
        let zip = dir.path().join("报送包.zip");
        signing::make_package(&mut ws, &key, "口令 2026", &zip, &mut |_| {}).unwrap();
        let renamed = dir.path().join("报送包.mulu");
        std::fs::copy(&zip, &renamed).unwrap();
        let garbage = dir.path().join("notes.zip");
        std::fs::write(&garbage, "会议纪要").unwrap();

        let sniffed = |args: &[&Path], env: Option<&str>| {
            let args = args.iter().map(|p| p.as_os_str().to_owned());
            choose(args, env.map(OsString::from), is_package)
        };
        let env = "bureau.mulu";
        assert_eq!(sniffed(&[&zip], Some(env)), Launch { workspace: env.into(), package: Some(zip.clone()) });
        assert_eq!(sniffed(&[&renamed], None).package, Some(renamed.clone()), "by content, not by name");
        assert_eq!(
            sniffed(&[&zip, &workspace], Some(env)),
            Launch { workspace: workspace.clone(), package: Some(zip.clone()) },
            "a workspace and a package: the package checked against that workspace's trust list"
        );
        assert_eq!(sniffed(&[&workspace], None), Launch { workspace: workspace.clone(), package: None });
        assert_eq!(sniffed(&[&garbage], None), Launch { workspace: garbage.clone(), package: None });
        let bytes = std::fs::read(&zip).unwrap();
        let cut = dir.path().join("cut.zip");
        std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
        assert_eq!(sniffed(&[&cut], None).package, Some(cut), "cut short in transfer: reviewed, to say so");
        let missing = dir.path().join("新建.mulu");
        assert_eq!(sniffed(&[&missing], None), Launch { workspace: missing, package: None }, "created as before");
    }
}
