// Every maintenance command and refusal through a real robot, on Hubot 3.5 and Hubot 14, with the
// API mocked as its reference documents it and the clock fixed (2026-11-24 21:00 UTC).
import { expect } from 'chai'
import type { Incident } from '../../../../src/statuspage/types'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../../../support/bots'
import { FakeClock } from '../../../support/fake-clock'
import {
  activeMaintenance, api, API_KEY, componentRow, components, configure, createdMaintenance, getComponents,
  getMaintenance, getUnresolved, onlyReply, PAGE, unresolved, upcomingMaintenance
} from '../../../support/statuspage'

const NOW = new Date('2026-11-24T21:00:00Z')
const DATABASE = componentRow('cmpdb0000001', 'Database', { position: 9, description: 'Primary and replicas' })
const withDatabase = () => [...components(), DATABASE]
const AUTO = {
  scheduled_auto_in_progress: true,
  scheduled_auto_completed: true,
  auto_transition_to_maintenance_state: true,
  auto_transition_to_operational_state: true
}
const NOTIFY = {
  deliver_notifications: true,
  scheduled_remind_prior: true,
  auto_transition_deliver_notifications_at_start: true,
  auto_transition_deliver_notifications_at_end: true
}
const maintenanceBody = (fields: Record<string, unknown>, notify = NOTIFY) => ({ incident: { status: 'scheduled', ...fields, ...AUTO, ...notify } })
const REQUIRED = '/status maintenance Database upgrade from 2026-12-01 22:00 for 2h on Database: replicas are upgraded'

