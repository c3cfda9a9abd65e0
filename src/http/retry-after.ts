// Retry-After, read once for everyone (the client's errors and the governor's pause): a number of
// seconds, or an HTTP date (RFC 9110 §10.2.3). Anything else is as if the header were absent.

/** Milliseconds to wait from `now`, or undefined when the header is absent or unreadable. */
export function parseRetryAfterMs (value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined
  const seconds = Number(value)
  if (Number.isFinite(seconds)) return seconds >= 0 ? Math.round(seconds * 1000) : undefined
  const date = Date.parse(value)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - now) / 1000) * 1000)
}
