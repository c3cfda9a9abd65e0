// One action on many alerts (src/alerting/bulk.ts): the bulk options reach the scheduler as given.
import { expect } from 'chai'
import type { AlertingBackend } from '../../src/alerting/backend'
import { runBulk } from '../../src/alerting/bulk'
import type { PollPacing } from '../../src/alerting/scheduler'
import type { RequestState } from '../../src/alerting/types'
import { FakeClock, HurriedClock } from '../support/fake-clock'

describe('runBulk', () => {
  it('never has more calls in flight than the concurrency limit, and keeps the items\' order', async () => {
    let inFlight = 0
    let most = 0
    const track = async <T>(value: T): Promise<T> => {
      inFlight++
      most = Math.max(most, inFlight)
      await new Promise(resolve => setImmediate(resolve)) // a turn of the event loop: the others start meanwhile
      inFlight--
      return value
    }
    const backend = {
      act: (id: string) => track(`req-${id}`),
      requestState: () => track({ processed: true, isSuccess: true, status: '' })
    } as unknown as AlertingBackend
    const targets = Array.from({ length: 23 }, (_, i) => ({ alertId: String(i), label: `#${i}` }))
    const items = await runBulk({ backend, targets, action: { name: 'close' }, actor: { user: 'u', source: 'hubot' } }, { concurrency: 4, confirm: { timeoutMs: 60_000, clock: new HurriedClock() } })
    expect(most).to.equal(4)
    expect(items.map(i => i.target.label)).to.deep.equal(targets.map(t => t.label))
    expect(items.every(i => i.outcome.state === 'confirmed')).to.equal(true)
  })
})

/** A backend on a fake clock: each call takes 100 ms; alert `id`'s request is processed
 * `processing(id)` ms after its action. */
function timedBackend (clock: FakeClock, processing: (id: string) => number) {
  const arrived = new Map<string, number>()
  const polls: string[] = []
  const backend = {
    act: async (id: string) => { arrived.set(id, clock.now()); await clock.sleep(100); return { kind: 'queued', requestId: id } },
    requestState: async (id: string): Promise<RequestState> => {
      polls.push(id)
      const state: RequestState = clock.now() >= arrived.get(id)! + processing(id) ? { processed: true, isSuccess: true, status: '' } : { processed: false }
      await clock.sleep(100)
      return state
    }
  } as unknown as AlertingBackend
  return { backend, polls }
}

const job = (backend: AlertingBackend, ...ids: string[]) =>
  ({ backend, targets: ids.map(id => ({ alertId: id, label: `#${id}` })), action: { name: 'close' as const }, actor: { user: 'u', source: 'hubot' } })

describe('runBulk\'s options', () => {
  it('waits for a confirmation as long as confirm.timeoutMs, on confirm.clock', async () => {
    const clock = new FakeClock()
    const { backend } = timedBackend(clock, id => (id === 'slow' ? 5_000 : 0))
    const items = await clock.runUntil(runBulk(job(backend, 'slow', 'fast'), { concurrency: 2, confirm: { timeoutMs: 3_000, clock } }))
    expect(items.map(i => i.outcome)).to.deep.equal([{ state: 'unconfirmed', reason: 'timeout' }, { state: 'confirmed' }])
  })

  it('sends nothing more past the deadline', async () => {
    const clock = new FakeClock()
    const { backend } = timedBackend(clock, () => 1e9)
    const run = runBulk(job(backend, '1', '2', '3'), { concurrency: 1, confirm: { timeoutMs: 15_000, clock }, deadline: clock.now() + 150 })
    const items = await clock.runUntil(run)
    expect(items.map(i => i.outcome.state)).to.deep.equal(['unconfirmed', 'unconfirmed', 'failed'])
    expect(items[2].outcome).to.deep.include({ reason: 'not sent: the command ran out of time' })
  })

  it('asks a slow request again at the pacing given', async () => {
    const slowly = async (pacing?: Partial<PollPacing>): Promise<number> => {
      const clock = new FakeClock()
      const { backend, polls } = timedBackend(clock, () => 5_000)
      const items = await clock.runUntil(runBulk(job(backend, 'a'), { concurrency: 1, confirm: { timeoutMs: 15_000, clock }, pacing }))
      expect(items[0].outcome).to.deep.equal({ state: 'confirmed' })
      return polls.length
    }
    const paced = await slowly({ minIntervalMs: 2_000, growth: 1, maxIntervalMs: 2_000 })
    // Processed after 5 s: every 2 s, 4 questions; at the default pacing (from 25 ms, growing), 16.
    expect([paced, await slowly()]).to.deep.equal([4, 16])
  })
})
