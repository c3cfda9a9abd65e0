// The audit trail through real robots on Hubot 3.5 and 14: after a mix of writes (done, refused by
// the service, unconfirmed, may have happened), one structured log line each and the same entries
// in the brain, shown by status log / genie log, kept across a brain save and load; reads, refusals
// and writes that reached no service leave no entry; no key and no message text in any of it.
import { expect } from 'chai'
import { AUDIT_LOG_PREFIX } from '../../../src/chat/audit/format'
import { AUDIT_KEYS, readHistory, type AuditEntry } from '../../../src/chat/audit/store'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../../support/bots'
import * as og from '../../support/opsgenie'
import * as sp from '../../support/statuspage'
import { botOn } from '../../support/bots'

const LINE = `info: ${AUDIT_LOG_PREFIX} `
const auditLines = (bot: TestBot): AuditEntry[] =>
  bot.logs.filter(l => l.startsWith(LINE)).map(l => JSON.parse(l.slice(LINE.length)))

const ALICE = { id: 'U1', name: 'alice' }
const MALLORY = { id: 'U2', name: 'mallory' }

/** What stays the same run to run: time and order aside. */
const shape = ({ time: _time, ...rest }: AuditEntry) => rest

async function saveAndLoad (bot: TestBot, version: typeof HUBOT_VERSIONS[number]): Promise<TestBot> {
  let saved: unknown
  bot.robot.brain.on('save', (data: unknown) => { saved = JSON.parse(JSON.stringify(data)) })
  bot.robot.brain.save()
  expect(saved).to.be.an('object')
  const second = await startBot(version, { alias: '/' })
  second.robot.brain.mergeData(saved)
  return second
}

