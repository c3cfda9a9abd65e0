// Hubot 3.5 and Hubot 14 answer every genie command the same way, exactly once, and list them in help.
import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { startBot, HUBOT_VERSIONS, PACKAGE_ROOT, type TestBot } from '../../support/bots'
import { OPSGENIE_HELP } from '../../../src/chat/opsgenie/help'
import { alert, configure, expectDone, fixture, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie, uuid } from '../../support/opsgenie'

interface Case {
  say: string
  mock: (scope: ReturnType<typeof opsgenie>) => void
  reply: string | RegExp
}

const CASES: Case[] = [
  { say: '/genie', mock: s => { mockList(s, OPEN, [alert(1, { message: 'Down', priority: 'P1' })]) }, reply: /^OpsGenie: 1 open alert, 0 acknowledged, 1 not\.\n#1 P1 Down \(NOT acked, 1m old, 1×\)$/ },
  { say: 'hubot genie status', mock: s => { mockList(s, OPEN, []) }, reply: 'OpsGenie: no open alerts.' },
  { say: '/genie ack', mock: s => { mockList(s, OPEN_UNACKED, [alert(1)]); mockAction(s, uuid(1)) }, reply: 'Acknowledged 1 alert, confirmed by OpsGenie: #1.' },
  { say: '/genie ack 1 2', mock: s => { mockList(s, OPEN, [alert(1), alert(2)]); mockAction(s, uuid(1)); mockAction(s, uuid(2)) }, reply: 'Acknowledged 2 alerts, all confirmed by OpsGenie: #1, #2.' },
  { say: '/genie unack 1', mock: s => { mockList(s, OPEN, [alert(1)]); mockAction(s, uuid(1), { action: 'unacknowledge' }) }, reply: 'Unacknowledged 1 alert, confirmed by OpsGenie: #1.' },
  { say: '/genie close 1', mock: s => { mockList(s, OPEN, [alert(1)]); mockAction(s, uuid(1), { action: 'close' }) }, reply: 'Closed 1 alert, confirmed by OpsGenie: #1.' },
  { say: '/genie close all', mock: s => { mockList(s, OPEN, [alert(1)]) }, reply: /^This would close 1 open alert: #1\. To do it, say: \/genie confirm [A-Z0-9]{4} / },
  { say: '/genie confirm ABCD', mock: () => {}, reply: 'No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.' },
  { say: '/genie note 1 on it', mock: s => { mockList(s, OPEN, [alert(1)]); mockAction(s, uuid(1), { action: 'notes' }) }, reply: 'Added your note to #1 (confirmed by OpsGenie).' },
  { say: '/genie snooze 1 30m', mock: s => { mockList(s, OPEN, [alert(1)]); mockAction(s, uuid(1), { action: 'snooze' }) }, reply: /^Snoozed #1 for 30m, until .* UTC \(confirmed by OpsGenie\)\.$/ },
  { say: '/genie me as neo@opsgenie.com', mock: s => { s.get('/v2/users/neo@opsgenie.com').reply(200, fixture('user')) }, reply: /^Noted, alice: you say you are neo@opsgenie\.com \(Thomas Anderson\) in OpsGenie, but I cannot verify it/ },
  { say: '/genie whoami', mock: () => {}, reply: /^I have not been told who you are in OpsGenie\./ },
  { say: '/genie forget me', mock: () => {}, reply: 'I had nothing stored for you, so there is nothing to forget.' },
  {
    say: '/genie oncall',
    mock: s => {
      s.get('/v2/schedules').reply(200, fixture('schedules'))
      for (const sc of fixture('schedules').data) s.get(`/v2/schedules/${sc.id}/on-calls`).query({ scheduleIdentifierType: 'id', flat: 'true' }).reply(200, fixture('oncall-flat'))
    },
    reply: 'On call now:\nPrimary: neo@opsgenie.com, trinity@opsgenie.com\nDatabase: neo@opsgenie.com, trinity@opsgenie.com'
  },
  {
    say: '/genie take Primary for 1h',
    mock: s => {
      s.get('/v2/schedules').reply(200, fixture('schedules'))
      s.post(`/v2/schedules/${fixture('schedules').data[0].id}/overrides`).query({ scheduleIdentifierType: 'id' }).reply(201, fixture('override-created'))
    },
    reply: /^You \(alice@example\.com\) are on call for Primary from now until /
  }
]

for (const version of HUBOT_VERSIONS) {
  describe(`genie on Hubot ${version}`, () => {
    let bot: TestBot
    beforeEach(async () => {
      configure()
      bot = await startBot(version, { alias: '/', scripts: version === '3.5' ? [require.resolve('hubot-help/src/help.js')] : [] })
    })
    afterEach(async () => { await bot.stop() })

    for (const c of CASES) {
      it(`answers "${c.say}" exactly once`, async () => {
        const scope = opsgenie()
        c.mock(scope)
        const replies = await bot.say(c.say, { name: 'alice', id: 'U1', email_address: 'alice@example.com' })
        expectDone(scope)
        expect(replies).to.have.length(1)
        if (typeof c.reply === 'string') expect(replies[0]).to.equal(c.reply)
        else expect(replies[0]).to.match(c.reply)
      })
    }

    it('lists every genie command in help, in one answer', async () => {
      const replies = await bot.sayAndWait('hubot help', 'alice', 300)
      expect(replies).to.have.length(1)
      for (const entry of OPSGENIE_HELP) {
        if (version === '3.5') expect(replies[0]).to.contain(`/${entry.usage} - ${entry.description}`)
        else expect(replies[0]).to.contain(`${entry.id} - ${entry.usage} - ${entry.description}`)
      }
    })
  })
}

describe('the genie configuration header', () => {
  it('documents every variable the genie commands read in the Configuration header', () => {
    const source = fs.readFileSync(path.join(PACKAGE_ROOT, 'src', 'scripts', 'opsgenie.ts'), 'utf8')
    // Every file of the genie side (settings, handlers, replies, the shared bounds), not only settings.ts.
    const files = ['src/chat/opsgenie', 'src/alerting'].flatMap(dir =>
      fs.readdirSync(path.join(PACKAGE_ROOT, dir), { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.ts')).map(f => path.join(dir, f)))
    const code = [...files, 'src/chat/bounds.ts'].map(f => fs.readFileSync(path.join(PACKAGE_ROOT, f), 'utf8')).join('\n')
    const read = new Set(code.match(/HUBOT_(?:OPSGENIE|JSM)_[A-Z_]+/g))
    expect(read).to.include('HUBOT_OPSGENIE_MAX_IDS')
    for (const name of read) expect(source).to.contain(`//   ${name} - `)
  })
})
