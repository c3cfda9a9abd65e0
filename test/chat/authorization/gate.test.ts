// The write gate, through real robots on Hubot 3.5 and 14: every write command refused for a user
// who is not a writer, or from a room that is not allowed, with no HTTP request at all; allowed for
// writers (by id or by role); reads open to everyone; nothing configured behaves as before.
import { expect } from 'chai'
import type nock from 'nock'
import { HUBOT_VERSIONS } from '../../support/bots'
import * as og from '../../support/opsgenie'
import * as sp from '../../support/statuspage'
import { botOn } from '../../support/bots'
import { RoleStore, watchRequests } from './support'

const configureBoth = (extra: Record<string, string> = {}): void => {
  sp.configure()
  og.configure()
  Object.assign(process.env, extra)
}

interface WriteCase {
  text: string
  label: string
  /** The first request(s) the command makes once allowed, answered so that it stops there. */
  allowed: () => nock.Scope
}

const STATUS_WRITES: WriteCase[] = [
  { text: '/status Docs down', label: 'status set', allowed: () => sp.getUnresolved(sp.getComponents(sp.api(), []), []) },
  { text: '/status Docs down: broken', label: 'status set', allowed: () => sp.getUnresolved(sp.getComponents(sp.api(), []), []) },
  {
    text: '/status open Checkout errors',
    label: 'status open',
    allowed: () => sp.api().post(`${sp.PAGE}/incidents`).reply(201, sp.createdIncident())
  },
  {
    text: '/status update p31zjtct2jer monitoring fixed',
    label: 'status update',
    allowed: () => sp.api().get(`${sp.PAGE}/incidents/p31zjtct2jer`).reply(404, { error: 'not found' })
  },
  { text: '/status resolve', label: 'status resolve', allowed: () => sp.getUnresolved(sp.api(), []) },
  {
    text: '/status maintenance Db upgrade from tomorrow 22:00 for 1h on Docs: replicas',
    label: 'status maintenance-create',
    allowed: () => sp.getComponents(sp.api(), [])
  },
  {
    text: '/status maintenance start mnt0apieu003',
    label: 'status maintenance-transition',
    allowed: () => sp.api().get(`${sp.PAGE}/incidents/mnt0apieu003`).reply(404, { error: 'not found' })
  },
  {
    text: '/status maintenance update mnt0apieu003 still going',
    label: 'status maintenance-update',
    allowed: () => sp.api().get(`${sp.PAGE}/incidents/mnt0apieu003`).reply(404, { error: 'not found' })
  }
]

const alertGone = (scope: nock.Scope): nock.Scope =>
  og.mockList(scope, og.OPEN, []).get('/v2/alerts/1').query({ identifierType: 'tiny' }).reply(404, og.fixture('error-404-alert'))

/** Incident writes answered before any request when nothing is there to act on. */
const INCIDENT_WRITES: WriteCase[] = [
  { text: '/incident postmortem draft', label: 'incident draft', allowed: () => sp.api() },
  { text: '/incident postmortem publish', label: 'incident publish', allowed: () => sp.api() }
]

const GENIE_WRITES: WriteCase[] = [
  { text: '/genie ack', label: 'genie ack-all', allowed: () => og.mockList(og.opsgenie(), og.OPEN_UNACKED, []) },
  { text: '/genie ack 1', label: 'genie ack', allowed: () => alertGone(og.opsgenie()) },
  { text: '/genie unack 1', label: 'genie unack', allowed: () => alertGone(og.opsgenie()) },
  { text: '/genie close 1', label: 'genie close', allowed: () => alertGone(og.opsgenie()) },
  { text: '/genie close all', label: 'genie close-all', allowed: () => og.mockList(og.opsgenie(), og.OPEN, []) },
  { text: '/genie confirm ABC123', label: 'genie confirm', allowed: () => og.opsgenie() },
  { text: '/genie note 1 rebooted it', label: 'genie note', allowed: () => alertGone(og.opsgenie()) },
  { text: '/genie snooze 1 30m', label: 'genie snooze', allowed: () => alertGone(og.opsgenie()) },
  { text: '/genie take for 1h', label: 'genie take', allowed: () => og.opsgenie() }
]

const REFUSED = /^"[a-z -]+" changes (Statuspage|OpsGenie): .*Nothing was changed\./

