import { describe, expect, it } from 'vitest'
import { fieldOf, findingsAt, itemCellFindings, unplaced } from '../src/lib/findings'
import { fieldText, groupsFor, GROUPS, helpKey } from '../src/lib/resourceForm'
import { serial } from '../src/lib/queue'
import type { Finding, Resource } from '../src/bindings/mulu'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

const f = (field: string | null, rule = 'field.required'): Finding => ({
  rule,
  severity: 'error',
  resource: null,
  field,
  sheet: null,
  row: null,
  column: null,
  message: rule,
  article: '',
})

const resource = (over: Partial<Resource> = {}): Resource => ({
  code: '352111009/000001',
  name: '城乡低保对象名册',
  classification: { class: '3', item: '52', category: '111', subcategory: '009' },
  provider_name: '青岩镇人民政府',
  provider_code: null,
  abstract: '全镇低保对象',
  format: { class: '电子表格', type: 'xlsx' },
  items: [],
  sensitivity: '内部',
  sharing: { type: '有条件共享', condition: null, basis: null, method: { class: '共享平台方式', type: '接口' } },
  open: { type: null, condition: null, basis: null, declassified: false },
  update_cycle: '每月',
  published_on: '2026-01-15',
  related_codes: ['101001/1', '201001/2'],
  source_business: null,
  source_system: null,
  usage_requirements: null,
  category: null,
  record_count: null,
  data_volume_gb: null,
  notes: null,
  grading: null,
  secrecy_review: null,
  ...over,
})

describe('findings at their field', () => {
  const all = [f('sharing.basis'), f('items[2].data_type', 'item.data_type.domain'), f('related_codes[1]'), f('items', 'item.required'), f(null)]

  it('places field, list and item-cell findings', () => {
    expect(fieldOf('related_codes[1]')).toBe('related_codes')
    expect(fieldOf('items[0].name')).toBe('items')
    expect(findingsAt(all, 'sharing.basis')).toHaveLength(1)
    expect(findingsAt(all, 'related_codes')).toHaveLength(1)
    expect(findingsAt(all, 'items').map((x) => x.rule)).toEqual(['item.required'])
    expect([...itemCellFindings(all).keys()]).toEqual(['2.data_type'])
  })

  it('lists what no field shows', () => {
    const known = new Set(GROUPS.flatMap((g) => g.fields.map((x) => x.key)))
    expect(unplaced(all, known).map((x) => x.field)).toEqual([null])
  })
})

describe('resource form', () => {
  it('places every field once, and an unknown one in the last group', () => {
    const keys = GROUPS.flatMap((g) => g.fields.map((x) => x.key))
    expect(new Set(keys).size).toBe(keys.length)
    const more = groupsFor([{ key: 'new_field', zh: '新', en: 'New', required: false, recommended: false, help_zh: '', help_en: '', domain: null }])
    expect(more.at(-1)!.fields.at(-1)!.key).toBe('new_field')
  })

  it('has a help line in both languages for every placed field', () => {
    for (const key of GROUPS.flatMap((g) => g.fields.map((x) => x.key))) {
      expect((zhCN.help.resource as Record<string, string>)[helpKey(key)], key).toBeTruthy()
      expect((en.help.resource as Record<string, string>)[helpKey(key)], key).toBeTruthy()
    }
  })

  it('reads a resource as the text each control holds', () => {
    const r = resource()
    expect(fieldText(r, 'sharing.method.type')).toBe('接口')
    expect(fieldText(r, 'format.class')).toBe('电子表格')
    expect(fieldText(r, 'classification')).toBe('352111009')
    expect(fieldText(r, 'related_codes')).toBe('101001/1；201001/2')
    expect(fieldText(r, 'open.declassified')).toBe('否')
    expect(fieldText(r, 'open.type')).toBe('')
    expect(fieldText(r, 'abstract')).toBe('全镇低保对象')
  })
})

describe('saving in order', () => {
  it('runs tasks one after another, even after a failure', async () => {
    const run = serial()
    const seen: string[] = []
    const slow = run(() => new Promise<void>((ok) => setTimeout(() => (seen.push('a'), ok()), 20)))
    const failing = run(async () => {
      seen.push('b')
      throw new Error('x')
    })
    const last = run(async () => seen.push('c'))
    await Promise.allSettled([slow, failing, last])
    expect(seen).toEqual(['a', 'b', 'c'])
    await expect(failing).rejects.toThrow('x')
  })
})
