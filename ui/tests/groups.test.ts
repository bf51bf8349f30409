import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'
import { groupBySystem } from '../src/lib/groups'
import InventoryGroups from '../src/components/InventoryGroups.vue'
import type { Finding } from '../src/bindings/mulu'
import { summary } from './summaries'

const row = (id: number, name: string, system: string | null, business: string | null) =>
  summary(id, name, {
    source_system: system,
    source_business: business,
    findings: id === 3 ? [{ severity: 'error' } as Finding] : [],
  })

const rows = [
  row(1, '低保对象名册', null, '低保审批'),
  row(2, '户籍人口', '人口管理系统', '户籍登记'),
  row(3, '低保发放记录', '民政业务系统', '低保审批'),
  row(4, '迁入登记', ' 人口管理系统 ', '户籍登记'),
  row(5, '临时救助', '民政业务系统', null),
]

describe('groupBySystem', () => {
  it('groups by system then business in catalog order, the unfilled last', () => {
    const g = groupBySystem(rows)
    expect(g.map((s) => [s.system, s.count])).toEqual([
      ['人口管理系统', 2],
      ['民政业务系统', 2],
      [null, 1],
    ])
    expect(g[0].businesses.map((b) => [b.business, b.rows.map((r) => r.id)])).toEqual([['户籍登记', [2, 4]]])
    expect(g[1].businesses.map((b) => b.business)).toEqual(['低保审批', null])
    expect(groupBySystem([])).toEqual([])
  })
})

describe('InventoryGroups', () => {
  it('names the unfilled groups, marks errors, and opens a resource on click', async () => {
    const w = mount(InventoryGroups, { props: { rows }, global: { plugins: [makeI18n('zh-CN')], stubs: { transition: false } } })
    const systems = w.findAll('[data-testid="group-system"]')
    expect(systems.map((s) => s.attributes('data-system'))).toEqual(['人口管理系统', '民政业务系统', ''])
    expect(systems[2].text()).toContain('未填写来源系统')
    expect(systems[1].text()).toContain('未填写来源业务')
    expect(systems[1].text()).toContain('1 个错误')
    await w.findAll('[data-testid="group-resource"]')[1].trigger('click')
    expect(w.emitted('open')).toEqual([[4]])
  })
})
