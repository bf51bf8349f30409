// An edit answers with what it changed in the overview (the core's `OverviewDelta`), not the
// whole overview again: at 20,000 resources that was 12 MB of JSON for one keystroke. This makes
// the overview after it — a new object, the shown one is never changed in place — from the
// changed rows (by id, in place; new ones last, in the delta's order), the removed ids and the
// catalog's counts. The core computes every row and count; this only puts them together.
import type { Overview, OverviewDelta, ResourceSummary } from '../bindings/mulu'

/** The overview after `d`; `null` when `d` was computed against another overview than `o`
 *  (an answer lost or out of turn): the caller then reloads the whole overview. */
export function applyDelta(o: Overview | null, d: OverviewDelta): Overview | null {
  if (d.full) return d.full
  if (!o || o.revision !== d.base) return null
  const gone = new Set(d.removed)
  const fresh = new Map(d.changed.map((r) => [r.id, r]))
  const resources: ResourceSummary[] = []
  for (const r of o.resources) {
    if (gone.has(r.id)) continue
    const next = fresh.get(r.id)
    fresh.delete(r.id)
    resources.push(next ?? r)
  }
  for (const r of d.changed) if (fresh.has(r.id)) resources.push(r)
  return {
    ...o,
    resources,
    has_agency: d.has_agency,
    agency: d.agency,
    catalog_findings: d.catalog_findings,
    summary: d.summary,
    rules: d.rules,
    undo: d.undo,
    revision: d.revision,
  }
}
