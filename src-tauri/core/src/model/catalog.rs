//! The catalog as one document: the shape of `mulu show --json` and of the catalog inside a
//! submission package. Versioned by [`SCHEMA_VERSION`]; documented in docs/catalog-json.md.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{Agency, InfoSystem, Resource};

/// Bumped when the shape changes incompatibly.
pub const SCHEMA_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct Catalog {
    pub schema_version: u32,
    pub agency: Agency,
    #[serde(default)]
    pub systems: Vec<InfoSystem>,
    #[serde(default)]
    pub resources: Vec<Resource>,
}

impl Default for Catalog {
    fn default() -> Self {
        Catalog { schema_version: SCHEMA_VERSION, agency: Agency::default(), systems: vec![], resources: vec![] }
    }
}

/// Which of the three catalogs (目录) to look at. They are views of the same records.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "lowercase")]
pub enum View {
    /// 资源目录: every resource.
    Resource,
    /// 共享目录: shared unconditionally or with conditions.
    Sharing,
    /// 开放目录: opened to society.
    Open,
}

impl View {
    pub fn includes(self, r: &Resource) -> bool {
        match self {
            View::Resource => true,
            View::Sharing => r.in_sharing_catalog(),
            View::Open => r.in_open_catalog(),
        }
    }
}

impl Catalog {
    pub fn view(&self, view: View) -> impl Iterator<Item = &Resource> {
        self.resources.iter().filter(move |r| view.includes(r))
    }
}
