// At most one message per room per window. The first event in a quiet room is posted at once; what
// arrives during the window after a post is held and posted as one summary when the window ends.
// The robot's clock is injected, so tests run a flood in virtual time.

import type { Clock } from '../util/clock'

export interface CoalescerOptions<T> {
  /** Read for every event, so a changed setting applies at once; 0 posts every event on its own. */
  windowMs: () => number
  clock: Clock
  /** Posts one message for the batch; `overflow` events arrived but were not kept (counted only). */
  flush: (room: string, items: T[], overflow: number) => void
  /** Items kept per room between two posts; beyond it they are only counted. */
  maxPending?: number
}

interface RoomState<T> {
  lastPostAt: number
  pending: T[]
  overflow: number
  timer?: unknown
}

export class Coalescer<T> {
  private readonly rooms = new Map<string, RoomState<T>>()
  private readonly maxPending: number

  constructor (private readonly options: CoalescerOptions<T>) {
    this.maxPending = options.maxPending ?? 5000
  }

  add (room: string, item: T): void {
    const now = this.options.clock.now()
    const windowMs = this.options.windowMs()
    let state = this.rooms.get(room)
    if (!state) {
      state = { lastPostAt: -Infinity, pending: [], overflow: 0 }
      this.rooms.set(room, state)
    }
    if (state.timer === undefined && now - state.lastPostAt >= windowMs) {
      state.lastPostAt = now
      this.options.flush(room, [item], 0)
      return
    }
    if (state.pending.length < this.maxPending) state.pending.push(item)
    else state.overflow++
    if (state.timer === undefined) {
      const wait = Math.max(0, state.lastPostAt + windowMs - now)
      state.timer = this.options.clock.setTimeout(() => { this.flushRoom(room) }, wait)
    }
  }

  private flushRoom (room: string): void {
    const state = this.rooms.get(room)
    if (!state) return
    const { pending, overflow } = state
    state.timer = undefined
    state.pending = []
    state.overflow = 0
    state.lastPostAt = this.options.clock.now()
    if (pending.length > 0 || overflow > 0) this.options.flush(room, pending, overflow)
  }

  /** Events waiting for their room's window to end. */
  get pending (): number {
    let n = 0
    for (const state of this.rooms.values()) n += state.pending.length + state.overflow
    return n
  }

  /** Posts whatever is held now (on shutdown) and stops the timers. */
  drain (): void {
    for (const [room, state] of this.rooms) {
      if (state.timer !== undefined) this.options.clock.clearTimeout(state.timer)
      this.flushRoom(room)
    }
  }
}
