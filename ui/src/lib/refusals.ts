// What to do about a refused package: the step that fixes it, by error code. The core says what
// to do in the app's terms (Error::payload); the app adds its own advice only for what the app
// itself refuses (no key yet, a wrong passphrase).
import type { StepId } from './steps'

export const REFUSAL_STEP: Record<string, StepId> = {
  'package.findings': 'validate',
  'package.secrecy': 'export',
  'package.no_uscc': 'agency',
  'key.none': 'agency',
}

/** The i18n key of the advice for a refusal, or null when the message says it all. */
export function refusalAdvice(code: string): string | null {
  return code === 'key.none' || code === 'key.passphrase' ? `package.advice.${code.replace('.', '_')}` : null
}
