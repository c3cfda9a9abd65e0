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
    while (this.fireNext(to));
    this.time = Math.max(this.time, to)
  }

  /** Fires the earliest timer if it is due by `until` (time moves to it); false when none is. */
  private fireNext (until: number): boolean {
    const next = [...this.entries.entries()].sort(([, a], [, b]) => a.at - b.at || a.seq - b.seq)[0]
    if (!next || next[1].at > until) return false
    this.entries.delete(next[0])
    this.time = Math.max(this.time, next[1].at)
    next[1].fn()
    return true
  }

  /** How many timers are waiting to fire. */
  get pending (): number { return this.entries.size }

  /** Moves time forward by `ms`, firing every timer due on the way, in order. */
  async advance (ms: number): Promise<void> {
    const end = this.time + ms
    await flush()
    while (this.fireNext(end)) await flush()
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

/**
 * The clock every test robot gets unless its test hands in another: real time, except that nothing
 * waits for a sleep. Once the sleeps asked for have been asked (the next turn of the event loop),
 * the time jumps to the end of the earliest one, firing on the way every timer then due, in order;
 * sleeps side by side end together, as on a real clock. Short timers (polls, coalescing windows)
 * otherwise fire as time passes; long ones (the progress line at 3 s, a command's deadline) fire
 * when a sleep reaches them, else only after ten times their delay, so a machine busy with other
 * work does not make a test's command look slow. Retries, rate budgets and polls keep their order
 * and their waits as the robot sees them, and take no real time.
 */
/** From this long on, a timer is a wait the robot would only reach by being slow. */
const LONG_TIMER_MS = 2500

export class HurriedClock implements Clock {
  private ahead = 0
  private seq = 0
  private readonly timers = new Map<number, { due: number, fn: () => void, handle?: NodeJS.Timeout }>()
  private readonly sleeps = new Set<number>()
  private hurrying = false

  now = (): number => Date.now() + this.ahead

  setTimeout = (fn: () => void, ms: number): number => {
    const id = ++this.seq
    this.timers.set(id, { due: this.now() + Math.max(0, ms), fn })
    this.arm(id)
    return id
  }

  clearTimeout = (handle: unknown): void => {
    clearTimeout(this.timers.get(handle as number)?.handle)
    this.timers.delete(handle as number)
    this.sleeps.delete(handle as number)
  }

  sleep = (ms: number): Promise<void> => new Promise(resolve => {
    this.sleeps.add(this.setTimeout(resolve, ms))
    this.hurryLater()
  })

  private hurryLater (): void {
    if (this.hurrying) return
    this.hurrying = true
    setImmediate(() => {
      this.hurrying = false
      this.hurry()
    })
  }

  /** Jumps to the end of the earliest sleep, firing every timer due by then. */
  private hurry (): void {
    const ends = [...this.sleeps].map(id => this.timers.get(id)?.due ?? Infinity)
    if (ends.length === 0) return
    const end = Math.min(...ends)
    if (Number.isFinite(end) && end > this.now()) this.ahead = end - Date.now()
    const due = [...this.timers.entries()].filter(([, t]) => t.due <= this.now())
      .sort(([a, x], [b, y]) => x.due - y.due || a - b)
    for (const [id, timer] of due) {
      clearTimeout(timer.handle)
      this.timers.delete(id)
      this.sleeps.delete(id)
      timer.fn()
    }
    for (const id of this.timers.keys()) this.arm(id)
    if (this.sleeps.size > 0) this.hurryLater()
  }

  private arm (id: number): void {
    const timer = this.timers.get(id)
    if (!timer) return
    clearTimeout(timer.handle)
    const left = Math.max(0, timer.due - this.now())
    timer.handle = setTimeout(() => {
      this.timers.delete(id)
      this.sleeps.delete(id)
      timer.fn()
    }, left < LONG_TIMER_MS ? left : left * 10)
    timer.handle.unref()
  }
}
