// `incident postmortem publish` is held until the same person, in the same room, says
// `incident confirm <code>` before it runs out. A wrong code drops it: nothing is published.

import { newCode } from '../opsgenie/close-all'

interface Held { code: string, incidentId: string, expiresAt: number }

export const PUBLISH_HOLD_MS = 120_000

export class PublishHolds {
  private readonly held = new Map<string, Held>()
  constructor (private readonly makeCode: () => string = newCode) {}

  hold (room: string, userId: string, incidentId: string, now: number): string {
    const code = this.makeCode()
    this.held.set(JSON.stringify([room, userId]), { code, incidentId, expiresAt: now + PUBLISH_HOLD_MS })
    return code
  }

  /** The held incident id when the code is right and in time; the hold is gone either way. */
  take (room: string, userId: string, code: string, now: number): { incidentId: string } | { why: 'none' | 'expired' | 'mismatch' } {
    const key = JSON.stringify([room, userId])
    const held = this.held.get(key)
    this.held.delete(key)
    if (!held) return { why: 'none' }
    if (now > held.expiresAt) return { why: 'expired' }
    if (held.code !== code.trim().toUpperCase()) return { why: 'mismatch' }
    return { incidentId: held.incidentId }
  }
}
