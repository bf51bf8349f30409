import { describe, expect, it } from 'vitest'
import { errorTitleKey } from '../src/lib/errors'
import { toPayload } from '../src/lib/api'
import zhCN from '../src/i18n/zh-CN'

const zhTitle = (code: string) => {
  const key = errorTitleKey(code)
  return key.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], zhCN)
}

describe('error titles', () => {
  it('are chosen by code', () => {
    expect(zhTitle('workspace.foreign')).toBe('无法打开工作区')
    expect(zhTitle('workspace.corrupt')).toBe('工作区已损坏')
    expect(zhTitle('workspace.newer')).toBe('需要更新版本的目录程序')
    expect(zhTitle('workspace.read_only')).toBe('工作区不可写')
    expect(zhTitle('store.decode')).toBe(zhTitle('store'))
  })

  it('fall back to a generic title for codes the UI does not know', () => {
    expect(errorTitleKey('something.new')).toBe('error.title.generic')
    expect(errorTitleKey('ipc')).toBe('error.title.generic')
  })

  it('every mapped key exists in the messages', () => {
    for (const code of ['workspace.foreign', 'workspace.missing', 'workspace.corrupt', 'workspace.newer', 'workspace.read_only', 'workspace.busy', 'io', 'store'])
      expect(typeof zhTitle(code), code).toBe('string')
  })
})

describe('toPayload', () => {
  it('keeps the core payload', () => {
    expect(toPayload({ code: 'workspace.foreign', message: '不是目录工作区文件', field: null })).toEqual({
      code: 'workspace.foreign',
      message: '不是目录工作区文件',
      field: null,
    })
  })

  it('wraps anything else as an IPC error', () => {
    expect(toPayload('command overview not found')).toEqual({ code: 'ipc', message: 'command overview not found', field: null })
  })
})
