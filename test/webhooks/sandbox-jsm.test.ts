// JSM sandbox parity: with SANDBOX_BACKEND=jsm the stand-in fires alerts like the OpsGenie one
// (POST /__sandbox/alerts, GET /__sandbox/alert/<id>), delivers them to a real bot by webhook, and
// sends the acknowledgement back as an event; the banner names JSM's variables and the person whose
// email the sandbox site hides.
import { expect } from 'chai'
import { startSandbox, type Sandbox } from '../../sandbox'
import { banner } from '../../sandbox/launch-plan'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { allowLoopback, call, sleep } from '../sandbox/http'

const OG_SECRET = 'sandbox-jsm-Secret-5Zt7'

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

for (const version of HUBOT_VERSIONS) {
  describe(`the JSM sandbox delivers alerts to a Hubot ${version} bot`, () => {
    allowLoopback()
    let sandbox: Sandbox
    let bot: TestBot
    const roomPosts = (): string[] => bot.posts.filter(p => p.room === 'room1').map(p => p.text)

    beforeEach(async () => {
      sandbox = await startSandbox({ statuspage: false, alerting: 'jsm', actionDelayMs: 20 })
      Object.assign(process.env, sandbox.env, {
        HUBOT_OPSGENIE_WEBHOOK_SECRET: OG_SECRET,
        HUBOT_OPSGENIE_ROOM: 'room1',
        HUBOT_WEBHOOK_COALESCE_MS: '0',
        HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '3000'
      })
      bot = await startBot(version, { http: true, alias: '/' })
      sandbox.jsm!.webhooks.point({ url: `${bot.url!}/hubot/opsgenie`, headers: { 'X-Hubot-Secret': OG_SECRET } })
    })

    afterEach(async () => {
      await bot?.stop()
      await sandbox?.stop()
    })

    it('an alert fired at the stand-in arrives by itself, and genie ack on it comes back in as an event', async () => {
      const origin = sandbox.jsm!.origin
      const fired = await call(origin, 'POST', '/__sandbox/alerts', { body: { message: 'Disk full on db-01', priority: 'P2' } })
      expect(fired.status).to.equal(201)
      const { tinyId, id } = fired.body as { tinyId: string, id: string }
      expect((await call(origin, 'GET', `/__sandbox/alert/${id}`)).body).to.include({ tinyId, priority: 'P2' })
      expect((await call(origin, 'POST', '/__sandbox/alerts', { body: { priority: 'P9' } })).status).to.equal(422)
      await until('the new alert in the room', () => roomPosts().length === 1)
      // On JSM the ack command names the alert id (its REST API takes ids).
      expect(roomPosts()[0]).to.match(new RegExp(`^New alert #${tinyId} P2: Disk full on db-01\\. Ack: /genie ack `))

      const said = await bot.say(`/genie ack ${tinyId}`, { name: 'dana', email_address: 'dana@example.com' })
      expect(said.join('\n')).to.contain(`confirmed by JSM Operations: #${tinyId}`)
      await until('the acknowledgement event', () => roomPosts().some(t => t.startsWith(`#${tinyId} acknowledged`)))
      expect(sandbox.jsm!.webhooks.failed).to.equal(0)
    })
  })
}

describe('the npm start banner on the JSM stand-in', () => {
  const facts = {
    statuspageUrl: 'http://127.0.0.1:4001/v1',
    opsgenieUrl: 'http://127.0.0.1:4002',
    alertingName: 'JSM Operations',
    hiddenPerson: { displayName: 'Ben Okafor', email: 'ben@example.com', accountId: '557058:abc' }
  }

  it('names JSM\'s variables, not OpsGenie\'s, and the person with a hidden email', () => {
    const text = banner({ statuspage: 'sandbox', opsgenie: 'sandbox' }, facts).join('\n')
    for (const name of ['HUBOT_JSM_CLOUD_ID', 'HUBOT_JSM_SITE_URL', 'HUBOT_JSM_EMAIL', 'HUBOT_JSM_API_TOKEN']) expect(text).to.contain(name)
    expect(text).not.to.contain('HUBOT_OPSGENIE_API_KEY')
    expect(text).to.contain('Ben Okafor hides the email ben@example.com').and.to.contain('/genie me as account 557058:abc')
  })

  it('says nothing of hidden people when the alerting service is real', () => {
    expect(banner({ statuspage: 'sandbox', opsgenie: 'real' }, facts).join('\n')).not.to.contain('hides the email')
  })
})
