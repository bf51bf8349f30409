// What to say under the USCC field while it is typed. The check itself is the core's
// (`check_uscc`); this only decides how to show it: a code that is merely short is "keep
// typing" while the field has focus, and wrong once the person leaves it.
import type { UsccCheck } from './api'

export type UsccFeedback =
  | { kind: 'none' }
  | { kind: 'typing'; count: number }
  | { kind: 'ok' }
  | { kind: 'invalid'; reason: string }

export function usccFeedback(check: UsccCheck | null, focused: boolean): UsccFeedback {
  if (!check || !check.normalized) return { kind: 'none' }
  if (!check.problem) return { kind: 'ok' }
  const count = [...check.normalized].length
  if (check.problem === 'length' && focused && count < 18) return { kind: 'typing', count }
  return { kind: 'invalid', reason: check.reason ?? '' }
}
