import { expect } from 'chai'
import nock from 'nock'
import type { AlertingBackend } from '../../src/alerting/backend'
import { runScheduled } from '../../src/alerting/scheduler'
import type { RequestState } from '../../src/alerting/types'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { createHttpClient } from '../../src/http/client'
import { Governor, Governors } from '../../src/http/governor'
import { systemClock } from '../../src/util/clock'
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

describe('the throttle governor', () => {
  it('reads a Retry-After given as an HTTP date, as the client does', async () => {
    const clock = new FakeClock(Date.parse('2026-11-24T10:00:00Z'))
    const governor = new Governor([], clock)
    const release = await governor.acquire()
    release({ status: 429, headers: { 'retry-after': 'Tue, 24 Nov 2026 10:00:05 GMT' } })
    let started = false
    const next = governor.acquire().then(r => { started = true; return r })
    await clock.advance(4900)
    expect(started).to.equal(false)
    await clock.advance(200)
    expect(started).to.equal(true)
    ;(await next)({ status: 200 })
  })

  it('halves the calls in flight on a 429 and honours its Retry-After before the next call', async () => {
    const clock = new FakeClock()
    const governor = new Governor([], clock)
    const releases = await Promise.all(Array.from({ length: 6 }, () => governor.acquire()))
    expect(governor.inFlight).to.equal(6)
    releases[0]({ status: 429, headers: { 'retry-after': '2' } })
    expect(governor.cap).to.equal(3)
    for (const r of releases.slice(1)) r({ status: 202 })
    let started = 0
    const next = Array.from({ length: 5 }, () => governor.acquire().then(release => { started++; return release }))
    await clock.advance(1900)
    expect(started).to.equal(0) // Retry-After: 2 s
    await clock.advance(200)
    expect(started).to.equal(3) // the halved cap
    const first = await next[0]
    first({ status: 202 })
    await clock.advance(1)
    expect(started).to.equal(4)
  })

  it('halves on 420 and on X-RateLimit-State: THROTTLED too, never below one', async () => {
    const clock = new FakeClock()
    const governor = new Governor([], clock)
    const a = await Promise.all([governor.acquire(), governor.acquire()])
    a[0]({ status: 200, headers: { 'x-ratelimit-state': 'THROTTLED' } })
    expect(governor.cap).to.equal(1)
    a[1]({ status: 420 })
    expect(governor.cap).to.equal(1)
  })

  it('grows back one call at a time after good answers', async () => {
    const clock = new FakeClock()
    const governor = new Governor([], clock)
    const a = await Promise.all([governor.acquire(), governor.acquire(), governor.acquire(), governor.acquire()])
    a[0]({ status: 429 })
    expect(governor.cap).to.equal(2)
    // Answers to calls sent before the 429 say nothing about the new pace.
    for (const r of a.slice(1)) r({ status: 200 })
    expect(governor.cap).to.equal(2)
    const b = await Promise.all([governor.acquire(), governor.acquire()])
    for (const r of b) r({ status: 200 })
    expect(governor.cap).to.equal(3)
  })

  it('is told by the HTTP client: a 429 from the service halves the cap, and the retry still succeeds', async () => {
    const governors = new Governors(systemClock)
    const calls = { service: OPSGENIE.name, baseURL: 'https://api.opsgenie.com', authorization: 'GenieKey k-0123456789' }
    const windows = [{ limit: 100, windowMs: 1000 }]
    const governor = governors.for({ ...calls, domain: 'all', windows })
    const http = createHttpClient({
      ...calls, service: OPSGENIE, secrets: [], budget: { windows }, runtime: { governors }
    })
    nock('https://api.opsgenie.com').get('/v2/x').times(3).delay(30).reply(200, {})
    nock('https://api.opsgenie.com').get('/v2/y').reply(429, { message: 'slow down' }, { 'Retry-After': '0' })
    nock('https://api.opsgenie.com').get('/v2/y').reply(200, { ok: true })
    const [, , , y] = await Promise.all([http.get('/v2/x'), http.get('/v2/x'), http.get('/v2/x'), http.get<{ ok: boolean }>('/v2/y')])
    expect(y).to.deep.equal({ ok: true })
    expect(governor.cap).to.be.at.most(2)
  })
})
