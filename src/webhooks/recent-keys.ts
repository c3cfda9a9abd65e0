// A bounded memory of keys seen lately: duplicate deliveries are posted once. Oldest keys go first
// when it is full, and every key is forgotten after `ttlMs`.
//
// With a brain, the newest keys are also kept there (a versioned, merge-safe store), so a delivery
// OpsGenie or Statuspage sends again after a restart (a retry, or a webhook replayed by hand) is
// still known on a persistent brain such as hubot-redis-brain, whose data arrives after start. They are
// written in one batch when the receiver posts (and when it stops), not one write per delivery.

import { defineStore, type BrainLike } from '../util/brain-store'

/** How many keys the brain keeps: retries come within minutes, and each write is bounded by it. */
const PERSISTED_KEYS = 1000

const persisted = defineStore<{ at: number }>({
  key: 'hubot-statuspage-opsgenie.webhook-keys',
  name: 'webhook duplicate keys',
  version: 1,
  bound: PERSISTED_KEYS,
  validate: (data, v) => v === 1 && typeof data === 'object' && data !== null &&
    Number.isFinite((data as { at?: unknown }).at)
    ? { at: (data as { at: number }).at }
    : undefined
})

export interface RecentKeysOptions {
  max: number
  ttlMs: number
  now: () => number
  /** Where keys outlive the process (the robot's brain); memory only without it. */
  brain?: BrainLike
}

export class RecentKeys {
  private readonly seen = new Map<string, number>()
  /** Keys not written to the brain yet: written together by `save()`. */
  private readonly unsaved = new Map<string, number>()

  constructor (private readonly options: RecentKeysOptions) {}

  /** True the first time a key is offered (within the TTL), false for a repeat. */
  firstTime (key: string): boolean {
    const now = this.options.now()
    const { brain } = this.options
    const at = this.seen.get(key) ?? (brain ? persisted.on(brain).get(key)?.at : undefined)
    if (at !== undefined && now - at < this.options.ttlMs) return false
    this.seen.delete(key)
    this.seen.set(key, now)
    while (this.seen.size > this.options.max) this.seen.delete(this.seen.keys().next().value as string)
    if (brain) this.unsaved.set(key, now)
    return true
  }

  /** Writes the keys seen since the last save to the brain, in one write (the receiver saves when it posts). */
  save (): void {
    const { brain } = this.options
    if (!brain || this.unsaved.size === 0) return
    persisted.on(brain).putAll([...this.unsaved].map(([id, at]) => ({ id, data: { at }, at })))
    this.unsaved.clear()
  }

  get size (): number { return this.seen.size }
}
