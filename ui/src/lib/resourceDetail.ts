// A resource whole, asked of the core on demand: the overview carries summaries only (at 20,000
// resources whole records made every edit's answer tens of megabytes). Asked again whenever the
// summary row is replaced — after any edit, undo, bulk edit or grading — so it never lags the list.
import { computed, shallowRef, watch } from 'vue'
import type { ResourceDetail, ResourceSummary } from '../bindings/mulu'
import * as api from './api'

export function useResourceDetail(row: () => ResourceSummary | null, ask: (id: number) => Promise<ResourceDetail>) {
  const got = shallowRef<ResourceDetail | null>(null)
  const error = shallowRef<string | null>(null)
  let asked = 0

  watch(
    row,
    async (r) => {
      const mine = ++asked
      if (!r) {
        got.value = null
        return
      }
      try {
        const d = await ask(r.id)
        if (mine !== asked) return // a newer version (or another resource) was asked for meanwhile
        got.value = d
        error.value = null
      } catch (e) {
        if (mine !== asked) return
        got.value = null
        error.value = api.toPayload(e).message
      }
    },
    { immediate: true },
  )

  return {
    /** Only ever the shown row's own record: while another resource's is still on its way, `null`,
     * so nothing can save one resource's items under another's id. */
    detail: computed(() => (got.value && got.value.id === row()?.id ? got.value : null)),
    error,
  }
}
