// The compilation path as six steps, and what each one still needs. Pure functions of the
// overview, so the stepper and its tests agree; the core decides every finding, this only counts.
import type { Overview } from '../bindings/mulu'
import { needsGrading } from './grading'

export const STEPS = ['agency', 'resources', 'metadata', 'grading', 'validate', 'export'] as const
export type StepId = (typeof STEPS)[number]

/** `done`: nothing left here; `todo`: `count` things to do (the label says what). */
export interface StepStatus {
  id: StepId
  done: boolean
  count: number
}

const STORE_KEY = 'mulu.step'

export function statusOf(o: Overview): StepStatus[] {
  const rows = o.resources
  const agencyProblems = o.catalog_findings.filter((f) => f.field?.startsWith('agency') && f.severity === 'error').length
  // A grade read from a sheet or proposed by a scan is not done until the officer confirms it.
  const ungraded = rows.filter(needsGrading).length
  const unreviewed = rows.filter((r) => !r.secrecy_review).length
  const s = o.summary
  return [
    { id: 'agency', done: o.has_agency && agencyProblems === 0, count: o.has_agency ? agencyProblems : 1 },
    { id: 'resources', done: rows.length > 0, count: rows.length },
    { id: 'metadata', done: rows.length > 0 && s.resources_with_errors === 0, count: s.resources_with_errors },
    { id: 'grading', done: rows.length > 0 && ungraded === 0, count: ungraded },
    { id: 'validate', done: s.errors === 0, count: s.errors + s.warnings },
    { id: 'export', done: rows.length > 0 && unreviewed === 0 && s.errors === 0, count: unreviewed },
  ]
}

/** The step to show: the one the person left, else the first (a new workspace) or the list. */
export function initialStep(stored: string | null, hasAgency: boolean): StepId {
  if (stored && (STEPS as readonly string[]).includes(stored)) return stored as StepId
  return hasAgency ? 'resources' : 'agency'
}

export function rememberedStep(): string | null {
  try {
    return localStorage.getItem(STORE_KEY)
  } catch {
    return null // storage disabled: start from the default every time
  }
}

export function rememberStep(step: StepId) {
  try {
    localStorage.setItem(STORE_KEY, step)
  } catch {
    /* not remembered; harmless */
  }
}
