import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import VerdictBanner from '../src/components/VerdictBanner.vue'
import PackageProblems from '../src/components/PackageProblems.vue'
import { makeI18n } from '../src/i18n'
import { brokenKind, fingerprintGroups, presentVerdict } from '../src/lib/verdict'
import type { Problem, Verification } from '../src/bindings/mulu'

const FP = '27F8 B86A 2E28 E5DD 6C62 4F4F 07A3 C1E5 C6AD 0011 2233 4455 6677 8899 AABB CCDD'

function verification(over: Partial<Verification> = {}): Verification {
  return {
    verdict: 'intact_unknown_signer',
    exit_code: 3,
    package_id: '115201110091453295-2026-001',
    agency_uscc: '115201110091453295',
    source_organization: '花溪区青岩镇人民政府',
    sequence: '1',
    bagging_date: '2026-11-25',
    contains_classified: 'no',
    fingerprint: FP,
    signer: null,
    trusted_for_other_agency: null,
    payload_files: 4,
    payload_octets: 12345,
    problems: [],
    ...over,
  }
}
const problem = (code: string, path: string | null, message = '…'): Problem => ({ code, path, detail: null, message })
const broken = (...problems: Problem[]) => verification({ verdict: 'broken', exit_code: 2, problems })

function banner(v: Verification, locale: 'zh-CN' | 'en') {
  return mount(VerdictBanner, { props: { verification: v }, global: { plugins: [makeI18n(locale)] } })
}

describe('the verdict, as the reviewer reads it', () => {
  it('puts each of the core’s three verdicts in plain words, in both languages', () => {
    const trusted = verification({ verdict: 'intact_trusted', exit_code: 0, signer: { name: '青岩镇 王芳', agency_uscc: '115201110091453295', source: 'trust-list' } })
    expect(banner(trusted, 'zh-CN').get('[data-testid="verdict-headline"]').text()).toBe('可信')
    expect(banner(trusted, 'zh-CN').get('[data-testid="verdict-detail"]').text()).toContain('“青岩镇 王芳”')
    expect(banner(trusted, 'en').get('[data-testid="verdict-headline"]').text()).toBe('Trusted')

    const unknown = banner(verification(), 'zh-CN')
    expect(unknown.get('[data-testid="verdict-headline"]').text()).toBe('签名有效，但签名人不在信任列表中')
    expect(unknown.get('[data-testid="verdict"]').attributes('data-verdict')).toBe('intact_unknown_signer')

    const changed = banner(broken(problem('verify.digest_mismatch', 'data/catalog.json')), 'zh-CN')
    expect(changed.get('[data-testid="verdict-headline"]').text()).toBe('不可信 · 已被改动')
    expect(banner(broken(problem('verify.digest_mismatch', 'data/catalog.json')), 'en').text()).toContain('Not to be trusted · changed')
  })

  it('offers trusting the signer only for an intact package whose key is not listed for another agency', () => {
    expect(banner(verification(), 'zh-CN').find('[data-testid="trust-open"]').text()).toBe('信任此签名人…')
    const elsewhere = verification({ trusted_for_other_agency: '11520111MB1234567X' })
    expect(presentVerdict(elsewhere)).toMatchObject({ tone: 'unknown', detail: 'review.detail.otherAgency', canTrust: false })
    expect(banner(elsewhere, 'zh-CN').text()).toContain('11520111MB1234567X')
    expect(banner(elsewhere, 'zh-CN').find('[data-testid="trust-open"]').exists()).toBe(false)
    expect(banner(broken(problem('verify.bad_signature', 'signature/tagmanifest-sha256.txt.sig')), 'zh-CN').find('[data-testid="trust-open"]').exists()).toBe(false)
    expect(presentVerdict(verification({ verdict: 'intact_trusted', exit_code: 0 })).canTrust).toBe(false)
  })

  it('tells what kind of broken by the first problem the core lists', () => {
    expect(brokenKind(broken(problem('verify.truncated', null)))).toBe('damaged')
    expect(brokenKind(broken(problem('verify.not_a_package', 'bagit.txt')))).toBe('notPackage')
    expect(brokenKind(broken(problem('verify.unsafe_name', '../x'), problem('verify.digest_mismatch', 'data/a')))).toBe('unsafe')
    expect(brokenKind(broken(problem('verify.someday', null), problem('verify.missing', 'data/catalog.json')))).toBe('changed')
    expect(brokenKind(broken(problem('verify.someday', null)))).toBe('other')
    expect(presentVerdict(broken()).headline).toBe('review.verdict.broken.other')
  })

  it('shows the fingerprint in its sixteen groups', () => {
    expect(fingerprintGroups(FP)).toHaveLength(16)
    expect(fingerprintGroups(null)).toEqual([])
  })
})

describe('the problems of a broken package', () => {
  it('name the file at fault with the core’s explanation and code', () => {
    const w = mount(PackageProblems, {
      props: { problems: [problem('verify.digest_mismatch', 'data/catalog.json', '文件在签名后被改动过。'), problem('verify.truncated', null)] },
      global: { plugins: [makeI18n('zh-CN')] },
    })
    const paths = w.findAll('[data-testid="problem-path"]').map((e) => e.text())
    expect(paths).toEqual(['data/catalog.json', '（整个包）'])
    expect(w.get('[data-testid="problem-message"]').text()).toBe('文件在签名后被改动过。')
    expect(w.findAll('[data-testid="problem"]').map((e) => e.attributes('data-code'))).toEqual(['verify.digest_mismatch', 'verify.truncated'])
    expect(w.text()).toContain('出问题的文件（2）')
  })
})
