// The webhook endpoints' HTTP side (src/webhooks/http.ts) on real Hubot 14 and 3.5 robots, through
// Hubot's own server on 127.0.0.1: where the secret is read from, what a body must be, and the
// refusal log on the robot's clock. What the room is shown is in endpoints.test.ts.
import { expect } from 'chai'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { FakeClock } from '../support/fake-clock'
import { allowLoopback } from '../sandbox/http'
import { alertBody, componentBody } from './payloads'

// Characters that must be percent-encoded in a path, as a sender would.
const OG_SECRET = 'og-http/Secret?7Hq#2Lp'
const SP_SECRET = 'sp-http-Secret-3Vd8Kz1Nm6'

async function post (bot: TestBot, path: string, body: string, headers: Record<string, string> = {}): Promise<number> {
  const res = await fetch(`${bot.url}${path}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body })
  expect(await res.text()).to.equal('')
  return res.status
}

const ALERT = JSON.stringify(alertBody('Create'))
const COMPONENT = JSON.stringify(componentBody('c1', 'API', 'operational', 'major_outage'))
const refusalLines = (bot: TestBot): string[] =>
  bot.logs.filter(l => l.includes('wrong or missing secret')).map(l => l.replace(/^\w+: /, ''))

for (const version of HUBOT_VERSIONS) {
  describe(`webhooks: the endpoints' HTTP side (Hubot ${version})`, () => {
    allowLoopback()
    let bot: TestBot
    let clock: FakeClock
    beforeEach(async () => {
      Object.assign(process.env, {
        HUBOT_OPSGENIE_WEBHOOK_SECRET: OG_SECRET,
        HUBOT_STATUSPAGE_WEBHOOK_SECRET: SP_SECRET,
        HUBOT_WEBHOOK_MAX_BYTES: '4096'
      })
      clock = new FakeClock()
      bot = await startBot(version, { http: true, clock })
    })
    afterEach(async () => { await bot.stop() })

    it('reads the secret from the header, or percent-encoded as the last path segment, with or without a slash or a query', async () => {
      const inPath = encodeURIComponent(OG_SECRET)
      expect(await post(bot, '/hubot/opsgenie', ALERT, { 'X-Hubot-Secret': OG_SECRET })).to.equal(202)
      expect(await post(bot, `/hubot/opsgenie/${inPath}`, ALERT)).to.equal(202)
      expect(await post(bot, `/hubot/opsgenie/${inPath}/?from=jsm`, ALERT)).to.equal(202)
      expect(await post(bot, `/hubot/statuspage/${SP_SECRET}`, COMPONENT)).to.equal(202)
      // Statuspage has no header: its secret is in the path only.
      expect(await post(bot, '/hubot/statuspage/x', COMPONENT, { 'X-Hubot-Secret': SP_SECRET })).to.equal(401)
      // A header, when there is one, is the secret given, whatever the path says.
      expect(await post(bot, `/hubot/opsgenie/${inPath}`, ALERT, { 'X-Hubot-Secret': 'wrong' })).to.equal(401)
      expect(await post(bot, '/hubot/opsgenie/%E0%A4%A', ALERT)).to.equal(401)
    })

    it('takes an object or a list as the body, never a bare value or a body deeper than 64 levels', async () => {
      const headers = { 'X-Hubot-Secret': OG_SECRET }
      const plain = { ...headers, 'Content-Type': 'text/plain' }
      expect(await post(bot, '/hubot/opsgenie', ALERT, plain)).to.equal(202)
      expect(await post(bot, '/hubot/opsgenie', '[]', plain)).to.equal(202)
      expect(await post(bot, '/hubot/opsgenie', '"Create"', plain)).to.equal(400)
      expect(await post(bot, '/hubot/opsgenie', '42', plain)).to.equal(400)
      expect(await post(bot, '/hubot/opsgenie', 'null', plain)).to.equal(400)
      const deep = (n: number): string => '{"a":'.repeat(n) + '1' + '}'.repeat(n)
      expect(await post(bot, '/hubot/opsgenie', deep(60), plain)).to.equal(202)
      expect(await post(bot, '/hubot/opsgenie', deep(70), plain)).to.equal(400)
      expect(await post(bot, '/hubot/opsgenie', deep(70), headers)).to.equal(400)
    })

    it('refuses a body over the bound with 413, whether Hubot\'s parser or ours read it', async () => {
      const big = JSON.stringify(alertBody('Create', { extra: { description: 'x'.repeat(5000) } }))
      expect(await post(bot, '/hubot/opsgenie', big, { 'X-Hubot-Secret': OG_SECRET, 'Content-Type': 'text/plain' })).to.equal(413)
      expect(await post(bot, '/hubot/opsgenie', big, { 'X-Hubot-Secret': OG_SECRET })).to.equal(413)
    })

    it('logs refusals at most once a minute per endpoint, the next line counting the calls refused since', async () => {
      for (let i = 0; i < 3; i++) expect(await post(bot, '/hubot/opsgenie', ALERT, { 'X-Hubot-Secret': 'wrong' })).to.equal(401)
      expect(await post(bot, '/hubot/statuspage/wrong', COMPONENT)).to.equal(401)
      await clock.advance(59_999)
      expect(await post(bot, '/hubot/opsgenie', ALERT)).to.equal(401)
      await clock.advance(1)
      expect(await post(bot, '/hubot/opsgenie', ALERT)).to.equal(401)
      expect(refusalLines(bot)).to.deep.equal([
        '[webhooks] refused a call to the opsgenie webhook: wrong or missing secret (at most one such line a minute)',
        '[webhooks] refused a call to the statuspage webhook: wrong or missing secret (at most one such line a minute)',
        '[webhooks] refused 4 calls to the opsgenie webhook: wrong or missing secret (at most one such line a minute)'
      ])
    })
  })
}
