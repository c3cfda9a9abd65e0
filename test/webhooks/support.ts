// Helpers for the webhook suites: a virtual clock and the event count of a room message.
import { expect } from 'chai'
import type { Clock } from '../../src/util/clock'

/** A clock whose timers run only when the test advances it. */
export class VirtualClock implements Clock {
  private t = 0
  private timers: Array<{ at: number, fn: () => void, id: number }> = []
  private next = 1
  now (): number { return this.t }
  setTimeout (fn: () => void, ms: number): unknown {
    const id = this.next++
    this.timers.push({ at: this.t + ms, fn, id })
    return id
  }

  clearTimeout (id: unknown): void { this.timers = this.timers.filter(t => t.id !== id) }
  sleep (ms: number): Promise<void> { return new Promise(resolve => { this.setTimeout(resolve, ms) }) }
  advance (ms: number): void {
    const until = this.t + ms
    for (;;) {
      const due = this.timers.filter(t => t.at <= until).sort((a, b) => a.at - b.at)[0]
      if (!due) break
      this.timers = this.timers.filter(t => t !== due)
      this.t = due.at
      due.fn()
    }
    this.t = until
  }
}

/** The counts at the start of each summary line (or 1 for a single-event message). */
export function accounted (message: string): number {
  const lines = message.split('\n')
  const head = /^(\d+) events? since the last message:$/.exec(lines[0])
  if (!head) return 1
  const sum = lines.slice(1).reduce((n, line) => n + Number(/^(\d+) /.exec(line)?.[1] ?? NaN), 0)
  expect(sum, `the lines of ${JSON.stringify(message)} add up to its header`).to.equal(Number(head[1]))
  return sum
}
