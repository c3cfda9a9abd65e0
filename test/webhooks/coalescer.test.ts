// At most one message per room per window (src/webhooks/coalescer.ts), in virtual time.
import { expect } from 'chai'
import { Coalescer } from '../../src/webhooks/coalescer'
import type { WebhookEvent } from '../../src/webhooks/events'
import { formatBatch } from '../../src/webhooks/format'
import { FakeClock } from '../support/fake-clock'
import { alertBody } from './payloads'
import { accounted, alert, ctx } from './support'

describe('webhooks: coalescing', () => {
  it('posts the first event at once and the other 199 of a flood as a handful of summaries that count all 200', async () => {
    const clock = new FakeClock(0)
    const posted: Array<{ room: string, text: string }> = []
    const coalescer = new Coalescer<WebhookEvent>({
      windowMs: () => 5000,
      clock,
      flush: (room, items, overflow) => { posted.push({ room, text: formatBatch(items, overflow, ctx) }) }
    })
    // 200 events over 15 s: a flapping monitor.
    for (let i = 0; i < 200; i++) {
      const tinyId = String(201 + (i % 40))
      const action = i % 5 === 4 ? 'Close' : 'Create'
      coalescer.add('ops', alert(alertBody(action, { tinyId, priority: 'P3', message: 'disk usage 91% on build-07' })))
      await clock.advance(75)
    }
    await clock.advance(10_000)
    expect(posted.length).to.be.within(3, 6)
    expect(posted.reduce((n, p) => n + accounted(p.text), 0)).to.equal(200)
    expect(posted[0].text).to.match(/^New alert #201 P3: disk usage 91% on build-07 \[builds\]\. Ack: \/genie ack 201 https:/)
    expect(posted[1].text).to.match(/^\d+ events since the last message:\n\d+ new alerts: #201–#204, #206–#209, .*, P3 "disk usage 91% on build-07" ×\d+\.\n\d+ closed: #205, #210, /)
    expect(coalescer.pending).to.equal(0)
  })

  it('keeps rooms apart, and posts at once again after a quiet window', async () => {
    const clock = new FakeClock(0)
    const posted: string[] = []
    const coalescer = new Coalescer<string>({ windowMs: () => 1000, clock, flush: (room, items) => { posted.push(`${room}:${items.join(',')}`) } })
    coalescer.add('a', '1')
    coalescer.add('b', '2')
    coalescer.add('a', '3')
    expect(posted).to.deep.equal(['a:1', 'b:2'])
    await clock.advance(1000)
    expect(posted).to.deep.equal(['a:1', 'b:2', 'a:3'])
    await clock.advance(1000)
    coalescer.add('a', '4')
    expect(posted.at(-1)).to.equal('a:4')
  })

  it('counts what goes over the held-events bound instead of dropping it', async () => {
    const clock = new FakeClock(0)
    const posted: string[] = []
    const flush = (_room: string, items: WebhookEvent[], overflow: number): void => {
      posted.push(formatBatch(items, overflow, ctx))
    }
    const coalescer = new Coalescer<WebhookEvent>({ windowMs: () => 1000, clock, maxPending: 10, flush })
    for (let i = 0; i < 31; i++) coalescer.add('ops', alert(alertBody('Create', { tinyId: String(i + 1) })))
    await clock.advance(1000)
    expect(posted).to.have.length(2)
    expect(posted[1]).to.include('20 more events not itemised')
    expect(accounted(posted[0]) + accounted(posted[1])).to.equal(31)
  })
})
