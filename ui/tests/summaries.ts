// A resource as the overview lists it (the core's `ResourceSummary`), for tests to vary.
import type { ResourceSummary } from '../src/bindings/mulu'

export const summary = (id: number, name: string, over: Partial<ResourceSummary> = {}): ResourceSummary => ({
  id,
  code: `352111009/${String(id).padStart(6, '0')}`,
  name,
  provider_name: null,
  format: { class: null, type: null },
  sensitivity: null,
  sharing_type: null,
  open_type: null,
  update_cycle: null,
  source_system: null,
  source_business: null,
  item_count: 0,
  graded_by_questionnaire: false,
  grade_unconfirmed: null,
  secrecy_review: null,
  findings: [],
  completeness: { filled: 0, required: 12, missing: [] },
  ...over,
})
