// General async helpers, used by every layer and tied to none: running many calls with a bounded
// number in flight (not one at a time, not all at once). Waiting is the clock's (clock.ts).

export type Settled<I, R> =
  | { item: I, ok: true, value: R }
  | { item: I, ok: false, error: unknown }

/** Calls `fn` for every item with at most `limit` calls in flight; results come back in the items' order. */
export async function mapSettled<I, R> (
  items: readonly I[], limit: number, fn: (item: I) => Promise<R>
): Promise<Array<Settled<I, R>>> {
  const results: Array<Settled<I, R>> = new Array(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++
      const item = items[index]
      try {
        results[index] = { item, ok: true, value: await fn(item) }
      } catch (error) {
        results[index] = { item, ok: false, error }
      }
    }
  }
  const workers = Math.max(1, Math.min(Math.floor(limit) || 1, items.length))
  await Promise.all(Array.from({ length: workers }, worker))
  return results
}

/**
 * Like Promise.all, but waits for every call to finish before throwing the first failure, so no
 * request is still running (and retrying) after the command has replied.
 */
export async function allSettledOrThrow<T extends readonly unknown[]> (
  calls: readonly [...{ [K in keyof T]: Promise<T[K]> }]
): Promise<T> {
  const settled = await Promise.allSettled(calls)
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  return settled.map(s => (s as PromiseFulfilledResult<unknown>).value) as unknown as T
}
