// What the app advises about an error or a refusal, by its stable code: the step that fixes it,
// and the sentence saying so. The core's message says what happened and what to do in words of
// no particular face (src-tauri/core/data/messages.toml); this is the one place where the app
// decides which of its steps fixes what. The sentences are in the i18n files (`error.advice`).
import type { ErrorPayload, Lang } from '../bindings/mulu'
import type { AnyErrorCode } from './api'
import { coreLang, messages, savedLocale } from '../i18n'
import { STEPS, type StepId } from './steps'

/** The step that fixes a refusal, by code (its number fills `{n}` in the advice). Keyed by the
 *  generated codes: a code renamed in Rust fails the build here. */
export const REFUSAL_STEP: Partial<Record<AnyErrorCode, StepId>> = {
  'agency.missing': 'agency',
  'key.none': 'agency',
  'key.unreadable': 'agency',
  'package.no_uscc': 'agency',
  'package.no_principal': 'agency',
  'package.findings': 'validate',
  'package.secrecy': 'export',
  'sheet.cell_too_long': 'validate',
}

/** The codes the app advises on, beyond what the core's message says. */
export const ADVISED = [
  'workspace.exists',
  'resource.not_found',
  'resource.ambiguous',
  'agency.missing',
  'undo.unsupported',
  'key.none',
  'key.unreadable',
  'key.passphrase',
  'package.no_uscc',
  'package.no_principal',
  'package.findings',
  'package.secrecy',
  'sheet.cell_too_long',
] as const satisfies readonly AnyErrorCode[]

/** An error as the app shows it: the core's message with the app's advice after it. */
export interface Advised extends ErrorPayload {
  /** The core's message alone. */
  core?: string
  /** The app's advice alone. */
  advice?: string
}

/** The i18n key of the advice for a code, or null when the core's message says it all. */
export function refusalAdvice(code: string): string | null {
  return (ADVISED as readonly string[]).includes(code) ? `error.advice.${code.replace(/\./g, '_')}` : null
}

/** The advice for `code` in `lang`, its step number filled in; null when there is none. */
export function adviceText(code: string, lang: Lang): string | null {
  const key = refusalAdvice(code)
  if (!key) return null
  const advice = messages[lang === 'en' ? 'en' : 'zh-CN'].error.advice as Record<string, string>
  const text = advice[key.split('.').pop()!]
  const step = REFUSAL_STEP[code as AnyErrorCode]
  return text ? text.replace('{n}', step ? String(STEPS.indexOf(step) + 1) : '') : null
}

/** `message` (the core's, for `code`) followed by the app's advice. */
export function withAdvice(code: string, message: string, lang: Lang): string {
  const advice = adviceText(code, lang)
  return advice ? `${message}${lang === 'en' ? ' ' : ''}${advice}` : message
}

/** A command's rejection with the app's advice added, when it is one of the core's errors;
 *  `lang` is the language the command was called in (else the person's current one). */
export function advised(e: unknown, lang?: unknown): unknown {
  if (!e || typeof e !== 'object' || !('code' in e) || !('message' in e)) return e
  const p = e as ErrorPayload
  const l: Lang = lang === 'en' || lang === 'zh' ? lang : coreLang(savedLocale())
  const advice = adviceText(String(p.code), l)
  if (!advice) return e
  return { ...p, message: withAdvice(String(p.code), String(p.message), l), core: p.message, advice } satisfies Advised
}
