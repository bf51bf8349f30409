import { describe, expect, it } from 'vitest'
import { fieldOf, findingsAt, itemCellFindings, unplaced } from '../src/lib/findings'
import { defOf, fieldText, groupsFor, GROUPS, helpOf } from '../src/lib/resourceForm'
import { serial } from '../src/lib/queue'
import type { Finding, Resource } from '../src/bindings/mulu'

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
  open: { type: null, condition: null, basis: null, declassified: false, method: null, address: null, apply: null },
  update_cycle: '每月',
  published_on: '2026-01-15',
  updated_on: null,
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

  it('places only the registry’s form fields, each with help in both languages and, for a dropdown, a domain', async () => {
    // The core's field registry, as the `fields` command sends it: key, form place, domain, help.
    const { readFileSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const toml = readFileSync(resolve(__dirname, '../../src-tauri/core/data/fields.toml'), 'utf8')
    const entries = toml.split('[[field]]').slice(1)
    const value = (e: string, k: string) => e.match(new RegExp(`^${k} = "?([^"\n]*)"?$`, 'm'))?.[1]
    const form = entries.filter((e) => value(e, 'level') === 'resource' && value(e, 'form'))
    const specs = form.map((e) => ({
      key: value(e, 'key')!,
      zh: value(e, 'zh')!,
      en: value(e, 'en')!,
      required: value(e, 'required') === 'true',
      recommended: false,
      help_zh: value(e, 'help_zh') ?? '',
      help_en: value(e, 'help_en') ?? '',
      domain: value(e, 'domain') ?? null,
    }))
    const placed = GROUPS.flatMap((g) => g.fields)
    expect(placed.map((x) => x.key).sort()).toEqual(specs.map((s) => s.key).sort())
    for (const g of groupsFor(specs)) {
      for (const x of g.fields) {
        const s = specs.find((y) => y.key === x.key)
        expect(helpOf(s, 'zh-CN'), x.key).toBeTruthy()
        expect(helpOf(s, 'en'), x.key).toBeTruthy()
        if (x.control === 'select' || x.control === 'types') expect(x.domain, x.key).toBeTruthy()
      }
    }
    expect(defOf('update_cycle', specs).domain).toBe('update_cycle')
    expect(defOf('sharing.method.type', specs)).toMatchObject({ domain: 'method_class', classKey: 'sharing.method.class' })
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
