import { describe, expect, it } from 'vitest'
import zhCN from '../src/i18n/zh-CN'
import en from '../src/i18n/en'

// Every key, dotted, with the {placeholders} its text uses.
function flatten(obj: object, prefix = ''): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const [k, v] of Object.entries(obj)) {
    const key = prefix ? `${prefix}.${k}` : k
    if (typeof v === 'string') out.set(key, [...v.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort())
    else for (const [kk, vv] of flatten(v as object, key)) out.set(kk, vv)
  }
  return out
}

describe('message files', () => {
  const zh = flatten(zhCN)
  const e = flatten(en)

  it('have exactly the same keys', () => {
    expect([...e.keys()].sort()).toEqual([...zh.keys()].sort())
  })

  it('use the same placeholders for each key', () => {
    for (const [key, names] of zh) expect(new Set(e.get(key)), key).toEqual(new Set(names))
  })

  it('have no empty Chinese text', () => {
    for (const [key] of zh) {
      const value = key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN)
      expect((value as string).trim(), key).not.toBe('')
    }
  })
})
