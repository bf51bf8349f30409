import { describe, expect, it } from 'vitest'
import type { Finding, Overview, OverviewDelta, ResourceSummary } from '../src/bindings/mulu'
import { summary } from './summaries'
import { applyDelta } from '../src/lib/delta'

const duplicate = (code: string): Finding => ({
  rule: 'code.duplicate',
  severity: 'error',
  resource: null,
  field: 'code',
  sheet: null,
  row: null,
  column: null,
  message: `资源代码 ${code} 重复`,
  article: 'a',
})

const counts = (rows: ResourceSummary[]): Overview['summary'] => {
  const errors = rows.flatMap((r) => r.findings).length
  const by_rule: Record<string, number> = errors ? { 'code.duplicate': errors } : {}
  return { resources: rows.length, items: 0, sharing_catalog: 0, open_catalog: 0, errors, warnings: 0, resources_with_errors: errors, by_rule }
}

function overview(rows: ResourceSummary[], revision: number): Overview {
  return {
    path: '/w.mulu',
    has_agency: true,
    agency: {} as Overview['agency'],
    catalog_findings: [],
    resources: rows,
    summary: counts(rows),
    rules: [],
    undo: null,
    revision,
  }
}

function delta(base: number, revision: number, changed: ResourceSummary[], removed: number[], all: ResourceSummary[]): OverviewDelta {
  const o = overview(all, revision)
  const { has_agency, agency, catalog_findings, summary: s, rules, undo } = o
  return { base, revision, full: null, changed, removed, has_agency, agency, catalog_findings, summary: s, rules, undo }
}

const rows = [summary(1, '镇级财政预算公开信息'), summary(2, '村级集体资产台账'), summary(3, '户籍人口')]

describe('applying an edit’s delta', () => {
  it('a code edit on one resource also sends the other it now duplicates: both rows replaced, order kept', () => {
    const before = overview(rows, 7)
    const code = '352111009/000001'
    const one = summary(1, rows[0].name, { findings: [duplicate(code)] })
    const two = summary(2, rows[1].name, { code, findings: [duplicate(code)] })
    const fresh = overview([one, two, rows[2]], 8)
    const after = applyDelta(before, delta(7, 8, [two, one], [], fresh.resources))
    expect(after).toEqual(fresh)
    expect(before.resources[0].findings).toEqual([]) // the shown overview is not changed in place
    expect(after!.resources[2]).toBe(rows[2]) // an untouched row is the same object
  })

  it('removes by id and appends a new resource last, with the counts sent', () => {
    const added = summary(9, '新资源')
    const fresh = overview([rows[0], rows[2], added], 5)
    expect(applyDelta(overview(rows, 4), delta(4, 5, [added], [2], fresh.resources))).toEqual(fresh)
  })

  it('a delta against another overview asks for a reload; a whole one replaces it', () => {
    const d = delta(3, 5, [], [], rows)
    expect(applyDelta(overview(rows, 4), d)).toBeNull()
    expect(applyDelta(null, d)).toBeNull()
    const whole = overview(rows.slice(0, 1), 6)
    expect(applyDelta(overview(rows, 4), { ...d, full: whole })).toBe(whole)
  })
})
