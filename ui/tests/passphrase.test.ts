import { describe, expect, it } from 'vitest'
import { strength } from '../src/lib/passphrase'

describe('passphrase strength', () => {
  it('grows with length and variety', () => {
    expect(strength('')).toBe(0)
    expect(strength('123456')).toBe(1)
    expect(strength('aaaaaaaaaaaaaaaa')).toBe(1)
    expect(strength('qingyan2026')).toBe(2)
    expect(strength('Qingyan-Town 2026!')).toBe(4)
  })

  it('counts Chinese characters as a rich alphabet', () => {
    expect(strength('青岩')).toBeLessThan(strength('青岩古镇的石板路'))
    expect(strength('长城 长江 黄河 2026')).toBe(4)
  })
})
