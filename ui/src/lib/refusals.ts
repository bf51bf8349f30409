// What to do about a refused package: the step that fixes it, by error code. The core says what
// to do in the app's terms (Error::payload); the app adds its own advice only for what the app
// itself refuses (no key yet, a wrong passphrase).
import type { AnyErrorCode } from './api'
import type { StepId } from './steps'

// Keyed by the generated codes: a code renamed in Rust fails the build here.
export const REFUSAL_STEP: Partial<Record<AnyErrorCode, StepId>> = {
  'package.findings': 'validate',
  'package.secrecy': 'export',
  'package.no_uscc': 'agency',
  'key.none': 'agency',
}

/** The i18n key of the advice for a refusal, or null when the message says it all. */
export function refusalAdvice(code: string): string | null {
  return ADVICE[code as AnyErrorCode] ?? null
}

const ADVICE: Partial<Record<AnyErrorCode, string>> = {
  'key.none': 'package.advice.key_none',
  'key.passphrase': 'package.advice.key_passphrase',
}
