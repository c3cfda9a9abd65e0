// A clock whose time moves only when a test says so: timers fire in time order as `advance` passes
// them, with the promises they start allowed to run in between. It is the robot's Clock
// (src/util/clock.ts), so tests of time-based behaviour never sleep. With `sleepsAdvance`, a sleep
// moves the time on by itself (firing every timer it passes): retries and polls then take no real
// time while keeping their order and their waits (`slept` lists them).
import type { Clock } from '../../src/util/clock'

interface Entry { at: number, seq: number, fn: () => void }

/** Lets every pending promise callback run (a few macrotask turns of real time, no waiting). */
export const flush = async (turns = 5): Promise<void> => {
  for (let i = 0; i < turns; i++) await new Promise(resolve => setImmediate(resolve))
}

export interface FakeClockOptions {
  /** A sleep moves the time on by itself instead of waiting for `advance`. */
  sleepsAdvance?: boolean
}

export class FakeClock implements Clock {
  private time: number
  private seq = 0
  private readonly entries = new Map<number, Entry>()
  /** Every sleep asked for, in order (ms). */
  readonly slept: number[] = []

  // Starts at the real time, so deadlines it hands out mean the same on a real clock.
  constructor (start = Date.now(), private readonly options: FakeClockOptions = {}) { this.time = start }

  now = (): number => this.time

  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq
    this.entries.set(id, { at: this.time + Math.max(0, ms), seq: id, fn })
    return id
  }

  clearTimeout = (handle: unknown): void => { this.entries.delete(handle as number) }

  sleep = (ms: number): Promise<void> => {
    this.slept.push(ms)
    const done = new Promise<void>(resolve => { this.setTimeout(resolve, ms) })
    if (this.options.sleepsAdvance) this.jump(this.time + Math.max(0, ms))
    return done
  }

  /** Moves time to `to` at once, firing every timer due on the way, in order. */
  private jump (to: number): void {
    for (;;) {
      const next = this.earliest()
      if (!next || next[1].at > to) break
      this.entries.delete(next[0])
      this.time = Math.max(this.time, next[1].at)
      next[1].fn()
    }
    this.time = Math.max(this.time, to)
  }

  private earliest (): [number, Entry] | undefined {
    return [...this.entries.entries()].sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)[0]
  }

  /** How many timers are waiting to fire. */
  get pending (): number { return this.entries.size }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance (ms: number): Promise<void> {
    const end = this.time + ms
    await flush()
    for (;;) {
      const next = this.earliest()
      if (!next || next[1].at > end) break
      this.entries.delete(next[0])
      this.time = Math.max(this.time, next[1].at)
      next[1].fn()
      await flush()
    }
    this.time = end
    await flush()
  }

  /** Advances in steps until `done` resolves (or `limitMs` of fake time passes). */
  async runUntil<T> (done: Promise<T>, limitMs = 120_000, stepMs = 5): Promise<T> {
    let finished = false
    let value: T | undefined
    let failure: unknown
    let failed = false
    done.then(v => { finished = true; value = v }, e => { finished = true; failed = true; failure = e })
    for (let t = 0; t < limitMs; t += stepMs) {
      if (finished) break
      await this.advance(stepMs)
    }
    await flush()
    if (!finished) throw new Error(`did not finish within ${limitMs} ms of fake time`)
    if (failed) throw failure
    return value as T
  }
}
