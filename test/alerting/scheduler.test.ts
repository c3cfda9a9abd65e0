import { expect } from 'chai'
import type { AlertingBackend } from '../../src/alerting/backend'
import { runScheduled, uniqueTargets } from '../../src/alerting/scheduler'
import type { RequestState } from '../../src/alerting/types'
import { FakeClock } from '../support/fake-clock'

interface Call { kind: 'act' | 'status', id: string, start: number, end: number, processed?: boolean }

/**
 * A backend on a fake clock: every call takes `latency` ms; an alert's request is processed
 * `processing(id)` ms after its action arrived. Records every call and the most in flight.
 */
function fakeBackend (clock: FakeClock, latency: number, processing: (id: string) => number) {
  const calls: Call[] = []
  const arrived = new Map<string, number>()
  let inFlight = 0
  let most = 0
  const call = async <T>(kind: Call['kind'], id: string, work: () => T): Promise<T> => {
    inFlight++
    most = Math.max(most, inFlight)
    const start = clock.now()
    const value = work()
    await clock.sleep(latency)
    inFlight--
    calls.push({ kind, id, start, end: clock.now(), processed: kind === 'status' ? (value as RequestState).processed : undefined })
    return value
  }
  const backend = {
    service: 'OpsGenie',
    act: (id: string) => call('act', id, () => { arrived.set(id, clock.now()); return { kind: 'queued', requestId: `req-${id}` } }),
    requestState: (requestId: string) => {
      const id = requestId.slice(4)
      return call('status', id, (): RequestState => clock.now() >= arrived.get(id)! + processing(id)
        ? { processed: true, isSuccess: true, status: 'ok' }
        : { processed: false })
    }
  } as unknown as AlertingBackend
  return { backend, calls, most: () => most }
}

const targets = (...ids: string[]) => ids.map(id => ({ alertId: id, label: `#${id}` }))
const actor = { user: 'u', source: 'hubot' }

