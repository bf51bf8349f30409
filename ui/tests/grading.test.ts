import { describe, expect, it } from 'vitest'
import type { Suggestion } from '../src/bindings/mulu'
import { applyRequest, canApply, emptyAnswers, fromChoice, needsReason, summarize, toChoice } from '../src/lib/grading'

const suggestion = (over: Partial<Suggestion> = {}): Suggestion => ({
  sensitivity: '内部',
  sharing_type: '无条件共享',
  sharing_types: ['无条件共享'],
  open_type: '不予开放',
  open_types: ['不予开放', '有条件开放'],
  needs_basis: false,
  needs_open_condition: true,
  reason: '含个人信息',
  article: '第九条',
  ...over,
})

describe('grading view-model', () => {
  it('sends the answers trimmed, and a reason only when overriding', () => {
    const answers = { ...emptyAnswers(), legal_restriction: true, basis: '  《统计法》第三十九条 ' }
    const same = applyRequest([3, 4], answers, '内部', 'ignored', suggestion())
    expect(same).toEqual({ ids: [3, 4], answers: { ...answers, basis: '《统计法》第三十九条' }, chosen: '内部', reason: null })
    const other = applyRequest([3], { ...emptyAnswers(), basis: '   ' }, '涉密', '  含未公开的合同金额 ', suggestion())
    expect(other.reason).toBe('含未公开的合同金额')
    expect(other.answers.basis).toBeNull()
  })

  it('an override needs a reason before it can be applied', () => {
    const s = suggestion()
    expect(needsReason('内部', s)).toBe(false)
    expect(needsReason('公开', s)).toBe(true)
    expect(canApply([1], '公开', '', s)).toBe(false)
    expect(canApply([1], '公开', '已公示', s)).toBe(true)
    expect(canApply([1], '内部', '', s)).toBe(true)
    expect(canApply([], '内部', '', s)).toBe(false)
    expect(canApply([1], '内部', '', null)).toBe(false)
  })

  it('shows the first suggestion and says when the selected resources differ', () => {
    expect(summarize([])).toEqual({ shown: null, grades: [] })
    const a = suggestion()
    const b = suggestion({ sensitivity: '公开' })
    expect(summarize([a, a]).grades).toEqual(['内部'])
    expect(summarize([a, b])).toEqual({ shown: a, grades: ['内部', '公开'] })
  })

  it('radio choices map to answers and back, unanswered included', () => {
    for (const v of [true, false, null]) expect(fromChoice(toChoice(v))).toBe(v)
  })
})
