// Display conventions: numbers and dates the way each language writes them, and field keys
// from findings turned into the labels the core defines.
import type { FieldSpec } from '../bindings/mulu'
import type { Locale } from '../i18n'
import type { Fields } from './api'

type T = (key: string, values?: Record<string, unknown>) => string

export function formatNumber(n: number, locale: Locale): string {
  return new Intl.NumberFormat(locale).format(n)
}

/** `2026-01-15` → `2026年1月15日` (zh-CN) or `15 Jan 2026` (en); other text is shown as written. */
export function formatDate(value: string | null, locale: Locale): string | null {
  const m = value ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null
  if (!m) return value
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])))
  const style = locale === 'en' ? { day: 'numeric', month: 'short', year: 'numeric' } : { dateStyle: 'long' }
  return new Intl.DateTimeFormat(locale, { ...(style as Intl.DateTimeFormatOptions), timeZone: 'UTC' }).format(date)
}

/** A change-log time (RFC 3339, with its offset) as the date and minute, in local time. */
export function formatTime(at: string, locale: Locale): string {
  const d = new Date(at)
  if (Number.isNaN(d.getTime())) return at
  const parts = { year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' } as const
  return new Intl.DateTimeFormat(locale, { ...parts, hour12: false }).format(d)
}

function pick(spec: FieldSpec | undefined, locale: Locale): string | undefined {
  return spec && (locale === 'en' ? spec.en : spec.zh)
}

/** The label of a finding's field key: `sharing.type`, `agency.uscc`, `items[2].data_type`… */
export function fieldLabel(key: string | null, fields: Fields | null, locale: Locale, t: T): string {
  if (!key) return ''
  const find = (list: FieldSpec[] | undefined, k: string) => pick(list?.find((s) => s.key === k), locale)
  if (key.startsWith('agency.')) return find(fields?.agency, key.slice('agency.'.length)) ?? key
  const item = /^items\[(\d+)\]\.(\w+)$/.exec(key)
  if (item) {
    const partKey = `finding.itemPart.${item[2]}`
    const part = t(partKey)
    return t('finding.item', { n: Number(item[1]) + 1, part: part === partKey ? item[2] : part })
  }
  const listed = /^(\w+)\[(\d+)\]$/.exec(key)
  if (listed && listed[1] === 'systems') return t('finding.system', { n: Number(listed[2]) + 1 })
  if (listed) return t('finding.related', { label: find(fields?.resource, listed[1]) ?? listed[1], n: Number(listed[2]) + 1 })
  return find(fields?.resource, key) ?? find(fields?.other, key) ?? key
}
