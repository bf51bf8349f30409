//! Editing from the forms: the agency profile and resources, one field at a time. Every value
//! goes through the core's `fields` setters (the same normalisation as the CLI and the importer),
//! and every command answers with the new overview, so the UI shows the findings the edit
//! raised or cleared.

use mulu_core::error::ErrorPayload;
use mulu_core::ids::{uscc, Invalid};
use mulu_core::model::{fields, DataItem, Resource};
use mulu_core::overview::Overview;
use mulu_core::rules::identity::detect_item_flags;
use mulu_core::rules::Context;
use mulu_core::store::Workspace;
use mulu_core::{Error, Lang, Result};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::commands::AppState;

fn overview(ws: &Workspace, lang: Lang) -> Result<Overview> {
    mulu_core::overview::overview(ws, &Context::now(lang))
}

/// Sets one agency-profile field from the text typed; saves only when it changed.
/// The profile is read inside the write, so a change saved meanwhile by another window or the
/// command line is kept.
pub fn set_agency_field(ws: &mut Workspace, key: &str, text: &str) -> Result<()> {
    ws.edit_agency(|agency| fields::set_agency(agency, key, text)).map(|_| ())
}

/// Sets one resource field from the text typed; saves only when it changed (a save clears the
/// secrecy review, which a no-op must not do). The record is read inside the write, so the
/// other fields are as stored now, not as this window last read them.
pub fn set_resource_field(ws: &mut Workspace, id: i64, key: &str, text: &str) -> Result<()> {
    ws.edit_resource(id, |r| fields::set(r, key, text)).map(|_| ())
}

/// A data item as the table editor holds it: text as typed. Flags left `null` (rows pasted or
/// added) are decided from the item's name, as the importer does.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct ItemInput {
    pub name: String,
    #[serde(default)]
    pub data_type: String,
    #[serde(default)]
    pub length: String,
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub is_identifier: Option<bool>,
    #[serde(default)]
    pub is_personal: Option<bool>,
}

fn item(input: &ItemInput) -> Result<DataItem> {
    let mut item = DataItem::default();
    fields::set_item(&mut item, "item.name", &input.name)?;
    fields::set_item(&mut item, "item.data_type", &input.data_type)?;
    fields::set_item(&mut item, "item.length", &input.length)?;
    fields::set_item(&mut item, "item.description", &input.description)?;
    match (input.is_identifier, input.is_personal) {
        (None, None) => detect_item_flags(&mut item),
        (id, personal) => {
            item.is_identifier = id.unwrap_or(false);
            item.is_personal = personal.unwrap_or(false);
        }
    }
    Ok(item)
}

/// Replaces a resource's data items (the table editor sends the whole table after each edit).
pub fn set_items(ws: &mut Workspace, id: i64, items: &[ItemInput]) -> Result<()> {
    let items = items.iter().map(item).collect::<Result<Vec<_>>>()?;
    ws.edit_resource(id, |r| {
        r.items = items;
        Ok(())
    })
    .map(|_| ())
}

/// A new resource named `name`, numbered under the agency's code prefix (inside the write, so
/// two programs adding at once get different codes), provided by the agency.
pub fn add_resource(ws: &mut Workspace, name: &str) -> Result<i64> {
    let mut r = Resource::default();
    fields::set(&mut r, "name", name)?;
    if r.name.is_empty() {
        return Err(Error::invalid("name", name, "信息资源名称"));
    }
    Ok(ws.create_resources(vec![r])?[0].id)
}

/// The USCC as typed, normalised as the profile will store it, and why it is wrong (if it is).
#[derive(Debug, Serialize, PartialEq)]
pub struct UsccCheck {
    pub normalized: String,
    /// What is wrong: `length`, `character`, `check` or `structure`; `null` when it is valid.
    pub problem: Option<&'static str>,
    pub reason: Option<String>,
}

