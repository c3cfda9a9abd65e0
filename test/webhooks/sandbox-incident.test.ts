// The outage as one story, through the sandbox stand-ins as `npm start` runs them, with a real bot on
// each Hubot: a P1 alert arrives by webhook, the room declares an incident, links and acknowledges the
// alert, opens the public incident, updates it, resolves it (the postmortem draft is written from the
// timeline) and publishes the postmortem behind its confirmation code. Every step is checked on the
// stand-ins' state, not only in the replies.
import { expect } from 'chai'
import { startSandbox, type Sandbox } from '../../sandbox'
import { systemClock } from '../../src/util/clock'
import { startBot, type TestBot } from '../support/bots'
import { allowLoopback, call, sleep } from '../sandbox/http'
import { incidentStore } from '../../src/chat/incident/model'

const SECRET = 'sandbox-incident-Secret-5Zr7'
const SP_SECRET = 'sandbox-incident-Path-9Kd3Lq'
const DANA = { name: 'dana', id: 'U7', email_address: 'dana@example.com' }
/** A confirmation code as the bot asks for it (no 0/O, 1/I). */
const CODE = /\bconfirm`? `?([A-HJ-NP-Z2-9]{4})\b/

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

const RUNS = [['opsgenie', '3.5'], ['opsgenie', '14'], ['jsm', '14']] as const

for (const [alerting, version] of RUNS) {
  describe(`the whole incident through the ${alerting} sandbox (Hubot ${version})`, () => {
    allowLoopback()
    let sandbox: Sandbox
    let bot: TestBot
    const sp = () => sandbox.statuspage!
    const og = () => (alerting === 'jsm' ? sandbox.jsm! : sandbox.opsgenie!)
    const service = alerting === 'jsm' ? 'JSM Operations' : 'OpsGenie'
    const roomPosts = (): string[] => bot.posts.filter(p => p.room === 'room1').map(p => p.text)
    const say = async (text: string): Promise<string> => (await bot.say(text, DANA)).join('\n')

    beforeEach(async () => {
      sandbox = await startSandbox({ alerting, actionDelayMs: 20, unpaginatedLimitMs: 0 })
      Object.assign(process.env, sandbox.env, {
        HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET,
        HUBOT_STATUSPAGE_WEBHOOK_SECRET: SP_SECRET,
        HUBOT_OPSGENIE_ROOM: 'room1',
        HUBOT_STATUSPAGE_ROOM: 'room1',
        HUBOT_WEBHOOK_COALESCE_MS: '0',
        HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '3000'
      })
      // Real time: the stand-ins process requests on real timers, which a hurried clock would outrun.
      bot = await startBot(version, { http: true, alias: '/', clock: systemClock })
      // Both stand-ins send their webhooks to the bot, as `npm start` points them.
      og().webhooks.point({ url: `${bot.url!}/hubot/opsgenie`, headers: { 'X-Hubot-Secret': SECRET } })
      sp().webhooks.point({ url: `${bot.url!}/hubot/statuspage/${SP_SECRET}` })
    })

    afterEach(async () => {
      await bot?.stop()
      await sandbox?.stop()
    })

    it('goes from an arriving P1 alert to a published postmortem, each step on the stand-ins', async () => {
      const alert = og().createAlert({ message: 'Checkout API: error rate above 5% for 5 minutes', priority: 'P1' })
      await until('the P1 alert in the room', () => roomPosts().some(t => t.startsWith(`New alert #${alert.tinyId} P1`)))
      const incidentsBefore = sp().state.incidents.length
      const api = sp().state.components.find(c => c.name === 'REST API')!

      // Declared in the room only: nothing public yet.
      expect(await say('/incident start Checkout errors P1 on REST API')).to.contain('Checkout errors')
      expect(sp().state.incidents.length).to.equal(incidentsBefore)
      expect(await say('/incident lead me')).to.contain('dana')
      await say(`/incident link #${alert.tinyId}`)

      // A linked alert acknowledged from the room: on OpsGenie, and (below) in the postmortem with who and when.
      await say(`/genie ack #${alert.tinyId}`)
      await until('the ack on the stand-in', () => alert.acknowledged)
      // The vendor's word on it arrives by webhook and goes on the timeline too.
      const timeline = (): string[] => incidentStore(bot.robot.brain).open('room1')?.timeline.map(e => e.text) ?? []
      await until('the ack webhook on the timeline', () => timeline().some(t => t.startsWith(`${service}: #${alert.tinyId} Acknowledge`)))

      // Public: one incident named by the title, investigating, its component set by severity (P1: major outage).
      await say('/incident public: we are looking into checkout errors')
      expect(sp().state.incidents.length).to.equal(incidentsBefore + 1)
      const incident = sp().state.incidents.find(i => i.name === 'Checkout errors')!
      expect(incident.status).to.equal('investigating')
      expect(incident.incident_updates[0].body).to.equal('we are looking into checkout errors')
      expect(api.status).to.equal('major_outage')
      // A change made on Statuspage itself (not from chat) to one of its components: on the timeline and in the impact.
      await call(sp().origin, 'POST', '/__sandbox/component', { body: { component: 'REST API', status: 'partial_outage' } })
      await until('the component webhook on the timeline', () => timeline().includes('Statuspage: REST API is partial outage'))

      // One update on the public incident, and the same text as a note on the linked open alert.
      await say('/incident update identified: a bad deploy, rolling back')
      expect(incident.status).to.equal('identified')
      expect(incident.incident_updates.map(u => u.body)).to.include('a bad deploy, rolling back')
      await until('the note on the linked alert', () => alert.notes.some(n => n.note.includes('a bad deploy, rolling back')))

      // Resolve: the public incident resolved, its component operational, the draft written from the timeline.
      await say('/incident resolve: checkout works again')
      expect(incident.status).to.equal('resolved')
      expect(api.status).to.equal('operational')
      const draft = sp().state.postmortems[incident.id]?.body_draft ?? ''
      expect(draft).to.contain('Checkout errors')
      expect(draft).to.match(new RegExp(`dana[^\\n]*#${alert.tinyId}|#${alert.tinyId}[^\\n]*dana`))
      expect(draft).to.match(/\d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC/)
      expect(draft).to.contain('checkout works again')
      expect(draft).to.match(/REST API: operational → major outage \(.*\) → partial outage \(.*\) → operational/)
      expect(sp().state.postmortems[incident.id].published_at).to.equal(null)

      // Publish only after the confirmation code: a wrong one publishes nothing.
      const asked = await say('/incident postmortem publish')
      const code = CODE.exec(asked)?.[1]
      expect(code, asked).to.be.a('string')
      expect(sp().state.postmortems[incident.id].published_at).to.equal(null)
      const wrong = code === 'ZZZZ' ? 'YYYY' : 'ZZZZ'
      await say(asked.includes('genie confirm') ? `/genie confirm ${wrong}` : `/incident confirm ${wrong}`)
      expect(sp().state.postmortems[incident.id].published_at).to.equal(null)
      const again = CODE.exec(await say('/incident postmortem publish'))![1]
      await say(`/incident confirm ${again}`)
      expect(sp().state.postmortems[incident.id].published_at).to.be.a('string')
      expect(sp().state.postmortems[incident.id].body).to.equal(draft)
      expect(og().webhooks.failed).to.equal(0)
      expect(sp().webhooks.failed).to.equal(0)
    })
  })
}
