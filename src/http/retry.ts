// When and how long to wait before trying a request again. Kept apart from the client so the
// policy can be read (and tested) on its own.

import type { Clock } from '../util/clock'
import { ServiceError } from './errors'

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number
  /** First backoff step; each retry doubles it (full jitter). */
  baseDelayMs: number
  /** Ceiling of one backoff wait. */
  maxDelayMs: number
  /** A Retry-After longer than this is not waited for: the error goes to the user at once. */
  maxRetryAfterMs: number
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  retries: 2,
  baseDelayMs: 300,
  maxDelayMs: 4000,
  maxRetryAfterMs: 15000
}

const RETRYABLE_STATUS = new Set([502, 503, 504])

/**
 * Whether a failed attempt may be repeated.
 * - Rate limits (420/429) were refused before any work was done, so any request may repeat them.
 * - 502/503/504, timeouts and resets may or may not have done the work: only idempotent requests repeat them.
 * - Everything else (400, 401, 403, 404, 422, 500, a bad body) would fail the same way again.
 */
export function isRetryable (err: unknown, idempotent: boolean): boolean {
  if (!(err instanceof ServiceError)) return false
  if (err.kind === 'rate_limited') return true
  if (!idempotent) return false
  if (err.kind === 'timeout' || err.kind === 'network') return true
  return err.kind === 'unavailable' && err.status !== undefined && RETRYABLE_STATUS.has(err.status)
}

/** Milliseconds to wait before retry number `attempt` (0-based), or undefined when waiting is not worth it. */
export function retryDelayMs (
  err: unknown, attempt: number, policy: RetryPolicy, random: () => number = Math.random
): number | undefined {
  if (err instanceof ServiceError && err.kind === 'rate_limited' && err.retryAfterMs !== undefined) {
    return err.retryAfterMs > policy.maxRetryAfterMs ? undefined : err.retryAfterMs
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  // Full jitter, but never less than a quarter of the step, so a burst of retries still spreads out.
  return Math.round(ceiling * (0.25 + 0.75 * random()))
}

/** Why a request is tried again: the service asked us to slow down, or it failed to answer. */
type RetryReason = 'rate_limited' | 'no_answer'

export interface RetryRun {
  idempotent: boolean
  policy: RetryPolicy
  /** What the waits between attempts wait on. */
  clock: Clock
  /** Told before attempt number `attempt` (1-based: 2 is the first retry) starts waiting, and why. */
  onRetry?: (attempt: number, reason: RetryReason) => void
}

/** Runs `attempt` until it succeeds, the error is not retryable, or the retries are spent. */
export async function withRetry<T> (attempt: () => Promise<T>, run: RetryRun): Promise<T> {
  const { policy } = run
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (err instanceof ServiceError) err.attempts = n + 1
      if (n >= policy.retries || !isRetryable(err, run.idempotent)) throw err
      const wait = retryDelayMs(err, n, policy)
      if (wait === undefined) throw err
      const reason = err instanceof ServiceError && err.kind === 'rate_limited' ? 'rate_limited' : 'no_answer'
      run.onRetry?.(n + 2, reason)
      await run.clock.sleep(wait)
    }
  }
}
