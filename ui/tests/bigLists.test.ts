import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import type { Overview } from '../src/bindings/mulu'
import { summary } from './summaries'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'

// Steps 4 and 6 list every resource too: at a city's 20,000 they must draw a page, not all.
const searchResources = vi.fn(async (_q: string, _l: string) => [3, 77])
vi.mock('../src/lib/api', () => ({
  searchResources: (q: string, l: string) => searchResources(q, l),
  domains: () => new Promise(() => {}),
  gradingStart: () => new Promise(() => {}),
}))
const { default: GradingStep } = await import('../src/components/GradingStep.vue')
const { default: SecrecyCard } = await import('../src/components/SecrecyCard.vue')

const data = { resources: Array.from({ length: 120 }, (_, i) => summary(i + 1, `资源${i + 1}`)) } as Overview
provideDomains(null)
const plugins = [makeI18n('zh-CN')]

describe('the grading list and the secrecy review at scale', () => {
  it('step 4 shows a page of the resources, with their total, and searches in the core', async () => {
    vi.useFakeTimers()
    const w = mount(GradingStep, { props: { data }, global: { plugins } })
    await flushPromises()
    const names = () => w.findAll('[data-testid="grading-row-name"]').map((e) => e.text())
    expect(names()).toHaveLength(50)
    expect(w.get('[data-testid="search-count"]').text()).toBe('共 120 个')
    await w.get('[data-testid="resource-pager"] .btn-next').trigger('click')
    expect(names()[0]).toBe('资源51')
    await w.get('input[data-testid="resource-search"]').setValue('资源7')
    await vi.runAllTimersAsync()
    await flushPromises()
    expect(names()).toEqual(['资源3', '资源77'])
    vi.useRealTimers()
  })

  it('step 6’s secrecy review shows a page, the pending count still over all of them', async () => {
    const w = mount(SecrecyCard, { props: { data, busy: false }, global: { plugins } })
    await flushPromises()
    expect(w.findAll('[data-testid="secrecy-todo"]')).toHaveLength(50)
    expect(w.get('[data-testid="secrecy-pending"]').text()).toContain('120')
  })
})
