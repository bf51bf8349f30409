// Step 5 (校验): every finding of the catalog, grouped by rule or by resource, each still knowing
// which resource (by id) and field it belongs to, so a click can open the drawer right there.
import type { Finding, Overview } from '../bindings/mulu'

export interface Located {
  /** The resource's id; `null` for findings on the agency profile or the catalog as a whole. */
  id: number | null
  finding: Finding
}

export interface Group {
  key: string
  /** The resource's name, or the rule's id (the view names it). */
  title: string
  errors: number
  items: Located[]
}

export type GroupBy = 'rule' | 'resource'

export function located(o: Overview): Located[] {
  return [
    ...o.catalog_findings.map((finding) => ({ id: null, finding })),
    ...o.resources.flatMap((r) => r.findings.map((finding) => ({ id: r.id, finding }))),
  ]
}

/** Groups in a stable order: most errors first, then by size, then by title. */
export function groupFindings(list: Located[], by: GroupBy): Group[] {
  const groups = new Map<string, Group>()
  for (const l of list) {
    const key = by === 'rule' ? l.finding.rule : l.id === null ? 'catalog' : `r${l.id}`
    const title = by === 'rule' ? l.finding.rule : (l.finding.resource?.name ?? '')
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, title, errors: 0, items: [] }))
    g.items.push(l)
    if (l.finding.severity === 'error') g.errors++
  }
  return [...groups.values()].sort(
    (a, b) => b.errors - a.errors || b.items.length - a.items.length || a.title.localeCompare(b.title),
  )
}

/** Where the drawer should put the cursor for a finding's field: a form field or an item cell. */
export type Target = { kind: 'field'; key: string } | { kind: 'item'; row: number; part: string } | null

export function targetOf(field: string | null): Target {
  if (!field) return null
  const m = /^items\[(\d+)\]\.(\w+)$/.exec(field)
  if (m) return { kind: 'item', row: Number(m[1]), part: m[2] }
  return { kind: 'field', key: field.replace(/\[\d+\]$/, '') }
}

/** The item table's test id of a part (`data_type` is the type dropdown). */
export const itemCellId = (part: string) => (part === 'data_type' ? 'item-type' : `item-${part}`)
