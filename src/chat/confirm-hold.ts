// A command that needs a confirmation is held here until the same person, in the same room, types
// its code back before it runs out (`genie close all` and `genie confirm <code>`, `incident postmortem
// publish` and `incident confirm <code>`). One try: right or wrong, the hold is gone afterwards.
// Held in memory only, on purpose: a restart cancels every hold (and the confirmation then says so).
// The time is the robot's clock (its runtime's), read when a code is held and when it is given.

import { randomInt } from 'node:crypto'

// No 0/O or 1/I: codes are read from a chat window and typed back.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newCode (length = 4, pick: (n: number) => number = randomInt): string {
  return Array.from({ length }, () => ALPHABET[pick(ALPHABET.length)]).join('')
}

/** What is held, with its code, when it was held and until when the code is good. */
export type Held<T extends object> = T & { code: string, heldAt: number, expiresAt: number }

export type Taken<T extends object> =
  | { ok: true, held: Held<T> }
  | { ok: false, why: 'none' | 'expired' | 'mismatch' }

export class ConfirmHolds<T extends object> {
  private readonly held = new Map<string, Held<T>>()

  constructor (private readonly now: () => number, private readonly makeCode: () => string = newCode) {}

  private static key (room: string, userId: string): string {
    return JSON.stringify([room, userId])
  }

  /** Holds `what` for this person in this room for `ttlMs` (replacing any earlier hold of theirs there). */
  hold (room: string, userId: string, what: T, ttlMs: number): Held<T> {
    const heldAt = this.now()
    const held = { ...what, code: this.makeCode(), heldAt, expiresAt: heldAt + ttlMs }
    this.held.set(ConfirmHolds.key(room, userId), held)
    return held
  }

  /** What was held when the code is right (any case) and in time; whatever the answer, the hold is gone. */
  take (room: string, userId: string, code: string): Taken<T> {
    const key = ConfirmHolds.key(room, userId)
    const held = this.held.get(key)
    this.held.delete(key)
    if (!held) return { ok: false, why: 'none' }
    if (this.now() > held.expiresAt) return { ok: false, why: 'expired' }
    if (held.code !== code.trim().toUpperCase()) return { ok: false, why: 'mismatch' }
    return { ok: true, held }
  }

  /** Drops this person's hold in this room; true when there was one. */
  cancel (room: string, userId: string): boolean {
    return this.held.delete(ConfirmHolds.key(room, userId))
  }
}
