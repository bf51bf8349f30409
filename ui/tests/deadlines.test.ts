import { describe, expect, it } from 'vitest'
import type { DueItem, Standing } from '../src/bindings/mulu'
import {
  byStanding,
  correctionRequest,
  daysLeft,
  eventRequest,
  isDate,
  localDay,
  resourceLabel,
  standingType,
  urgentCount,
} from '../src/lib/deadlines'

const item = (id: number, status: Standing, days_left: number): DueItem => ({
  kind: 'law',
  id,
  start: '2026-03-02',
  due: '2026-03-16',
  days: 10,
  provisional: false,
  status,
  days_left,
  resources: [],
  field: null,
  needs_package: false,
  text: null,
  from: null,
})

describe('deadlines', () => {
  const items = [item(1, 'overdue', -3), item(2, 'due_soon', 1), item(3, 'due', 7), item(4, 'overdue', -1)]

  it('counts overdue and due-soon items for the badge, not those due later', () => {
    expect(urgentCount(items)).toBe(3)
    expect(urgentCount([item(5, 'due', 9)])).toBe(0)
    expect(urgentCount([])).toBe(0)
  })

  it('groups by standing, keeping the core order within each', () => {
    const g = byStanding(items)
    expect(g.overdue.map((i) => i.id)).toEqual([1, 4])
    expect(g.due_soon.map((i) => i.id)).toEqual([2])
    expect(g.due.map((i) => i.id)).toEqual([3])
    expect(standingType('overdue')).toBe('danger')
    expect(standingType('due_soon')).toBe('warning')
    expect(standingType('due')).toBe('info')
  })

  it('says working days left or late in words', () => {
    const t = (key: string, v: Record<string, unknown>) => `${key}:${v.n}`
    expect(daysLeft(2, t)).toBe('deadlines.left:2')
    expect(daysLeft(0, t)).toBe('deadlines.left:0')
    expect(daysLeft(-4, t)).toBe('deadlines.late:4')
  })

  it('accepts only real days', () => {
    expect(isDate('2026-02-28')).toBe(true)
    expect(isDate('2026-02-30')).toBe(false)
    expect(isDate('2026-2-3')).toBe(false)
    expect(isDate('')).toBe(false)
    expect(localDay(new Date(2026, 0, 5, 23, 30))).toBe('2026-01-05')
  })

  it('builds an event request only when the kind and the date are given', () => {
    const f = { kind: '' as const, date: '2026-03-02', resources: [3, 7], note: '  ', needsPackage: true }
    expect(eventRequest(f)).toBeNull()
    expect(eventRequest({ ...f, kind: 'law', date: '2026-13-01' })).toBeNull()
    expect(eventRequest({ ...f, kind: 'data' })).toEqual({
      kind: 'data',
      date: '2026-03-02',
      resources: ['#3', '#7'],
      note: null,
      needs_package: true,
    })
  })

  it('builds a correction request only with who, which resource, what and when', () => {
    const f = { from: ' 市人社局 ', resource: 12, field: '', text: ' 更新周期应为每月 ', received: '2026-09-28' }
    expect(correctionRequest(f)).toEqual({
      from: '市人社局',
      resource: '#12',
      field: null,
      text: '更新周期应为每月',
      received: '2026-09-28',
      source: null,
    })
    expect(correctionRequest({ ...f, field: 'update_cycle' })?.field).toBe('update_cycle')
    expect(correctionRequest({ ...f, from: ' ' })).toBeNull()
    expect(correctionRequest({ ...f, resource: null })).toBeNull()
    expect(correctionRequest({ ...f, text: '' })).toBeNull()
    expect(correctionRequest({ ...f, received: '28/09/2026' })).toBeNull()
  })

  it('labels a resource by code and name', () => {
    expect(resourceLabel({ code: '000014348/01-00001', name: '低保名册' })).toBe('000014348/01-00001 低保名册')
    expect(resourceLabel({ code: null, name: '低保名册' })).toBe('低保名册')
  })
})
