// The command contract is checked by the compiler (`npm run build` runs vue-tsc over tests/):
// each `@ts-expect-error` below fails the build if the mistake it marks ever type-checks.
import { describe, expect, it, vi } from 'vitest'

const invoke = vi.hoisted(() => vi.fn(async () => null))
vi.mock('@tauri-apps/api/core', () => ({ invoke }))

import { call } from '../src/lib/api'
import { errorTitleKey } from '../src/lib/errors'
import type { AnyErrorCode } from '../src/lib/api'

describe('the typed command contract', () => {
  it('sends the command and its arguments as named in Rust', async () => {
    await call('update_resource_field', { id: 3, key: 'name', text: '低保名册', lang: 'zh' })
    expect(invoke).toHaveBeenLastCalledWith('update_resource_field', { id: 3, key: 'name', text: '低保名册', lang: 'zh' })
    await call('workspace_path')
    expect(invoke).toHaveBeenLastCalledWith('workspace_path', undefined)
  })

  it('refuses at compile time what Rust does not serve', () => {
    const typeErrors = () => {
      // @ts-expect-error: no such command
      void call('update_resource', { id: 3 })
      // @ts-expect-error: an argument renamed (Rust says `text`)
      void call('update_resource_field', { id: 3, key: 'name', value: 'x', lang: 'zh' })
      // @ts-expect-error: a missing argument
      void call('grading_confirm', { lang: 'zh' })
      // @ts-expect-error: not an error code Rust produces
      const code: AnyErrorCode = 'workspace.gone'
      return code
    }
    expect(typeof typeErrors).toBe('function')
    const known: AnyErrorCode = 'workspace.busy'
    expect(errorTitleKey(known)).toBe('error.title.busy')
  })
})
