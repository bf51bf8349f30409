// The change log as a person reads it: which action made a change (edit, import, bulk edit,
// grading…), which field, and its values before and after, in the person's language. The
// values come from the core as JSON, exactly as stored.
import type { Change, ResourceSummary, Undone } from '../bindings/mulu'
import type { Locale } from '../i18n'
import type { Fields } from './api'
import { valueLabel } from './domains'
import { fieldLabel } from './format'
import { defOf } from './resourceForm'

type T = (key: string, values?: Record<string, unknown>) => string

/** The change-log actions the store and the app record, by the word the UI shows for them. */
const ACTIONS: Record<string, string> = {
  'resource.edit': 'edit',
  'resource.bulk': 'bulk',
  'resource.grade': 'grading',
  'resource.grade_confirm': 'gradeConfirm',
  import: 'import',
  'resource.add': 'add',
  'resource.add_many': 'add',
  'resource.remove': 'remove',
  'resource.secrecy_confirm': 'secrecy',
  'agency.set': 'agency',
  'system.put': 'system',
  'system.remove': 'system',
}

/** `resource.bulk` → 批量修改; `undo resource.bulk` → 撤销（批量修改）; others as recorded. */
export function actionLabel(action: string, t: T): string {
  if (action.startsWith('undo ')) return t('history.actions.undo', { what: actionLabel(action.slice(5), t) })
  const kind = ACTIONS[action]
  return kind ? t(`history.actions.${kind}`) : action
}

/** From how many changes an undo asks first: one undo may delete a whole import's resources. */
export const CONFIRM_UNDO_FROM = 10

/** Whether undoing `changes` changes at once is worth a question before it is done. */
export const undoNeedsConfirm = (changes: number) => changes >= CONFIRM_UNDO_FROM

/** Whether a change is of a whole record (added or removed) rather than of a field. */
export const isWhole = (c: Change) => c.path === '*'

/** The name inside a whole record's JSON (the resource added or removed), if any. */
export function recordName(c: Change): string | null {
  for (const doc of [c.old, c.new]) {
    try {
      const name = doc ? (JSON.parse(doc) as { name?: unknown }).name : undefined
      if (typeof name === 'string' && name) return name
    } catch {
      /* not JSON: no name */
    }
  }
  return null
}

/** The label of a changed field path: the form's label; the grading and review as a whole. */
export function pathLabel(path: string, fields: Fields | null, locale: Locale, t: T): string {
  if (path.startsWith('grading')) return t('history.path.grading')
  if (path.startsWith('secrecy_review')) return t('history.path.secrecy')
  return fieldLabel(path, fields, locale, t)
}

/** A stored value (JSON text, `null`: empty) as shown: domain values by label, yes/no, lists. */
export function valueText(
  path: string,
  json: string | null,
  ctx: { locale: Locale; t: T; domains: Parameters<typeof valueLabel>[0]; fields: Fields | null },
): string {
  if (json == null) return ctx.t('history.empty')
  let v: unknown
  try {
    v = JSON.parse(json)
  } catch {
    return json
  }
  const def = defOf(path, ctx.fields?.resource)
  const domain = def.domain
  const show = (x: unknown): string => {
    if (x == null || x === '') return ctx.t('history.empty')
    if (typeof x === 'boolean') return ctx.t(x ? 'form.yes' : 'form.no')
    if (typeof x === 'string') return (domain && def.control === 'select' && valueLabel(ctx.domains, domain, x, ctx.locale)) || x
    if (Array.isArray(x)) return x.length ? x.map(show).join('；') : ctx.t('history.empty')
    if (typeof x === 'object' && typeof (x as { name?: unknown }).name === 'string') return (x as { name: string }).name
    return JSON.stringify(x)
  }
  return show(v)
}

/** What an undo did, a line per change: `农村低保对象名册 · 更新周期：每月 → （空）`. */
export function undoneLines(
  u: Undone,
  ctx: { rows: ResourceSummary[]; fields: Fields | null; locale: Locale; t: T; domains: Parameters<typeof valueLabel>[0] },
): string[] {
  const { t } = ctx
  const names = new Map(ctx.rows.map((r) => [r.id, r.name]))
  return u.details.map((c) => {
    const name = (c.entity_id != null && names.get(c.entity_id)) || recordName(c) || `#${c.entity_id ?? ''}`
    if (isWhole(c)) return t(c.new ? 'undo.restored' : 'undo.removed', { name })
    const agency = c.entity === 'agency'
    return t('undo.line', {
      what: agency ? t('undo.agency') : name,
      field: pathLabel(agency ? `agency.${c.path}` : c.path, ctx.fields, ctx.locale, t),
      before: valueText(c.path, c.old, ctx),
      after: valueText(c.path, c.new, ctx),
    })
  })
}
