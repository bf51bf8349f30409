//! The agency's information systems (信息系统): the list the resources' `system` field names.

use crate::error::{Error, Result};
use crate::i18n::Lang;
use crate::model::InfoSystem;
use crate::store::Workspace;

/// Adds a system, or replaces the one of the same name; a blank name is refused. `funding`: how
/// it is funded (财政投资, 共同出资, 购买服务, 公共资金运营), as typed. Returns it as
/// saved (the name and description cleaned).
pub fn put(
    ws: &mut Workspace,
    name: &str,
    public_funds: bool,
    funding: Option<&str>,
    description: Option<&str>,
    lang: Lang,
) -> Result<InfoSystem> {
    let name = crate::text::clean_line(name);
    if name.is_empty() {
        return Err(Error::invalid("name", "", lang.pick("信息系统名称", "a system name")));
    }
    let system = InfoSystem {
        name,
        public_funds,
        funding: funding.and_then(crate::model::domain::Coded::parse),
        description: description.and_then(crate::text::opt),
    };
    ws.put_system(&system)?;
    Ok(system)
}

/// Removes the system named `name` (`system.not_found` when there is none).
pub fn remove(ws: &mut Workspace, name: &str) -> Result<()> {
    ws.remove_system(name)
}

/// The systems, in the order they were added.
pub fn list(ws: &Workspace) -> Result<Vec<InfoSystem>> {
    ws.systems()
}
