// Everything that paces calls to one service (one key, one rate-limit domain), shared by every
// command that uses it: the rate budget, a concurrency cap that halves when the service says it is
// throttling (429/420, or OpsGenie's `X-RateLimit-State: THROTTLED`) and grows back one call at a
// time while answers are good, and a pause until the service's Retry-After has passed.

import { createHash } from 'node:crypto'
import { RateBudget, realClock, type BudgetWindow, type Clock } from './rate-budget'

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

  constructor (windows: readonly BudgetWindow[], private readonly clock: Clock = realClock) {
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
      const retryAfter = Number(outcome.headers?.['retry-after'])
      if (Number.isFinite(retryAfter) && retryAfter > 0) {
        this.pausedUntil = Math.max(this.pausedUntil, this.clock.now() + retryAfter * 1000)
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

const registry = new Map<string, Governor>()

/**
 * The governor for this service, key and domain, created on first use and kept for the life of the
 * process (clients are built per command; the service's limits are per key). The key is hashed:
 * the registry holds no credential.
 */
export function governorFor (
  service: string, baseURL: string, authorization: string, domain: string, windows: readonly BudgetWindow[]
): Governor {
  const key = `${service}|${baseURL}|${createHash('sha256').update(authorization).digest('hex').slice(0, 16)}|${domain}|${JSON.stringify(windows)}`
  let governor = registry.get(key)
  if (!governor) {
    governor = new Governor(windows)
    registry.set(key, governor)
  }
  return governor
}

/** Forgets every governor (tests start each from a clean slate). */
export function resetGovernors (): void {
  registry.clear()
}
