// Paging through the sandbox stand-ins (OpsGenie and JSM Operations, as `npm start` runs them) with
// a real bot: genie teams, genie page creates an alert that is confirmed, then arrives back in the
// room by webhook like any other; page #id, escalate, assign and priority are confirmed by the stand-in.
import { expect } from 'chai'
import { startSandbox, type Sandbox } from '../../sandbox'
import { systemClock } from '../../src/util/clock'
import { startBot, type TestBot } from '../support/bots'
import { allowLoopback, sleep } from '../sandbox/http'

const SECRET = 'sandbox-paging-Secret-8Qw2'
const DANA = { name: 'dana', id: 'U7', email_address: 'dana@example.com' }

async function until (what: string, check: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(20)
  }
}

for (const alerting of ['opsgenie', 'jsm'] as const) {
  for (const version of ['3.5', '14'] as const) {
    describe(`paging through the ${alerting} sandbox (Hubot ${version})`, () => {
      allowLoopback()
      let sandbox: Sandbox
      let bot: TestBot
      const standIn = () => (alerting === 'jsm' ? sandbox.jsm! : sandbox.opsgenie!)
      const service = alerting === 'jsm' ? 'JSM Operations' : 'OpsGenie'
      const roomPosts = (): string[] => bot.posts.filter(p => p.room === 'room1').map(p => p.text)

      beforeEach(async () => {
        sandbox = await startSandbox({ statuspage: false, alerting, actionDelayMs: 20 })
        Object.assign(process.env, sandbox.env, {
          HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET,
          HUBOT_OPSGENIE_ROOM: 'room1',
          HUBOT_WEBHOOK_COALESCE_MS: '0',
          HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '3000'
        })
        // Real time: the stand-in processes requests on real timers, which a hurried clock would outrun.
        bot = await startBot(version, { http: true, alias: '/', clock: systemClock })
        standIn().webhooks.point({ url: `${bot.url!}/hubot/opsgenie`, headers: { 'X-Hubot-Secret': SECRET } })
      })

      afterEach(async () => {
        await bot?.stop()
        await sandbox?.stop()
      })

      it('lists teams, pages one, sees the new alert arrive, then adds a responder, escalates, assigns and sets its priority', async () => {
        expect((await bot.say('/genie teams', DANA))[0]).to.match(/^Teams: Platform, Builds\.\nEscalations: Platform_escalation, Builds_escalation\./)

        // The webhook's "New alert" may reach the room before the reply, and a slow run says it is still waiting.
        const said = await bot.say('/genie page platform P1: checkout is failing', DANA)
        const paged = said.find(t => t.startsWith('Paged')) ?? said.join('\n')
        const m = new RegExp(`^Paged team Platform: #(\\d+) P1 is open, confirmed by ${service}\\.`).exec(paged)
        expect(m, paged).to.not.equal(null)
        const tinyId = m![1]
        await until('the new alert in the room', () => roomPosts().some(t => t.startsWith(`New alert #${tinyId} P1: checkout is failing`)))
        const alert = standIn().state.alerts.find(a => a.tinyId === tinyId)!
        expect(alert.alias).to.match(/^chat-page-/)
        expect(alert.description).to.contain('Paged from chat by dana')

        // The reply, among the webhook's events about the same change that may reach the room first.
        const last = async (text: string): Promise<string> => {
          const said = await bot.say(text, DANA)
          return said.find(t => /^(Added|Escalated|Assigned|#\d+ is now)/.test(t)) ?? said.join('\n')
        }
        expect(await last(`/genie page #${tinyId} Builds`)).to.match(/^Added team Builds as a responder to #\d+ \(confirmed/)
        expect(await last(`/genie escalate #${tinyId} to Builds_escalation`)).to.match(/^Escalated #\d+ to Builds_escalation \(confirmed/)
        expect(await last(`/genie priority #${tinyId} P2`)).to.match(/^#\d+ is now P2 \(confirmed/)
        expect(await last(`/genie assign #${tinyId} to me`)).to.match(/^Assigned #\d+ to dana@example\.com \(confirmed/)
        expect(alert.priority).to.equal('P2')
        expect(alert.teams.length).to.equal(2)
        expect(standIn().webhooks.failed).to.equal(0)
      })
    })
  }
}
