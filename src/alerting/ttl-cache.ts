// A small map that forgets: at most `maxEntries` values (the oldest written goes first), each kept
// for `ttlMs`. For lookups that change rarely and are asked often (a person's display name), so a
// busy room does not turn every on-call question into N extra requests, and memory stays bounded.

export class TtlCache<V> {
  private readonly entries = new Map<string, { value: V, expiresAt: number }>()

  constructor (
    private readonly maxEntries: number,
    private readonly ttlMs: number,
    private readonly now: () => number
  ) {}

  get (key: string): V | undefined {
    const entry = this.entries.get(key)
    if (!entry) return undefined
    if (this.now() >= entry.expiresAt) {
      this.entries.delete(key)
      return undefined
    }
    return entry.value
  }

  set (key: string, value: V): void {
    this.entries.delete(key)
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs })
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next().value
      if (oldest === undefined) break
      this.entries.delete(oldest)
    }
  }

  get size (): number { return this.entries.size }

  clear (): void { this.entries.clear() }
}
