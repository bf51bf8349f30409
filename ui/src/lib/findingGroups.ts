// Step 5 (校验): every finding of the catalog, grouped by rule or by resource, each still knowing
// which resource (by id) and field it belongs to, so a click can open the drawer right there.
import type { Finding, Overview, RuleInfo } from '../bindings/mulu'

export interface Located {
  /** The resource's id; `null` for findings on the agency profile or the catalog as a whole. */
  id: number | null
  finding: Finding
}

export interface Group {
  /** The rule's id, `r<id>` for a resource, or `catalog`. */
  key: string
  /** The resource's name, or the rule's title in the person's language (its id when the core
   * did not describe it). */
  title: string
  /** The rule's article, for a group by rule. */
  article: string | null
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

/** Groups in a stable order: most errors first, then by size, then by title. A group by rule is
 * headed by the rule's title from `rules` (the overview's descriptions of its rules). */
export function groupFindings(list: Located[], by: GroupBy, rules: RuleInfo[] = []): Group[] {
  const groups = new Map<string, Group>()
  const described = new Map(rules.map((r) => [r.id, r]))
  for (const l of list) {
    const key = by === 'rule' ? l.finding.rule : l.id === null ? 'catalog' : `r${l.id}`
    const rule = described.get(l.finding.rule)
    const title = by === 'rule' ? (rule?.title ?? l.finding.rule) : (l.finding.resource?.name ?? '')
    const article = by === 'rule' ? (rule?.article ?? l.finding.article) : null
    let g = groups.get(key)
    if (!g) groups.set(key, (g = { key, title, article, errors: 0, items: [] }))
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
