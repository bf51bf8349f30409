// Deadlines in working days (期限, G Art. 15–16) as the dashboard and the header badge show them.
// The core computes every date and standing (`mulu due`); this only groups, counts, words and
// builds the requests from the forms.
import type { CorrectionRequest, DueItem, EventKind, EventRequest, ResourceSummary, Standing } from '../bindings/mulu'

/** The order the dashboard lists the groups in: the most urgent first. */
export const STANDINGS: Standing[] = ['overdue', 'due_soon', 'due']

/** The header badge: overdue and due-soon items (0 hides it). */
export function urgentCount(items: readonly DueItem[]): number {
  return items.filter((i) => i.status !== 'due').length
}

/** The items of each standing, in the core's order (soonest first) within each. */
export function byStanding(items: readonly DueItem[]): Record<Standing, DueItem[]> {
  const out: Record<Standing, DueItem[]> = { overdue: [], due_soon: [], due: [] }
  for (const i of items) out[i.status].push(i)
  return out
}

/** Element Plus's tag type for a standing: the colour goes with the words, never alone. */
export function standingType(s: Standing): 'danger' | 'warning' | 'info' {
  return s === 'overdue' ? 'danger' : s === 'due_soon' ? 'warning' : 'info'
}

/** The working days left as words: `left` (n ≥ 0) or `late` (n working days past). */
export function daysLeft(n: number, t: (key: string, values: Record<string, unknown>) => string): string {
  return n >= 0 ? t('deadlines.left', { n }) : t('deadlines.late', { n: -n })
}

/** A date the core accepts (`YYYY-MM-DD`, a real day). */
export function isDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false
  const d = new Date(`${s}T00:00:00Z`)
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s
}

/** Today as `YYYY-MM-DD` in local time (the form's default date; the core is told the day). */
export function localDay(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`
}

/** A resource as the core finds it exactly: by its id, whatever its code or name. */
export const resourceRef = (id: number) => `#${id}`

/** A resource's label in the pickers: its code (when it has one) and name. */
export function resourceLabel(r: Pick<ResourceSummary, 'code' | 'name'>): string {
  return r.code ? `${r.code} ${r.name}` : r.name
}

const trimmed = (s: string) => s.trim() || null

export interface EventForm {
  kind: EventKind | ''
  date: string
  resources: number[]
  note: string
  needsPackage: boolean
}

/** The change event to record, or `null` while the kind or the date is missing or no day. */
export function eventRequest(f: EventForm): EventRequest | null {
  if (!f.kind || !isDate(f.date)) return null
  return {
    kind: f.kind,
    date: f.date,
    resources: f.resources.map(resourceRef),
    note: trimmed(f.note),
    needs_package: f.needsPackage,
  }
}

export interface CorrectionForm {
  from: string
  resource: number | null
  field: string
  text: string
  received: string
}

/** The correction request to record, or `null` while who, which resource, what or when is
 *  missing. */
export function correctionRequest(f: CorrectionForm): CorrectionRequest | null {
  if (!f.from.trim() || f.resource === null || !f.text.trim() || !isDate(f.received)) return null
  return {
    from: f.from.trim(),
    resource: resourceRef(f.resource),
    field: trimmed(f.field),
    text: f.text.trim(),
    received: f.received,
    source: null,
  }
}
