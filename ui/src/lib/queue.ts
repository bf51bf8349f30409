// Edits are saved one after another, in the order made: each answer (its overview delta) then
// reflects every earlier edit, and a slow answer never overwrites a newer one.
export function serial() {
  let tail: Promise<unknown> = Promise.resolve()
  return function run<T>(task: () => Promise<T>): Promise<T> {
    const next = tail.then(task, task)
    tail = next.catch(() => {})
    return next
  }
}