describe('the bulk scheduler', () => {
  it('gives a slot back while a request is not processed: others are confirmed in it meanwhile', async () => {
    const clock = new FakeClock()
    // B takes 300 ms to process; A, C and D are processed at once. One slot.
    const { backend, calls, most } = fakeBackend(clock, 10, id => (id === 'B' ? 300 : 0))
    const run = runScheduled({ backend, targets: targets('A', 'B', 'C', 'D'), action: { name: 'acknowledge' }, actor }, { concurrency: 1, confirmTimeoutMs: 15_000, clock })
    const items = await clock.runUntil(run)
    expect(items.map(i => i.outcome.state)).to.deep.equal(['confirmed', 'confirmed', 'confirmed', 'confirmed'])
    expect(most()).to.equal(1)
    const confirmedAt = (id: string) => calls.find(c => c.kind === 'status' && c.id === id && c.processed)!.end
    // Had B's wait held the only slot, C and D could only be asked after B was processed.
    expect(confirmedAt('C')).to.be.below(confirmedAt('B'))
    expect(confirmedAt('D')).to.be.below(confirmedAt('B'))
    // B was asked a few times, each a short call: never a slot held across its wait.
    const bPolls = calls.filter(c => c.kind === 'status' && c.id === 'B')
    expect(bPolls.length).to.be.within(2, 12)
    expect(bPolls.every(c => c.end - c.start === 10)).to.equal(true)
  })

  it('sends every action before any status poll while actions wait for a slot', async () => {
    const clock = new FakeClock()
    const { backend, calls } = fakeBackend(clock, 10, () => 0)
    const items = await clock.runUntil(runScheduled({ backend, targets: targets('1', '2', '3', '4', '5', '6', '7'), action: { name: 'acknowledge' }, actor },
      { concurrency: 3, confirmTimeoutMs: 15_000, clock }))
    expect(items.every(i => i.outcome.state === 'confirmed')).to.equal(true)
    const lastAct = Math.max(...calls.filter(c => c.kind === 'act').map(c => c.start))
    const firstPoll = Math.min(...calls.filter(c => c.kind === 'status').map(c => c.start))
    expect(firstPoll).to.be.at.least(lastAct)
  })

  it('probes with the oldest request only while processing is slow, then asks each of the others about once', async () => {
    const clock = new FakeClock()
    const { backend, calls } = fakeBackend(clock, 10, () => 500)
    const ids = Array.from({ length: 20 }, (_, i) => String(i + 1))
    const items = await clock.runUntil(runScheduled({ backend, targets: targets(...ids), action: { name: 'acknowledge' }, actor }, { concurrency: 5, confirmTimeoutMs: 15_000, clock }))
    expect(items.every(i => i.outcome.state === 'confirmed')).to.equal(true)
    const polls = calls.filter(c => c.kind === 'status').length
    // One action and about one status call each, plus the probe's few extra questions.
    expect(polls / ids.length).to.be.below(2)
    // Every request asked only after it could have been processed, give or take one growth step.
    const last = Math.max(...calls.map(c => c.end))
    const lastAct = Math.max(...calls.filter(c => c.kind === 'act').map(c => c.start))
    expect(last - lastAct).to.be.below(500 * 1.3 + 20)
  })

  it('asks the prober\'s peers with it when a call takes longer than the probe\'s next step (slow service)', async () => {
    const clock = new FakeClock()
    const start = clock.now()
    const { backend, calls } = fakeBackend(clock, 200, () => 500)
    const ids = Array.from({ length: 10 }, (_, i) => String(i + 1))
    const items = await clock.runUntil(runScheduled({ backend, targets: targets(...ids), action: { name: 'acknowledge' }, actor }, { concurrency: 5, confirmTimeoutMs: 15_000, clock }), 60_000, 10)
    expect(items.every(i => i.outcome.state === 'confirmed')).to.equal(true)
    // The floor: the last action starts at 200, is processed at 700, its status answers at 900.
    expect(Math.max(...calls.map(c => c.end)) - start).to.be.at.most(1100)
  })

  it('reports a request still unprocessed at the confirm bound as not confirmed (timeout)', async () => {
    const clock = new FakeClock()
    const { backend } = fakeBackend(clock, 10, id => (id === 'slow' ? 1e9 : 0))
    const items = await clock.runUntil(runScheduled({ backend, targets: targets('slow', 'fast'), action: { name: 'close' }, actor }, { concurrency: 2, confirmTimeoutMs: 3_000, clock }))
    expect(items.map(i => i.outcome)).to.deep.equal([{ state: 'unconfirmed', reason: 'timeout' }, { state: 'confirmed' }])
  })

  it('stops at the deadline: what was not sent is said not sent, what was sent is not confirmed', async () => {
    const clock = new FakeClock()
    const { backend } = fakeBackend(clock, 100, () => 1e9)
    const run = runScheduled({ backend, targets: targets('1', '2', '3'), action: { name: 'acknowledge' }, actor },
      { concurrency: 1, confirmTimeoutMs: 15_000, clock, deadline: clock.now() + 150 })
    const items = await clock.runUntil(run)
    expect(items.map(i => i.outcome.state)).to.deep.equal(['unconfirmed', 'unconfirmed', 'failed'])
    expect(items[2].outcome).to.deep.include({ reason: 'not sent: the command ran out of time' })
  })

  it('acts once on an alert listed twice', async () => {
    const clock = new FakeClock()
    const { backend, calls } = fakeBackend(clock, 10, () => 0)
    const items = await clock.runUntil(runScheduled({ backend, targets: targets('7', '8', '7'), action: { name: 'acknowledge' }, actor }, { concurrency: 5, confirmTimeoutMs: 1000, clock }))
    expect(items.map(i => i.target.alertId)).to.deep.equal(['7', '8'])
    expect(calls.filter(c => c.kind === 'act').map(c => c.id).sort()).to.deep.equal(['7', '8'])
    expect(uniqueTargets(targets('1', '1', '2', '1'))).to.have.length(2)
  })
})
