// Stopping without losing anything (src/chat/shutdown.ts), on real robots: held webhook events are
// posted before the adapter closes, a command still running is answered honestly, a command that
// arrives while stopping is refused in words, and the wait is bounded.
import { expect } from 'chai'
import { runtimeOf } from '../../src/chat/runtime'
import { createShutdown, SHUTDOWN_WAIT_MS } from '../../src/chat/shutdown'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { FakeClock, flush } from '../support/fake-clock'
import { allowLoopback } from '../sandbox/http'
import * as sp from '../support/statuspage'
import { alertBody } from '../webhooks/payloads'

const SECRET = 'og-hook-Secret-5Tr8Yu2Io0'

for (const version of HUBOT_VERSIONS) {
  describe(`stopping (Hubot ${version})`, () => {
    allowLoopback()
    let bot: TestBot
    afterEach(async () => { await bot.stop() })

    it('posts a webhook event held in its coalescing window when Hubot shuts down, before the adapter closes', async () => {
      Object.assign(process.env, { HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET, HUBOT_OPSGENIE_ROOM: 'ops', HUBOT_WEBHOOK_COALESCE_MS: '60000' })
      bot = await startBot(version, { http: true, alias: '/', clock: new FakeClock() })
      for (const tinyId of ['301', '302']) {
        const res = await fetch(`${bot.url!}/hubot/opsgenie`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hubot-Secret': SECRET },
          body: JSON.stringify(alertBody('Create', { tinyId }))
        })
        expect(res.status).to.equal(202)
      }
      expect(bot.posts.filter(p => p.room === 'ops').map(p => p.text).join('\n')).to.contain('#301').and.not.contain('#302')
      bot.robot.shutdown()
      await flush()
      expect(bot.posts.filter(p => p.room === 'ops').map(p => p.text).join('\n')).to.contain('#302')
    })

    it('answers a command still running when the bot stops, and refuses one that arrives while it stops', async () => {
      sp.configure({ HUBOT_STATUSPAGE_CACHE_SECONDS: '0' })
      const clock = new FakeClock()
      bot = await startBot(version, { alias: '/', clock })
      sp.api().persist().get(/./).query(true).delay(30_000).reply(200, []) // every read hangs
      void bot.say('/status').catch(() => {}) // its work never ends: the stopping bot answers for it
      await new Promise(resolve => setTimeout(resolve, 100))
      const stopping = runtimeOf(bot.robot).shutdown.stop() // as a signal starts it
      expect(await bot.say('/status')).to.deep.equal(['I am stopping (a restart or deploy), so I did not start that. Ask again in a minute.'])
      await clock.advance(SHUTDOWN_WAIT_MS)
      await stopping
      await flush()
      const answers = bot.sent.filter(line => line.includes('before this finished'))
      expect(answers).to.have.length(1)
      expect(answers[0]).to.match(/^I am stopping \(a restart or deploy\) before this finished\. What you asked may or may not have happened: check with status .* once I am back\.$/)
    })
  })
}

describe('shutdown (unit)', () => {
  it('waits for tracked work, at most the bounded wait, then lets the rest answer for itself', async () => {
    const clock = new FakeClock()
    const shutdown = createShutdown(clock, 1000)
    const order: string[] = []
    shutdown.onStop(() => { order.push('drained') })
    shutdown.onStop(() => { throw new Error('one failing step') })
    let finish = (): void => {}
    shutdown.track(new Promise<void>(resolve => { finish = resolve }), async () => { order.push('abandoned quick') })
    shutdown.track(new Promise<void>(() => {}), async () => { order.push('abandoned slow') })
    expect(shutdown.stopping).to.equal(false)
    const stopped = shutdown.stop()
    expect(shutdown.stop()).to.equal(stopped)
    expect(shutdown.stopping).to.equal(true)
    finish()
    await flush()
    expect(order).to.deep.equal(['drained'])
    await clock.advance(1000)
    await stopped
    expect(order).to.deep.equal(['drained', 'abandoned slow'])
  })
})
