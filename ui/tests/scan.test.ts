import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'
import type { DataItem, Domains, DomainValue, Proposal, Resource } from '../src/bindings/mulu'

// The app's commands, answered here as the core would; the progress event is never sent.
const api = vi.hoisted(() => ({
  scanRun: vi.fn(),
  scanAccept: vi.fn(),
  scanCancel: vi.fn(),
}))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))
vi.mock('@tauri-apps/api/event', () => ({ listen: vi.fn(async () => () => {}) }))

import ScanProposal from '../src/components/ScanProposal.vue'
import ScanView from '../src/components/ScanView.vue'

const v = (key: string, en: string): DomainValue => ({ key, zh: key === 'C' ? '字符型' : key, en, types: [] })
provideDomains({
  sensitivity: [v('公开', 'Public'), v('内部', 'Internal')],
  data_type: [v('C', 'Character'), v('N', 'Number')],
} as unknown as Domains)

const item = (name: string, data_type: string, flags: Partial<DataItem> = {}): DataItem => ({
  name,
  data_type,
  length: data_type === 'C' ? '18' : null,
  is_identifier: false,
  is_personal: false,
  description: null,
  ...flags,
})

function proposal(name: string, items: DataItem[], grade: string, reason: string): Proposal {
  const resource = {
    name,
    items,
    sensitivity: grade,
    grading: { suggested: grade, reason },
  } as unknown as Resource
  return { source: `/data/${name}.csv`, resource, rows: 40, sampled: 40, quality: [] }
}

const people = proposal('低保名单', [item('姓名', 'C'), item('证件号', 'C', { is_identifier: true, is_personal: true })], '内部', '含个人信息（证件号），按第九条至少为“内部”。')
const ledger = proposal('项目台账', [item('金额', 'N')], '公开', '未发现个人信息或标识。')
const mountWith = (c: unknown, props: object, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  mount(c as any, { props, global: { plugins: [makeI18n(locale)], stubs: { transition: false } } })

describe('ScanProposal', () => {
  it('shows the inferred types, the flagged columns and the core’s grade with its reason', () => {
    const w = mountWith(ScanProposal, { proposal: people, decision: null }, 'en')
    expect(w.get('[data-testid="scan-name"]').text()).toBe('低保名单')
    expect(w.findAll('[data-testid="scan-item"]').map((i) => i.attributes('data-type'))).toEqual(['C', 'C'])
    expect(w.findAll('[data-testid="scan-identifier"]')).toHaveLength(1)
    expect(w.get('[data-testid="scan-flagged"]').text()).toBe('Identifier or personal columns: 证件号')
    expect(w.get('[data-testid="scan-grade"]').text()).toContain('Internal')
    expect(w.get('[data-testid="scan-reason"]').text()).toBe(people.resource.grading!.reason)
    expect(w.text()).toContain('40 data rows')
  })

  it('says nothing is flagged when no column is, and passes the decision up', async () => {
    const w = mountWith(ScanProposal, { proposal: ledger, decision: null })
    expect(w.find('[data-testid="scan-flagged"]').exists()).toBe(false)
    await w.get('[data-testid="scan-reject"] input').setValue(true)
    expect(w.emitted('decide')).toEqual([['reject']])
  })
})

describe('ScanView', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.scanRun.mockResolvedValue({ proposals: [people, ledger], skipped: [] })
    api.scanAccept.mockImplementation(async (accepted: number[]) => accepted.length)
    api.scanCancel.mockResolvedValue(undefined)
  })

  const decide = async (w: ReturnType<typeof mountWith>, i: number, what: 'accept' | 'reject') => {
    await w.findAll(`[data-testid="scan-${what}"] input`)[i].setValue(true)
  }

  it('adds only what was accepted; a rejected or undecided proposal is not sent', async () => {
    const w = mountWith(ScanView, { paths: ['/data'] })
    await flushPromises()
    const add = w.get('[data-testid="scan-add"]')
    expect(add.attributes('disabled'), 'nothing accepted yet').toBeDefined()
    await decide(w, 0, 'reject')
    await decide(w, 1, 'accept')
    expect(add.text()).toBe('添加 1 个资源')
    await add.trigger('click')
    await flushPromises()
    expect(api.scanAccept).toHaveBeenCalledWith([1], 'zh')
    expect(w.emitted('close')).toEqual([[1]])
  })

  it('accepts all at once', async () => {
    const w = mountWith(ScanView, { paths: ['/data'] })
    await flushPromises()
    await w.get('[data-testid="scan-accept-all"]').trigger('click')
    expect(w.findAll('[data-testid="scan-proposal"]').map((p) => p.attributes('data-decision'))).toEqual(['accept', 'accept'])
    await w.get('[data-testid="scan-add"]').trigger('click')
    await flushPromises()
    expect(api.scanAccept).toHaveBeenCalledWith([0, 1], 'zh')
  })

  it('shows files it could not read, and a cancelled scan closes without a word', async () => {
    api.scanRun.mockResolvedValueOnce({
      proposals: [],
      skipped: [{ file: '/data/坏.xlsx', error: { code: 'sheet.unreadable', message: '无法读取 /data/坏.xlsx', field: null } }],
    })
    const w = mountWith(ScanView, { paths: ['/data'] })
    await flushPromises()
    expect(w.get('[data-testid="scan-skipped"]').text()).toContain('无法读取 /data/坏.xlsx')
    expect(w.get('[data-testid="scan-summary"]').text()).toContain('没有发现数据文件')

    api.scanRun.mockRejectedValueOnce({ code: 'cancelled', message: '已取消，未作任何修改。', field: null })
    const c = mountWith(ScanView, { paths: ['/data'] })
    await flushPromises()
    expect(c.find('[data-testid="scan-error"]').exists()).toBe(false)
    await c.get('[data-testid="scan-cancel"]').trigger('click')
    await flushPromises()
    expect(api.scanCancel).toHaveBeenCalled()
    expect(c.emitted('close')).toEqual([[null]])
  })
})
