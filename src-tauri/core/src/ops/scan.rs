//! Accepting the resources a scan of data files proposed (梳理): added in one transaction,
//! numbered and with the agency as provider like any new resource, their grades left for the
//! officer to confirm.

use crate::error::Result;
use crate::model::Resource;
use crate::store::Workspace;

/// Adds the accepted proposals; returns them as stored (with their codes).
pub fn accept(ws: &mut Workspace, accepted: Vec<Resource>) -> Result<Vec<Resource>> {
    crate::scan::accept(ws, accepted)
}
