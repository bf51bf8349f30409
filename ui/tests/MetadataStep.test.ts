import { describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElSelect, ElTable, type TableInstance } from 'element-plus'
import type { Domains, DomainValue, Finding, Overview, ResourceSummary } from '../src/bindings/mulu'
import { summary } from './summaries'
import type { Fields } from '../src/lib/api'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'

vi.mock('../src/lib/api', () => ({ searchResources: async () => [], domains: () => new Promise(() => {}) }))
const { default: MetadataStep } = await import('../src/components/MetadataStep.vue')
const { default: BulkEdit } = await import('../src/components/BulkEdit.vue')

const v = (key: string, en: string): DomainValue => ({ key, zh: key, en, types: [] })
provideDomains({ update_cycle: [v('每月', 'Monthly'), v('每年', 'Yearly')] } as unknown as Domains)

const fields: Fields = {
  resource: [
    { key: 'name', zh: '信息资源名称', en: 'Resource name', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
    { key: 'abstract', zh: '信息资源摘要', en: 'Abstract', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
    { key: 'update_cycle', zh: '更新周期', en: 'Update cycle', required: true, recommended: false, help_zh: '', help_en: '', domain: 'update_cycle' },
    { key: 'notes', zh: '备注', en: 'Notes', required: false, recommended: false, help_zh: '', help_en: '', domain: null },
  ],
  agency: [],
  other: [],
  bulk: ['abstract', 'update_cycle', 'notes'],
}

const error: Finding = {
  rule: 'field.required',
  severity: 'error',
  resource: null,
  field: 'abstract',
  sheet: null,
  row: null,
  column: null,
  message: 'm',
  article: 'a',
}

const row = (id: number, name: string, missing: string[]): ResourceSummary =>
  summary(id, name, {
    findings: missing.map((field) => ({ ...error, field })),
    completeness: { filled: 12 - missing.length, required: 12, missing },
  })

const data = {
  resources: [row(1, '农村低保对象名册', ['abstract', 'update_cycle']), row(2, '镇级财政预算公开信息', []), row(3, '村级集体资产台账', ['abstract'])],
} as Overview

function render() {
  return mount(MetadataStep, { props: { data, fields }, global: { plugins: [makeI18n('zh-CN')] } })
}
const names = (w: ReturnType<typeof render>) => w.findAll('[data-testid="resource-name"]').map((e) => e.text())

describe('MetadataStep', () => {
  it('shows each resource’s required fields filled, with the missing ones named', async () => {
    const w = render()
    await flushPromises()
    const cells = w.findAll('[data-testid="completeness"]')
    expect(cells.map((c) => c.text())).toEqual(['10/12', '12/12', '11/12'])
    expect(cells[0].attributes('data-missing')).toBe('abstract update_cycle')
    expect(w.findAll('[data-testid="finding-count-error"]').map((e) => e.text())).toEqual(['2 个错误', '1 个错误'])
  })

  it('lists only the incomplete ones on request', async () => {
    const w = render()
    await w.get('[data-testid="only-incomplete"] input').setValue(true)
    expect(names(w)).toEqual(['农村低保对象名册', '村级集体资产台账'])
    expect(w.get('[data-testid="search-count"]').text()).toBe('显示 2 / 3 个')
  })

  it('offers the bulk edit once resources are ticked, and asks for it with their ids', async () => {
    const w = render()
    expect(w.find('[data-testid="bulk-edit"]').exists()).toBe(false)
    const table = w.findComponent(ElTable).vm as unknown as TableInstance
    table.toggleRowSelection(data.resources[0], true)
    table.toggleRowSelection(data.resources[2], true)
    await flushPromises()
    expect(w.get('[data-testid="bulk-count"]').text()).toBe('已选 2 个资源')
    const bulk = w.findComponent(BulkEdit)
    bulk.vm.$emit('apply', 'update_cycle', '每月')
    expect(w.emitted('bulk')).toEqual([[[1, 3], 'update_cycle', '每月']])
    bulk.vm.$emit('clear')
    await flushPromises()
    expect(w.find('[data-testid="bulk-edit"]').exists()).toBe(false)
  })
})

describe('BulkEdit', () => {
  function renderBulk() {
    return mount(BulkEdit, { props: { count: 2, fields }, global: { plugins: [makeI18n('en')] } })
  }

  it('offers the core’s bulk fields only, and a coded field’s values as a dropdown', async () => {
    const w = renderBulk()
    const select = w.findComponent(ElSelect)
    const offered = w.findAllComponents({ name: 'ElOption' })
    expect(offered.map((o) => o.props('label'))).toEqual(['Abstract', 'Update cycle', 'Notes'])
    expect(w.get('[data-testid="bulk-apply"]').attributes('disabled')).toBeDefined()

    select.vm.$emit('update:modelValue', 'update_cycle')
    await flushPromises()
    const value = w.findAllComponents(ElSelect)[1]
    expect(value.exists()).toBe(true)
    expect(value.findAllComponents({ name: 'ElOption' }).map((o) => o.props('label'))).toEqual(['Monthly', 'Yearly'])
    value.vm.$emit('update:modelValue', '每月')
    await flushPromises()
    await w.get('[data-testid="bulk-apply"]').trigger('click')
    expect(w.emitted('apply')).toEqual([['update_cycle', '每月']])
    expect(w.get('[data-testid="bulk-apply"]').text()).toBe('Apply to 2 resources')
  })

  it('starts another field’s value empty', async () => {
    const w = renderBulk()
    const select = w.findComponent(ElSelect)
    select.vm.$emit('update:modelValue', 'notes')
    await flushPromises()
    await w.get('textarea[data-testid="bulk-value"]').setValue('临时备注')
    await w.get('textarea[data-testid="bulk-value"]').trigger('change')
    select.vm.$emit('update:modelValue', 'abstract')
    await flushPromises()
    await w.get('[data-testid="bulk-apply"]').trigger('click')
    expect(w.emitted('apply')).toEqual([['abstract', '']])
  })
})
