import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import SuggestionCard from '../src/components/SuggestionCard.vue'
import { makeI18n } from '../src/i18n'
import { provideDomains } from '../src/lib/domains'
import type { Domains, DomainValue, Suggestion } from '../src/bindings/mulu'

const v = (key: string, en: string): DomainValue => ({ key, zh: key, en, types: [] })
const DOMAINS = {
  sensitivity: [v('公开', 'Public'), v('内部', 'Internal'), v('涉密', 'Classified')],
  sharing_type: [v('无条件共享', 'Unconditional sharing')],
  open_type: [v('无条件开放', 'Open unconditionally')],
} as unknown as Domains

const s: Suggestion = {
  sensitivity: '公开',
  sharing_type: '无条件共享',
  sharing_types: ['无条件共享'],
  open_type: '无条件开放',
  open_types: ['无条件开放'],
  needs_basis: false,
  needs_open_condition: false,
  reason: 'Already published: public; shared unconditionally and opened to society.',
  article: 'Guiyang measures Art. 9',
}

function render(mixed: string[], locale: 'zh-CN' | 'en') {
  provideDomains(DOMAINS)
  return mount(SuggestionCard, { props: { suggestion: s, mixed }, global: { plugins: [makeI18n(locale)], stubs: { transition: false } } })
}

describe('SuggestionCard', () => {
  it('shows the core’s grade, what it allows (the one set in bold), the reason and the article', () => {
    const w = render(['公开'], 'en')
    expect(w.get('[data-testid="grading-suggestion"]').attributes('data-grade')).toBe('公开')
    expect(w.get('[data-testid="grading-suggested"]').text()).toBe('Public')
    expect(w.get('[data-testid="grading-sharing"] .pick').text()).toBe('Unconditional sharing')
    expect(w.get('[data-testid="grading-open"]').text()).toBe('Open unconditionally')
    expect(w.get('[data-testid="grading-reason"]').text()).toBe(s.reason)
    expect(w.text()).toContain('Guiyang measures Art. 9')
    expect(w.find('[data-testid="grading-mixed"]').exists()).toBe(false)
  })

  it('warns when the selected resources get different suggestions', () => {
    const w = render(['公开', '内部'], 'zh-CN')
    expect(w.get('[data-testid="grading-suggested"]').text()).toBe('公开')
    expect(w.get('[data-testid="grading-mixed"]').text()).toContain('公开、内部')
  })
})
