// Everything that paces calls to one service (one key, one rate-limit domain), shared by every
// command that uses it: the rate budget, a concurrency cap that halves when the service says it is
// throttling (429/420, or OpsGenie's `X-RateLimit-State: THROTTLED`) and grows back one call at a
// time while answers are good, and a pause until the service's Retry-After has passed.

import { createHash } from 'node:crypto'
import type { Clock } from '../util/clock'
import { RateBudget, type BudgetWindow } from './rate-budget'
import { parseRetryAfterMs } from './retry-after'

export interface CallOutcome {
  status?: number
  headers?: Record<string, string>
}

const isThrottled = (outcome: CallOutcome): boolean =>
  outcome.status === 429 || outcome.status === 420 || /^throttled$/i.test(outcome.headers?.['x-ratelimit-state'] ?? '')

export class Governor {
  readonly budget: RateBudget
  /** Calls allowed in flight at once; Infinity until the service first throttles. */
  cap = Infinity
  inFlight = 0
  /** No call starts before this time (a Retry-After). */
  pausedUntil = 0
  private goodInARow = 0
  /** Bumped on every throttle: only answers to calls started since then count toward growing back. */
  private epoch = 0
  private readonly waiting: Array<() => void> = []

  constructor (windows: readonly BudgetWindow[], private readonly clock: Clock) {
    this.budget = new RateBudget(windows, clock)
  }

  /** Waits for a slot under the cap, the end of any pause and the budget; resolves with the release. */
  async acquire (): Promise<(outcome: CallOutcome) => void> {
    while (this.inFlight >= this.cap) await new Promise<void>(resolve => this.waiting.push(resolve))
    this.inFlight++
    const epoch = this.epoch
    try {
      for (let wait = this.pausedUntil - this.clock.now(); wait > 0; wait = this.pausedUntil - this.clock.now()) {
        await this.clock.sleep(wait)
      }
      await this.budget.take()
    } catch (err) {
      this.release({}, epoch)
      throw err
    }
    let released = false
    return (outcome) => {
      if (released) return
      released = true
      this.release(outcome, epoch)
    }
  }

  private release (outcome: CallOutcome, epoch: number): void {
    const before = this.inFlight
    this.inFlight--
    if (isThrottled(outcome)) {
      // Halve what was really in flight (this call included), never below one.
      this.cap = Math.max(1, Math.floor(Math.min(this.cap, before) / 2))
      this.goodInARow = 0
      this.epoch++
      const now = this.clock.now()
      const retryAfterMs = parseRetryAfterMs(outcome.headers?.['retry-after'], now)
      if (retryAfterMs !== undefined && retryAfterMs > 0) {
        this.pausedUntil = Math.max(this.pausedUntil, now + retryAfterMs)
      }
    } else if (outcome.status !== undefined && outcome.status < 500 && Number.isFinite(this.cap) &&
      epoch === this.epoch) {
      // Additive increase: one more call in flight after a cap's worth of good answers.
      if (++this.goodInARow >= this.cap) {
        this.cap++
        this.goodInARow = 0
      }
    }
    // Woken callers check the cap again, so waking one too many only sends it back to wait.
    for (let free = this.cap - this.inFlight; free > 0 && this.waiting.length > 0; free--) this.waiting.shift()?.()
  }
}

/** Which calls one governor paces: one service, base URL, key and rate-limit domain. */
export interface GovernedCalls {
  service: string
  baseURL: string
  authorization: string
  domain: string
  windows: readonly BudgetWindow[]
}

/**
 * The governors of one robot, one per service, key and domain, created on first use and kept for
 * the robot's life (clients are built per command; the service's limits are per key). The key is
 * hashed: the registry holds no credential. Owned by the robot's runtime (chat/runtime.ts).
 */
export class Governors {
  private readonly byKey = new Map<string, Governor>()

  constructor (private readonly clock: Clock) {}

  for (of: GovernedCalls): Governor {
    const hash = createHash('sha256').update(of.authorization).digest('hex').slice(0, 16)
    const key = `${of.service}|${of.baseURL}|${hash}|${of.domain}|${JSON.stringify(of.windows)}`
    let governor = this.byKey.get(key)
    if (!governor) {
      governor = new Governor(of.windows, this.clock)
      this.byKey.set(key, governor)
    }
    return governor
  }

  /** Forgets every governor (the bench starts each run from a clean slate). */
  clear (): void { this.byKey.clear() }
}
