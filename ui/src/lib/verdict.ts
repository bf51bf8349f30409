// How a package's verdict is put to the reviewer: the core's three verdicts in large plain
// words, and for a broken package what kind of broken, told by its first problem's code (the
// core lists problems in the order it checks: the zip, its names, the signature, the files).
import type { Verification } from '../bindings/mulu'

export type Tone = 'trusted' | 'unknown' | 'broken'

/** What kind of broken, in the reviewer's terms. */
export type BrokenKind = 'changed' | 'damaged' | 'notPackage' | 'unsafe' | 'other'

const KINDS: Record<string, BrokenKind> = {
  'verify.digest_mismatch': 'changed',
  'verify.bad_signature': 'changed',
  'verify.missing': 'changed',
  'verify.unlisted': 'changed',
  'verify.oxum': 'changed',
  'verify.size_mismatch': 'changed',
  'verify.manifest_syntax': 'changed',
  'verify.bag_info': 'changed',
  'verify.truncated': 'damaged',
  'verify.entry_unreadable': 'damaged',
  'verify.not_zip': 'notPackage',
  'verify.not_a_package': 'notPackage',
  'verify.unsigned': 'notPackage',
  'verify.signer_key': 'notPackage',
  'verify.signature_encoding': 'notPackage',
  'verify.zip_bomb': 'unsafe',
  'verify.unsafe_name': 'unsafe',
  'verify.non_utf8_name': 'unsafe',
  'verify.symlink': 'unsafe',
  'verify.encrypted': 'unsafe',
  'verify.duplicate': 'unsafe',
}

export interface VerdictView {
  tone: Tone
  /** i18n key of the headline. */
  headline: string
  /** i18n key and values of the sentence under it. */
  detail: string
  values: Record<string, string>
  /** Trusting the signer is offered: intact, signed by a key not trusted here (the core
   *  refuses a key listed for another agency, so it is not offered then). */
  canTrust: boolean
}

export function brokenKind(v: Verification): BrokenKind {
  for (const p of v.problems) {
    const kind = KINDS[p.code]
    if (kind) return kind
  }
  return 'other'
}

export function presentVerdict(v: Verification): VerdictView {
  switch (v.verdict) {
    case 'intact_trusted':
      return {
        tone: 'trusted',
        headline: 'review.verdict.trusted',
        detail: 'review.detail.trusted',
        values: { name: v.signer?.name ?? '' },
        canTrust: false,
      }
    case 'intact_unknown_signer':
      return v.trusted_for_other_agency
        ? {
            tone: 'unknown',
            headline: 'review.verdict.unknown',
            detail: 'review.detail.otherAgency',
            values: { uscc: v.trusted_for_other_agency },
            canTrust: false,
          }
        : { tone: 'unknown', headline: 'review.verdict.unknown', detail: 'review.detail.unknown', values: {}, canTrust: true }
    default:
      return {
        tone: 'broken',
        headline: `review.verdict.broken.${brokenKind(v)}`,
        detail: 'review.detail.broken',
        values: {},
        canTrust: false,
      }
  }
}

/** The fingerprint in its groups of four, for reading over the phone. */
export function fingerprintGroups(fingerprint: string | null): string[] {
  return fingerprint ? fingerprint.split(' ').filter(Boolean) : []
}
