// Webhook secrets are compared in constant time: both sides are hashed first, so the comparison
// takes as long for a wrong secret of any length as for the right one.

import { createHash, timingSafeEqual } from 'node:crypto'

const digest = (value: string): Buffer => createHash('sha256').update(value, 'utf8').digest()

/** True only when `given` is exactly `expected` (and `expected` is set). */
export function sameSecret (given: string | undefined, expected: string | undefined): boolean {
  if (!expected) return false
  // Hash even a missing value, so a request without a secret costs the same as a wrong one.
  const equal = timingSafeEqual(digest(given ?? ''), digest(expected))
  return equal && given !== undefined
}
