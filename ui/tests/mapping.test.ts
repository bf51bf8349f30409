import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { ElSelect } from 'element-plus'
import { makeI18n } from '../src/i18n'
import { atRow, choose, columnLabel } from '../src/lib/mapping'
import type { DraftColumn, Drafts, HeaderDraft, Mapping } from '../src/bindings/mulu'
import type { Fields } from '../src/lib/api'

const api = vi.hoisted(() => ({ importHeaders: vi.fn(), mappingSave: vi.fn(), mappingOpen: vi.fn() }))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))

import ImportMapping from '../src/components/ImportMapping.vue'

const fields: Fields = {
  resource: [
    { key: 'name', zh: '信息资源名称', en: 'Resource name', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
    { key: 'code', zh: '信息资源代码', en: 'Resource code', required: true, recommended: false, help_zh: '', help_en: '', domain: null },
  ],
  agency: [],
  other: [],
  bulk: [],
}

describe('the mapping as edited', () => {
  it('puts a column’s new choice last (later rules win in the core) and replaces its old one', () => {
    const m: Mapping = { header_row: 3, columns: [{ column: '数据名', field: 'note' }, { column: '编码', field: 'code' }] }
    expect(choose(m, '数据名', 'name')).toEqual({
      header_row: 3,
      columns: [{ column: '编码', field: 'code' }, { column: '数据名', field: 'name' }],
    })
    expect(m.columns).toHaveLength(2)
    expect(atRow(5)).toEqual({ header_row: 5, columns: [] })
  })

  it('labels fields, data-item parts and the import-only columns', () => {
    const i18n = makeI18n('en').global
    const label = (k: string) => columnLabel(k, fields, 'en', i18n.t, i18n.te)
    expect(label('name')).toBe('Resource name')
    expect(label('item.data_type')).toBe('Item · data type')
    expect(label('grading.reason')).toBe('Grading reason')
  })
})

const col = (column: string, header: string, field: string, samples: string[] = []): DraftColumn => ({
  column,
  header,
  field,
  rule: header,
  samples,
})
const sheet = (columns: DraftColumn[], over: Partial<HeaderDraft> = {}): HeaderDraft => ({
  sheet: '表1',
  header_rows: [3],
  detected: false,
  has_name: columns.some((c) => c.field === 'name'),
  columns,
  head: [
    { row: 1, cells: ['2025年数据清单'] },
    { row: 3, cells: ['数据名', '编码'] },
  ],
  ...over,
})
const drafts = (...sheets: HeaderDraft[]): Drafts => ({ sheets, fields: ['name', 'code', 'notes', 'item.name'] })

function render(props: Partial<InstanceType<typeof ImportMapping>['$props']> = {}) {
  return mount(ImportMapping, {
    props: { fields, problem: null, sheet: null, mapping: null, canGoBack: false, ...props },
    global: { plugins: [makeI18n('zh-CN')], stubs: { transition: false } },
  })
}

describe('ImportMapping', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    api.importHeaders.mockImplementation(async (m: Mapping | null) =>
      drafts(sheet([col('A', '数据名', m?.columns.find((r) => r.column === '数据名')?.field ?? 'note', ['户籍人口']), col('B', '编码', 'note')])),
    )
  })

  it('shows the core’s reading, says what is missing, and previews only once a name column is chosen', async () => {
    const problem = { code: 'sheet.no_header', message: '找不到表头', field: null }
    const w = render({ problem })
    await flushPromises()
    expect(api.importHeaders).toHaveBeenCalledWith({ header_row: null, columns: [] }, 'zh')
    expect(w.get('[data-testid="mapping-problem"]').text()).toContain('找不到表头')
    expect(w.findAll('[data-testid="mapping-column"]').map((c) => c.attributes('data-field'))).toEqual(['note', 'note'])
    expect(w.text()).toContain('户籍人口')
    expect(w.find('[data-testid="mapping-no-name"]').exists()).toBe(true)
    expect(w.get('[data-testid="mapping-apply"]').attributes('disabled')).toBeDefined()

    // The person maps 数据名 to the name: the core redraws, and the preview can run.
    const selects = w.findAllComponents(ElSelect).filter((s) => s.attributes('data-testid') === 'mapping-field')
    selects[0].vm.$emit('update:modelValue', 'name')
    await flushPromises()
    const sent = { header_row: null, columns: [{ column: '数据名', field: 'name' }] }
    expect(api.importHeaders).toHaveBeenLastCalledWith(sent, 'zh')
    expect(w.find('[data-testid="mapping-no-name"]').exists()).toBe(false)
    await w.get('[data-testid="mapping-apply"]').trigger('click')
    expect(w.emitted('apply')).toEqual([[null, sent]])
  })

  it('a new header row starts the column rules afresh', async () => {
    const w = render({ mapping: { header_row: null, columns: [{ column: '数据名', field: 'name' }] } })
    await flushPromises()
    w.findAllComponents(ElSelect).find((s) => s.attributes('data-testid') === 'mapping-row')!.vm.$emit('update:modelValue', 1)
    await flushPromises()
    expect(api.importHeaders).toHaveBeenLastCalledWith({ header_row: 1, columns: [] }, 'zh')
  })

  it('saves the mapping in use and reuses a saved one', async () => {
    api.mappingSave.mockResolvedValue('/tmp/表头对应.json')
    const saved: Mapping = { header_row: 3, columns: [{ column: '数据名', field: 'name' }] }
    api.mappingOpen.mockResolvedValue(saved)
    const w = render()
    await flushPromises()
    await w.get('[data-testid="mapping-open"]').trigger('click')
    await flushPromises()
    expect(api.importHeaders).toHaveBeenLastCalledWith(saved, 'zh')
    await w.get('[data-testid="mapping-save"]').trigger('click')
    await flushPromises()
    expect(api.mappingSave).toHaveBeenCalledWith(saved, 'zh')
  })
})
