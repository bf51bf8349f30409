// One page of a list, for the catalog previews (a city's catalog has thousands of rows).
export function page<T>(rows: T[], current: number, size: number): T[] {
  const last = Math.max(1, Math.ceil(rows.length / size))
  const p = Math.min(Math.max(1, current), last)
  return rows.slice((p - 1) * size, p * size)
}

/** The rows of a view, in the order the core gave the ids. */
export function pick<T extends { id: number }>(rows: T[], ids: number[]): T[] {
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => byId.get(id) ?? [])
}