for (const version of HUBOT_VERSIONS) {
  describe(`maintenance commands on Hubot ${version}`, () => {
    let bot: TestBot
    beforeEach(async () => {
      configure()
      bot = await startBot(version, { alias: '/', clock: new FakeClock(NOW.getTime(), { sleepsAdvance: true }) })
    })
    afterEach(async () => {
      await bot.stop()
    })
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

    describe('status maintenance', () => {
      it('lists what is in progress and what is coming, soonest first, with windows in UTC, components and links', async () => {
        const scope = getMaintenance(getComponents(api()), activeMaintenance(), upcomingMaintenance())
        expect(await ask('/status maintenance')).to.equal([
          'In progress (1):',
          '• Docs search reindex (mnt0docs0001): in progress, 2026-11-24 20:00 → 23:00 UTC (3h), ends in 2h https://stspg.io/mdoc1',
          '  On:',
          '    • Docs',
          'Upcoming (2):',
          '• API (EU) database upgrade (mnt0apieu003): scheduled, 2026-11-25 06:00 → 08:00 UTC (2h), starts in 9h https://stspg.io/mapi3',
          '  On:',
          '    • API (EU)',
          '• Build cluster OS upgrade (mnt0bld00002): scheduled, 2026-12-03 22:00 → 2026-12-04 02:00 UTC (4h), starts in 9d 1h https://stspg.io/mbld2',
          '  On:',
          '    • Build Processing',
          '    • Build Artifacts'
        ].join('\n'))
        scope.done()
      })

      it('says when there is none, and how to schedule one', async () => {
        const scope = getMaintenance(getComponents(api()))
        expect(await ask('/status maintenance')).to.match(/^No maintenance in progress or scheduled\. \(\/status maintenance <name> from <time> for <duration>/)
        scope.done()
      })
    })

    describe('scheduling', () => {
      it('schedules the required form in one POST with the window, components and auto transitions', async () => {
        const scope = getComponents(api(), withDatabase())
          .post(`${PAGE}/incidents`, maintenanceBody({
            name: 'Database upgrade',
            body: 'replicas are upgraded',
            scheduled_for: '2026-12-01T22:00:00.000Z',
            scheduled_until: '2026-12-02T00:00:00.000Z',
            component_ids: ['cmpdb0000001']
          }))
          .reply(201, { ...createdMaintenance(), components: [DATABASE] })
        expect(await ask(REQUIRED)).to.equal([
          'Scheduled maintenance Database upgrade (mntnew000001): 2026-12-01 22:00 → 2026-12-02 00:00 UTC (2h), starts in 7d 1h. https://stspg.io/mnew1',
          '1 component goes to under maintenance when it starts and back to operational when it ends:',
          '  • Database',
          'It starts and completes by itself; subscribers are notified, and reminded before it starts.'
        ].join('\n'))
        scope.done()
      })

      it('reads a zone, sends UTC, and shows both', async () => {
        const scope = getComponents(api(), withDatabase())
          .post(`${PAGE}/incidents`, maintenanceBody({
            name: 'Database upgrade',
            scheduled_for: '2026-12-01T21:00:00.000Z',
            scheduled_until: '2026-12-01T22:30:00.000Z',
            component_ids: ['cmpdb0000001']
          }))
          .reply(201, { ...createdMaintenance(), scheduled_for: '2026-12-01T21:00:00.000Z', scheduled_until: '2026-12-01T22:30:00.000Z' })
        const reply = await ask('/status maintenance Database upgrade from 2026-12-01 22:00 Europe/Paris until 23:30 on database')
        expect(reply).to.match(/^Scheduled maintenance Database upgrade \(mntnew000001\): 2026-12-01 22:00 → 23:30 Europe\/Paris \(1h 30m\), that is 2026-12-01 21:00 → 22:30 UTC \(1h 30m\)/)
        scope.done()
      })

      it('reads "tomorrow 22:00" and "in 2h" against the clock, and links every component of a group', async () => {
        const scope = getComponents(api())
          .post(`${PAGE}/incidents`, maintenanceBody({
            name: 'Core failover drill',
            scheduled_for: '2026-11-25T22:00:00.000Z',
            scheduled_until: '2026-11-25T22:30:00.000Z',
            component_ids: ['cmpapi000001', 'cmpweb000001']
          }))
          .reply(201, { ...createdMaintenance(), name: 'Core failover drill' })
        const reply = await ask('/status maintenance Core failover drill from tomorrow 22:00 for 30m on Core')
        expect(reply).to.contain('2 components go to under maintenance when it starts and back to operational when it ends:\n  • Core › API\n  • Core › Web App')
        scope.done()
        const again = getComponents(api())
          .post(`${PAGE}/incidents`, maintenanceBody({ name: 'Reboot', scheduled_for: '2026-11-24T23:00:00.000Z', scheduled_until: '2026-11-24T23:15:00.000Z', component_ids: [] }))
          .reply(201, { ...createdMaintenance(), name: 'Reboot', components: [] })
        expect(await ask('/status maintenance Reboot from in 2h for 15m')).to.contain('No components linked')
        again.done()
      })

      it('sends every notification switch off when HUBOT_STATUSPAGE_NOTIFY=false, and says so', async () => {
        process.env.HUBOT_STATUSPAGE_NOTIFY = 'false'
        const off = {
          deliver_notifications: false,
          scheduled_remind_prior: false,
          auto_transition_deliver_notifications_at_start: false,
          auto_transition_deliver_notifications_at_end: false
        }
        const scope = getComponents(api(), withDatabase())
          .post(`${PAGE}/incidents`, maintenanceBody({
            name: 'Database upgrade',
            body: 'replicas are upgraded',
            scheduled_for: '2026-12-01T22:00:00.000Z',
            scheduled_until: '2026-12-02T00:00:00.000Z',
            component_ids: ['cmpdb0000001']
          }, off))
          .reply(201, createdMaintenance())
        expect(await ask(REQUIRED)).to.contain('subscribers are not notified (HUBOT_STATUSPAGE_NOTIFY=false)')
        scope.done()
      })

      it('says the POST may have happened when it fails with a 5xx, and never repeats it', async () => {
        const scope = getComponents(api(), withDatabase()).post(`${PAGE}/incidents`).reply(503, { message: 'Service Unavailable' })
        const reply = await ask(REQUIRED)
        expect(reply).to.match(/503/)
        expect(reply).not.to.contain('Nothing was changed')
        scope.done()
      })
    })

    it('never shows the API key, even when Statuspage echoes it back', async () => {
      const scope = getComponents(api(), withDatabase()).post(`${PAGE}/incidents`).reply(401, { error: `Could not authenticate key ${API_KEY}` })
      const reply = await ask(REQUIRED)
      expect(reply).to.contain('Statuspage rejected the API key (401)').and.to.contain('[REDACTED]')
      expect([...bot.sent, ...bot.logs].join('\n')).not.to.contain(API_KEY)
      scope.done()
    })

    describe('refusals, changing nothing', () => {
      // No interceptor: any request at all would fail the test.
      it('refuses a window in the past without any request', async () => {
        expect(await ask('/status maintenance Database upgrade from 2026-11-24 18:00 for 2h')).to.equal(
          'That window starts in the past (2026-11-24 18:00 UTC, 3h ago). Nothing was scheduled: give a time ahead of now (it is 2026-11-24 21:00 UTC).')
      })

      it('refuses a window that ends before it starts without any request', async () => {
        expect(await ask('/status maintenance Database upgrade from 2026-12-01 22:00 until 2026-12-01 21:00')).to.equal(
          'That window ends before it starts (2026-12-01 22:00 UTC → 2026-12-01 21:00 UTC). Nothing was scheduled.')
      })

      it('refuses a time it cannot read, saying the form, without any request', async () => {
        expect(await ask('/status maintenance Database upgrade from next tuesday for 2h')).to.match(/^"next tuesday" is not a time: say e\.g\. tomorrow 22:00, in 2h, .*Nothing was scheduled\. The form: \/status maintenance <name> from <time> for <duration>/)
      })

      it('refuses an unknown component after reading the components, with no POST', async () => {
        const scope = getComponents(api())
        expect(await ask('/status maintenance Database upgrade from 2026-12-01 22:00 for 2h on Databse: x')).to.equal(
          'No component is called "Databse". Nothing was scheduled. (/status components lists them all.)')
        scope.done()
      })

      it('refuses an ambiguous component, listing the candidates with their groups, with no POST', async () => {
        const scope = getComponents(api())
        const reply = await ask('/status maintenance Build work from 2026-12-01 22:00 for 2h on build')
        expect(reply).to.equal('"build" could be 3 components: which one? Nothing was scheduled.\n• Zürich Builds\n• Build Processing\n• Build Artifacts\nSay the whole name, with its group where two share a name: Group › Name (or Group / Name).')
        scope.done()
      })
    })

    describe('start, complete, cancel and update', () => {
      const upcoming = (): Incident => upcomingMaintenance()[1]
      const active = (): Incident => activeMaintenance()[0]

      it('starts the maintenance whose id is given, setting its components under maintenance in the same PATCH', async () => {
        const scope = api().get(`${PAGE}/incidents/mnt0apieu003`).reply(200, upcoming())
          .patch(`${PAGE}/incidents/mnt0apieu003`, { incident: { status: 'in_progress', body: 'starting early', components: { cmpapieu0001: 'under_maintenance' }, deliver_notifications: true } })
          .reply(200, { ...upcoming(), status: 'in_progress' })
        expect(await ask('/status maintenance start mnt0apieu003 starting early')).to.equal(
          'Started maintenance API (EU) database upgrade (mnt0apieu003): in progress, 2026-11-25 06:00 → 08:00 UTC (2h). 1 linked component set to under maintenance. https://stspg.io/mapi3')
        scope.done()
        // A write: on the audit trail, with what it did.
        expect(await ask('/status log')).to.match(/alice \(alice\) in room1: status maintenance-transition → API \(EU\) database upgrade \(mnt0apieu003\) maintenance in_progress: done/)
      })

      it('asks which one when no id is given and several could be meant, changing nothing', async () => {
        const scope = getMaintenance(api(), activeMaintenance(), upcomingMaintenance())
        const reply = await ask('/status maintenance start')
        expect(reply).to.match(/^2 maintenances could be meant: which one\? Nothing was changed\.\n• API \(EU\) database upgrade \(mnt0apieu003\)/)
        expect(reply).to.contain('Say it with the id, e.g. /status maintenance start mnt0apieu003')
        scope.done()
      })

      it('completes the only maintenance in progress, setting its components back to operational', async () => {
        const scope = getMaintenance(api(), activeMaintenance(), upcomingMaintenance())
          .patch(`${PAGE}/incidents/mnt0docs0001`, { incident: { status: 'completed', body: 'reindex done', components: { cmpdoc000001: 'operational' }, deliver_notifications: true } })
          .reply(200, { ...active(), status: 'completed' })
        expect(await ask('/status maintenance complete: reindex done')).to.equal(
          'Completed maintenance Docs search reindex (mnt0docs0001): completed, 2026-11-24 20:00 → 23:00 UTC (3h). 1 linked component set back to operational. https://stspg.io/mdoc1')
        scope.done()
      })

      it('cancels a maintenance that has not started, saying so to its subscribers, components untouched', async () => {
        const scope = api().get(`${PAGE}/incidents/mnt0apieu003`).reply(200, upcoming())
          .patch(`${PAGE}/incidents/mnt0apieu003`, { incident: { status: 'completed', body: 'Cancelled: vendor postponed', deliver_notifications: true } })
          .reply(200, { ...upcoming(), status: 'completed' })
        expect(await ask('/status maintenance cancel mnt0apieu003 vendor postponed')).to.match(/^Cancelled maintenance API \(EU\) database upgrade \(mnt0apieu003\): completed/)
        scope.done()
      })

      it('adds an update with a status', async () => {
        const scope = api().get(`${PAGE}/incidents/mnt0docs0001`).reply(200, active())
          .patch(`${PAGE}/incidents/mnt0docs0001`, { incident: { status: 'verifying', body: 'checking search results', deliver_notifications: true } })
          .reply(200, { ...active(), status: 'verifying' })
        expect(await ask('/status maintenance update mnt0docs0001 verifying checking search results')).to.match(/^Updated maintenance Docs search reindex \(mnt0docs0001\): verifying, 2026-11-24 20:00 → 23:00 UTC/)
        scope.done()
      })

      for (const [command, fixture, expected] of [
        ['start mnt0docs0001', 'active', /^Maintenance Docs search reindex \(mnt0docs0001\) is already in progress\. Nothing was changed\./],
        ['cancel mnt0docs0001', 'active', /has started \(in progress\): it cannot be cancelled, only completed\. Nothing was changed\./],
        ['complete mnt0apieu003', 'upcoming', /has not started \(scheduled\)\. Nothing was changed\./],
        ['complete mnt0apieu003', 'completed', /is already completed\. Nothing was changed\./],
        ['update mnt0apieu003 more text', 'completed', /is completed: an update would reopen it and notify its subscribers\. Nothing was changed\./],
        ['start p31zjtct2jer', 'incident', /^Zürich builds are failing \(p31zjtct2jer\) is an incident, not a scheduled maintenance\. Nothing was changed\./]
      ] as Array<[string, string, RegExp]>) {
        it(`refuses "${command}" on a ${fixture} one, with no PATCH`, async () => {
          const row = fixture === 'active' ? active() : fixture === 'incident' ? unresolved()[0] : { ...upcoming(), status: fixture === 'completed' ? 'completed' : 'scheduled' } as Incident
          const id = command.split(' ')[1]
          const scope = api().get(`${PAGE}/incidents/${id}`).reply(200, row)
          expect(await ask(`/status maintenance ${command}`)).to.match(expected)
          scope.done()
        })
      }

      it('updates the only maintenance when no id is given, and knows an id without a digit from the lists', async () => {
        const scope = getMaintenance(api(), activeMaintenance(), [])
          .patch(`${PAGE}/incidents/mnt0docs0001`, { incident: { body: 'halfway there', deliver_notifications: true } })
          .reply(200, active())
        expect(await ask('/status maintenance update: halfway there')).to.match(/^Updated maintenance Docs search reindex \(mnt0docs0001\): in progress/)
        scope.done()
        const lettersOnly = { ...active(), id: 'docsreindexa' }
        const again = getMaintenance(api(), [lettersOnly], upcomingMaintenance())
          .patch(`${PAGE}/incidents/docsreindexa`, { incident: { status: 'completed', body: 'done', components: { cmpdoc000001: 'operational' }, deliver_notifications: true } })
          .reply(200, { ...lettersOnly, status: 'completed' })
        expect(await ask('/status maintenance complete docsreindexa done')).to.match(/^Completed maintenance Docs search reindex \(docsreindexa\)/)
        again.done()
      })

      for (const command of ['start nosuch', 'complete reindex done', 'cancel oops', 'update halfway there']) {
        it(`writes nothing for "maintenance ${command}": a word where an id goes is not "the only one"`, async () => {
          const verb = command.split(' ')[0]
          const only = verb === 'complete' || verb === 'update' ? [activeMaintenance(), []] : [[], [upcoming()]]
          const scope = getMaintenance(api(), only[0] as any, only[1] as any)
          const reply = await ask(`/status maintenance ${command}`)
          expect(reply).to.match(new RegExp(`^"${command.split(' ')[1]}" is not an id \\(a message without an id goes after a colon: /status maintenance ${verb}: <message>\\)\\.\\n1 maintenance could be meant: which one\\? Nothing was changed\\.`))
          scope.done()
        })
      }

      it('asks for the text of an update that has none, changing nothing', async () => {
        const scope = api().get(`${PAGE}/incidents/mnt0docs0001`).reply(200, active())
        expect(await ask('/status maintenance update mnt0docs0001')).to.equal(
          'Say what to add: /status maintenance update mnt0docs0001 [<status>] <message>. Nothing was changed.')
        scope.done()
      })

      it('starts a maintenance with no components without touching any', async () => {
        const bare = { ...upcoming(), components: [] }
        const scope = api().get(`${PAGE}/incidents/mnt0apieu003`).reply(200, bare)
          .patch(`${PAGE}/incidents/mnt0apieu003`, { incident: { status: 'in_progress', deliver_notifications: true } })
          .reply(200, { ...bare, status: 'in_progress' })
        expect(await ask('/status maintenance start mnt0apieu003')).to.match(/^Started maintenance .*\(2h\)\. https:/)
        scope.done()
      })

      it('refuses a mistyped id instead of posting it to the only maintenance', async () => {
        const scope = getMaintenance(api(), activeMaintenance(), [])
        const reply = await ask('/status maintenance complete mnt0docs001 done')
        expect(reply).to.match(/^No maintenance in progress or upcoming has the id "mnt0docs001"\.\n1 maintenance could be meant: which one\? Nothing was changed\./)
        scope.done()
      })

      it('says there is nothing to complete when no maintenance is in progress', async () => {
        const scope = getMaintenance(api(), [], upcomingMaintenance())
        expect(await ask('/status maintenance complete')).to.equal('There is no maintenance in progress to complete. Nothing was changed. (/status maintenance lists them.)')
        scope.done()
      })
    })

    describe('status and status <component>? mention maintenance', () => {
      it('shows the maintenance in progress and the next one within 24 h (not the one in 9 days)', async () => {
        const reads = getUnresolved(getComponents(api()), [])
        const scope = getMaintenance(reads, activeMaintenance(), upcomingMaintenance())
        const reply = await ask('/status')
        expect(reply).to.contain('1 maintenance in progress:\n• Docs search reindex (mnt0docs0001): in progress, 2026-11-24 20:00 → 23:00 UTC (3h), ends in 2h')
        expect(reply).to.contain('Next maintenance (within 24 h):\n• API (EU) database upgrade (mnt0apieu003): scheduled, 2026-11-25 06:00 → 08:00 UTC (2h), starts in 9h')
        expect(reply).not.to.contain('Build cluster OS upgrade')
        scope.done()
      })

      it('shows a component\'s maintenance now, and its next one within 24 h', async () => {
        process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0' // each ask reads afresh: the subject is the parsing, not the cache
        const docs = getMaintenance(getUnresolved(getComponents(api()), []), activeMaintenance(), upcomingMaintenance())
        expect(await ask('/status docs?')).to.equal([
          'Docs: operational',
          'No unresolved incident affects it.',
          'Maintenance on Docs now:',
          '• Docs search reindex (mnt0docs0001): in progress, 2026-11-24 20:00 → 23:00 UTC (3h), ends in 2h https://stspg.io/mdoc1'
        ].join('\n'))
        docs.done()
        const eu = getMaintenance(getUnresolved(getComponents(api()), []), activeMaintenance(), upcomingMaintenance())
        expect(await ask('/status api (eu)?')).to.contain('Next maintenance on it (within 24 h):\n• API (EU) database upgrade (mnt0apieu003)')
        eu.done()
      })

      it('still answers when the maintenance reads fail, and says they did', async () => {
        const scope = getUnresolved(getComponents(api()))
          .get(`${PAGE}/incidents/active_maintenance`).query(true).reply(404, { message: 'Not found' })
          .get(`${PAGE}/incidents/upcoming`).query(true).reply(200, [])
        const reply = await ask('/status')
        expect(reply).to.match(/^Not operational:/)
        expect(reply).to.match(/\(Could not read scheduled maintenance: Statuspage could not find it \(404\)/)
        scope.done()
      })
    })
  })
}
