// A catalog table's row: what the exports show of a resource. The workspace's own resources come
// as the overview's summaries (which have these fields); a package's come whole and are narrowed.
import type { Resource, ResourceSummary } from '../bindings/mulu'

export type CatalogRow = Pick<ResourceSummary, 'code' | 'name' | 'sensitivity' | 'sharing_type' | 'open_type' | 'update_cycle'>

export const catalogRow = (r: Resource): CatalogRow => ({
  code: r.code,
  name: r.name,
  sensitivity: r.sensitivity,
  sharing_type: r.sharing.type,
  open_type: r.open.type,
  update_cycle: r.update_cycle,
})
