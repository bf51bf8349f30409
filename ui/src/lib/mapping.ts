// The header mapping as the person edits it: the core's `Mapping` (the same JSON the CLI's
// --mapping reads), changed one column at a time, and the labels of the fields a column holds.
import type { Mapping, SheetReport } from '../bindings/mulu'
import type { Locale } from '../i18n'
import type { Fields } from './api'
import { fieldLabel } from './format'

type T = (key: string, values?: Record<string, unknown>) => string

/** The mapping with one column's choice: its rule goes last, as the core lets later rules win. */
export function choose(m: Mapping, rule: string, field: string): Mapping {
  return { ...m, columns: [...m.columns.filter((r) => r.column !== rule), { column: rule, field }] }
}

/** The mapping at another header row: the old rules named the old row's headers, so they go. */
export function atRow(row: number): Mapping {
  return { header_row: row, columns: [] }
}

/** Why a sheet was skipped (the core's `roles::SKIP_REASONS`), by its message: the key itself
 * (`instructions`) is never shown. The type makes a reason the core adds a compile error here. */
export const SKIP_REASON: Record<NonNullable<SheetReport['skipped']>, string> = {
  view: 'import.skipReason.view',
  instructions: 'import.skipReason.instructions',
  'no-header': 'import.skipReason.noHeader',
}

/** A column's field in the person's language: a resource field, a data item's part, or a combined cell. */
export function columnLabel(key: string, fields: Fields | null, locale: Locale, t: T, te: (key: string) => boolean): string {
  const own = `import.column.${key.replace(/\./g, '_')}`
  if (te(own)) return t(own)
  const item = /^item\.(\w+)$/.exec(key)
  if (item) {
    const part = `finding.itemPart.${item[1]}`
    return t('import.column.item', { part: te(part) ? t(part) : item[1] })
  }
  return fieldLabel(key, fields, locale, t)
}
