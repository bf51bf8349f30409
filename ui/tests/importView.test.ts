import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'

const api = vi.hoisted(() => ({ importPreview: vi.fn(), importCancel: vi.fn(), importCommit: vi.fn() }))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))
// The app's `import-progress` events, sent by the test through the handler the view listens with.
const events = vi.hoisted(() => ({ handler: null as null | ((e: { payload: unknown }) => void) }))
vi.mock('@tauri-apps/api/event', () => ({
  listen: vi.fn(async (_name: string, h: (e: { payload: unknown }) => void) => {
    events.handler = h
    return () => {}
  }),
}))

import ImportView from '../src/components/ImportView.vue'

function render() {
  return mount(ImportView, {
    props: { path: '/data/大表.xlsx', fields: null },
    global: { plugins: [makeI18n('zh-CN')], stubs: { transition: false, ImportMapping: { template: '<div data-testid="mapping-stub" />' } } },
  })
}

describe('ImportView while reading', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.importCancel.mockResolvedValue(undefined)
  })

  it('shows the rows read so far, and 取消 stops the read and returns without an error', async () => {
    let reject: (e: unknown) => void = () => {}
    api.importPreview.mockReturnValue(new Promise((_, r) => (reject = r)))
    const w = render()
    await flushPromises()
    expect(api.importPreview).toHaveBeenCalledWith(null, null, 'zh')
    events.handler!({ payload: { sheet: '资源目录', rows: 120000 } })
    await flushPromises()
    expect(w.get('[data-testid="import-rows"]').text()).toContain('正在读取工作表“资源目录”：已读 120,000 行')

    await w.get('[data-testid="import-cancel"]').trigger('click')
    await flushPromises()
    expect(api.importCancel).toHaveBeenCalled()
    expect(w.emitted('close')).toEqual([[null]])
    // The core answers the stopped read with `cancelled`: not an error to show.
    reject({ code: 'cancelled', message: '已取消，未作任何修改。', field: null })
    await flushPromises()
    expect(w.find('[data-testid="import-error"]').exists()).toBe(false)
  })

  it('opens the header-mapping screen when the core finds no header, and shows other failures', async () => {
    api.importPreview.mockRejectedValueOnce({ code: 'sheet.no_header', message: '找不到表头', field: null })
    const w = render()
    await flushPromises()
    expect(w.find('[data-testid="mapping-stub"]').exists()).toBe(true)
    expect(w.find('[data-testid="import-error"]').exists()).toBe(false)

    api.importPreview.mockRejectedValueOnce({ code: 'sheet.unreadable', message: '无法读取', field: null })
    const other = render()
    await flushPromises()
    expect(other.find('[data-testid="mapping-stub"]').exists()).toBe(false)
    expect(other.get('[data-testid="import-error"]').text()).toContain('无法读取')
  })
})
