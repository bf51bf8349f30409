// The inventory grouped as officers think of it: by the information system a resource comes
// from, then by the business (事项) that produces it. Groups and resources keep their catalog
// order (names compared as written, trimmed); the unfilled come last.
import type { ResourceSummary } from '../bindings/mulu'

export interface BusinessGroup {
  /** `null`: 来源业务 not filled in. */
  business: string | null
  rows: ResourceSummary[]
}

export interface SystemGroup {
  /** `null`: 来源系统 not filled in. */
  system: string | null
  count: number
  businesses: BusinessGroup[]
}

const named = (v: string | null | undefined) => v?.trim() || null

/** Groups of `key`, in order of first appearance, the `null` group last. */
function groupBy<T>(items: T[], key: (t: T) => string | null): [string | null, T[]][] {
  const groups = new Map<string | null, T[]>()
  for (const item of items) {
    const k = key(item)
    groups.set(k, [...(groups.get(k) ?? []), item])
  }
  return [...groups].sort(([a], [b]) => Number(a === null) - Number(b === null))
}

export function groupBySystem(rows: ResourceSummary[]): SystemGroup[] {
  return groupBy(rows, (r) => named(r.source_system)).map(([system, inSystem]) => ({
    system,
    count: inSystem.length,
    businesses: groupBy(inSystem, (r) => named(r.source_business)).map(([business, rows]) => ({ business, rows })),
  }))
}
