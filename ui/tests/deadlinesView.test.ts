import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'
import type { DueItem } from '../src/bindings/mulu'
import AppHeader from '../src/components/AppHeader.vue'
import DueList from '../src/components/deadlines/DueList.vue'

const mountIn = <T>(component: T, props: Record<string, unknown>) =>
  mount(component as any, { props, global: { plugins: [makeI18n('zh-CN')] } })

const header = (urgent?: number) => mountIn(AppHeader, { path: '/w.mulu', loading: false, loadedAt: null, urgent })

describe('the header badge', () => {
  it('counts the urgent deadlines and is hidden at 0', () => {
    expect(header(3).find('[data-testid="deadlines-badge"]').text()).toBe('3')
    expect(header(0).find('[data-testid="deadlines-badge"]').exists()).toBe(false)
    expect(header(0).find('[data-testid="deadlines-open"]').exists()).toBe(true)
    expect(header(undefined).find('[data-testid="deadlines-open"]').exists()).toBe(false)
  })

  it('opens the dashboard', async () => {
    const h = header(1)
    await h.find('[data-testid="deadlines-open"]').trigger('click')
    expect(h.emitted('deadlines')).toHaveLength(1)
  })
})

describe('the due list', () => {
  const item: DueItem = {
    kind: 'correction',
    id: 4,
    start: '2026-09-28',
    due: '2026-10-12',
    days: 5,
    provisional: false,
    status: 'overdue',
    days_left: -2,
    resources: ['352111009/000001 农村低保对象名册'],
    field: 'update_cycle',
    needs_package: false,
    text: '更新周期应为每月',
    from: '区民政局',
  }

  it('names the standing in words, with the dates, days allowed and left', () => {
    const w = mountIn(DueList, { items: [item, { ...item, id: 5, status: 'due', days_left: 4, provisional: true }] })
    expect(w.find('[data-testid="due-group-overdue"]').text()).toContain('已逾期 1 项')
    const rows = w.findAll('[data-testid="due-item"]')
    expect(rows.map((r) => r.attributes('data-status'))).toEqual(['overdue', 'due'])
    expect(rows[0].find('[data-testid="due-status"]').text()).toBe('已逾期')
    expect(rows[0].text()).toContain('2026-09-28')
    expect(rows[0].text()).toContain('5 个工作日')
    expect(rows[0].find('[data-testid="due-left"]').text()).toBe('已超过 2 个工作日')
    expect(rows[0].find('[data-testid="due-provisional"]').exists()).toBe(false)
    expect(rows[1].find('[data-testid="due-provisional"]').text()).toBe('暂定')
    expect(rows[1].find('[data-testid="due-left"]').text()).toBe('还剩 4 个工作日')
  })

  it('says when nothing is due', () => {
    expect(mountIn(DueList, { items: [] }).find('[data-testid="due-empty"]').text()).toBe('没有未办结的期限。')
  })
})
