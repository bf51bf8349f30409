import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import FindingList from '../src/components/FindingList.vue'
import { makeI18n } from '../src/i18n'
import type { Finding } from '../src/bindings/mulu'
import type { Fields } from '../src/lib/api'

const fields: Fields = {
  resource: [
    { key: 'sharing.type', zh: '共享类型', en: 'Sharing type', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
    { key: 'abstract', zh: '信息资源摘要', en: 'Abstract', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
  ],
  agency: [{ key: 'uscc', zh: '统一社会信用代码', en: 'Unified social credit code', required: true, recommended: false, help_zh: '', help_en: '', domain: null }],
  other: [
    { key: 'format', zh: '信息资源格式', en: 'Resource format', required: false, recommended: false, help_zh: '', help_en: '', domain: null },
    { key: 'item.is_personal', zh: '信息项是否个人信息', en: 'Data item is personal information', required: false, recommended: false, help_zh: '', help_en: '', domain: null },
  ],
  bulk: [],
}

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'field.required',
  severity: 'error',
  resource: { code: '352111009/000002', name: '村级集体资产台账' },
  field: 'sharing.type',
  sheet: null,
  row: null,
  column: null,
  message: '请填写“共享类型”，它是必填的核心元数据。',
  article: '《政务信息资源目录编制指南（试行）》核心元数据',
  ...over,
})

// Real transitions, so ElTag's attributes land on the tag as in the app.
function render(findings: Finding[], locale: 'zh-CN' | 'en' = 'zh-CN') {
  return mount(FindingList, { props: { findings, fields }, global: { plugins: [makeI18n(locale)], stubs: { transition: false } } })
}

describe('FindingList', () => {
  it('shows severity, field label, message and article of each finding', () => {
    const w = render([
      finding({}),
      finding({ rule: 'abstract.short', severity: 'warning', field: 'abstract', message: '摘要过短（少于 10 个字），请说明资源涵盖的内容。' }),
    ])
    const items = w.findAll('[data-testid="finding-item"]')
    expect(items).toHaveLength(2)
    expect(items[0].attributes('data-severity')).toBe('error')
    expect(items[0].get('[data-testid="finding-severity"]').text()).toBe('错误')
    expect(items[0].get('[data-testid="finding-severity"]').classes()).toContain('el-tag--danger')
    expect(items[0].get('[data-testid="finding-field"]').text()).toBe('共享类型')
    expect(items[0].get('[data-testid="finding-message"]').text()).toBe('请填写“共享类型”，它是必填的核心元数据。')
    expect(items[0].get('[data-testid="finding-article"]').text()).toBe('依据：《政务信息资源目录编制指南（试行）》核心元数据')
    expect(items[1].get('[data-testid="finding-severity"]').text()).toBe('提醒')
    expect(items[1].get('[data-testid="finding-severity"]').classes()).toContain('el-tag--warning')
    expect(items[1].get('[data-testid="finding-field"]').text()).toBe('信息资源摘要')
  })

  it('names agency and data-item fields', () => {
    const w = render([finding({ field: 'agency.uscc' }), finding({ field: 'items[1].data_type' })])
    const labels = w.findAll('[data-testid="finding-field"]').map((n) => n.text())
    expect(labels).toEqual(['统一社会信用代码', '第 2 个信息项·数据类型'])
  })

  it('names the keys of an import (a combined column, an item part) by their labels, never the key', () => {
    const w = render([finding({ rule: 'import.conflict', field: 'format' }), finding({ rule: 'import.value', field: 'item.is_personal' })])
    expect(w.findAll('[data-testid="finding-field"]').map((n) => n.text())).toEqual(['信息资源格式', '信息项是否个人信息'])
    const en = render([finding({ field: 'format' })], 'en')
    expect(en.get('[data-testid="finding-field"]').text()).toBe('Resource format')
  })

  it('points at the row alone when the sheet has no column for the field', () => {
    const w = render([
      finding({ field: 'source_business', sheet: '资源目录', row: 8, column: null }),
      finding({ sheet: '资源目录', row: 8, column: 'G' }),
    ])
    expect(w.findAll('[data-testid="finding-where"]').map((n) => n.text())).toEqual(['资源目录 第 8 行', '资源目录 第 8 行 G 列'])
  })

  it('speaks English when switched', () => {
    const w = render([finding({ severity: 'warning' })], 'en')
    expect(w.get('[data-testid="finding-severity"]').text()).toBe('Warning')
    expect(w.get('[data-testid="finding-field"]').text()).toBe('Sharing type')
    expect(w.get('[data-testid="finding-article"]').text()).toContain('Basis')
  })

  it('says so when there is nothing to fix', () => {
    const w = render([])
    expect(w.find('[data-testid="finding-item"]').exists()).toBe(false)
    expect(w.get('[data-testid="finding-none"]').text()).toBe('未发现问题。')
  })
})
