// The throttle governor (src/http/governor.ts): the cap that halves on a throttle and grows back, and
// the pause a Retry-After asks for, on a fake clock.
import { expect } from 'chai'
import nock from 'nock'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { createHttpClient } from '../../src/http/client'
import { Governor, Governors } from '../../src/http/governor'
import { systemClock } from '../../src/util/clock'
import { FakeClock } from '../support/fake-clock'

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
