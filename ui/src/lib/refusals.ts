// What to do about a refused package, in the app's own terms: the core's message names CLI
// commands and flags, which mean nothing in the window. The step that fixes it, by error code.
import type { StepId } from './steps'

export const REFUSAL_STEP: Record<string, StepId> = {
  'package.findings': 'validate',
  'package.secrecy': 'export',
  'package.no_uscc': 'agency',
  'key.none': 'agency',
}

/** The i18n key of the advice for a refusal, or null when the message says it all. */
export function refusalAdvice(code: string): string | null {
  return code in REFUSAL_STEP || code === 'key.passphrase' ? `package.advice.${code.replace('.', '_')}` : null
}
