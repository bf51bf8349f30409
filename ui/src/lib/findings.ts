// Findings placed at the field that caused them: `sharing.basis`, `agency.uscc`,
// `related_codes[1]` (the field), `items[2].data_type` (a cell of the item table).
import type { Finding } from '../bindings/mulu'

/** The form field a finding's field key belongs to. */
export function fieldOf(key: string | null): string | null {
  if (!key) return null
  if (/^items\[\d+\]\./.test(key)) return 'items'
  return key.replace(/\[\d+\]$/, '')
}

/** Findings shown at form field `key` (item-cell findings excluded: they go to their cell). */
export function findingsAt(findings: Finding[], key: string): Finding[] {
  return findings.filter((f) => f.field !== null && !/^items\[/.test(f.field) && fieldOf(f.field) === key)
}

/** Item-cell findings by `"<index>.<part>"` (index among the saved items). */
export function itemCellFindings(findings: Finding[]): Map<string, Finding[]> {
  const out = new Map<string, Finding[]>()
  for (const f of findings) {
    const m = f.field ? /^items\[(\d+)\]\.(\w+)$/.exec(f.field) : null
    if (!m) continue
    const key = `${m[1]}.${m[2]}`
    out.set(key, [...(out.get(key) ?? []), f])
  }
  return out
}

/** Findings no form field shows (a field key the form does not know): listed at the top. */
export function unplaced(findings: Finding[], known: Set<string>): Finding[] {
  return findings.filter((f) => !f.field || !known.has(fieldOf(f.field) ?? ''))
}
