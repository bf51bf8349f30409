import { afterEach, describe, expect, it } from 'vitest'
import type { Finding, Overview, ResourceSummary } from '../src/bindings/mulu'
import { summary } from './summaries'
import { initialStep, rememberedStep, rememberStep, statusOf } from '../src/lib/steps'
import { groupFindings, itemCellId, located, targetOf } from '../src/lib/findingGroups'

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'field.required',
  severity: 'error',
  resource: null,
  field: null,
  sheet: null,
  row: null,
  column: null,
  message: 'm',
  article: 'a',
  ...over,
})

const row = (id: number, name: string, over: Partial<ResourceSummary>, findings: Finding[] = []): ResourceSummary =>
  summary(id, name, { ...over, findings: findings.map((f) => ({ ...f, resource: { code: `c${id}`, name } })) })

function overview(rows: ResourceSummary[], over: Partial<Overview> = {}): Overview {
  const all = rows.flatMap((r) => r.findings)
  const errors = all.filter((f) => f.severity === 'error').length
  return {
    path: '/w.mulu',
    has_agency: true,
    agency: {} as Overview['agency'],
    catalog_findings: [],
    resources: rows,
    summary: {
      resources: rows.length,
      items: 0,
      sharing_catalog: 0,
      open_catalog: 0,
      errors,
      warnings: all.length - errors,
      resources_with_errors: rows.filter((r) => r.findings.some((f) => f.severity === 'error')).length,
      by_rule: {},
    },
    rules: [],
    undo: null,
    revision: 0,
    ...over,
  }
}

describe('step status', () => {
  it('a new workspace has everything to do, starting with the agency', () => {
    const s = statusOf(overview([], { has_agency: false }))
    expect(s.map((x) => x.id)).toEqual(['agency', 'resources', 'metadata', 'grading', 'validate', 'export'])
    expect(s.find((x) => x.id === 'agency')).toMatchObject({ done: false, count: 1 })
    expect(s.find((x) => x.id === 'resources')).toMatchObject({ done: false, count: 0 })
    expect(s.find((x) => x.id === 'export')!.done).toBe(false)
  })

  it('counts resources with errors, without a grade and without the secrecy review', () => {
    const s = statusOf(
      overview([
        row(1, 'A', { sensitivity: '公开', secrecy_review: { reviewer: '张三', at: '2026-11-25T10:00:00Z' } }),
        row(2, 'B', {}, [finding({ field: 'abstract' }), finding({ severity: 'warning' })]),
        row(3, 'C', { sensitivity: '内部' }),
      ]),
    )
    const by = Object.fromEntries(s.map((x) => [x.id, x]))
    expect(by.agency).toMatchObject({ done: true, count: 0 })
    expect(by.resources).toMatchObject({ done: true, count: 3 })
    expect(by.metadata).toMatchObject({ done: false, count: 1 })
    expect(by.grading).toMatchObject({ done: false, count: 1 })
    expect(by.validate).toMatchObject({ done: false, count: 2 })
    expect(by.export).toMatchObject({ done: false, count: 2 })
  })

  it('a grade read from a sheet or proposed by a scan keeps step 4 open until confirmed', () => {
    const graded = (over: Partial<ResourceSummary>) => row(1, 'A', { sensitivity: '内部', ...over })
    const grading = (r: ResourceSummary) => statusOf(overview([r])).find((x) => x.id === 'grading')
    expect(grading(graded({ grade_unconfirmed: 'import' }))).toMatchObject({ done: false, count: 1 })
    expect(grading(graded({ grade_unconfirmed: 'scan' }))).toMatchObject({ done: false, count: 1 })
    expect(grading(graded({}))).toMatchObject({ done: true, count: 0 })
  })

  it('an error on the agency profile keeps step 1 open', () => {
    const o = overview([], { catalog_findings: [finding({ field: 'agency.uscc' })] })
    expect(statusOf(o)[0]).toMatchObject({ done: false, count: 1 })
  })
})

describe('remembered step', () => {
  afterEach(() => localStorage.clear())

  it('resumes where the officer left, else starts at the agency or the list', () => {
    expect(initialStep(null, false)).toBe('agency')
    expect(initialStep(null, true)).toBe('resources')
    expect(initialStep('nonsense', true)).toBe('resources')
    rememberStep('grading')
    expect(rememberedStep()).toBe('grading')
    expect(initialStep(rememberedStep(), false)).toBe('grading')
  })
})

