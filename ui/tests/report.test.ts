import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'
import { orReport } from '../src/lib/report'

const api = vi.hoisted(() => ({
  gradingStart: vi.fn(),
  gradingSuggest: vi.fn(),
  domains: () => new Promise(() => {}),
}))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))

import GradingForm from '../src/components/GradingForm.vue'

provideDomains(null)

describe('a failed call is said, not swallowed', () => {
  it('orReport shows the error and goes on with the fallback', async () => {
    const show = vi.fn()
    expect(await orReport(Promise.resolve(3), 0, show)).toBe(3)
    expect(show).not.toHaveBeenCalled()
    const failed = Promise.reject({ code: 'workspace.busy', message: '工作区正被另一程序写入', field: null })
    expect(await orReport(failed, 0, show)).toBe(0)
    expect(show).toHaveBeenCalledWith('工作区正被另一程序写入')
    await orReport(Promise.reject(new Error('IPC down')), null, show)
    expect(show).toHaveBeenLastCalledWith('IPC down')
  })

  it('the questionnaire reports a failure to read the recorded answers or the suggestion', async () => {
    api.gradingStart.mockRejectedValue({ code: 'resource.not_found', message: '找不到资源 #7', field: null })
    api.gradingSuggest.mockRejectedValue({ code: 'store', message: '数据库操作失败', field: null })
    const w = mount(GradingForm, { props: { ids: [7] }, global: { plugins: [makeI18n('zh-CN')] } })
    await flushPromises()
    const said = (w.emitted('failed') ?? []).map((e) => e[0])
    expect(said).toContain('找不到资源 #7')
    expect(said).toContain('数据库操作失败')
    expect(w.find('[data-testid="grading-form"]').exists()).toBe(true)
  })
})
