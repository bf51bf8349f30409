// A resource list's search box and pages. The search runs in the core (FTS5 with the trigram
// tokenizer: Chinese substrings match; every word must); the box waits for a pause in typing
// before asking. The rows shown are the overview's, picked by the ids the core found, so a page
// keeps the table's columns; an edit re-runs the search, as a renamed resource may leave or join.
import { computed, ref, watch } from 'vue'
import { useI18n } from 'vue-i18n'
import type { ResourceSummary } from '../bindings/mulu'
import { coreLang, type Locale } from '../i18n'
import * as api from './api'
import { page, pick } from './paging'

export const PAGE_SIZES = [20, 50, 100]

/** How long typing must pause before the core is asked (ms). */
export const SEARCH_DELAY = 250

/** The core's search in the person's language (call during a component's setup). */
function coreSearch(): (query: string) => Promise<number[]> {
  const { locale } = useI18n()
  return (q) => api.searchResources(q, coreLang(locale.value as Locale))
}

/** `search` defaults to the core's; tests give their own. */
export function useResourceList(
  rows: () => ResourceSummary[],
  search: (query: string) => Promise<number[]> = coreSearch(),
  delay = SEARCH_DELAY,
) {
  const query = ref('')
  /** The ids the core found, in catalog order; `null` while nothing is searched. */
  const matched = ref<number[] | null>(null)
  const error = ref<string | null>(null)
  const current = ref(1)
  const size = ref(PAGE_SIZES[1])
  let timer: ReturnType<typeof setTimeout> | undefined
  let asked = 0

  async function run() {
    const q = query.value.trim()
    const mine = ++asked
    if (!q) {
      matched.value = null
      error.value = null
      return
    }
    try {
      const ids = await search(q)
      if (mine !== asked) return // a newer query was typed meanwhile
      matched.value = ids
      error.value = null
    } catch (e) {
      if (mine !== asked) return
      matched.value = []
      error.value = e && typeof e === 'object' && 'message' in e ? String(e.message) : String(e)
    }
  }

  watch(query, (q) => {
    clearTimeout(timer)
    current.value = 1
    // Clearing the box shows everything at once; typing waits for a pause.
    if (!q.trim()) void run()
    else timer = setTimeout(run, delay)
  })
  watch(rows, () => {
    if (query.value.trim()) void run()
  })

  const filtered = computed(() => (matched.value ? pick(rows(), matched.value) : rows()))
  const shown = computed(() => page(filtered.value, current.value, size.value))
  // Rows removed (or a narrower search): stay on a page that exists.
  watch(
    () => Math.max(1, Math.ceil(filtered.value.length / size.value)),
    (last) => {
      if (current.value > last) current.value = last
    },
  )

  return {
    query,
    /** Whether a search is in effect (the count then reads "n of total"). */
    searching: computed(() => matched.value !== null),
    error,
    filtered,
    shown,
    current,
    size,
  }
}
