// Ids that look like the real services' ids. Seed data uses stable ones (hashed from a name, so a
// transcript reads the same every run); things created at runtime get random ones.

import { createHash, randomBytes, randomUUID } from 'node:crypto'

/** Statuspage ids: 12 lowercase letters and digits, e.g. `8kbf7d35c070`. */
export const statuspageId = (seed?: string): string =>
  (seed === undefined ? randomBytes(16) : createHash('sha1').update(`statuspage:${seed}`).digest())
    .toString('hex').replace(/[^a-z0-9]/g, '').slice(0, 12)

/** OpsGenie ids are UUIDs. */
export const uuid = (seed?: string): string => {
  if (seed === undefined) return randomUUID()
  const h = createHash('sha1').update(`opsgenie:${seed}`).digest('hex')
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`
}
