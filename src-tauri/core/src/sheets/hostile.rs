//! Hostile spreadsheets: each gives a clear error or a finding, never a panic, and nothing is
//! written (structural failures stop before any workspace is touched).

use std::io::{Read, Write};
use std::path::Path;

use rust_xlsxwriter::Workbook;

use super::*;
use crate::Lang;

fn read_err(p: &Path) -> crate::Error {
    match read(p, &ImportOptions::default(), Lang::Zh) {
        Ok(got) => panic!("must be refused; read {} resources", got.catalog.resources.len()),
        Err(e) => e,
    }
}

fn small_workbook(p: &Path) {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["信息资源名称", "信息资源代码", "更新周期"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "户籍人口").unwrap();
    wb.save(p).unwrap();
}

/// Rewrites one zip entry of `src` into `dst` through `edit`.
fn rezip(src: &Path, dst: &Path, entry: &str, edit: impl Fn(Vec<u8>) -> Vec<u8>) {
    let mut a = zip::ZipArchive::new(std::fs::File::open(src).unwrap()).unwrap();
    let mut w = zip::ZipWriter::new(std::fs::File::create(dst).unwrap());
    for i in 0..a.len() {
        let mut f = a.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut bytes = Vec::new();
        f.read_to_end(&mut bytes).unwrap();
        if name == entry {
            bytes = edit(bytes);
        }
        w.start_file(name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(&bytes).unwrap();
    }
    w.finish().unwrap();
}

#[test]
fn a_truncated_workbook_is_unreadable() {
    let d = tempfile::tempdir().unwrap();
    let good = d.path().join("good.xlsx");
    small_workbook(&good);
    let bytes = std::fs::read(&good).unwrap();
    let cut = d.path().join("cut.xlsx");
    std::fs::write(&cut, &bytes[..bytes.len() / 2]).unwrap();
    assert_eq!(read_err(&cut).code(), "sheet.unreadable");
}

#[test]
fn a_zip_bomb_dressed_as_xlsx_is_refused_before_unpacking() {
    let d = tempfile::tempdir().unwrap();
    let bomb = d.path().join("报表.xlsx");
    let mut w = zip::ZipWriter::new(std::fs::File::create(&bomb).unwrap());
    w.start_file("[Content_Types].xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(b"<Types/>").unwrap();
    w.start_file("xl/worksheets/sheet1.xml", zip::write::SimpleFileOptions::default()).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..200 {
        w.write_all(&zeros).unwrap(); // 200 MB of zeros, a few hundred KB packed
    }
    w.finish().unwrap();
    let e = read_err(&bomb);
    assert_eq!(e.code(), "sheet.unreadable");
    assert!(e.message(Lang::Zh).contains("恶意"), "{}", e.message(Lang::Zh));
}

#[test]
fn error_cells_and_formulas() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("f.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["信息资源名称", "信息资源代码", "更新周期", "信息资源摘要"].iter().enumerate()
    {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    ws.write_string(1, 0, "户籍人口").unwrap();
    ws.write_formula(1, 1, rust_xlsxwriter::Formula::new("=1/0").set_result("#DIV/0!")).unwrap();
    ws.write_formula(1, 2, rust_xlsxwriter::Formula::new("=\"每\"&\"月\"").set_result("每月")).unwrap();
    ws.write_string(1, 3, "=cmd|' /C calc'!A0").unwrap();
    wb.save(&src).unwrap();
    // rust_xlsxwriter stores a formula's result as a string; make B2 a true error cell (t="e").
    let bad = d.path().join("err.xlsx");
    rezip(&src, &bad, "xl/worksheets/sheet1.xml", |xml| {
        let s = String::from_utf8(xml).unwrap();
        let i = s.find("<c r=\"B2\"").unwrap();
        let j = i + s[i..].find('>').unwrap();
        let cell = s[i..j].replace("t=\"str\"", "t=\"e\"");
        format!(
            "{}{}{}",
            &s[..i],
            if cell.contains("t=\"e\"") { cell } else { format!("{} t=\"e\"", &s[i..j]) },
            &s[j..]
        )
        .into_bytes()
    });
    let got = read(&bad, &ImportOptions::default(), Lang::Zh).unwrap();
    let r = &got.catalog.resources[0];
    assert_eq!(r.code, None, "an error value is not taken as a code");
    assert_eq!(
        r.update_cycle,
        Some(crate::model::domain::UpdateCycle::Monthly.into()),
        "a formula's cached value is read"
    );
    assert_eq!(r.summary.as_deref(), Some("=cmd|' /C calc'!A0"), "text that looks like a formula stays text");
    let f = got.findings.iter().find(|f| f.rule == "import.error_cell").expect("the error cell is reported");
    assert_eq!((f.row, f.column.as_deref()), (Some(2), Some("B")));
    assert!(f.message.contains("#DIV/0!"));
}

#[test]
fn huge_cells_are_kept_and_reported_briefly() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["信息资源名称", "更新周期", "信息资源摘要"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for c in 0..3 {
        ws.write_string(1, c, "PLACEHOLDER").unwrap();
    }
    wb.save(&src).unwrap();
    // Excel stops at 32,767 characters a cell; a crafted file need not.
    let p = d.path().join("big.xlsx");
    let long = "长".repeat(100_000);
    rezip(&src, &p, "xl/sharedStrings.xml", |xml| {
        String::from_utf8(xml).unwrap().replace("PLACEHOLDER", &long).into_bytes()
    });
    let got = read(&p, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(got.catalog.resources[0].summary.as_deref().map(|s| s.chars().count()), Some(100_000), "kept whole");
    let ws = crate::store::Workspace::create(&d.path().join("w.mulu")).unwrap();
    let plan = plan(&ws, got, &crate::rules::Context::now(Lang::Zh)).unwrap().plan;
    let domain = plan.findings.iter().find(|f| f.rule == "field.domain").unwrap();
    assert!(
        domain.message.chars().count() < 400,
        "the message quotes the value briefly: {} chars",
        domain.message.chars().count()
    );
    assert!(plan.findings.iter().any(|f| f.rule == "field.length"));
}

#[test]
fn a_million_row_sheet_is_refused_with_a_clear_error() {
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("million.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write_string(0, 0, "信息资源名称").unwrap();
    ws.write_string(0, 1, "更新周期").unwrap();
    for r in 1..=1_000_000u32 {
        ws.write_number(r, 0, r as f64).unwrap();
    }
    wb.save(&p).unwrap();
    let e = read_err(&p);
    assert_eq!(e.code(), "sheet.too_large");
    assert!(e.message(Lang::Zh).contains("500000"), "{}", e.message(Lang::Zh));
}

#[test]
fn a_sheet_over_the_row_limit_is_refused_before_its_rows_become_records() {
    let d = tempfile::tempdir().unwrap();
    let declared = d.path().join("600k.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write_string(0, 0, "信息资源名称").unwrap();
    ws.write_string(0, 1, "更新周期").unwrap();
    for r in 1..=600_000u32 {
        ws.write_number(r, 0, r as f64).unwrap();
    }
    wb.save(&declared).unwrap();
    // The same sheet without its declared extent, as a crafted file (or a lax writer) leaves it.
    let bare = d.path().join("bare.xlsx");
    rezip(&declared, &bare, "xl/worksheets/sheet1.xml", |xml| {
        let s = String::from_utf8(xml).unwrap();
        let i = s.find("<dimension").expect("the writer declares the extent");
        let j = i + s[i..].find("/>").unwrap() + 2;
        format!("{}{}", &s[..i], &s[j..]).into_bytes()
    });
    // And declaring ten rows: the lie shows at the eleventh.
    let lying = d.path().join("lying.xlsx");
    rezip(&declared, &lying, "xl/worksheets/sheet1.xml", |xml| {
        let s = String::from_utf8(xml).unwrap();
        let i = s.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
        let j = i + s[i..].find('"').unwrap();
        format!("{}A1:B10{}", &s[..i], &s[j..]).into_bytes()
    });
    for file in [&declared, &bare, &lying] {
        let mut most = 0;
        let e = read_with(file, &ImportOptions::default(), Lang::Zh, &mut |p| {
            most = most.max(p.rows);
            std::ops::ControlFlow::Continue(())
        })
        .expect_err("must be refused");
        assert_eq!(e.code(), "sheet.too_large", "{}", e.message(Lang::Zh));
        assert_eq!(most, 0, "{}: refused before any row was read into a record", file.display());
    }
}

/// A small workbook whose shared-string table `edit` rewrites.
fn with_shared_strings(d: &Path, edit: impl Fn(String) -> String) -> std::path::PathBuf {
    let src = d.join("src.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in ["信息资源名称", "信息资源摘要"].iter().enumerate() {
        ws.write_string(0, c as u16, *h).unwrap();
    }
    for r in 1..=300u32 {
        ws.write_string(r, 0, format!("资源{r}")).unwrap();
        ws.write_string(r, 1, "PLACEHOLDER").unwrap();
    }
    wb.save(&src).unwrap();
    let p = d.join("edited.xlsx");
    rezip(&src, &p, "xl/sharedStrings.xml", |xml| edit(String::from_utf8(xml).unwrap()).into_bytes());
    p
}

#[test]
fn a_shared_string_table_over_its_limits_is_refused_before_it_is_loaded() {
    use crate::sheets::limits::{Limit, MAX_SHARED_STRINGS_BYTES, MAX_STRING_BYTES};
    let d = tempfile::tempdir().unwrap();
    let limit = |p: &Path| match read_err(p) {
        crate::Error::SheetLimit { what, max, .. } => (what, max),
        e => panic!("{}: {}", e.code(), e.message(Lang::Zh)),
    };
    // Room claimed for four billion strings (calamine reserves what the table claims).
    let claims = with_shared_strings(d.path(), |x| x.replacen("<sst ", "<sst uniqueCount=\"4000000000\" ", 1));
    assert_eq!(limit(&claims).0, Limit::SharedStrings);
    // One string over 1 MiB.
    let long =
        with_shared_strings(d.path(), |x| x.replace("PLACEHOLDER", &"长".repeat(MAX_STRING_BYTES as usize / 3 + 1)));
    assert_eq!(limit(&long), (Limit::StringBytes, MAX_STRING_BYTES));
    // A table unpacking past its limit, at a ratio the zip checks let through (~100:1).
    let block: String = (0..2000).map(|i| format!("<si><t>{}{}</t></si>", "目录数据资源".repeat(5), i % 97)).collect();
    let big = with_shared_strings(d.path(), |x| {
        let n = MAX_SHARED_STRINGS_BYTES as usize / block.len() + 1;
        x.replacen("</sst>", &format!("{}</sst>", block.repeat(n)), 1)
    });
    assert!(std::fs::metadata(&big).unwrap().len() < 8 << 20, "a small file");
    let e = read_err(&big);
    assert_eq!(e.code(), "sheet.limit");
    assert!(e.message(Lang::Zh).contains("128 MiB"), "the message names the limit: {}", e.message(Lang::Zh));
}

#[test]
fn text_read_from_one_shared_string_into_many_cells_is_bounded() {
    // 300 cells use one string of 1,000 KiB: 293 MiB of text from a file of a few KB. (In a
    // column read and dropped, 序号, to keep the test quick: every cell read counts.)
    let d = tempfile::tempdir().unwrap();
    let p = with_shared_strings(d.path(), |x| {
        x.replace("信息资源摘要", "序号").replace("PLACEHOLDER", &"x".repeat(1000 << 10))
    });
    assert!(std::fs::metadata(&p).unwrap().len() < 64 << 10);
    let e = read_err(&p);
    assert!(matches!(e, crate::Error::SheetLimit { what: crate::sheets::limits::Limit::TextBytes, .. }), "{e:?}");
    assert!(e.message(Lang::En).contains("256 MiB"), "{}", e.message(Lang::En));
}

#[test]
fn a_sheet_declaring_a_wrong_size_within_the_limit_is_read_whole() {
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "信息资源名称").unwrap();
    ws.write_string(0, 1, "更新周期").unwrap();
    for r in 1..=60u32 {
        ws.write_string(r, 0, format!("资源{r}")).unwrap();
    }
    wb.save(&src).unwrap();
    for extent in ["A1", "A1:B3"] {
        let p = d.path().join(format!("{}.xlsx", extent.replace(':', "-")));
        rezip(&src, &p, "xl/worksheets/sheet1.xml", |xml| {
            let s = String::from_utf8(xml).unwrap();
            let i = s.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
            let j = i + s[i..].find('"').unwrap();
            format!("{}{extent}{}", &s[..i], &s[j..]).into_bytes()
        });
        let got = read(&p, &ImportOptions::default(), Lang::Zh).unwrap();
        assert_eq!(got.catalog.resources.len(), 60, "{extent}");
    }
}

#[test]
fn one_inline_or_formula_string_over_the_limit_is_refused_before_calamine_reads_the_sheet() {
    use crate::sheets::limits::{Limit, MAX_STRING_BYTES};
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src.xlsx");
    small_workbook(&src);
    // 2 MiB of text packing ~300:1 (a gigabyte would be the same file, 500 times longer).
    let long: String = (0..2u64 << 20).map(|i| (b'a' + (i * 7919 % 26) as u8) as char).collect();
    let cells = [
        format!(r#"<c r="B2" t="inlineStr"><is><t>{long}</t></is></c>"#),
        format!(r#"<c r="B2" t="str"><f>A2</f><v>{long}</v></c>"#),
        format!(
            r#"<c r="B2" t="inlineStr"><is>{}</is></c>"#,
            long.as_bytes()[..1 << 20]
                .chunks(8)
                .map(|t| format!("<r><t>{}</t></r>", std::str::from_utf8(t).unwrap()))
                .collect::<String>()
        ),
    ];
    for (n, cell) in cells.iter().enumerate() {
        let p = d.path().join(format!("long{n}.xlsx"));
        rezip(&src, &p, "xl/worksheets/sheet1.xml", |xml| {
            String::from_utf8(xml).unwrap().replacen("</row><row", &format!("{cell}</row><row"), 1).into_bytes()
        });
        assert!(std::fs::metadata(&p).unwrap().len() < 1 << 20, "a small file");
        // Refused when the workbook is sniffed, before calamine opens it.
        match source::sniff(&p) {
            Err(crate::Error::SheetLimit { what: Limit::StringBytes, max, .. }) => assert_eq!(max, MAX_STRING_BYTES),
            other => panic!("cell {n}: must be refused at the limit, got {other:?}"),
        }
        let e = read_err(&p);
        assert_eq!(e.code(), "sheet.limit");
        assert!(e.message(Lang::Zh).contains("1 MiB") && e.message(Lang::En).contains("1 MiB"), "{e:?}");
    }
    // A sheet of over 1 MiB in ordinary cells is scanned and read.
    let p = d.path().join("many.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write_string(0, 0, "信息资源名称").unwrap();
    ws.write_string(0, 1, "信息资源摘要").unwrap();
    for r in 1..=20_000u32 {
        ws.write_string(r, 0, format!("资源{r}")).unwrap();
        ws.write_string(r, 1, "本镇年度一般公共预算收支及三公经费预算").unwrap();
    }
    wb.save(&p).unwrap();
    let got = read(&p, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(got.catalog.resources.len(), 20_000);
}

#[test]
fn a_long_string_that_packs_poorly_is_refused_too() {
    // Letters of a xorshift sequence pack under 2:1: such a string of 500 MiB is a 13 MB file
    // at 40:1 mixed with runs, which a scan of only the highly packed sheets let through.
    let d = tempfile::tempdir().unwrap();
    let src = d.path().join("src.xlsx");
    small_workbook(&src);
    let mut x = 0x9E37_79B9_7F4A_7C15u64;
    let long: String = (0..2u64 << 20)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            (b'a' + (x % 26) as u8) as char
        })
        .collect();
    let p = d.path().join("poor.xlsx");
    rezip(&src, &p, "xl/worksheets/sheet1.xml", |xml| {
        let cell = format!(r#"<c r="B2" t="inlineStr"><is><t>{long}</t></is></c>"#);
        String::from_utf8(xml).unwrap().replacen("</row><row", &format!("{cell}</row><row"), 1).into_bytes()
    });
    let packed = std::fs::metadata(&p).unwrap().len();
    assert!(packed > 1 << 20, "packs under 2:1: {packed} bytes");
    match read_err(&p) {
        crate::Error::SheetLimit { what: crate::sheets::limits::Limit::StringBytes, .. } => {}
        e => panic!("must be refused at the string limit, got {e:?}"),
    }
}

#[test]
fn more_resources_than_the_limit_are_refused_as_the_one_over_is_read() {
    use crate::sheets::limits::{Limit, MAX_RESOURCES};
    let d = tempfile::tempdir().unwrap();
    let p = d.path().join("flat.xlsx");
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet_with_constant_memory().unwrap();
    ws.write_string(0, 0, "信息资源名称").unwrap();
    ws.write_string(0, 1, "信息资源代码").unwrap();
    // One resource a row, 20,000 rows past the limit (a sheet well within the row limit).
    let rows = MAX_RESOURCES as u32 + 20_000;
    for r in 1..=rows {
        ws.write_string(r, 0, format!("资源{r}")).unwrap();
        ws.write_string(r, 1, format!("352111009/{r:06}")).unwrap();
    }
    wb.save(&p).unwrap();
    let mut most = 0;
    let e = read_with(&p, &ImportOptions::default(), Lang::Zh, &mut |pr| {
        most = most.max(pr.rows);
        std::ops::ControlFlow::Continue(())
    })
    .expect_err("must be refused");
    assert!(matches!(e, crate::Error::SheetLimit { what: Limit::Resources, max: MAX_RESOURCES, .. }), "{e:?}");
    assert!(e.message(Lang::Zh).contains("100000") && e.message(Lang::En).contains("100000"), "{e:?}");
    // Refused as the rows came, not after the last (progress is told every 2,000 rows).
    assert!(most <= MAX_RESOURCES + 2000, "refused at row {most} of {rows}");
}
