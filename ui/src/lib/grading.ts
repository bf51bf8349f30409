// The grading questionnaire's view-model: the answers as the form holds them, the request sent
// to the core, and what to show of the core's suggestions. No grading rule lives here: the
// grade and what it allows always come from `grading_suggest`.
import type { ResourceSummary, Suggestion } from '../bindings/mulu'
import type { Answers } from './api'

/** The questions of domain.md §6.2, in order. */
export const QUESTIONS = ['state_secret', 'legal_restriction', 'personal_or_commercial', 'already_public'] as const
export type Question = (typeof QUESTIONS)[number]

export const emptyAnswers = (): Answers => ({
  state_secret: null,
  legal_restriction: null,
  personal_or_commercial: null,
  already_public: null,
  basis: null,
})

const trimmed = (s: string | null | undefined) => (s ?? '').trim() || null

/** A grade other than the suggested one needs a stated reason. */
export const needsReason = (chosen: string, s: Suggestion | null) => !!s && !!chosen && chosen !== s.sensitivity

export interface ApplyRequest {
  ids: number[]
  answers: Answers
  chosen: string
  reason: string | null
}

/** What is sent to `grading_apply`: trimmed text, and a reason only when overriding. */
export function applyRequest(ids: number[], answers: Answers, chosen: string, reason: string, s: Suggestion | null): ApplyRequest {
  return {
    ids: [...ids],
    answers: { ...answers, basis: trimmed(answers.basis) },
    chosen,
    reason: needsReason(chosen, s) ? trimmed(reason) : null,
  }
}

export function canApply(ids: number[], chosen: string, reason: string, s: Suggestion | null): boolean {
  return ids.length > 0 && !!s && !!chosen && (!needsReason(chosen, s) || !!trimmed(reason))
}

/** The suggestions for the selected resources: the one to show, and whether they differ. */
export function summarize(list: Suggestion[]): { shown: Suggestion | null; grades: string[] } {
  const grades = [...new Set(list.map((s) => s.sensitivity))]
  return { shown: list[0] ?? null, grades }
}

/** An answer as the radio group holds it (`yes`/`no`/`''`), and back. */
export const toChoice = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no')
export const fromChoice = (c: string): boolean | null => (c === 'yes' ? true : c === 'no' ? false : null)

/** A grade taken from a spreadsheet or a scan, which the officer has not confirmed yet. */
export const awaitsConfirmation = (r: ResourceSummary) => !!r.sensitivity && !!r.grade_unconfirmed

/** What step 4 still asks of a resource: a grade, or the confirmation of the one it was given. */
export const needsGrading = (r: ResourceSummary) => !r.sensitivity || awaitsConfirmation(r)

/** The ticked resources whose grade waits for confirmation, in list order. */
export const toConfirm = (rows: ResourceSummary[], ticked: number[]) =>
  rows.filter((r) => ticked.includes(r.id) && awaitsConfirmation(r)).map((r) => r.id)

/** The message key of a grade's state, when it waits: imported, or proposed by a scan. */
export const pendingLabel = (r: ResourceSummary) =>
  !awaitsConfirmation(r) ? null : r.grade_unconfirmed === 'scan' ? 'grading.unconfirmedScan' : 'grading.unconfirmed'
