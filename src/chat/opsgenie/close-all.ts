// `genie close all` is held until the same person, in the same room, says `genie confirm <code>`
// before the time runs out. Anything else (a wrong code, another command) drops it: nothing closes.
// Held in memory only, on purpose: a restart cancels it (and `genie confirm` then says so). It closes
// exactly the alerts listed when it was held, which is safe because this process also knows what
// other commands did to them since (alerting/bulk-lock.ts); a new process would not.

import { randomInt } from 'node:crypto'
import type { Target } from '../../alerting/bulk'
import type { FilterWords } from './format'

export interface PendingCloseAll {
  code: string
  /** The alerts the person was told about: exactly these are closed on confirmation. */
  targets: Target[]
  /** When the targets were listed: actions that finished after it are not repeated. */
  heldAt: number
  expiresAt: number
  /** genie close P1 / mine / tag:<tag>: the filter, repeated when it is confirmed. */
  filter?: FilterWords
  /** The command as typed (`genie close P1`). */
  what?: string
}

export type TakeResult =
  | { ok: true, pending: PendingCloseAll }
  | { ok: false, why: 'none' | 'expired' | 'mismatch' }

// No 0/O or 1/I: codes are read from a chat window and typed back.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'

export function newCode (length = 4, pick: (n: number) => number = randomInt): string {
  return Array.from({ length }, () => ALPHABET[pick(ALPHABET.length)]).join('')
}

/** What a held close-all closes, for how long its code is good, and the filter it repeats if any. */
export interface HoldOptions {
  targets: Target[]
  ttlMs: number
  filtered?: { filter: FilterWords, what: string }
}

export class CloseAllStore {
  private readonly pending = new Map<string, PendingCloseAll>()

  constructor (private readonly now: () => number, private readonly makeCode: () => string = newCode) {}

  private static key (room: string, userId: string): string {
    return JSON.stringify([room, userId])
  }

  /** Holds a close-all for this person in this room (replacing any earlier one). */
  hold (room: string, userId: string, { targets, ttlMs, filtered }: HoldOptions): PendingCloseAll {
    const heldAt = this.now()
    const pending = { code: this.makeCode(), targets, heldAt, expiresAt: heldAt + ttlMs, ...filtered }
    this.pending.set(CloseAllStore.key(room, userId), pending)
    return pending
  }

  /** One try: whatever the answer, the held close-all is gone afterwards. */
  take (room: string, userId: string, code: string): TakeResult {
    const key = CloseAllStore.key(room, userId)
    const pending = this.pending.get(key)
    this.pending.delete(key)
    if (!pending) return { ok: false, why: 'none' }
    if (this.now() > pending.expiresAt) return { ok: false, why: 'expired' }
    if (pending.code !== code.trim().toUpperCase()) return { ok: false, why: 'mismatch' }
    return { ok: true, pending }
  }

  /** Drops this person's held close-all; true when there was one. */
  cancel (room: string, userId: string): boolean {
    return this.pending.delete(CloseAllStore.key(room, userId))
  }
}
