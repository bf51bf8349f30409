//! What each sheet of a workbook is to an import — Mulu's own agency and systems sheets, the
//! views of its resources sheet, instructions, or data — and reading Mulu's own two.

use super::export::{FUNDS_HEADER, SHEET_AGENCY, SHEET_OPEN, SHEET_RESOURCES, SHEET_SHARING, SHEET_SYSTEMS};
use super::fold::{kept_line, Kept};
use super::import::Imported;
use super::source::Workbook;
use crate::error::Result;
use crate::i18n::Lang;
use crate::model::fields;
use crate::model::InfoSystem;

/// What a sheet is to an import: Mulu's own agency or systems sheet, a view of the resources
/// sheet (in Mulu's catalog workbook), instructions, or data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Agency,
    Systems,
    View,
    Instructions,
    Data,
}

impl Role {
    pub const ALL: [Role; 5] = [Role::Agency, Role::Systems, Role::View, Role::Instructions, Role::Data];

    /// What the sheet is, as the import preview and the command line say it.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Role::Agency => lang.pick("机构信息", "the agency profile"),
            Role::Systems => lang.pick("信息系统", "information systems"),
            Role::View => lang.pick("由资源目录生成的视图", "a view of the resource catalog"),
            Role::Instructions => lang.pick("填表说明", "fill-in instructions"),
            Role::Data => lang.pick("目录数据", "catalog data"),
        }
    }
}

/// Why a sheet was not read (`SheetReport::skipped`): a view, instructions, or no header.
pub const SKIP_REASONS: [&str; 3] = ["view", "instructions", "no-header"];

/// A skip reason in the person's language; the key itself is never shown.
pub fn skip_reason(key: &str, lang: Lang) -> &'static str {
    match key {
        "view" => Role::View.label(lang),
        "instructions" => Role::Instructions.label(lang),
        _ => lang.pick("没有可识别的表头", "no recognisable header"),
    }
}

/// The sheets an import reads, in order, each with its role; `only` names the one sheet to read
/// (as data, whatever its name).
pub fn roles<'a>(names: &'a [String], only: Option<&'a str>) -> impl Iterator<Item = (&'a String, Role)> + 'a {
    let has_resources_sheet = names.iter().any(|n| n == SHEET_RESOURCES);
    names.iter().filter(move |n| only.is_none_or(|o| o == n.as_str())).map(move |name| {
        let role = match name.as_str() {
            _ if only.is_some() => Role::Data,
            SHEET_AGENCY => Role::Agency,
            SHEET_SYSTEMS => Role::Systems,
            SHEET_SHARING | SHEET_OPEN if has_resources_sheet => Role::View,
            n if super::columns::columns().is_instruction_sheet(n) => Role::Instructions,
            _ => Role::Data,
        };
        (name, role)
    })
}

/// Mulu's agency sheet: a label and a value per row.
pub(super) fn read_agency(book: &mut Workbook, sheet: &str, out: &mut Imported) -> Result<()> {
    let mut agency = crate::model::Agency::default();
    book.rows(sheet, |(_, cells)| {
        let label_text = cells.iter().find(|(c, _)| *c == 0).map(|(_, v)| crate::text::clean_line(&v.text()));
        let value = cells.iter().find(|(c, _)| *c == 1).map(|(_, v)| v.text()).unwrap_or_default();
        if let Some(f) = label_text.and_then(|l| fields::AGENCY_FIELDS.iter().find(|f| f.zh == l || f.en == l)) {
            fields::set_agency(&mut agency, &f.key, &value)?;
        }
        Ok(true)
    })?;
    out.catalog.agency = agency;
    out.has_agency = true;
    Ok(())
}

/// Mulu's systems sheet: name, built with public funds, description; one system per row.
pub(super) fn read_systems(book: &mut Workbook, sheet: &str, out: &mut Imported) -> Result<()> {
    book.rows(sheet, |(r, cells)| {
        let get = |c: u32| cells.iter().find(|(x, _)| *x == c).map(|(_, v)| v.text()).unwrap_or_default();
        let name = crate::text::clean_line(&get(0));
        if r > 0 && !name.is_empty() {
            let funds = get(1);
            let public_funds = fields::parse_bool(&funds);
            let mut description = crate::text::opt(&get(2));
            if public_funds.is_none() && !crate::text::is_blank_text(&funds) {
                // Neither yes nor no: kept in the description behind the marker, so validation
                // reports it (`notes.unread`) until the officer answers it, never read as "no".
                let line = kept_line(Kept::Unread, FUNDS_HEADER, funds.trim());
                description = Some(match description {
                    Some(d) => format!("{d}\n{line}"),
                    None => line,
                });
            }
            out.catalog.systems.push(InfoSystem { name, public_funds: public_funds.unwrap_or(false), description });
        }
        Ok(true)
    })
}
