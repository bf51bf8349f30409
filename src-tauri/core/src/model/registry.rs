//! The field registry (字段登记表), `data/fields.toml`: the one home of every field — its labels
//! and help, whether it is required, its value domain, the headers that mean it, the sheets
//! that write it and its place in the form. Labels, required-field rules, the export, the
//! template, the importer's synonyms and the UI's form all read it; only the setters and
//! getters (`fields::set`/`get`), which parse each value differently, stay code.

use std::sync::OnceLock;

use serde::Deserialize;

use super::fields::FieldSpec;

/// Whose field it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Agency,
    Resource,
    Item,
    System,
}

/// A sheet of the catalog workbook or the fill-in template that writes fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sheet {
    /// 资源目录: every resource.
    Resources,
    /// 共享目录: the sharing view.
    Sharing,
    /// 开放目录: the open view.
    Open,
    /// 信息项: one row per data item, after its resource's code and name.
    Items,
    /// The fill-in template's 资源目录 (resource fields) or 信息项 (item fields).
    Template,
}

/// Where a field's value is kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stored {
    /// A member of the model, set and read by `fields::set`/`get`.
    #[default]
    Model,
    /// Text in the resource's `extra` map: a field added by its registry entry alone.
    Extra,
}

/// One entry of `data/fields.toml` (its header comment explains each member).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldDef {
    pub key: String,
    pub level: Level,
    pub zh: String,
    pub en: String,
    #[serde(default)]
    pub help_zh: String,
    #[serde(default)]
    pub help_en: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub recommended: bool,
    /// The rule that reports the field missing when it is not `field.required`.
    #[serde(default)]
    pub checked_by: Option<String>,
    #[serde(default)]
    pub domain: Option<String>,
    #[serde(default)]
    pub form: Option<u32>,
    #[serde(default)]
    pub sheets: Vec<Sheet>,
    #[serde(default)]
    pub headers: Vec<String>,
    #[serde(default)]
    pub stored: Stored,
}

impl FieldDef {
    pub fn on(&self, sheet: Sheet) -> bool {
        self.sheets.contains(&sheet)
    }

    /// What the UI and the labels receive.
    pub fn spec(&self) -> FieldSpec {
        FieldSpec {
            key: self.key.clone(),
            zh: self.zh.clone(),
            en: self.en.clone(),
            required: self.required,
            recommended: self.recommended,
            help_zh: self.help_zh.clone(),
            help_en: self.help_en.clone(),
            domain: self.domain.clone(),
        }
    }

    /// Whether the generic required check (`field.required`) reports this field empty.
    pub fn checked_as_required(&self) -> bool {
        self.required && self.checked_by.is_none()
    }
}

#[derive(Deserialize)]
struct File {
    field: Vec<FieldDef>,
}

#[derive(Debug)]
pub struct Registry {
    /// In the file's order: the national guide's column order.
    pub fields: Vec<FieldDef>,
}

const FIELDS_TOML: &str = include_str!("../../data/fields.toml");

/// The registry Mulu ships.
pub fn registry() -> &'static Registry {
    static R: OnceLock<Registry> = OnceLock::new();
    R.get_or_init(|| Registry::parse(FIELDS_TOML).expect("data/fields.toml is valid"))
}

impl Registry {
    /// Reads a registry, refusing one whose entries contradict each other: the message names
    /// the field and what to change.
    pub fn parse(text: &str) -> Result<Registry, String> {
        let f: File = toml::from_str(text).map_err(|e| format!("data/fields.toml: {e}"))?;
        for (i, d) in f.field.iter().enumerate() {
            let again =
                f.field[..i].iter().any(|e| e.key == d.key && (e.level == Level::Agency) == (d.level == Level::Agency));
            if again {
                return Err(format!("data/fields.toml: field {} is listed twice; keep one entry", d.key));
            }
            if let Some(n) = d.form {
                if f.field[..i].iter().any(|e| e.form == Some(n)) {
                    return Err(format!(
                        "data/fields.toml: field {} has form = {n} like another; give it its own place",
                        d.key
                    ));
                }
            }
            if !d.sheets.is_empty() && d.headers.is_empty() {
                return Err(format!(
                    "data/fields.toml: field {} is on a sheet but has no headers; add its header",
                    d.key
                ));
            }
            if d.level == Level::Agency && (!d.sheets.is_empty() || !d.headers.is_empty()) {
                return Err(format!("data/fields.toml: agency field {} is written as a row of 机构信息, not a column; remove its sheets and headers", d.key));
            }
            if d.stored == Stored::Extra && d.level != Level::Resource {
                return Err(format!(
                    "data/fields.toml: field {}: only resource fields can be stored in `extra`",
                    d.key
                ));
            }
        }
        Ok(Registry { fields: f.field })
    }

    /// A resource or item field by key.
    pub fn field(&self, key: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|d| d.key == key && d.level != Level::Agency)
    }

    pub fn agency(&self) -> impl Iterator<Item = &FieldDef> {
        self.fields.iter().filter(|d| d.level == Level::Agency)
    }

    /// The fields of `level` that `sheet` writes, in order.
    pub fn sheet(&self, level: Level, sheet: Sheet) -> impl Iterator<Item = &FieldDef> {
        self.fields.iter().filter(move |d| d.level == level && d.on(sheet))
    }

    /// The keys of the resource sheet `sheet` (资源目录, 共享目录, 开放目录, the template's).
    pub fn resource_keys(&self, sheet: Sheet) -> Vec<&str> {
        self.sheet(Level::Resource, sheet).map(|d| d.key.as_str()).collect()
    }

    /// The keys of an items sheet: the resource's code and name (which tie an item to its
    /// resource), then the item fields `sheet` writes.
    pub fn item_keys(&self, sheet: Sheet) -> Vec<&str> {
        let mut keys = vec!["code", "name"];
        keys.extend(self.sheet(Level::Item, sheet).map(|d| d.key.as_str()));
        keys
    }

    /// The resource form's fields, in their form order.
    pub fn form(&self) -> Vec<&FieldDef> {
        let mut f: Vec<&FieldDef> =
            self.fields.iter().filter(|d| d.level == Level::Resource && d.form.is_some()).collect();
        f.sort_by_key(|d| d.form);
        f
    }
}
