import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import type { Finding, Overview, RuleInfo } from '../src/bindings/mulu'
import FindingsStep from '../src/components/FindingsStep.vue'
import { makeI18n } from '../src/i18n'
import { summary } from './summaries'

const finding = (over: Partial<Finding>): Finding => ({
  rule: 'grade.sharing',
  severity: 'error',
  resource: { code: '352111009/000001', name: '低保对象名册' },
  field: 'sharing.type',
  sheet: null,
  row: null,
  column: null,
  message: '敏感程度为“涉密”的资源不能“无条件共享”。',
  article: '《贵阳市政府数据资源管理办法》第九条',
  ...over,
})

const rules = (lang: 'zh' | 'en'): RuleInfo[] => [
  {
    id: 'grade.sharing',
    severity: 'error',
    title: lang === 'zh' ? '共享类型与敏感程度不符' : 'Sharing type not allowed for the grade',
    article: lang === 'zh' ? '《贵阳市政府数据资源管理办法》第九条' : 'Guiyang measures Art. 9 (Chinese text)',
    message: '',
  },
]

function data(lang: 'zh' | 'en', findings: Finding[], described = rules(lang)): Overview {
  return {
    catalog_findings: [],
    resources: [summary(1, '低保对象名册', { findings })],
    summary: { errors: findings.length, warnings: 0 },
    rules: described,
  } as unknown as Overview
}

const render = (o: Overview, locale: 'zh-CN' | 'en' = 'zh-CN') =>
  mount(FindingsStep, { props: { data: o, fields: null }, global: { plugins: [makeI18n(locale)], stubs: { transition: false } } })

describe('step 5 grouped by rule', () => {
  it('heads each group with the rule’s title and article, the id only as a detail', () => {
    const w = render(data('zh', [finding({})]))
    expect(w.get('[data-testid="finding-group-title"]').text()).toBe('共享类型与敏感程度不符')
    expect(w.get('[data-testid="finding-group-rule"]').text()).toBe('规则编号 grade.sharing')
    expect(w.get('[data-testid="finding-group"] h3').text()).toContain('《贵阳市政府数据资源管理办法》第九条')
  })

  it('in English, with the article numbered after the Chinese text', () => {
    const w = render(data('en', [finding({})]), 'en')
    expect(w.get('[data-testid="finding-group-title"]').text()).toBe('Sharing type not allowed for the grade')
    expect(w.get('[data-testid="finding-group"] h3').text()).toContain('Guiyang measures Art. 9 (Chinese text)')
  })

  it('falls back to the id for a rule the overview did not describe, and shows no id grouped by resource', async () => {
    const w = render(data('zh', [finding({ rule: 'grade.future' })], []))
    expect(w.get('[data-testid="finding-group-title"]').text()).toBe('grade.future')
    await w.get('[data-testid="group-by-resource"] input').setValue(true)
    expect(w.get('[data-testid="finding-group-title"]').text()).toBe('低保对象名册')
    expect(w.find('[data-testid="finding-group-rule"]').exists()).toBe(false)
  })
})
