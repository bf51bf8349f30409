//! Spreadsheets at city scale (issue 4): a workbook of 20,000 resources × 12 items, one row per
//! data item with the resource cells repeated (240,000 rows, ~3.8 million cells), the layout
//! officers keep. Both sides in one run:
//! - import (read + normalise + validate + SQLite commit) vs a bare calamine read of every cell;
//! - export of the catalog workbook vs bare rust_xlsxwriter (constant memory) writing the same cells;
//! - peak memory (VmHWM) of the import, measured in a child process.
//!
//! Run: `cargo bench -p mulu-core --bench sheets` (add `-- --quick` for 2,000 resources).

use std::path::{Path, PathBuf};

// The allocator the mulu binaries use (see src-tauri/cli/src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use std::time::{Duration, Instant};

use calamine::{open_workbook, Reader, Xlsx};
use mulu_core::model::fields;
use mulu_core::rules::Context;
use mulu_core::sheets::{self, ImportOptions};
use mulu_core::store::Workspace;
use mulu_core::{sample, Lang};
use rust_xlsxwriter::Workbook;

const KEYS: &[&str] = &[
    "name",
    "code",
    "provider_name",
    "provider_code",
    "abstract",
    "format.class",
    "format.type",
    "sensitivity",
    "sharing.type",
    "sharing.method.type",
    "open.type",
    "update_cycle",
    "published_on",
];

fn headers() -> Vec<&'static str> {
    let mut h = vec![
        "序号",
        "信息资源名称",
        "信息资源代码",
        "信息资源提供方",
        "信息资源提供方代码",
        "信息资源摘要",
        "格式分类",
        "格式类型",
    ];
    h.extend(["敏感程度", "共享类型", "共享方式类型", "开放类型", "更新周期", "发布日期", "信息项名称", "数据类型"]);
    h
}

/// Writes the legacy-layout workbook of `n` resources × `items` items; returns the number of cells.
fn make_workbook(path: &Path, n: usize, items: usize) -> usize {
    let catalog = sample::large_catalog(n, items);
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    for (c, h) in headers().iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    let mut row = 1u32;
    let mut cells = 16;
    for (i, r) in catalog.resources.iter().enumerate() {
        let values: Vec<String> = KEYS.iter().map(|k| fields::get(r, k).unwrap_or_default()).collect();
        for item in &r.items {
            ws.write_number(row, 0, (i + 1) as f64).unwrap();
            for (c, v) in values.iter().enumerate() {
                ws.write_string(row, c as u16 + 1, v).unwrap();
            }
            ws.write_string(row, 14, &item.name).unwrap();
            ws.write_string(row, 15, item.data_type.as_ref().map(|d| d.as_str()).unwrap_or("")).unwrap();
            row += 1;
            cells += 16;
        }
    }
    wb.save(path).unwrap();
    cells
}

fn bare_read(path: &Path) -> usize {
    let mut wb: Xlsx<_> = open_workbook(path).unwrap();
    let name = wb.sheet_names()[0].clone();
    let mut reader = wb.worksheet_cells_reader(&name).unwrap();
    let mut n = 0;
    while let Some(cell) = reader.next_cell().unwrap() {
        std::hint::black_box(cell.get_value());
        n += 1;
    }
    n
}

fn import(path: &Path, ws_path: &Path) -> usize {
    import_phases(path, ws_path).0
}

/// An import as `mulu import` does it, with the time of each phase: create, read, prepare,
/// commit (the rules run during the commit, on the other core), close.
fn import_phases(path: &Path, ws_path: &Path) -> (usize, [Duration; 5]) {
    let _ = std::fs::remove_file(ws_path);
    let _ = std::fs::remove_dir_all(mulu_core::store::backup_dir(ws_path));
    let mut t = Instant::now();
    let mut lap = || std::mem::replace(&mut t, Instant::now()).elapsed();
    let mut ws = Workspace::create(ws_path).unwrap();
    let create = lap();
    let imported = sheets::read(path, &ImportOptions::default(), Lang::Zh).unwrap();
    let read = lap();
    let effect = sheets::apply::prepare(&ws, imported, &Context::now(Lang::Zh)).unwrap();
    let prepare = lap();
    let added = sheets::commit(&mut ws, effect).unwrap().added.len();
    let commit = lap();
    drop(ws);
    (added, [create, read, prepare, commit, lap()])
}

