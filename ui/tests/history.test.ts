import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Change, Domains, DomainValue, Undone, UndoNext } from '../src/bindings/mulu'
import { summary } from './summaries'
import type { Fields } from '../src/lib/api'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'
import { actionLabel, recordName, undoneLines, valueText } from '../src/lib/history'

const resourceHistory = vi.fn<(id: number) => Promise<Change[]>>()
vi.mock('../src/lib/api', () => ({
  resourceHistory: (id: number) => resourceHistory(id),
  domains: () => new Promise(() => {}),
  toPayload: (e: { message: string }) => ({ code: 'x', message: e.message, field: null }),
}))
const { default: ResourceHistory } = await import('../src/components/ResourceHistory.vue')
const { default: AppHeader } = await import('../src/components/AppHeader.vue')

const v = (key: string, en: string): DomainValue => ({ key, zh: key, en, types: [] })
const DOMAINS = { update_cycle: [v('每月', 'Monthly'), v('每年', 'Yearly')] } as unknown as Domains
const fields: Fields = {
  resource: [
    { key: 'update_cycle', zh: '更新周期', en: 'Update cycle', required: true, recommended: false, help_zh: '', help_en: '', domain: 'update_cycle' },
    { key: 'abstract', zh: '信息资源摘要', en: 'Abstract', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
  ],
  agency: [{ key: 'contact_name', zh: '联系人', en: 'Contact name', required: true, recommended: false, help_zh: '', help_en: '', domain: null }],
  other: [],
  bulk: [],
}
const i18n = makeI18n('zh-CN')
const t = i18n.global.t as (k: string, v?: Record<string, unknown>) => string
const en = makeI18n('en').global.t as typeof t

const change = (over: Partial<Change>): Change => ({
  set_id: 7,
  at: '2026-11-26T09:05:00.000+08:00',
  action: 'resource.edit',
  entity: 'resource',
  entity_id: 1,
  path: 'update_cycle',
  old: null,
  new: null,
  operator: null,
  ...over,
})

describe('history words', () => {
  it('names each action the store records, an undo by what it undid', () => {
    expect(actionLabel('resource.bulk', t)).toBe('批量修改')
    expect(actionLabel('resource.grade', t)).toBe('定级')
    expect(actionLabel('resource.grade_confirm', t)).toBe('确认定级')
    expect(actionLabel('import', t)).toBe('导入')
    expect(actionLabel('undo resource.bulk', t)).toBe('撤销（批量修改）')
    expect(actionLabel('undo resource.edit', en)).toBe('Undo (Edit)')
    expect(actionLabel('something.new', t)).toBe('something.new')
  })

  it('shows stored values as the form does: domain labels, yes/no, lists, empty', () => {
    const ctx = (locale: 'zh-CN' | 'en', tt = t) => ({ locale, t: tt, domains: DOMAINS, fields })
    expect(valueText('update_cycle', '"每月"', ctx('en', en))).toBe('Monthly')
    expect(valueText('update_cycle', null, ctx('zh-CN'))).toBe('（空）')
    expect(valueText('abstract', '"全镇低保"', ctx('zh-CN'))).toBe('全镇低保')
    expect(valueText('open.declassified', 'true', ctx('zh-CN'))).toBe('是')
    expect(valueText('related_codes', '["101/1","102/2"]', ctx('zh-CN'))).toBe('101/1；102/2')
    expect(valueText('items[1]', '{"name":"身份证号","data_type":"C"}', ctx('zh-CN'))).toBe('身份证号')
    expect(recordName(change({ path: '*', old: '{"name":"低保名册"}' }))).toBe('低保名册')
  })

  it('says what an undo did, a line per change, with the resource’s name', () => {
    provideDomains(DOMAINS)
    const rows = [summary(1, '农村低保对象名册')]
    const u: Undone = {
      set_id: 7,
      action: 'resource.bulk',
      at: '2026-11-26T09:05:00.000+08:00',
      changes: 3,
      details: [
        change({ old: '"每月"', new: null }),
        change({ entity_id: 2, path: '*', old: '{"name":"村级集体资产台账"}', new: null }),
        change({ entity: 'agency', entity_id: null, path: 'contact_name', old: '"王芳"', new: '"李明"' }),
      ],
    }
    expect(undoneLines(u, { rows, fields, locale: 'zh-CN', t, domains: DOMAINS })).toEqual([
      '农村低保对象名册 · 更新周期：每月 → （空）',
      '删除了资源“村级集体资产台账”',
      '机构信息 · 联系人：王芳 → 李明',
    ])
  })
})

describe('ResourceHistory', () => {
  it('lists the core’s changes, newest first, and asks again when the resource changes', async () => {
    provideDomains(DOMAINS)
    resourceHistory.mockResolvedValueOnce([
      change({ action: 'undo resource.bulk', old: '"每月"', new: null }),
      change({ action: 'resource.bulk', old: null, new: '"每月"' }),
      change({ action: 'resource.add', path: '*', old: null, new: '{}' }),
    ])
    const row = summary(1, '农村低保对象名册')
    const w = mount(ResourceHistory, { props: { row, fields }, global: { plugins: [i18n] } })
    await flushPromises()
    const texts = (id: string) => w.findAll(`[data-testid="${id}"]`).map((e) => e.text())
    expect(texts('history-action')).toEqual(['撤销（批量修改）', '批量修改', '新增'])
    expect(texts('history-field')).toEqual(['更新周期', '更新周期', ''])
    expect(texts('history-old')).toEqual(['每月', '（空）', ''])
    expect(texts('history-new')).toEqual(['（空）', '每月', '新增了这个资源'])
    expect(resourceHistory).toHaveBeenCalledWith(1)

    resourceHistory.mockResolvedValueOnce([])
    await w.setProps({ row: { ...row } })
    await flushPromises()
    expect(resourceHistory).toHaveBeenCalledTimes(2)
    expect(w.text()).toContain('这个资源还没有修改记录。')
  })
})

describe('the undo button', () => {
  const next: UndoNext = { set_id: 7, action: 'resource.bulk', at: '2026-11-26T09:05:00.000+08:00', changes: 2, refused: null }
  const header = (undo: UndoNext | null) =>
    mount(AppHeader, { props: { path: '/w.mulu', loading: false, loadedAt: null, undo }, global: { plugins: [makeI18n('zh-CN')] } })

  it('is disabled with the reason when there is nothing to undo, or the core refuses', () => {
    let w = header(null)
    expect(w.get('[data-testid="undo"]').attributes('disabled')).toBeDefined()
    expect(w.get('[data-testid="undo-wrap"]').attributes('data-reason')).toBe('没有可以撤销的修改。')
    w = header({ ...next, action: 'system.put', refused: '最近一次修改（信息系统的修改）不能撤销。' })
    expect(w.get('[data-testid="undo"]').attributes('disabled')).toBeDefined()
    // The core's sentence, then the app's advice for its code (lib/refusals.ts).
    expect(w.get('[data-testid="undo-wrap"]').attributes('data-reason')).toBe(
      '最近一次修改（信息系统的修改）不能撤销。如需改回，请修改来源表格后重新导入，或用命令行修改。',
    )
  })

  it('undoes when it can', async () => {
    const w = header(next)
    expect(w.get('[data-testid="undo"]').attributes('disabled')).toBeUndefined()
    expect(w.get('[data-testid="undo-wrap"]').attributes('data-reason')).toBe('')
    await w.get('[data-testid="undo"]').trigger('click')
    expect(w.emitted('undo')).toHaveLength(1)
  })
})

describe('undo asks first', async () => {
  const { undoNeedsConfirm, CONFIRM_UNDO_FROM } = await import('../src/lib/history')
  it('before reverting many changes at once (an import), not a field or a small bulk edit', () => {
    expect(undoNeedsConfirm(1)).toBe(false)
    expect(undoNeedsConfirm(2)).toBe(false)
    expect(undoNeedsConfirm(CONFIRM_UNDO_FROM)).toBe(true)
    expect(undoNeedsConfirm(20_000)).toBe(true)
  })
})