pub fn check_uscc_text(text: &str, lang: Lang) -> UsccCheck {
    let normalized = mulu_core::text::clean_code(text).to_uppercase();
    let invalid = if normalized.is_empty() { None } else { uscc::validate(&normalized).err() };
    // A short code is only "too short" while it is being typed, unless a character typed so far
    // is already impossible: that is said at once (found by checking the code padded with 0s).
    let count = normalized.chars().count();
    let invalid = match invalid {
        Some(Invalid::Length { .. }) if count < 18 => {
            let padded: String = normalized.chars().chain(std::iter::repeat('0')).take(18).collect();
            match uscc::validate(&padded) {
                Err(e @ Invalid::Character { .. }) => Some(e),
                _ => invalid,
            }
        }
        other => other,
    };
    let problem = invalid.as_ref().map(|e| match e {
        Invalid::Length { .. } => "length",
        Invalid::Character { .. } => "character",
        Invalid::CheckCharacter { .. } => "check",
        _ => "structure",
    });
    UsccCheck { normalized, problem, reason: invalid.map(|e| e.describe(lang)) }
}

#[tauri::command]
pub async fn update_agency_field(
    state: State<'_, AppState>,
    key: String,
    text: String,
    lang: Lang,
) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        set_agency_field(ws, &key, &text)?;
        overview(ws, lang)
    })
}

#[tauri::command]
pub fn check_uscc(text: String, lang: Lang) -> UsccCheck {
    check_uscc_text(&text, lang)
}

#[tauri::command]
pub async fn update_resource_field(
    state: State<'_, AppState>,
    id: i64,
    key: String,
    text: String,
    lang: Lang,
) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        set_resource_field(ws, id, &key, &text)?;
        overview(ws, lang)
    })
}

#[tauri::command]
pub async fn update_items(
    state: State<'_, AppState>,
    id: i64,
    items: Vec<ItemInput>,
    lang: Lang,
) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        set_items(ws, id, &items)?;
        overview(ws, lang)
    })
}

/// How many resources a bulk edit changed, and the overview after it.
#[derive(Serialize)]
pub struct Bulked {
    changed: usize,
    overview: Overview,
}

/// Sets one field to one value on the selected resources: one transaction, one change set, so
/// one undo reverts it (the core's `set_field_many`).
#[tauri::command]
pub async fn bulk_set_field(
    state: State<'_, AppState>,
    ids: Vec<i64>,
    key: String,
    text: String,
    lang: Lang,
) -> Result<Bulked, ErrorPayload> {
    state.change(lang, |ws| {
        let changed = ws.set_field_many(&ids, &key, &text)?;
        Ok(Bulked { changed, overview: overview(ws, lang)? })
    })
}

#[derive(Serialize)]
pub struct Added {
    id: i64,
    overview: Overview,
}

#[tauri::command]
pub async fn create_resource(state: State<'_, AppState>, name: String, lang: Lang) -> Result<Added, ErrorPayload> {
    state.change(lang, |ws| {
        let id = add_resource(ws, &name)?;
        Ok(Added { id, overview: overview(ws, lang)? })
    })
}

