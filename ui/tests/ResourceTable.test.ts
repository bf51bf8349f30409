import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { ResourceSummary } from '../src/bindings/mulu'
import { summary } from './summaries'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'

// The core's search, as the command answers: ids in catalog order.
const searchResources = vi.fn<(query: string, lang: string) => Promise<number[]>>()
vi.mock('../src/lib/api', () => ({ searchResources: (q: string, l: string) => searchResources(q, l), domains: () => new Promise(() => {}) }))
const { default: ResourceTable } = await import('../src/components/ResourceTable.vue')

const row = (id: number, name: string) => summary(id, name)

const rows = (n: number) => Array.from({ length: n }, (_, i) => row(i + 1, `资源${i + 1}`))

function render(data: ResourceSummary[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  provideDomains(null)
  return mount(ResourceTable, { props: { rows: data, fields: null }, global: { plugins: [makeI18n(locale)] } })
}
const box = (w: ReturnType<typeof render>) => w.get('input[data-testid="resource-search"]')
const names = (w: ReturnType<typeof render>) => w.findAll('[data-testid="resource-name"]').map((e) => e.text())

describe('ResourceTable', () => {
  beforeEach(() => {
    vi.useFakeTimers()
    searchResources.mockReset()
  })
  afterEach(() => vi.useRealTimers())

  it('shows a page at a time, with the total', async () => {
    const w = render(rows(120))
    await flushPromises()
    expect(names(w)).toHaveLength(50)
    expect(names(w)[0]).toBe('资源1')
    expect(w.get('[data-testid="search-count"]').text()).toBe('共 120 个')
    await w.get('[data-testid="resource-pager"] .btn-next').trigger('click')
    expect(names(w)[0]).toBe('资源51')
  })

  it('asks the core once typing pauses, and shows its matches as "n of total"', async () => {
    searchResources.mockResolvedValue([7, 3])
    const w = render(rows(30), 'en')
    await box(w).setValue('低')
    await box(w).setValue('低保对')
    expect(searchResources).not.toHaveBeenCalled()
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(searchResources).toHaveBeenCalledOnce()
    expect(searchResources).toHaveBeenCalledWith('低保对', 'en')
    expect(names(w)).toEqual(['资源7', '资源3'])
    expect(w.get('[data-testid="search-count"]').text()).toBe('2 of 30 shown')
    expect(w.find('[data-testid="resource-pager"]').exists()).toBe(false)

    // An edit (new rows) asks again: a renamed resource may leave the results.
    searchResources.mockResolvedValue([3])
    await w.setProps({ rows: rows(30) })
    await flushPromises()
    expect(names(w)).toEqual(['资源3'])

    await box(w).setValue('')
    await flushPromises()
    expect(names(w)).toHaveLength(30)
    expect(searchResources).toHaveBeenCalledTimes(2)
  })

  it('says when nothing matches, and the core’s message when the search fails', async () => {
    searchResources.mockResolvedValueOnce([])
    const w = render(rows(3))
    await box(w).setValue('不存在')
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(w.text()).toContain('没有符合搜索条件的资源。')
    searchResources.mockRejectedValueOnce({ code: 'store', message: '数据库出错' })
    await box(w).setValue('不存在的')
    vi.advanceTimersByTime(300)
    await flushPromises()
    expect(w.text()).toContain('数据库出错')
  })
})
