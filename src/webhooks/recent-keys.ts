// A bounded memory of keys seen lately: duplicate deliveries are posted once. Oldest keys go first
// when it is full, and every key is forgotten after `ttlMs`.

export class RecentKeys {
  private readonly seen = new Map<string, number>()

  constructor (private readonly options: { max: number, ttlMs: number, now: () => number }) {}

  /** True the first time a key is offered (within the TTL), false for a repeat. */
  firstTime (key: string): boolean {
    const now = this.options.now()
    const at = this.seen.get(key)
    if (at !== undefined && now - at < this.options.ttlMs) return false
    this.seen.delete(key)
    this.seen.set(key, now)
    while (this.seen.size > this.options.max) this.seen.delete(this.seen.keys().next().value as string)
    return true
  }

  get size (): number { return this.seen.size }
}