for (const version of HUBOT_VERSIONS) {
  describe(`the audit trail on Hubot ${version}`, () => {
    describe('of Statuspage changes', () => {
      // Every command reads afresh (no page cache), so each read below is one this test describes.
      const bot = botOn(version, () => sp.configure({ HUBOT_STATUSPAGE_WRITERS: 'U1', HUBOT_STATUSPAGE_CACHE_SECONDS: '0' }), { room: 'ops' })

      async function mixOfWrites (): Promise<void> {
        const scope = sp.getComponents(sp.api())
        scope.patch(`${sp.PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, sp.patched('cmpdoc000001', 'major_outage'))
        sp.getUnresolved(scope)
        await bot.say('/status Docs down', ALICE)

        sp.getUnresolved(sp.getComponents(scope)) // read together: the incidents for the reminder
        scope.patch(`${sp.PAGE}/components/cmpapieu0001`).reply(422, { error: 'component is locked' })
        await bot.say('/status API (EU) degraded', ALICE)

        scope.post(`${sp.PAGE}/incidents`).reply(503, 'upstream down')
        await bot.say('/status open Checkout errors: the customer token secret-msg-7 fails', ALICE)

        scope.get(`${sp.PAGE}/incidents/p31zjtct2jer`).reply(200, sp.unresolved()[0])
        sp.getComponents(scope) // to name the components set back to operational with their groups
        scope.patch(`${sp.PAGE}/incidents/p31zjtct2jer`).reply(200, { ...sp.unresolved()[0], status: 'resolved' })
        await bot.say('/status resolve p31zjtct2jer all good now', ALICE)

        // Neither a read, a refusal, nor a write that found nothing to change leaves an entry.
        sp.getUnresolved(sp.getComponents(scope))
        await bot.say('/status Nope down', ALICE)
        await bot.say('/status Docs up', MALLORY)
        sp.getComponents(scope)
        await bot.say('/status components', ALICE)
        og.expectDone(scope)
      }

      const by = (command: string, target: AuditEntry['targets'][number]) =>
        ({ user: ALICE, room: 'ops', command, service: 'Statuspage', targets: [target], outcome: target.outcome })
      const EXPECTED = [
        by('status set', { id: 'cmpdoc000001', name: 'Docs', action: 'major_outage', outcome: 'done' }),
        by('status set', { id: 'cmpapieu0001', name: 'API (EU)', action: 'degraded_performance', outcome: 'failed' }),
        by('status open', { id: '(new incident)', name: 'Checkout errors', action: 'open investigating', outcome: 'may-have-happened' }),
        by('status resolve', { id: 'p31zjtct2jer', name: 'Zürich builds are failing', action: 'resolved', outcome: 'done' })
      ]

      it('logs one structured line per write that reached Statuspage, failed and uncertain ones included', async () => {
        await mixOfWrites()
        const lines = auditLines(bot)
        expect(lines.map(shape)).to.deep.equal(EXPECTED)
        const now = bot.clock.now()
        for (const line of lines) expect(Date.parse(line.time)).to.be.within(now - 60_000, now)
      })

      it('keeps the same entries in the brain and shows them, newest first, with status log', async () => {
        await mixOfWrites()
        const kept = readHistory(bot.robot.brain, 'statuspage')
        expect(kept.map(shape)).to.deep.equal(EXPECTED)
        const [reply] = await bot.say('/status log', MALLORY)
        const lines = reply.split('\n')
        expect(lines[0]).to.equal('The last 4 Statuspage changes from chat, newest first:')
        expect(lines.slice(1).map(l => l.replace(/^• \d{4}-\d\d-\d\d \d\d:\d\d UTC /, '• <time> '))).to.deep.equal([
          '• <time> alice (U1) in ops: status resolve → Zürich builds are failing (p31zjtct2jer) resolved: done',
          '• <time> alice (U1) in ops: status open → Checkout errors ((new incident)) open investigating: may have happened',
          '• <time> alice (U1) in ops: status set → API (EU) (cmpapieu0001) degraded_performance: failed',
          '• <time> alice (U1) in ops: status set → Docs (cmpdoc000001) major_outage: done'
        ])
        expect(await bot.say('/status log 1')).to.have.length(1)
        expect((await bot.say('/status log 1'))[0].split('\n')[0]).to.equal('The last 1 Statuspage change from chat (of 4 kept), newest first:')
      })

      it('never puts the API key or a message\'s text in a log line or the history', async () => {
        await mixOfWrites()
        const everything = [...bot.logs.filter(l => !l.startsWith('debug: ')), JSON.stringify(bot.robot.brain.get(AUDIT_KEYS.statuspage))].join('\n')
        expect(everything).not.to.contain(sp.API_KEY)
        expect(everything).not.to.contain('secret-msg-7')
        expect(everything).not.to.contain('all good now')
      })

      it('keeps the history across a brain save and a load into a new robot', async () => {
        await mixOfWrites()
        const second = await saveAndLoad(bot, version)
        try {
          const [reply] = await second.say('/status log 2')
          expect(reply.split('\n')[0]).to.equal('The last 2 Statuspage changes from chat (of 4 kept), newest first:')
          expect(reply).to.contain('status resolve → Zürich builds are failing (p31zjtct2jer) resolved: done')
        } finally {
          await second.stop()
        }
      })
    })

    describe('of OpsGenie actions', () => {
      const bot = botOn(version, () => og.configure({ HUBOT_OPSGENIE_WRITERS: 'U1', HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '300' }), { room: 'ops' })
      const NEO = { ...ALICE, email_address: 'neo@opsgenie.com' }

      it('records confirmed, refused, unconfirmed and failed-to-send actions as such, and shows them with genie log', async () => {
        const scope = og.opsgenie()
        const open = [og.alert(1), og.alert(2), og.alert(3), og.alert(4)]
        og.mockList(scope, og.OPEN, open)
        og.mockAction(scope, og.uuid(1))
        og.mockAction(scope, og.uuid(2), { status: { failed: 'Alert is already closed' } })
        await bot.say('/genie ack 1 2', NEO)

        og.mockList(scope, og.OPEN, open)
        og.mockAction(scope, og.uuid(3), { action: 'notes', status: 'pending-forever' })
        await bot.say('/genie note 3 the root password is secret-note-9', NEO)

        og.mockList(scope, og.OPEN, open)
        scope.post(`/v2/alerts/${og.uuid(4)}/close`).query({ identifierType: 'id' }).times(3).reply(503, 'unavailable')
        await bot.say('/genie close 4', NEO)

        const schedules = og.fixture('schedules')
        scope.get('/v2/schedules').reply(200, schedules)
        scope.post(`/v2/schedules/${schedules.data[0].id}/overrides`).query({ scheduleIdentifierType: 'id' }).reply(201, og.fixture('override-created'))
        await bot.say('/genie take primary for 2h', NEO)

        // Refused and read-only commands leave nothing.
        await bot.say('/genie close 1', MALLORY)
        await bot.say('/genie whoami', NEO)
        og.expectDone(scope)

        const entries = auditLines(bot)
        expect(entries.map(e => [e.command, e.outcome, e.targets.map(t => `${t.name ?? ''} ${t.id} ${t.action.replace(/ until .*/, '')} ${t.outcome}`)]))
          .to.deep.equal([
            ['genie ack', 'mixed', [`#1 ${og.uuid(1)} acknowledge done`, `#2 ${og.uuid(2)} acknowledge failed`]],
            ['genie note', 'unconfirmed', [`#3 ${og.uuid(3)} note unconfirmed`]],
            ['genie close', 'may-have-happened', [`#4 ${og.uuid(4)} close may-have-happened`]],
            ['genie take', 'done', [`Primary ${schedules.data[0].id} on call: neo@opsgenie.com done`]]
          ])
        expect(entries.every(e => e.service === 'OpsGenie' && e.user.id === 'U1' && e.room === 'ops')).to.equal(true)
        expect(readHistory(bot.robot.brain, 'opsgenie')).to.have.length(4)

        const [reply] = await bot.say('/genie log', MALLORY)
        const lines = reply.split('\n')
        expect(lines[0]).to.equal('The last 4 OpsGenie changes from chat, newest first:')
        expect(lines[1]).to.match(/^• .+ UTC alice \(U1\) in ops: genie take → Primary \(.+\) on call: neo@opsgenie.com until .+: done$/)
        expect(lines[2]).to.match(/in ops: genie close → #4 \(.+\) close: may have happened$/)
        expect(lines[3]).to.match(/in ops: genie note → #3 \(.+\) note: not confirmed$/)
        expect(lines[4]).to.match(/in ops: genie ack → #1 \(.+\) acknowledge: done; #2 \(.+\) acknowledge: failed$/)

        const everything = [...bot.logs.filter(l => !l.startsWith('debug: ')), reply, JSON.stringify(bot.robot.brain.get(AUDIT_KEYS.opsgenie))].join('\n')
        expect(everything).not.to.contain(og.KEY)
        expect(everything).not.to.contain('secret-note-9')
      })

      it('records a genie close all under the confirm that carried it out', async () => {
        const scope = og.opsgenie()
        og.mockList(scope, og.OPEN, [og.alert(5)])
        const [prompt] = await bot.say('/genie close all', ALICE)
        const code = /genie confirm (\w+)/.exec(prompt)?.[1]
        expect(code).to.be.a('string')
        expect(auditLines(bot)).to.deep.equal([])
        og.mockAction(scope, og.uuid(5), { action: 'close' })
        await bot.say(`/genie confirm ${code}`, ALICE)
        og.expectDone(scope)
        // The confirm never read the alert list, so the alert is named by its id only.
        expect(auditLines(bot).map(e => [e.command, e.outcome, e.targets])).to.deep.equal([
          ['genie confirm', 'done', [{ id: og.uuid(5), action: 'close', outcome: 'done' }]]
        ])
      })

      it('says when nothing is recorded yet', async () => {
        expect(await bot.say('/genie log')).to.deep.equal(['No OpsGenie change from chat is recorded yet.'])
      })
    })
  })
}
