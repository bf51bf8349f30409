import { describe, expect, it } from 'vitest'
import { addRow, blankRow, fromItems, moveRow, pasteRows, removeRow, toSave, updateRow, type ItemRow } from '../src/lib/items'
import { parsePastedItems } from '../src/lib/paste'
import type { DataItem } from '../src/bindings/mulu'

const item = (name: string, data_type: string | null = 'C'): DataItem => ({
  name,
  data_type,
  length: null,
  is_identifier: false,
  is_personal: false,
  description: null,
})
const names = (rows: ItemRow[]) => rows.map((r) => r.name)
const rows = fromItems([item('姓名'), item('住址'), item('联系电话')])

describe('data-item table editor', () => {
  it('reads stored items as text rows, keeping their flags', () => {
    const [r] = fromItems([{ ...item('公民身份号码'), length: '18', is_identifier: true, is_personal: true }])
    expect(r).toEqual({ name: '公民身份号码', data_type: 'C', length: '18', description: '', is_identifier: true, is_personal: true })
  })

  it('adds a blank row that is not saved until something is typed in it', () => {
    const more = addRow(rows)
    expect(more).toHaveLength(4)
    expect(toSave(more).items).toHaveLength(3)
    expect(toSave(more).index).toEqual([0, 1, 2, null])
    const typed = updateRow(more, 3, { name: '性别' })
    expect(names(toSave(typed).items)).toEqual(['姓名', '住址', '联系电话', '性别'])
  })

  it('maps saved positions past a blank row in the middle (for findings at their cells)', () => {
    const withGap = [rows[0], blankRow(), rows[1]]
    expect(toSave(withGap).index).toEqual([0, null, 1])
  })

  it('deletes and moves rows, leaving the input untouched', () => {
    expect(names(removeRow(rows, 1))).toEqual(['姓名', '联系电话'])
    expect(names(moveRow(rows, 2, -1))).toEqual(['姓名', '联系电话', '住址'])
    expect(names(moveRow(rows, 0, 1))).toEqual(['住址', '姓名', '联系电话'])
    expect(moveRow(rows, 0, -1)).toBe(rows)
    expect(moveRow(rows, 2, 1)).toBe(rows)
    expect(names(rows)).toEqual(['姓名', '住址', '联系电话'])
  })

  it('updates one cell', () => {
    const r = updateRow(rows, 1, { data_type: 'M', length: '200' })
    expect(r[1]).toMatchObject({ name: '住址', data_type: 'M', length: '200' })
    expect(r[0]).toBe(rows[0])
  })

  it('appends pasted rows, filling a trailing blank row first, with flags left to the core', () => {
    const pasted = parsePastedItems('公民身份号码\tC\t18\n出生日期\tD\t')
    const out = pasteRows(addRow(rows), pasted)
    expect(names(out)).toEqual(['姓名', '住址', '联系电话', '公民身份号码', '出生日期'])
    expect(out[3]).toMatchObject({ data_type: 'C', length: '18', is_identifier: null, is_personal: null })
  })

  it('inserts pasted rows at the row pasted into, replacing it when blank', () => {
    const pasted = parsePastedItems('性别\tC\n民族\tC')
    expect(names(pasteRows(rows, pasted, 1))).toEqual(['姓名', '性别', '民族', '住址', '联系电话'])
    const withBlank = [rows[0], blankRow(), rows[1]]
    expect(names(pasteRows(withBlank, pasted, 1))).toEqual(['姓名', '性别', '民族', '住址'])
    expect(pasteRows(rows, [])).toBe(rows)
  })
})
