// The resource list's search box: every word must appear in the name, code, abstract, provider
// or an item name (case- and width-insensitive). Filtering happens in the UI for now.
import type { ResourceRow } from '../bindings/mulu'

const fold = (s: string) => s.normalize('NFKC').toLowerCase()

export function matches(row: ResourceRow, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean)
  if (!words.length) return true
  const r = row.resource
  const hay = fold([r.name, r.code, r.abstract, r.provider_name, ...r.items.map((i) => i.name)].filter(Boolean).join('\n'))
  return words.every((w) => hay.includes(w))
}