fn phases_line(p: &[Duration; 5]) -> String {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    format!(
        "create {:.0} ms, read {:.0} ms, prepare {:.0} ms, commit+validate {:.0} ms, close {:.0} ms",
        ms(p[0]),
        ms(p[1]),
        ms(p[2]),
        ms(p[3]),
        ms(p[4])
    )
}

/// The same cells the catalog export writes, written with no logic of ours.
fn bare_write(cells: &[Vec<Vec<String>>], path: &Path) {
    let mut wb = Workbook::new();
    for sheet in cells {
        let ws = wb.add_worksheet_with_constant_memory().unwrap();
        for (r, row) in sheet.iter().enumerate() {
            for (c, v) in row.iter().enumerate() {
                if !v.is_empty() {
                    ws.write_string(r as u32, c as u16, v).unwrap();
                }
            }
        }
    }
    wb.save(path).unwrap();
}

fn export_cells(c: &mulu_core::Catalog) -> Vec<Vec<Vec<String>>> {
    use mulu_core::model::registry::{registry, Sheet};
    let reg = registry();
    let res = |sheet: Sheet, rs: Vec<&mulu_core::Resource>| -> Vec<Vec<String>> {
        let keys = reg.resource_keys(sheet);
        rs.iter().map(|r| keys.iter().map(|k| fields::get(r, k).unwrap_or_default()).collect()).collect()
    };
    let item_keys: Vec<&str> = reg.item_keys(Sheet::Items).into_iter().filter(|k| *k != "item.seq").skip(2).collect();
    let items: Vec<Vec<String>> = c
        .resources
        .iter()
        .flat_map(|r| {
            let item_keys = &item_keys;
            r.items.iter().enumerate().map(move |(i, it)| {
                let mut v = vec![r.code.clone().unwrap_or_default(), r.name.clone(), (i + 1).to_string()];
                v.extend(item_keys.iter().map(|k| fields::get_item(it, k).unwrap_or_default()));
                v
            })
        })
        .collect();
    vec![
        res(Sheet::Resources, c.resources.iter().collect()),
        res(Sheet::Sharing, c.view(mulu_core::model::View::Sharing).collect()),
        res(Sheet::Open, c.view(mulu_core::model::View::Open).collect()),
        items,
    ]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut v: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            std::hint::black_box(f());
            t.elapsed()
        })
        .collect();
    v.sort();
    v[v.len() / 2]
}

