import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { SheetReport } from '../src/bindings/mulu'
import ImportSheets from '../src/components/ImportSheets.vue'
import { makeI18n } from '../src/i18n'

const skipped = (sheet: string, why: SheetReport['skipped']): SheetReport => ({ sheet, header_rows: [], columns: [], rows: 0, skipped: why })

const render = (locale: 'zh-CN' | 'en') =>
  mount(ImportSheets, {
    props: { sheets: [skipped('填表说明', 'instructions'), skipped('共享目录', 'view'), skipped('空表', 'no-header')], fields: null },
    global: { plugins: [makeI18n(locale)], stubs: { transition: false } },
  })

describe('sheets an import skipped', () => {
  it('say why in words, never by the core’s key', () => {
    const zh = render('zh-CN').findAll('[data-testid="import-sheet-skipped"]').map((n) => n.text())
    expect(zh).toEqual(['已跳过：填表说明', '已跳过：由资源目录生成的视图', '已跳过：没有可识别的表头'])
    const en = render('en').findAll('[data-testid="import-sheet-skipped"]').map((n) => n.text())
    expect(en).toEqual(['Skipped: fill-in instructions', 'Skipped: a view of the resource catalog', 'Skipped: no recognisable header'])
  })
})
