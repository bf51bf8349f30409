//! Mulu's desktop window. Everything the window shows comes from `mulu-core` through the
//! commands in [`commands`]; this file only picks the workspace and starts Tauri.

// No console window behind the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

mod commands;
mod edit;
mod exports;
mod grading;
mod history;
mod import;
mod mapping;
mod scan;
mod signing;

// The same allocator as the `mulu` CLI: imports allocate millions of small strings on two
// threads, where glibc's allocator is slow.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

use std::ffi::OsString;
use std::path::PathBuf;

/// The workspace to open: the first command-line argument (a file double-clicked or dropped on
/// the app), else `MULU_WORKSPACE`, else the default place in the user's data directory.
fn workspace_path() -> PathBuf {
    choose_workspace(std::env::args_os().skip(1), std::env::var_os("MULU_WORKSPACE"))
}

fn choose_workspace(args: impl IntoIterator<Item = OsString>, env: Option<OsString>) -> PathBuf {
    // Options (`-psn_…` from macOS, flags from a launcher) are not paths.
    let arg = args.into_iter().find(|a| !a.to_string_lossy().starts_with('-'));
    arg.map(PathBuf::from)
        .or_else(|| env.filter(|v| !v.is_empty()).map(PathBuf::from))
        .unwrap_or_else(mulu_core::store::default_path)
}

fn main() {
    let state = commands::AppState::open(workspace_path());
    let result = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state)
        .manage(signing::LastPackage::default())
        .manage(scan::ScanState::default())
        .invoke_handler(tauri::generate_handler![
            commands::overview,
            commands::workspace_path,
            commands::search_resources,
            commands::fields,
            commands::domains,
            edit::update_agency_field,
            edit::check_uscc,
            edit::update_resource_field,
            edit::update_items,
            edit::bulk_set_field,
            edit::create_resource,
            edit::delete_resource,
            history::undo,
            history::resource_history,
            grading::grading_start,
            grading::grading_suggest,
            grading::grading_apply,
            exports::catalog_views,
            exports::export_file,
            signing::key_status,
            signing::key_create,
            signing::secrecy_confirm,
            signing::package_check,
            signing::package_make,
            signing::reveal_package,
            import::import_choose,
            import::import_preview,
            import::import_commit,
            import::import_cancel,
            mapping::import_headers,
            mapping::mapping_save,
            mapping::mapping_open,
            scan::scan_choose,
            scan::scan_run,
            scan::scan_accept,
            scan::scan_cancel,
        ])
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

    #[test]
    fn the_argument_wins_over_the_environment_which_wins_over_the_default() {
        let os = |s: &str| OsString::from(s);
        assert_eq!(choose_workspace([os("--flag"), os("a.mulu")], Some(os("b.mulu"))), PathBuf::from("a.mulu"));
        assert_eq!(choose_workspace([os("-psn_0_1")], Some(os("b.mulu"))), PathBuf::from("b.mulu"));
        assert_eq!(choose_workspace([], Some(os(""))), mulu_core::store::default_path(), "an empty variable is unset");
    }
}