#[tauri::command]
pub async fn delete_resource(state: State<'_, AppState>, id: i64, lang: Lang) -> Result<Overview, ErrorPayload> {
    state.change(lang, |ws| {
        ws.remove_resource(id)?;
        overview(ws, lang)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const USCC: &str = "115201110091453295";

    fn workspace() -> (tempfile::TempDir, Workspace) {
        let dir = tempfile::tempdir().unwrap();
        let ws = Workspace::open_or_create(&dir.path().join("t.mulu")).unwrap();
        (dir, ws)
    }

    fn rules_on<'a>(o: &'a Overview, field: &str) -> Vec<&'a str> {
        let all = o.catalog_findings.iter().chain(o.resources.iter().flat_map(|r| r.findings.iter()));
        all.filter(|f| f.field.as_deref() == Some(field)).map(|f| f.rule.as_str()).collect()
    }

    #[test]
    fn an_agency_field_is_normalised_saved_and_checked() {
        let (_d, mut ws) = workspace();
        set_agency_field(&mut ws, "uscc", " 11520111009145329x ").unwrap();
        assert_eq!(ws.agency().unwrap().uscc.as_deref(), Some("11520111009145329X"), "upper-cased, trimmed");
        assert!(!rules_on(&overview(&ws, Lang::Zh).unwrap(), "agency.uscc").is_empty(), "a wrong code is a finding");
        set_agency_field(&mut ws, "uscc", USCC).unwrap();
        assert!(rules_on(&overview(&ws, Lang::Zh).unwrap(), "agency.uscc").is_empty(), "fixed");
        set_agency_field(&mut ws, "level", "乡镇").unwrap();
        assert!(set_agency_field(&mut ws, "colour", "red").is_err());
        let changes = ws.history(None, 50).unwrap().len();
        set_agency_field(&mut ws, "level", "乡镇").unwrap();
        assert_eq!(ws.history(None, 50).unwrap().len(), changes, "an unchanged value writes nothing");
    }

    #[test]
    fn uscc_as_typed() {
        assert_eq!(check_uscc_text("", Lang::Zh), UsccCheck { normalized: String::new(), problem: None, reason: None });
        assert_eq!(check_uscc_text(&format!(" {USCC} "), Lang::Zh).reason, None);
        let short = check_uscc_text("1152011100914", Lang::Zh);
        assert_eq!(short.reason.as_deref(), Some("应为 18 位，实为 13 位"));
        assert_eq!(short.problem, Some("length"), "the UI says \"keep typing\" instead while the field has focus");
        let bad_char = check_uscc_text("91520IO", Lang::Zh);
        assert_eq!(bad_char.problem, Some("character"), "an impossible letter is said at once: {bad_char:?}");
        assert_eq!(check_uscc_text("91520111MA6HIOOOOO", Lang::Zh).problem, Some("character"));
        let typo = check_uscc_text("115201110091453296", Lang::En).reason.unwrap();
        assert!(typo.contains("check character"), "{typo}");
    }

    #[test]
    fn a_new_resource_gets_the_next_code_and_the_agency_as_provider() {
        let (_d, mut ws) = workspace();
        for (k, v) in [("name", "青岩镇人民政府"), ("uscc", USCC), ("code_prefix", "352111009")] {
            set_agency_field(&mut ws, k, v).unwrap();
        }
        let a = add_resource(&mut ws, "  村级集体资产台账 ").unwrap();
        let b = add_resource(&mut ws, "低保名册").unwrap();
        let r = ws.resource(a).unwrap().resource;
        assert_eq!(r.name, "村级集体资产台账");
        assert_eq!(r.code.as_deref(), Some("352111009/000001"));
        assert_eq!(r.provider_name.as_deref(), Some("青岩镇人民政府"));
        assert_eq!(r.provider_code.as_deref(), Some(USCC));
        assert_eq!(ws.resource(b).unwrap().resource.code.as_deref(), Some("352111009/000002"));
        assert!(add_resource(&mut ws, "   ").is_err(), "a resource needs a name");
    }

    #[test]
    fn fields_and_items_are_set_and_findings_follow() {
        let (_d, mut ws) = workspace();
        let id = add_resource(&mut ws, "低保名册").unwrap();
        let o = overview(&ws, Lang::Zh).unwrap();
        assert!(rules_on(&o, "sharing.type").contains(&"field.required"));
        set_resource_field(&mut ws, id, "sharing.type", "无条件").unwrap();
        assert_eq!(
            ws.resource(id).unwrap().resource.sharing.kind.map(|k| k.as_str().to_string()).as_deref(),
            Some("无条件共享")
        );
        assert!(rules_on(&overview(&ws, Lang::Zh).unwrap(), "sharing.type").is_empty());

        let items = [
            ItemInput {
                name: "姓名".into(), data_type: "字符串".into(), length: "20".into(), ..Default::default()
            },
            ItemInput { name: "公民身份号码".into(), data_type: "C".into(), ..Default::default() },
            ItemInput {
                name: "备注".into(),
                data_type: "文本型".into(),
                is_personal: Some(true),
                ..Default::default()
            },
        ];
        set_items(&mut ws, id, &items).unwrap();
        let r = ws.resource(id).unwrap().resource;
        assert_eq!(r.items.len(), 3);
        assert_eq!(r.items[0].data_type.as_ref().map(|t| t.as_str()), Some("C"), "normalised to the code");
        assert!(r.items[0].is_personal && !r.items[0].is_identifier, "flags from the name");
        assert!(r.items[1].is_identifier && r.items[1].is_personal);
        assert!(r.items[2].is_personal && !r.items[2].is_identifier, "flags as the officer set them");
        let o = overview(&ws, Lang::Zh).unwrap();
        assert_eq!(
            rules_on(&o, "items[2].data_type"),
            ["item.data_type.domain"],
            "kept as written, reported at its cell"
        );

        ws.remove_resource(id).unwrap();
        assert!(set_resource_field(&mut ws, id, "name", "x").is_err(), "gone");
    }
}
