// The data-item table editor's logic, kept out of the component: rows as typed, and the
// operations on them. Each operation returns a new array (the component saves it whole).
import type { DataItem } from '../bindings/mulu'
import type { ItemInput } from './api'
import type { PastedItem } from './paste'

export type ItemRow = ItemInput

export const blankRow = (): ItemRow => ({
  name: '',
  data_type: '',
  length: '',
  description: '',
  is_identifier: null,
  is_personal: null,
})

export function fromItems(items: DataItem[]): ItemRow[] {
  return items.map((i) => ({
    name: i.name,
    data_type: i.data_type ?? '',
    length: i.length ?? '',
    description: i.description ?? '',
    is_identifier: i.is_identifier,
    is_personal: i.is_personal,
  }))
}

/** A row with nothing typed yet: kept on screen, not saved (an empty item would be an error). */
export const isBlank = (r: ItemRow) => !r.name.trim() && !r.data_type.trim() && !r.length.trim() && !r.description.trim()

export const addRow = (rows: ItemRow[]): ItemRow[] => [...rows, blankRow()]

export const removeRow = (rows: ItemRow[], i: number): ItemRow[] => rows.filter((_, j) => j !== i)

export function moveRow(rows: ItemRow[], i: number, delta: -1 | 1): ItemRow[] {
  const j = i + delta
  if (i < 0 || i >= rows.length || j < 0 || j >= rows.length) return rows
  const out = [...rows]
  ;[out[i], out[j]] = [out[j], out[i]]
  return out
}

export function updateRow(rows: ItemRow[], i: number, patch: Partial<ItemRow>): ItemRow[] {
  return rows.map((r, j) => (j === i ? { ...r, ...patch } : r))
}

/**
 * Inserts pasted items at row `at` (replacing it when it is blank), else appends them (filling a
 * trailing blank row first). Their flags stay `null`: the core decides them from the name.
 */
export function pasteRows(rows: ItemRow[], items: PastedItem[], at?: number): ItemRow[] {
  if (!items.length) return rows
  const fresh = items.map((p) => ({ ...blankRow(), ...p }))
  let i = at ?? rows.length
  let drop = at !== undefined && rows[at] && isBlank(rows[at]) ? 1 : 0
  if (at === undefined && rows.length && isBlank(rows[rows.length - 1])) {
    i = rows.length - 1
    drop = 1
  }
  return [...rows.slice(0, i), ...fresh, ...rows.slice(i + drop)]
}

/** The rows to save, and for each row its position among them (`null` for a blank row). */
export function toSave(rows: ItemRow[]): { items: ItemInput[]; index: (number | null)[] } {
  const items: ItemInput[] = []
  const index = rows.map((r) => {
    if (isBlank(r)) return null
    items.push({ ...r })
    return items.length - 1
  })
  return { items, index }
}
