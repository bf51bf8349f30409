import { describe, expect, it } from 'vitest'
import { methodTypeLabel, optionLabel, valueLabel } from '../src/lib/domains'
import type { Domains, DomainValue } from '../src/bindings/mulu'
import en from '../src/i18n/en'

const v = (key: string, zh: string, enLabel: string, types: string[] = []): DomainValue => ({ key, zh, en: enLabel, types })
export const DOMAINS: Domains = {
  sensitivity: [v('公开', '公开', 'Public'), v('内部', '内部', 'Internal'), v('涉密', '涉密', 'Classified')],
  sharing_type: [v('无条件共享', '无条件共享', 'Unconditional sharing'), v('有条件共享', '有条件共享', 'Conditional sharing')],
  open_type: [v('无条件开放', '无条件开放', 'Open unconditionally')],
  open_method: [v('下载', '下载', 'Download'), v('接口', '接口', 'API'), v('依申请', '依申请', 'On application')],
  update_cycle: [v('每年', '每年', 'Yearly')],
  data_type: [v('C', '字符型 C', 'Character'), v('N', '数值型 N', 'Numeric')],
  format_class: [v('电子表格', '电子表格', 'Spreadsheet', ['et', 'xls', 'xlsx', 'csv'])],
  method_class: [v('共享平台方式', '共享平台方式', 'Through the sharing platform', ['数据库', '接口', '文件'])],
  agency_level: [v('乡镇', '乡镇', 'Township')],
}

describe('stored domain values in the chosen language', () => {
  it('shows the Chinese label in Chinese and the English one in English', () => {
    expect(valueLabel(DOMAINS, 'sensitivity', '公开', 'zh-CN')).toBe('公开')
    expect(valueLabel(DOMAINS, 'sensitivity', '公开', 'en')).toBe('Public')
    expect(valueLabel(DOMAINS, 'sharing_type', '无条件共享', 'en')).toBe('Unconditional sharing')
    expect(valueLabel(DOMAINS, 'agency_level', '乡镇', 'en')).toBe('Township')
  })

  it('shows data types by label, keeping the letter in English', () => {
    expect(valueLabel(DOMAINS, 'data_type', 'C', 'zh-CN')).toBe('字符型 C')
    expect(valueLabel(DOMAINS, 'data_type', 'N', 'en')).toBe('Numeric (N)')
    expect(optionLabel(DOMAINS.data_type[0], 'data_type', 'en')).toBe('Character (C)')
  })

  it('keeps a value outside the domain exactly as written, and empty as empty', () => {
    expect(valueLabel(DOMAINS, 'sensitivity', '机密', 'en')).toBe('机密')
    expect(valueLabel(DOMAINS, 'data_type', '文本型', 'zh-CN')).toBe('文本型')
    expect(valueLabel(DOMAINS, 'sensitivity', null, 'en')).toBeNull()
    expect(valueLabel(DOMAINS, 'sensitivity', '', 'en')).toBeNull()
  })

  it('shows values as stored until the domains are loaded', () => {
    expect(valueLabel(null, 'sensitivity', '公开', 'en')).toBe('公开')
  })

  it('translates sharing-method types, which are stored in Chinese', () => {
    const t = (key: string) => key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], en) as string
    expect(methodTypeLabel('接口', t)).toBe('API')
    expect(methodTypeLabel('介质交换', t)).toBe('Media exchange')
    expect(methodTypeLabel('传真', t)).toBe('传真')
    expect(methodTypeLabel(null, t)).toBeNull()
    for (const type of DOMAINS.method_class.flatMap((c) => c.types)) expect(methodTypeLabel(type, t)).not.toBe(type)
  })
})