fn peak_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find(|l| l.starts_with("VmHWM:")).and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--child-import") {
        import(Path::new(&args[i + 1]), Path::new(&args[i + 2]));
        println!("{}", peak_kb());
        return;
    }
    if let Some(i) = args.iter().position(|a| a == "--child-read") {
        bare_read(Path::new(&args[i + 1]));
        println!("{}", peak_kb());
        return;
    }
    let n = if args.iter().any(|a| a == "--quick") { 2_000 } else { 20_000 };
    // `--resources N --items M`: another size, e.g. for a heap profile of `--profile-import`.
    let number = |flag: &str, default: usize| {
        args.iter().position(|a| a == flag).and_then(|i| args.get(i + 1)?.parse().ok()).unwrap_or(default)
    };
    let (n, items) = (number("--resources", n), number("--items", 12));
    if let Some(i) = args.iter().position(|a| a == "--profile-import") {
        // For a profiler: only the import, repeated.
        // `--book PATH` keeps the workbook between runs, so the profile holds only the import.
        let dir = tempfile::tempdir().unwrap();
        let book = match args.iter().position(|a| a == "--book") {
            Some(j) => PathBuf::from(&args[j + 1]),
            None => dir.path().join("city.xlsx"),
        };
        if !book.exists() {
            make_workbook(&book, n, items);
        }
        let ws_path = dir.path().join("city.mulu");
        for _ in 0..args[i + 1].parse().unwrap_or(3) {
            let t = Instant::now();
            let (_, phases) = import_phases(&book, &ws_path);
            eprintln!("import {:.0} ms: {}", t.elapsed().as_secs_f64() * 1e3, phases_line(&phases));
        }
        return;
    }
    let runs = 3;
    let dir = tempfile::tempdir().unwrap();
    let book: PathBuf = dir.path().join("city.xlsx");
    let cells = make_workbook(&book, n, items);
    println!(
        "workbook: {n} resources × {items} items, {} rows, {cells} cells, {:.1} MB",
        n * items,
        std::fs::metadata(&book).unwrap().len() as f64 / 1e6
    );

    let ws_path = dir.path().join("city.mulu");
    // Where an import's time goes, phase by phase (one run).
    println!("import phases: {}", phases_line(&import_phases(&book, &ws_path).1));
    // Paired: each run reads bare, then imports, so a machine that slows down in between slows
    // both sides alike.
    let (mut reads, mut imps) = (vec![], vec![]);
    for _ in 0..5 {
        reads.push(time(1, || bare_read(&book)));
        imps.push(time(1, || import(&book, &ws_path)));
    }
    let median = |mut v: Vec<Duration>| {
        v.sort();
        v[v.len() / 2]
    };
    let ratios: Vec<String> = reads
        .iter()
        .zip(&imps)
        .map(|(r, i)| {
            format!(
                "{:.0}/{:.0} ms = {:.2}",
                i.as_secs_f64() * 1e3,
                r.as_secs_f64() * 1e3,
                i.as_secs_f64() / r.as_secs_f64()
            )
        })
        .collect();
    let (read, imp) = (median(reads), median(imps));
    let stream = time(runs, || {
        let mut wb = sheets::source::Workbook::open(&book).unwrap();
        let name = wb.sheet_names()[0].clone();
        let mut n = 0;
        wb.rows(&name, |(_, cells)| {
            n += cells.len();
            Ok(true)
        })
        .unwrap();
        n
    });
    println!("mulu row streaming alone           {:>8.0} ms", stream.as_secs_f64() * 1e3);
    println!("bare calamine read of every cell   {:>8.0} ms", read.as_secs_f64() * 1e3);
    println!(
        "mulu import (read+validate+commit) {:>8.0} ms   ratio {:.2} (target ≤ 1.5)",
        imp.as_secs_f64() * 1e3,
        imp.as_secs_f64() / read.as_secs_f64()
    );
    println!("  the five paired runs (import/read): {}", ratios.join(", "));

    let exe = std::env::current_exe().unwrap();
    let child = |mode: &str| -> u64 {
        let out = std::process::Command::new(&exe)
            .args([mode, book.to_str().unwrap(), ws_path.to_str().unwrap()])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).trim().parse().unwrap_or(0)
    };
    println!(
        "peak memory: bare read {:.0} MB, mulu import {:.0} MB (target < 300 MB)",
        child("--child-read") as f64 / 1024.0,
        child("--child-import") as f64 / 1024.0
    );

    let ws = Workspace::open(&ws_path).unwrap();
    let t = Instant::now();
    ws.ensure_search_index().unwrap();
    println!("search index built at the first search after it: {:.0} ms", t.elapsed().as_secs_f64() * 1e3);
    let catalog = ws.catalog().unwrap();
    drop(ws);
    let cells = export_cells(&catalog);
    let out = dir.path().join("out.xlsx");
    let bare = time(runs, || bare_write(&cells, &out));
    let exp = time(runs, || sheets::export_catalog(&catalog, &out).unwrap());
    println!("bare rust_xlsxwriter, same cells   {:>8.0} ms", bare.as_secs_f64() * 1e3);
    println!(
        "mulu export catalog workbook       {:>8.0} ms   ratio {:.2} (target ≤ 1.5)",
        exp.as_secs_f64() * 1e3,
        exp.as_secs_f64() / bare.as_secs_f64()
    );
}
