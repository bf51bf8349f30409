import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { makeI18n } from '../src/i18n'
import type { FingerprintCheck, Verification } from '../src/bindings/mulu'

const api = vi.hoisted(() => ({ reviewFingerprint: vi.fn(), reviewTrust: vi.fn() }))
vi.mock('../src/lib/api', async (real) => ({ ...(await real<object>()), ...api }))

import TrustDialog from '../src/components/TrustDialog.vue'

const v = {
  verdict: 'intact_unknown_signer',
  source_organization: '花溪区青岩镇人民政府',
  agency_uscc: '115201110091453295',
  fingerprint: '27F8 B86A …',
  problems: [],
} as unknown as Verification
const pending = (n: number, heard: string[] = []): FingerprintCheck => ({
  heard,
  groups: Array.from({ length: 16 }, (_, i) => (i < heard.length ? i !== n : null)),
  matches: false,
})

function render() {
  return mount(TrustDialog, {
    props: { open: true, verification: v },
    global: { plugins: [makeI18n('zh-CN')], stubs: { transition: false } },
    attachTo: document.body,
  })
}
// The dialog is teleported to <body>: look there.
const $ = (sel: string) => {
  const el = document.body.querySelector(sel)
  if (!el) throw new Error(`no ${sel}`)
  return el as HTMLElement
}
const confirm = () => $('[data-testid="trust-confirm"]') as HTMLButtonElement
/** An Element Plus input by its data-testid (on the <input> itself or around it). */
const input = (id: string) => {
  const el = $(`[data-testid="${id}"]`)
  return (el.tagName === 'INPUT' ? el : el.querySelector('input')) as HTMLInputElement
}
async function type(text: string) {
  const field = input('trust-heard')
  field.value = text
  field.dispatchEvent(new Event('input'))
  await flushPromises()
}

describe('TrustDialog', () => {
  beforeEach(() => {
    vi.clearAllMocks()
    document.body.innerHTML = ''
  })

  it('shows the core’s group-by-group comparison and trusts only when it says all match', async () => {
    api.reviewFingerprint.mockResolvedValue(pending(-1))
    const w = render()
    await flushPromises()
    expect(input('trust-name').value).toBe('花溪区青岩镇人民政府')
    expect(confirm().disabled).toBe(true)

    api.reviewFingerprint.mockResolvedValue(pending(1, ['27F8', '0000']))
    await type('27F8 0000')
    expect(api.reviewFingerprint).toHaveBeenLastCalledWith('27F8 0000')
    expect($('[data-testid="trust-differs"]').textContent).toBe('第 2 组不一致：请对方重读这几组。')
    const groups = [...document.body.querySelectorAll('[data-testid="fingerprint-group"]')]
    expect(groups.slice(0, 3).map((g) => g.getAttribute('data-state'))).toEqual(['same', 'differs', 'pending'])
    expect(confirm().disabled).toBe(true)

    const all = { heard: Array(16).fill('27F8'), groups: Array(16).fill(true), matches: true }
    api.reviewFingerprint.mockResolvedValue(all)
    api.reviewTrust.mockResolvedValue({ path: 'p.zip', workspace: 'w.mulu', trust_list: null, review: {} })
    await type('27F8'.repeat(16))
    expect($('[data-testid="trust-match"]').textContent).toBe('16 组全部一致。')
    expect(confirm().disabled).toBe(false)
    confirm().click()
    await flushPromises()
    expect(api.reviewTrust).toHaveBeenCalledWith('花溪区青岩镇人民政府', '27F8'.repeat(16), 'zh')
    expect(w.emitted('trusted')).toHaveLength(1)
  })

  it('says why the core refused, and stays open', async () => {
    api.reviewFingerprint.mockResolvedValue({ heard: [], groups: Array(16).fill(true), matches: true })
    api.reviewTrust.mockRejectedValue({ code: 'key.fingerprint_mismatch', message: '输入的指纹与本包签名公钥的指纹不一致', field: null })
    const w = render()
    await flushPromises()
    confirm().click()
    await flushPromises()
    expect($('[data-testid="trust-error"]').textContent).toContain('指纹不一致')
    expect(w.emitted('trusted')).toBeUndefined()
  })
})