describe('findings grouping', () => {
  const o = overview(
    [
      row(1, '台账甲', {}, [finding({ field: 'abstract' }), finding({ rule: 'item.type', field: 'items[2].data_type' })]),
      row(2, '台账乙', {}, [finding({ field: 'abstract', severity: 'warning', rule: 'abstract.short' })]),
    ],
    { catalog_findings: [finding({ rule: 'agency.uscc', field: 'agency.uscc' })] },
  )

  it('by rule: one group per rule, most errors first, each finding knowing its resource id', () => {
    const g = groupFindings(located(o), 'rule')
    expect(g.map((x) => [x.key, x.items.length, x.errors])).toEqual([
      ['field.required', 1, 1],
      ['agency.uscc', 1, 1],
      ['item.type', 1, 1],
      ['abstract.short', 1, 0],
    ].sort((a, b) => (b[2] as number) - (a[2] as number) || (a[0] as string).localeCompare(b[0] as string)))
    const required = g.find((x) => x.key === 'field.required')!
    expect(required.items[0].id).toBe(1)
  })

  it('by rule: each group is headed by its rule’s title and article, the id kept as its key', () => {
    const described = [
      { id: 'field.required', severity: 'error' as const, title: '必填的核心元数据', article: '《指南》核心元数据', message: '' },
    ]
    const g = groupFindings(located(o), 'rule', described)
    const required = g.find((x) => x.key === 'field.required')!
    expect([required.title, required.article]).toEqual(['必填的核心元数据', '《指南》核心元数据'])
    expect(g.find((x) => x.key === 'item.type')!.title).toBe('item.type')
    expect(groupFindings(located(o), 'resource', described).every((x) => x.article === null)).toBe(true)
  })

  it('by resource: the catalog as a whole is its own group', () => {
    const g = groupFindings(located(o), 'resource')
    expect(g.map((x) => [x.key, x.title, x.items.length])).toEqual([
      ['r1', '台账甲', 2],
      ['catalog', '', 1],
      ['r2', '台账乙', 1],
    ])
    expect(g[1].items[0].id).toBeNull()
  })

  it('a finding points to a form field or to an item cell', () => {
    expect(targetOf('sharing.basis')).toEqual({ kind: 'field', key: 'sharing.basis' })
    expect(targetOf('related_codes[1]')).toEqual({ kind: 'field', key: 'related_codes' })
    expect(targetOf('items[2].data_type')).toEqual({ kind: 'item', row: 2, part: 'data_type' })
    expect(targetOf(null)).toBeNull()
    expect(itemCellId('data_type')).toBe('item-type')
    expect(itemCellId('name')).toBe('item-name')
  })
})

describe('catalog preview paging', async () => {
  const { page, pick } = await import('../src/lib/paging')
  it('pages and clamps, and keeps the core order of a view', () => {
    const rows = Array.from({ length: 23 }, (_, i) => ({ id: i + 1 }))
    expect(page(rows, 1, 10).map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])
    expect(page(rows, 3, 10).map((r) => r.id)).toEqual([21, 22, 23])
    expect(page(rows, 9, 10).map((r) => r.id)).toEqual([21, 22, 23])
    expect(page([], 1, 10)).toEqual([])
    expect(pick(rows, [5, 2, 99]).map((r) => r.id)).toEqual([5, 2])
  })
})

describe('refusals: the app alone says which step fixes what', async () => {
  const { ADVISED, REFUSAL_STEP, adviceText, advised, refusalAdvice, withAdvice } = await import('../src/lib/refusals')
  const { STEPS } = await import('../src/lib/steps')
  const { messages } = await import('../src/i18n')
  it('every advised code has its advice in both languages, in the app’s terms', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      const advice = messages[locale].error.advice as Record<string, string>
      for (const code of ADVISED) {
        const text = advice[refusalAdvice(code)!.split('.').pop()!]
        expect(text, `${locale} ${code}`).toBeTruthy()
        expect(text).not.toMatch(/mulu |--/)
        // A step number only where the step is known, and then always.
        expect(text.includes('{n}'), code).toBe(!!REFUSAL_STEP[code] && REFUSAL_STEP[code] !== 'export')
      }
      expect(Object.keys(advice).sort()).toEqual(ADVISED.map((c) => c.replace(/\./g, '_')).sort())
    }
    expect(refusalAdvice('package.write')).toBeNull()
    expect(REFUSAL_STEP['package.findings']).toBe('validate')
    expect(REFUSAL_STEP['key.none']).toBe('agency')
  })
  it('advises only on codes the core or the shell really has (data/messages.toml)', async () => {
    const { readFileSync } = await import('node:fs')
    const { resolve } = await import('node:path')
    const toml = readFileSync(resolve(__dirname, '../../src-tauri/core/data/messages.toml'), 'utf8')
    const errors = [...toml.matchAll(/^\[error\."([^"]+)"\]$/gm)].map((m) => m[1])
    const app = toml.split(/^\[app\]$/m)[1].split(/^\[/m)[0]
    const shell = [...app.matchAll(/^"([^"]+)" = /gm)].map((m) => m[1])
    expect(errors.length).toBeGreaterThan(40)
    expect(shell).toContain('key.none')
    for (const code of [...ADVISED, ...Object.keys(REFUSAL_STEP)]) {
      expect([...errors, ...shell], code).toContain(code)
    }
  })
  it('the step number comes from the path, after the core’s face-neutral message', () => {
    const n = STEPS.indexOf('validate') + 1
    expect(adviceText('package.findings', 'zh')).toBe(`请在第 ${n} 步“校验”中查看并修正。`)
    const core = 'Validation found 3 errors (in 2 resources); nothing was packaged.'
    expect(withAdvice('package.findings', core, 'en')).toBe(`${core} See them at step ${n}, Check, and fix them.`)
    expect(withAdvice('package.write', core, 'en')).toBe(core)
    const e = advised({ code: 'agency.missing', message: '尚未填写机构信息。', field: null }, 'zh') as Record<string, string>
    expect(e.message).toBe('尚未填写机构信息。请先在第 1 步“机构信息”中填写。')
    expect(e.core).toBe('尚未填写机构信息。')
    expect(e.advice).toBe('请先在第 1 步“机构信息”中填写。')
    const other = { code: 'io', message: 'x', field: null }
    expect(advised(other, 'zh')).toBe(other)
    expect(advised('a plain string', 'zh')).toBe('a plain string')
  })
})
