// A client-side calls-per-window budget, so a burst of work never exceeds what the service allows
// (Statuspage: 1 request per second per key over a rolling 60 s; OpsGenie: token buckets per domain,
// per second and per minute). A sliding-window log: a call may start only if fewer than `limit`
// calls started in the last `windowMs`, for every window. Waiting is done with an injectable clock,
// so tests prove the bound without sleeping.

import type { Clock } from '../util/clock'

export interface BudgetWindow {
  /** Calls allowed to start within any `windowMs`. */
  limit: number
  windowMs: number
}

/**
 * The service counts calls when they arrive, a little after they start here; a window held this
 * much longer than the service's keeps that jitter from pushing one call into the wrong window.
 */
const JITTER_MARGIN = 0.02

export class RateBudget {
  private readonly starts: number[] = []
  private readonly windows: BudgetWindow[]

  constructor (windows: readonly BudgetWindow[], private readonly clock: Pick<Clock, 'now' | 'sleep'>) {
    this.windows = windows
      .filter(w => w.limit > 0 && w.windowMs > 0)
      .map(w => ({ limit: Math.floor(w.limit), windowMs: Math.ceil(w.windowMs * (1 + JITTER_MARGIN)) }))
  }

  /** Milliseconds until one more call may start (0: now). */
  delayMs (now: number = this.clock.now()): number {
    let wait = 0
    for (const w of this.windows) {
      const inWindow = this.starts.filter(t => t > now - w.windowMs)
      if (inWindow.length >= w.limit) {
        // The call that must leave the window before one more fits.
        const leaving = inWindow[inWindow.length - w.limit]
        wait = Math.max(wait, leaving + w.windowMs - now + 1)
      }
    }
    return wait
  }

  /** Resolves when a call may start, and counts it as started. */
  async take (): Promise<void> {
    for (;;) {
      const now = this.clock.now()
      const wait = this.delayMs(now)
      if (wait <= 0) {
        this.starts.push(now)
        this.prune(now)
        return
      }
      await this.clock.sleep(wait)
    }
  }

  private prune (now: number): void {
    const longest = Math.max(0, ...this.windows.map(w => w.windowMs))
    while (this.starts.length > 0 && this.starts[0] <= now - longest) this.starts.shift()
  }
}
