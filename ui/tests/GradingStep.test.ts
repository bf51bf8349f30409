import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Overview } from '../src/bindings/mulu'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'
import { summary } from './summaries'

const api = vi.hoisted(() => ({
  gradingConfirm: vi.fn(),
  gradingStart: vi.fn(() => new Promise(() => {})),
  gradingSuggest: vi.fn(async () => []),
  searchResources: vi.fn(async () => []),
  domains: () => new Promise(() => {}),
}))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))

import GradingStep from '../src/components/GradingStep.vue'

provideDomains(null)
const data = {
  resources: [
    summary(1, '低保对象名册', { sensitivity: '内部', grade_unconfirmed: 'import' }),
    summary(2, '道路养护记录', { sensitivity: '公开', graded_by_questionnaire: true }),
    summary(3, '走访记录', { sensitivity: '内部', grade_unconfirmed: 'scan' }),
  ],
} as Overview

const render = (locale: 'zh-CN' | 'en' = 'zh-CN') =>
  mount(GradingStep, { props: { data }, global: { plugins: [makeI18n(locale)], stubs: { transition: false } } })

describe('step 4 with grades taken from a sheet or a scan', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.gradingConfirm.mockResolvedValue({ resources: [] })
  })

  it('shows them as waiting for confirmation, the officer’s own grade not', async () => {
    const w = render()
    await flushPromises()
    const tags = w.findAll('[data-testid="grading-row-unconfirmed"]').map((t) => t.text())
    expect(tags).toEqual(['导入的定级，待确认', '扫描建议的定级，待确认'])
    expect(w.findAll('[data-testid="grading-row-confirm"]')).toHaveLength(2)
    const en = render('en')
    await flushPromises()
    expect(en.get('[data-testid="grading-row-unconfirmed"]').text()).toBe('Imported grade — to confirm')
  })

  it('one click confirms a row as it is', async () => {
    const w = render()
    await flushPromises()
    await w.findAll('[data-testid="grading-row-confirm"]')[1].trigger('click')
    await flushPromises()
    expect(api.gradingConfirm).toHaveBeenCalledWith([3], 'zh')
    expect(w.emitted('confirmed')).toEqual([[{ resources: [] }, 1]])
  })

  it('the first one is picked on opening: the questionnaire is offered, and a button confirms the selection', async () => {
    const w = render()
    await flushPromises()
    expect(w.get('[data-testid="grading-for"]').text()).toBe('低保对象名册')
    expect(w.get('[data-testid="grading-to-confirm"]').text()).toContain('1 个的定级取自导入的表格或扫描')
    expect(w.find('[data-testid="grading-form"]').exists()).toBe(true)
    await w.get('[data-testid="grading-confirm"]').trigger('click')
    await flushPromises()
    expect(api.gradingConfirm).toHaveBeenCalledWith([1], 'zh')
  })

  it('a failure is reported, not swallowed', async () => {
    api.gradingConfirm.mockRejectedValue({ code: 'store', message: '数据库操作失败', field: null })
    const w = render()
    await flushPromises()
    await w.get('[data-testid="grading-row-confirm"]').trigger('click')
    await flushPromises()
    expect(w.emitted('failed')).toEqual([['数据库操作失败']])
  })
})
