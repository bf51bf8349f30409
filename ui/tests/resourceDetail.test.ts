import { describe, expect, it } from 'vitest'
import { effectScope, nextTick, shallowRef } from 'vue'
import { flushPromises } from '@vue/test-utils'
import type { Resource, ResourceDetail, ResourceSummary } from '../src/bindings/mulu'
import { useResourceDetail } from '../src/lib/resourceDetail'
import { summary } from './summaries'

const record = (id: number, items: number): ResourceDetail => ({
  id,
  resource: { name: `资源${id}`, items: Array.from({ length: items }, (_, i) => ({ name: `项${i}` })) } as Resource,
  findings: [],
})

/** Answers in the order the test resolves them, not the order asked. */
function deferredAsk() {
  const pending: { id: number; resolve: (d: ResourceDetail) => void }[] = []
  const ask = (id: number) => new Promise<ResourceDetail>((resolve) => pending.push({ id, resolve }))
  return { pending, ask }
}

describe('useResourceDetail', () => {
  it('asks again whenever the summary row is replaced, and never shows another resource’s record', async () => {
    const row = shallowRef<ResourceSummary | null>(summary(1, '资源1'))
    const { pending, ask } = deferredAsk()
    const scope = effectScope()
    const { detail } = scope.run(() => useResourceDetail(() => row.value, ask))!
    expect(detail.value).toBeNull()
    pending[0].resolve(record(1, 12))
    await flushPromises()
    expect(detail.value?.resource.items).toHaveLength(12)

    // Another resource: until its own record arrives, nothing (the form cannot save 1's items as 2's).
    row.value = summary(2, '资源2')
    await nextTick()
    expect(detail.value).toBeNull()
    // A newer version of 2 is asked before the first answer: the late, older answer is dropped.
    row.value = summary(2, '资源2', { item_count: 3 })
    await nextTick()
    pending[2].resolve(record(2, 3))
    await flushPromises()
    pending[1].resolve(record(2, 0))
    await flushPromises()
    expect(detail.value?.resource.items).toHaveLength(3)
    expect(pending.map((p) => p.id)).toEqual([1, 2, 2])

    row.value = null
    await nextTick()
    expect(detail.value).toBeNull()
    scope.stop()
  })
})
