// The receiver (src/webhooks/receiver.ts) with the robot's brain: a delivery posted before a restart
// is known as a duplicate by the next process on the same (persistent) brain.
import { expect } from 'chai'
import { OwnChanges } from '../../src/statuspage/own-changes'
import { WebhookReceiver } from '../../src/webhooks/receiver'
import { FakeClock } from '../support/fake-clock'
import { alertBody } from './payloads'

function fakeBrain (): { get(k: string): unknown, set(k: string, v: unknown): void, data: Record<string, unknown> } {
  const data: Record<string, unknown> = {}
  return { data, get: k => data[k] ?? null, set: (k, v) => { data[k] = v } }
}

describe('webhooks: the receiver with a brain', () => {
  const saved = process.env.HUBOT_OPSGENIE_ROOM
  before(() => { process.env.HUBOT_OPSGENIE_ROOM = 'ops' })
  after(() => {
    if (saved === undefined) delete process.env.HUBOT_OPSGENIE_ROOM
    else process.env.HUBOT_OPSGENIE_ROOM = saved
  })

  const receiver = (brain: ReturnType<typeof fakeBrain>, posts: string[]): WebhookReceiver => {
    const clock = new FakeClock(Date.parse('2026-12-04T01:00:00Z'))
    const quiet = (): void => {}
    return new WebhookReceiver({
      post: (_room, text) => { posts.push(text) },
      log: { debug: quiet, info: quiet, warn: quiet, error: quiet },
      clock,
      ownChanges: new OwnChanges(() => clock.now()),
      prefix: () => '/',
      brain
    })
  }

  it('posts a delivery once, and the next process on the same brain takes its resend as a duplicate', () => {
    const body = alertBody('Create', { tinyId: '301' })
    const raw = JSON.stringify(body)
    const brain = fakeBrain()
    const posts: string[] = []
    expect(receiver(brain, posts).acceptAlert(body, raw)).to.equal('queued')
    expect(posts).to.have.length(1) // the first event in a quiet room is posted at once, and its key saved
    const restarted = fakeBrain()
    for (const [key, value] of Object.entries(brain.data)) restarted.set(key, JSON.parse(JSON.stringify(value)))
    const after: string[] = []
    expect(receiver(restarted, after).acceptAlert(body, raw)).to.equal('duplicate')
    expect(after).to.deep.equal([])
  })
})
