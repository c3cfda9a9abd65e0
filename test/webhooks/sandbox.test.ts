// What npm start shows: the stand-ins deliver webhooks to a real bot (Hubot 14 and 3.5, over
// loopback) like the real services would. An alert created by "monitoring" arrives by itself;
// `genie ack` on it comes back in as an event; a colleague's change on the web is announced, the
// bot's own change from chat is not announced twice.
import { expect } from 'chai'
import { startSandbox, type Sandbox } from '../../sandbox'
import { webhookBanner } from '../../sandbox/launch-plan'
import { alertWebhook } from '../../sandbox/opsgenie-webhooks'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { allowLoopback, call, sleep } from '../sandbox/http'

const OG_SECRET = 'sandbox-og-Secret-51vXq'
const SP_SECRET = 'sandbox-sp-Secret-88kPw'

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

for (const version of HUBOT_VERSIONS) {
  describe(`the sandbox delivers webhooks to a Hubot ${version} bot`, () => {
    allowLoopback()
    let sandbox: Sandbox
    let bot: TestBot
    const roomPosts = (): string[] => bot.posts.filter(p => p.room === 'room1').map(p => p.text)

    beforeEach(async () => {
      sandbox = await startSandbox({ actionDelayMs: 20 })
      Object.assign(process.env, sandbox.env, {
        HUBOT_OPSGENIE_WEBHOOK_SECRET: OG_SECRET,
        HUBOT_STATUSPAGE_WEBHOOK_SECRET: SP_SECRET,
        HUBOT_OPSGENIE_ROOM: 'room1',
        HUBOT_STATUSPAGE_ROOM: 'room1',
        HUBOT_WEBHOOK_COALESCE_MS: '0',
        HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '3000'
      })
      bot = await startBot(version, { http: true, alias: '/' })
      sandbox.opsgenie!.webhooks.point({ url: `${bot.url!}/hubot/opsgenie`, headers: { 'X-Hubot-Secret': OG_SECRET } })
      sandbox.statuspage!.webhooks.point({ url: `${bot.url!}/hubot/statuspage/${SP_SECRET}` })
    })

    afterEach(async () => {
      await bot?.stop()
      await sandbox?.stop()
    })

    it('an alert fired at the stand-in arrives by itself, and genie ack on it comes back in as an event', async () => {
      const fired = await call(sandbox.opsgenie!.origin, 'POST', '/__sandbox/alerts', { body: { message: 'Checkout API: error rate above 5%', priority: 'P1', tags: ['checkout'] } })
      expect(fired.status).to.equal(201)
      const tinyId = fired.body.tinyId as string
      // What npm start's alert links open (HUBOT_OPSGENIE_WEB_URL points there in the sandbox).
      const page = await call(sandbox.opsgenie!.origin, 'GET', `/__sandbox/alert/${fired.body.id as string}`)
      expect(page.status).to.equal(200)
      expect(page.body).to.include({ tinyId, priority: 'P1', message: 'Checkout API: error rate above 5%' })
      expect((await call(sandbox.opsgenie!.origin, 'GET', '/__sandbox/alert/nope')).status).to.equal(404)
      await until('the new alert in the room', () => roomPosts().length === 1)
      expect(roomPosts()[0]).to.match(new RegExp(`^New alert #${tinyId} P1: Checkout API: error rate above 5% \\[checkout\\]\\. Ack: /genie ack ${tinyId} https://app\\.opsgenie\\.com/alert/detail/`))

      // The event may come in before the reply: OpsGenie's webhook does not wait for the bot's confirmation.
      const said = await bot.say(`/genie ack ${tinyId}`, { name: 'dana', email_address: 'dana@example.com' })
      expect(said).to.include(`Acknowledged (confirmed by OpsGenie): #${tinyId}.`)
      await until('the acknowledgement event', () => roomPosts().some(t => t.startsWith(`#${tinyId} acknowledged`)))
      expect(roomPosts().find(t => t.startsWith(`#${tinyId} acknowledged`))).to.equal(`#${tinyId} acknowledged by dana@example.com: Checkout API: error rate above 5%`)
      expect(sandbox.opsgenie!.webhooks.failed).to.equal(0)
    })

    it('a colleague\'s change on the web is announced; the same change made from chat in this room is not announced twice', async () => {
      const changed = await call(sandbox.statuspage!.origin, 'POST', '/__sandbox/component', { body: { component: 'Build Queue', status: 'major_outage' } })
      expect(changed.status).to.equal(200)
      await until('the web change', () => roomPosts().length === 1)
      expect(roomPosts()).to.deep.equal(['Statuspage: Build Queue: operational → major outage.'])

      const [reply] = await bot.say('/status build processing degraded')
      expect(reply).to.match(/^Builds \/ Build Processing: operational → degraded performance\./)
      await until('the stand-in delivered its webhook', () => sandbox.statuspage!.webhooks.delivered === 2)
      await sleep(50)
      expect(roomPosts().filter(t => t.startsWith('Statuspage'))).to.deep.equal(['Statuspage: Build Queue: operational → major outage.'])
    })

    it('builds OpsGenie\'s documented body shape for each action', () => {
      const alert = sandbox.opsgenie!.state.alerts[0]
      const body = alertWebhook('Escalate', alert, { user: 'ana@example.com', escalation: { name: 'Platform' } }) as any
      expect(Object.keys(body).sort()).to.deep.equal(['action', 'alert', 'integrationId', 'integrationName', 'source'])
      expect(body.action).to.equal('EscalateNext')
      expect(body.alert).to.include({ alertId: alert.id, tinyId: alert.tinyId, message: alert.message, username: 'ana@example.com', escalationName: 'Platform' })
      expect(body.alert.updatedAt).to.be.a('number').above(Date.now() * 1e5)
    })
  })
}

describe('the npm start banner about webhooks', () => {
  it('says where the webhooks go and how to fire an alert and a web change by hand', () => {
    expect(webhookBanner({ botUrl: 'http://127.0.0.1:4001', opsgenieOrigin: 'http://127.0.0.1:4002', statuspageOrigin: 'http://127.0.0.1:4003' })).to.deep.equal([
      '  Webhooks: the stand-ins post alerts and status changes to the bot at http://127.0.0.1:4001/hubot/... by themselves.',
      '    A new P1 alert arrives a few seconds after start. Fire another:',
      '    curl -X POST -d \'{"message":"Disk full on db-01","priority":"P2"}\' http://127.0.0.1:4002/__sandbox/alerts',
      '    A colleague changes a component on the web:',
      '    curl -X POST -d \'{"component":"REST API","status":"partial_outage"}\' http://127.0.0.1:4003/__sandbox/component'
    ])
    expect(webhookBanner({ botUrl: 'http://127.0.0.1:4001' })).to.have.length(1)
  })
})