for (const version of HUBOT_VERSIONS) {
  describe(`the write gate on Hubot ${version}`, () => {
    const requests = watchRequests()

    describe('with writers configured by user id', () => {
      const bot = botOn(version, () => configureBoth({ HUBOT_STATUSPAGE_WRITERS: 'U1, U7', HUBOT_OPSGENIE_WRITERS: 'U1' }))

      for (const c of [...STATUS_WRITES, ...INCIDENT_WRITES, ...GENIE_WRITES]) {
        it(`refuses "${c.text}" to a user who is not a writer, with no request to the service`, async () => {
          const replies = await bot.say(c.text, { id: 'U2', name: 'mallory' })
          expect(replies).to.have.length(1)
          expect(replies[0]).to.match(REFUSED)
          expect(replies[0]).to.contain(`"${c.label}"`)
          expect(replies[0]).to.contain('you (user id U2) are not one')
          expect(replies[0]).to.match(/HUBOT_(STATUSPAGE|OPSGENIE)_WRITERS/)
          expect(replies[0]).to.contain('whoever runs the bot')
          expect(requests.seen).to.deep.equal([])
          const logged = bot.logs.filter(l => l.includes('refused'))
          expect(logged).to.have.length(1)
          expect(logged[0]).to.match(new RegExp(`^info: \\[[a-z.]+\\] refused ${c.label} for user U2 in room room1: writer$`))
        })

        it(`lets a writer run "${c.text}"`, async () => {
          const scope = c.allowed()
          const replies = await bot.say(c.text, { id: 'U1', name: 'alice' })
          expect(replies).to.have.length(1)
          expect(replies[0]).not.to.match(REFUSED)
          og.expectDone(scope)
        })
      }

      it('names the refusal without the message text, which could carry anything', async () => {
        await bot.say('/genie note 1 the db password is hunter2', { id: 'U2', name: 'mallory' })
        await bot.say('/status open Leaked hunter2', { id: 'U2', name: 'mallory' })
        // Hubot itself logs every message at debug; this package's lines (info and up) never hold the text.
        const ours = bot.logs.filter(l => !l.startsWith('debug: '))
        expect(ours.filter(l => l.includes('refused'))).to.have.length(2)
        expect(ours.join('\n')).not.to.contain('hunter2')
      })

      it('compares ids, not names: someone named like a writer is still refused', async () => {
        const [reply] = await bot.say('/status Docs down', { id: 'U9', name: 'U1' })
        expect(reply).to.contain('you (user id U9) are not one')
        expect(requests.seen).to.deep.equal([])
      })

      it('leaves reads open to everyone', async () => {
        const scope = sp.getPage(sp.api())
        og.mockList(og.opsgenie(), og.OPEN, [])
        expect((await bot.say('/status', { id: 'U2', name: 'mallory' }))[0]).not.to.match(REFUSED)
        expect(await bot.say('/genie', { id: 'U2', name: 'mallory' })).to.deep.equal(['OpsGenie: no open alerts.'])
        expect(await bot.say('/genie whoami', { id: 'U2', name: 'mallory' })).to.have.length(1)
        expect(await bot.say('/status log', { id: 'U2', name: 'mallory' }))
          .to.deep.equal(['No Statuspage change from chat is recorded yet.'])
        og.expectDone(scope)
      })

      it('says at start who may write, once for each service', () => {
        const lines = bot.logs.filter(l => /are allowed for|are open to everyone/.test(l))
        expect(lines).to.deep.equal([
          'info: [incident.incident] incident start/lead/comms/note/link/public/update/resolve/postmortem (changing Statuspage) are allowed for user U1, user U7, from any room.',
          'info: [opsgenie.genie] genie ack/unack/close/close all/confirm/note/snooze/take/page/escalate/assign/priority (changing OpsGenie) are allowed for user U1, from any room.',
          'info: [statuspage.status] status set/open/update/resolve/maintenance (changing Statuspage) are allowed for user U1, user U7, from any room.'
        ])
      })
    })

    describe('with write rooms configured', () => {
      const bot = botOn(version, () => configureBoth({
        HUBOT_STATUSPAGE_WRITERS: 'U1',
        HUBOT_STATUSPAGE_WRITE_ROOMS: 'ops, incident',
        HUBOT_OPSGENIE_WRITE_ROOMS: 'ops'
      }), { room: 'general' })

      for (const c of [...STATUS_WRITES, ...GENIE_WRITES]) {
        it(`refuses "${c.text}" in a room that is not allowed, even to a writer`, async () => {
          const replies = await bot.say(c.text, { id: 'U1', name: 'alice' })
          expect(replies).to.have.length(1)
          expect(replies[0]).to.match(/^"[a-z -]+" changes (Statuspage|OpsGenie), which can be changed only from rooms? ops/)
          expect(replies[0]).to.contain('not from this room (general). Nothing was changed.')
          expect(replies[0]).to.match(/HUBOT_(STATUSPAGE|OPSGENIE)_WRITE_ROOMS/)
          expect(requests.seen).to.deep.equal([])
          expect(bot.logs.filter(l => l.includes('refused'))[0]).to.match(/refused [a-z -]+ for user U1 in room general: room$/)
        })
      }
    })

    describe('in an allowed room', () => {
      const bot = botOn(version, () => configureBoth({ HUBOT_OPSGENIE_WRITE_ROOMS: 'ops' }), { room: 'ops' })

      it('lets anyone write when only rooms are configured', async () => {
        const scope = og.mockList(og.opsgenie(), og.OPEN_UNACKED, [])
        expect(await bot.say('/genie ack', { id: 'U5', name: 'eve' }))
          .to.deep.equal(['No open alert is waiting to be acknowledged: there is nothing to acknowledge.'])
        og.expectDone(scope)
      })
    })

    describe('with roles, through a robot.auth provider', () => {
      let roles: RoleStore
      const bot = botOn(version, () => configureBoth({ HUBOT_STATUSPAGE_WRITERS: 'role:ops, role:incident-commander, U1' }))
      beforeEach(() => {
        roles = new RoleStore({ U3: ['incident-commander'], U4: ['sales'] })
        bot.robot.auth = roles
      })

      it('lets a user with one of the roles write', async () => {
        const scope = sp.api().post(`${sp.PAGE}/incidents`).reply(201, sp.createdIncident())
        const [reply] = await bot.say('/status open Checkout errors', { id: 'U3', name: 'carol' })
        expect(reply).to.match(/^Opened incident Checkout errors/)
        og.expectDone(scope)
        expect(roles.asked).to.deep.include({ id: 'U3', role: 'incident-commander' })
      })

      it('refuses a user with other roles, naming the roles needed', async () => {
        const [reply] = await bot.say('/status open Checkout errors', { id: 'U4', name: 'dave' })
        expect(reply).to.equal('"status open" changes Statuspage: it needs a writer (a user id listed in HUBOT_STATUSPAGE_WRITERS or a role: ' +
          'ops, incident-commander), and you (user id U4) are not one. Nothing was changed. Ask whoever runs the bot to add your ' +
          'user id to HUBOT_STATUSPAGE_WRITERS, or whoever manages roles to give you one of those roles.')
        expect(requests.seen).to.deep.equal([])
      })

      it('asks the plugin by id: a user named like a role holder has no role', async () => {
        const [reply] = await bot.say('/status open Checkout errors', { id: 'U8', name: 'U3' })
        expect(reply).to.contain('you (user id U8) are not one')
      })

      it('still lets a listed user id write without asking the plugin', async () => {
        const scope = sp.getUnresolved(sp.api(), [])
        await bot.say('/status resolve', { id: 'U1', name: 'alice' })
        og.expectDone(scope)
        expect(roles.asked).to.deep.equal([])
      })

      it('counts a plugin that throws as "no role", never as "allowed"', async () => {
        bot.robot.auth = { hasRole: () => { throw new Error('plugin broke') } }
        const [reply] = await bot.say('/status open Checkout errors', { id: 'U3', name: 'carol' })
        expect(reply).to.contain('are not one')
      })
    })

    describe('with roles configured and no role plugin loaded', () => {
      const bot = botOn(version, () => configureBoth({ HUBOT_OPSGENIE_WRITERS: 'role:ops,U1' }))

      it('refuses with a reply saying a role plugin is needed, and said so at start', async () => {
        const [reply] = await bot.say('/genie close 1', { id: 'U2', name: 'bob' })
        expect(reply).to.equal('"genie close" changes OpsGenie: it needs a writer (a user id listed in HUBOT_OPSGENIE_WRITERS or a role: ops), ' +
          'but no role plugin is loaded (nothing provides robot.auth.hasRole), so roles cannot be checked. Nothing was changed. ' +
          'Ask whoever runs the bot to load a role plugin (hubot-auth on Hubot 3.5) or to add your user id (U2) to HUBOT_OPSGENIE_WRITERS.')
        expect(requests.seen).to.deep.equal([])
        expect(bot.logs.filter(l => l.includes('No role plugin'))).to.have.length(1)
      })
    })

    describe('with nothing configured', () => {
      const bot = botOn(version, () => configureBoth())

      it('lets everyone write, as before, and says once at start that writes are open', async () => {
        const scope = sp.getUnresolved(sp.getComponents(sp.api(), []))
        const [reply] = await bot.say('/status Docs down', { id: 'U2', name: 'anyone' })
        expect(reply).to.match(/^No component is called "Docs"/)
        og.expectDone(scope)
        const open = bot.logs.filter(l => l.includes('open to everyone'))
        expect(open).to.deep.equal([
          'info: [incident.incident] incident start/lead/comms/note/link/public/update/resolve/postmortem (changing Statuspage) are open to everyone in every room: ' +
            'set HUBOT_STATUSPAGE_WRITERS and/or HUBOT_STATUSPAGE_WRITE_ROOMS to limit them.',
          'info: [opsgenie.genie] genie ack/unack/close/close all/confirm/note/snooze/take/page/escalate/assign/priority (changing OpsGenie) are open to everyone in every room: ' +
            'set HUBOT_OPSGENIE_WRITERS and/or HUBOT_OPSGENIE_WRITE_ROOMS to limit them.',
          'info: [statuspage.status] status set/open/update/resolve/maintenance (changing Statuspage) are open to everyone in every room: ' +
            'set HUBOT_STATUSPAGE_WRITERS and/or HUBOT_STATUSPAGE_WRITE_ROOMS to limit them.'
        ])
      })
    })
  })
}
