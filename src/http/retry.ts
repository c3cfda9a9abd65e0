// When and how long to wait before trying a request again. Kept apart from the client so the
// policy can be read (and tested) on its own.

import { sleep } from '../util/async'
import { ServiceError, RateLimitError } from './errors'

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
  if (err instanceof RateLimitError && err.retryAfterSeconds !== undefined) {
    const asked = err.retryAfterSeconds * 1000
    return asked > policy.maxRetryAfterMs ? undefined : asked
  }
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt)
  // Full jitter, but never less than a quarter of the step, so a burst of retries still spreads out.
  return Math.round(ceiling * (0.25 + 0.75 * random()))
}

/**
 * Runs `attempt` until it succeeds, the error is not retryable, or the retries are spent.
 * `onRetry(n)` is told before attempt number n (1-based: 2 is the first retry) starts waiting.
 */
export async function withRetry<T> (
  attempt: () => Promise<T>, idempotent: boolean, policy: RetryPolicy, onRetry?: (attempt: number) => void
): Promise<T> {
  for (let n = 0; ; n++) {
    try {
      return await attempt()
    } catch (err) {
      if (err instanceof ServiceError) err.attempts = n + 1
      if (n >= policy.retries || !isRetryable(err, idempotent)) throw err
      const wait = retryDelayMs(err, n, policy)
      if (wait === undefined) throw err
      onRetry?.(n + 2)
      await sleep(wait)
    }
  }
}
