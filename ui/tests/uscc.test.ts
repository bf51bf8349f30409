import { describe, expect, it } from 'vitest'
import { usccFeedback } from '../src/lib/uscc'
import type { UsccCheck } from '../src/lib/api'

const check = (normalized: string, problem: UsccCheck['problem'], reason: string | null = null): UsccCheck => ({
  normalized,
  problem,
  reason,
})

describe('USCC feedback as typed', () => {
  it('says nothing for an empty field', () => {
    expect(usccFeedback(null, true)).toEqual({ kind: 'none' })
    expect(usccFeedback(check('', null), false)).toEqual({ kind: 'none' })
  })

  it('counts while a short code is still being typed', () => {
    expect(usccFeedback(check('9152011', 'length', '应为 18 位，实为 7 位'), true)).toEqual({ kind: 'typing', count: 7 })
  })

  it('shows the core’s reason for a short code once the field is left', () => {
    expect(usccFeedback(check('9152011', 'length', '应为 18 位，实为 7 位'), false)).toEqual({
      kind: 'invalid',
      reason: '应为 18 位，实为 7 位',
    })
  })

  it('shows an impossible character or a wrong check character at once', () => {
    expect(usccFeedback(check('91520I', 'character', '第 6 位“I”不是允许的字符'), true)).toEqual({
      kind: 'invalid',
      reason: '第 6 位“I”不是允许的字符',
    })
    const typo = check('115201110091453296', 'check', '校验位应为“5”，实为“6”，请核对是否抄错')
    expect(usccFeedback(typo, true).kind).toBe('invalid')
  })

  it('shows a too-long code as wrong even while typing', () => {
    expect(usccFeedback(check('1152011100914532950', 'length', '应为 18 位，实为 19 位'), true).kind).toBe('invalid')
  })

  it('confirms a valid code', () => {
    expect(usccFeedback(check('115201110091453295', null), true)).toEqual({ kind: 'ok' })
  })
})
