// The calls-per-window budget (src/http/rate-budget.ts), on a fake clock.
import { expect } from 'chai'
import type { AlertingBackend } from '../../src/alerting/backend'
import { runScheduled } from '../../src/alerting/scheduler'
import type { RequestState } from '../../src/alerting/types'
import { Governor } from '../../src/http/governor'
import { RateBudget } from '../../src/http/rate-budget'
import { FakeClock } from '../support/fake-clock'

/** The most call starts in any window of `windowMs`, as the service would count them. */
function busiestWindow (starts: number[], windowMs: number): number {
  const sorted = [...starts].sort((a, b) => a - b)
  let most = 0
  for (let i = 0, j = 0; j < sorted.length; j++) {
    while (sorted[j] - sorted[i] >= windowMs) i++
    most = Math.max(most, j - i + 1)
  }
  return most
}

describe('the rate budget', () => {
  it('never starts more calls than the budget in any rolling window, however many wait', async () => {
    const clock = new FakeClock()
    const budget = new RateBudget([{ limit: 20, windowMs: 1000 }], clock)
    const starts: number[] = []
    const all = Promise.all(Array.from({ length: 130 }, async () => { await budget.take(); starts.push(clock.now()) }))
    await clock.runUntil(all, 20_000, 50)
    expect(starts).to.have.length(130)
    expect(busiestWindow(starts, 1000)).to.equal(20)
    // And it is a budget, not a brake: 130 calls at 20/s take a little over 6 s.
    expect(Math.max(...starts) - Math.min(...starts)).to.be.within(6000, 6800)
  })

  it('holds every window at once: a burst cap per second inside a per-minute budget', async () => {
    const clock = new FakeClock()
    const budget = new RateBudget([{ limit: 60, windowMs: 60_000 }, { limit: 5, windowMs: 1000 }], clock)
    const starts: number[] = []
    const all = Promise.all(Array.from({ length: 70 }, async () => { await budget.take(); starts.push(clock.now()) }))
    await clock.runUntil(all, 200_000, 100)
    expect(busiestWindow(starts, 1000)).to.equal(5)
    expect(busiestWindow(starts, 60_000)).to.equal(60)
  })

  it('keeps a bulk run of acknowledgements inside the budget', async () => {
    const clock = new FakeClock()
    const governor = new Governor([{ limit: 10, windowMs: 1000 }], clock)
    const starts: number[] = []
    const arrived = new Map<string, number>()
    const paced = async <T>(work: () => T): Promise<T> => {
      const release = await governor.acquire()
      starts.push(clock.now())
      const value = work()
      await clock.sleep(20)
      release({ status: 200 })
      return value
    }
    const backend = {
      act: (id: string) => paced(() => { arrived.set(id, clock.now()); return { kind: 'queued', requestId: id } }),
      requestState: (id: string) => paced((): RequestState => (clock.now() >= arrived.get(id)! + 100 ? { processed: true, isSuccess: true, status: '' } : { processed: false }))
    } as unknown as AlertingBackend
    const targets = Array.from({ length: 40 }, (_, i) => ({ alertId: `a${i}`, label: `#${i}` }))
    const items = await clock.runUntil(runScheduled({ backend, targets, action: { name: 'acknowledge' }, actor: { user: 'u', source: 'hubot' } },
      { concurrency: 5, confirmTimeoutMs: 60_000, clock }), 60_000, 20)
    expect(items.every(i => i.outcome.state === 'confirmed')).to.equal(true)
    expect(busiestWindow(starts, 1000)).to.be.at.most(10)
  })
})
