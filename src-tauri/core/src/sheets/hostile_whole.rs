//! Hostile .ods and .xls files, which calamine reads whole: generated here (an .ods is a zip
//! with content.xml, an .xls a compound file with a BIFF8 workbook stream), refused by what they
//! would make calamine build, while small honest ones still read.

use std::io::Write;
use std::path::Path;

use super::limits::Limit;
use super::*;
use crate::Lang;

fn limit_hit(p: &Path) -> Limit {
    match read(p, &ImportOptions::default(), Lang::Zh) {
        Err(crate::Error::SheetLimit { file, what, .. }) => {
            assert_eq!(file, p, "the error names the file");
            what
        }
        Err(e) => panic!("refused, but not by a limit: {e}"),
        Ok(got) => panic!("must be refused; read {} resources", got.catalog.resources.len()),
    }
}

/// An .ods whose one table holds `rows` (the inside of `<table:table>`).
fn ods(p: &Path, rows: &str) {
    let mut w = zip::ZipWriter::new(std::fs::File::create(p).unwrap());
    let stored = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("mimetype", stored).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.spreadsheet").unwrap();
    w.start_file("META-INF/manifest.xml", zip::write::SimpleFileOptions::default()).unwrap();
    w.write_all(br#"<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/></manifest:manifest>"#).unwrap();
    w.start_file("content.xml", zip::write::SimpleFileOptions::default()).unwrap();
    write!(
        w,
        r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2"><office:body><office:spreadsheet><table:table table:name="目录">{rows}</table:table></office:spreadsheet></office:body></office:document-content>"#
    )
    .unwrap();
    w.finish().unwrap();
}

fn ods_cell(text: &str, repeat: u32) -> String {
    format!(
        r#"<table:table-cell table:number-columns-repeated="{repeat}" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
    )
}

fn ods_row(cells: &str, repeat: u32) -> String {
    format!(r#"<table:table-row table:number-rows-repeated="{repeat}">{cells}</table:table-row>"#)
}

#[test]
fn an_ods_repeating_cells_into_a_grid_over_the_limit_is_refused_before_calamine_reads_it() {
    let d = tempfile::tempdir().unwrap();
    let honest = d.path().join("目录.ods");
    ods(
        &honest,
        &(ods_row(&(ods_cell("信息资源名称", 1) + &ods_cell("更新周期", 1)), 1)
            + &ods_row(&ods_cell("户籍人口", 1), 1)),
    );
    let got = read(&honest, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(got.catalog.resources.len(), 1, "an honest .ods still reads");

    // A few hundred bytes: one cell repeated 100 times across, that row 100,000 times down.
    let bomb = d.path().join("bomb.ods");
    ods(&bomb, &(ods_row(&ods_cell("信息资源名称", 1), 1) + &ods_row(&ods_cell("x", 100), 100_000)));
    assert!(std::fs::metadata(&bomb).unwrap().len() < 2000);
    assert_eq!(limit_hit(&bomb), Limit::Cells);

    // Within the grid, but each repeat copies its text: 300 bytes × 1,000 × 1,000.
    let copies = d.path().join("copies.ods");
    ods(&copies, &ods_row(&ods_cell(&"长".repeat(100), 1000), 1000));
    assert_eq!(limit_hit(&copies), Limit::TextBytes);

    // One cell's text over the limit (an .xlsx's inline string is refused the same way).
    let long = d.path().join("long.ods");
    ods(&long, &ods_row(&ods_cell(&"x".repeat(limits::MAX_STRING_BYTES as usize + 10), 1), 1));
    assert_eq!(limit_hit(&long), Limit::StringBytes);
}

/// BIFF8 records: type, length, data.
fn record(out: &mut Vec<u8>, typ: u16, data: &[u8]) {
    out.extend(typ.to_le_bytes());
    out.extend((data.len() as u16).to_le_bytes());
    out.extend(data);
}

fn bof(out: &mut Vec<u8>, sheet: bool) {
    let dt: u16 = if sheet { 0x0010 } else { 0x0005 };
    let mut d = vec![0x00, 0x06];
    d.extend(dt.to_le_bytes());
    d.extend([0u8; 12]);
    record(out, 0x0809, &d);
}

/// A cell of text (Label, UTF-16) or of a number.
enum XlsCell<'a> {
    Text(&'a str),
    Number(f64),
}

/// An .xls whose globals name the one sheet `names` times, the sheet holding `cells`.
fn xls(p: &Path, names: usize, cells: &[(u16, u16, XlsCell<'_>)]) {
    let mut sheet = Vec::new();
    bof(&mut sheet, true);
    for (r, c, v) in cells {
        let mut d = [r.to_le_bytes(), c.to_le_bytes(), [0, 0]].concat();
        match v {
            XlsCell::Number(n) => {
                d.extend(n.to_le_bytes());
                record(&mut sheet, 0x0203, &d);
            }
            XlsCell::Text(t) => {
                let units: Vec<u16> = t.encode_utf16().collect();
                d.extend((units.len() as u16).to_le_bytes());
                d.push(1);
                d.extend(units.iter().flat_map(|u| u.to_le_bytes()));
                record(&mut sheet, 0x0204, &d);
            }
        }
    }
    record(&mut sheet, 0x000A, &[]);
    let boundsheet =
        |pos: u32, k: usize| [pos.to_le_bytes().as_slice(), &[0, 0, 2, 0], format!("S{k}").as_bytes()].concat();
    let globals_len = 20 + names * (4 + boundsheet(0, 0).len()) + 4;
    let mut stream = Vec::new();
    bof(&mut stream, false);
    for k in 0..names {
        record(&mut stream, 0x0085, &boundsheet(globals_len as u32, k));
    }
    record(&mut stream, 0x000A, &[]);
    assert_eq!(stream.len(), globals_len);
    stream.extend(sheet);
    let mut file = cfb::create(p).unwrap();
    file.create_stream("/Workbook").unwrap().write_all(&stream).unwrap();
    file.flush().unwrap();
}

#[test]
fn an_xls_spreading_its_cells_over_a_grid_over_the_limit_is_refused_before_calamine_reads_it() {
    let d = tempfile::tempdir().unwrap();
    let honest = d.path().join("目录.xls");
    let cells = [
        (0, 0, XlsCell::Text("信息资源名称")),
        (0, 1, XlsCell::Text("更新周期")),
        (1, 0, XlsCell::Text("户籍人口")),
        (1, 1, XlsCell::Text("每月")),
    ];
    xls(&honest, 1, &cells);
    let got = read(&honest, &ImportOptions::default(), Lang::Zh).unwrap();
    assert_eq!(got.catalog.resources.len(), 1, "an honest .xls still reads");

    // Two numbers, in A1 and IV65536: a grid of 16.7 million cells.
    let corners = d.path().join("corners.xls");
    xls(&corners, 1, &[(0, 0, XlsCell::Number(1.0)), (65_535, 255, XlsCell::Number(2.0))]);
    assert_eq!(limit_hit(&corners), Limit::Cells);

    // A grid within the limit, named by the globals three times: read three times.
    let thrice = d.path().join("thrice.xls");
    let cells = [(0, 0, XlsCell::Number(1.0)), (29_999, 99, XlsCell::Number(2.0))];
    xls(&thrice, 1, &cells);
    let once = read(&thrice, &ImportOptions::default(), Lang::Zh);
    assert!(!matches!(once, Err(crate::Error::SheetLimit { .. })), "3 million cells, once: {:?}", once.err());
    xls(&thrice, 3, &cells);
    assert_eq!(limit_hit(&thrice), Limit::Cells);
}
