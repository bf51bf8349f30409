//! Resources (信息资源) and the agency profile, edited from typed text: every value goes through
//! the core's `fields` setters, the same normalisation as the importer.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::error::{Error, Result};
use crate::model::{fields, Agency, DataItem, Resource};
use crate::rules::{self, identity::detect_item_flags, Context, Finding};
use crate::store::{StoredResource, Workspace};

/// One field's value as typed, under the core's key (`name`, `sharing.type`, …).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct FieldText {
    pub key: String,
    pub text: String,
}

impl FieldText {
    pub fn new(key: &str, text: &str) -> Self {
        FieldText { key: key.into(), text: text.into() }
    }
}

/// A data item (信息项) as the table editor holds it: text as typed. Flags left `null` (rows
/// pasted or added) are decided from the item's name, as the importer does.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(default)]
pub struct ItemInput {
    pub name: String,
    pub data_type: String,
    pub length: String,
    pub description: String,
    pub is_identifier: Option<bool>,
    pub is_personal: Option<bool>,
}

impl ItemInput {
    /// The item as it will be stored, normalised; an invalid type or length is refused.
    pub fn to_item(&self) -> Result<DataItem> {
        let mut item = DataItem::default();
        fields::set_item(&mut item, "item.name", &self.name)?;
        fields::set_item(&mut item, "item.data_type", &self.data_type)?;
        fields::set_item(&mut item, "item.length", &self.length)?;
        fields::set_item(&mut item, "item.description", &self.description)?;
        match (self.is_identifier, self.is_personal) {
            (None, None) => detect_item_flags(&mut item),
            (id, personal) => {
                item.is_identifier = id.unwrap_or(false);
                item.is_personal = personal.unwrap_or(false);
            }
        }
        Ok(item)
    }
}

/// What to change on a resource: fields from typed text, then its data items (replaced when
/// `replace_items` is given, then appended, then removed by name).
#[derive(Debug, Clone, Default)]
pub struct ResourceEdit {
    pub fields: Vec<FieldText>,
    pub replace_items: Option<Vec<DataItem>>,
    pub add_items: Vec<DataItem>,
    pub remove_items: Vec<String>,
}

impl ResourceEdit {
    fn apply(&self, r: &mut Resource) -> Result<()> {
        for f in &self.fields {
            fields::set(r, &f.key, &f.text)?;
        }
        if let Some(items) = &self.replace_items {
            r.items = items.clone();
        }
        r.items.extend(self.add_items.iter().cloned());
        for name in &self.remove_items {
            let before = r.items.len();
            let n = crate::text::clean_line(name);
            r.items.retain(|i| i.name != n);
            if r.items.len() == before {
                return Err(Error::invalid("items", name, "an existing item name / 已有信息项名称"));
            }
        }
        Ok(())
    }
}

/// Adds a resource: numbered under the agency's code prefix unless a code is given, and the
/// agency named as provider unless told otherwise — both inside the write, so two programs adding
/// at once never get one code. A name given blank is refused (a resource is found by its name).
pub fn add(ws: &mut Workspace, new: &ResourceEdit) -> Result<i64> {
    let mut r = Resource::default();
    new.apply(&mut r)?;
    if let Some(f) = new.fields.iter().find(|f| f.key == "name") {
        if r.name.is_empty() {
            return Err(Error::invalid("name", &f.text, "信息资源名称"));
        }
    }
    Ok(ws.create_resources(vec![r])?[0].id)
}

/// Edits resource `id` as stored at the moment of writing (another program's edit of other
/// fields made meanwhile is kept); saves only when it changed (a save clears the secrecy review,
/// which a no-op must not do). Returns whether it changed.
pub fn edit(ws: &mut Workspace, id: i64, change: &ResourceEdit) -> Result<bool> {
    ws.edit_resource(id, |r| change.apply(r))
}

/// Sets one field from the text typed (the forms save one field at a time).
pub fn set_field(ws: &mut Workspace, id: i64, key: &str, text: &str) -> Result<bool> {
    edit(ws, id, &ResourceEdit { fields: vec![FieldText::new(key, text)], ..Default::default() })
}

/// Replaces a resource's data items (the table editor sends the whole table after each edit).
pub fn set_items(ws: &mut Workspace, id: i64, items: &[ItemInput]) -> Result<bool> {
    let items = items.iter().map(ItemInput::to_item).collect::<Result<Vec<_>>>()?;
    edit(ws, id, &ResourceEdit { replace_items: Some(items), ..Default::default() })
}

/// Sets one field to one value on many resources: one transaction and one change set, so one
/// undo reverts it. Returns how many changed.
pub fn bulk_set(ws: &mut Workspace, ids: &[i64], key: &str, text: &str) -> Result<usize> {
    ws.set_field_many(ids, key, text)
}

/// The id of the resource `selector` names: `#12`, its code, or its name (in that order); none
/// or several is an error naming the selector.
pub fn find(ws: &Workspace, selector: &str) -> Result<i64> {
    ws.find(selector)
}

/// Resource `id` as stored.
pub fn get(ws: &Workspace, id: i64) -> Result<StoredResource> {
    ws.resource(id)
}

/// Removes a resource; returns it as it was.
pub fn remove(ws: &mut Workspace, id: i64) -> Result<Resource> {
    ws.remove_resource(id)
}

/// What is still to fix on resource `id` (saving never waits for it).
pub fn findings(ws: &Workspace, id: i64, ctx: &Context) -> Result<Vec<Finding>> {
    let (ids, catalog) = ws.catalog_with_ids()?;
    let position =
        ids.iter().position(|&i| i == id).ok_or_else(|| Error::ResourceNotFound { selector: format!("#{id}") })?;
    Ok(rules::validate_resource(&catalog, position, ctx))
}

/// What is still to fix on the agency profile (机构信息).
pub fn agency_findings(ws: &Workspace, ctx: &Context) -> Result<Vec<Finding>> {
    let report = rules::validate(&ws.catalog()?, ctx);
    let own = |f: &Finding| f.resource.is_none() && f.field.as_deref().is_some_and(|x| x.starts_with("agency"));
    Ok(report.findings.into_iter().filter(own).collect())
}

/// Sets agency-profile fields from typed text, read inside the write so a field saved meanwhile
/// by another program is kept; saves only when it changed (or no profile was ever saved).
pub fn set_agency(ws: &mut Workspace, values: &[FieldText]) -> Result<bool> {
    ws.edit_agency(|agency: &mut Agency| values.iter().try_for_each(|f| fields::set_agency(agency, &f.key, &f.text)))
}

/// How a resource is named in events and requests: its code and name.
pub(crate) fn label(ws: &Workspace, id: i64) -> Result<String> {
    Ok(crate::rules::resource_label(&ws.resource(id)?.resource))
}
