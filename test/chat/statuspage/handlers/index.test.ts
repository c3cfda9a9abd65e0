// Each parsed status command reaches its own handler, through real Hubot 3.5 and 14 robots: the
// answer is that handler's, and only the requests it makes are sent (a stray request fails the test).
import { expect } from 'chai'
import { formatComponents } from '../../../../src/chat/statuspage/format'
import { formatStatusHelp } from '../../../../src/chat/statuspage/help'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { FakeClock } from '../../../support/fake-clock'
import {
  api, components, configure, createdIncident, getComponents, getMaintenance, getPage, getUnresolved, onlyReply, PAGE,
  patched, unresolved
} from '../../../support/statuspage'

const NOW = Date.parse('2025-11-20T10:00:00.000Z')

for (const version of HUBOT_VERSIONS) {
  describe(`routing a status command to its handler (Hubot ${version})`, () => {
    const bot = botOn(version, configure, { clock: () => new FakeClock(NOW, { sleepsAdvance: true }) })
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

    it('answers help and a malformed command from the words alone, calling nothing', async () => {
      expect(await ask('/status help')).to.equal(formatStatusHelp('/'))
      expect(await ask('/status open')).to.equal('Name the incident: /status open [<incident status>] <name>[: <message>]')
    })

    it('lists the components for "status components"', async () => {
      const scope = getComponents(api())
      expect(await ask('/status components')).to.equal(formatComponents(components()))
      scope.done()
    })

    it('reads the whole page for the summary and for one component', async () => {
      let scope = getPage(api())
      expect(await ask('/status')).to.match(/^Not operational:\n/)
      scope.done()
      process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
      scope = getPage(api())
      expect(await ask('/status docs?')).to.match(/^Docs: operational\nNo unresolved incident names it\.\n/)
      scope.done()
    })

    it('sets a state without a message, and explains it in an incident with one', async () => {
      process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
      let scope = getUnresolved(getComponents(api()))
        .patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage'))
      expect(await ask('/status docs down')).to.match(/^Docs: operational → major outage\.\nNo unresolved incident explains this/)
      scope.done()
      scope = getUnresolved(getComponents(api()), [])
        .post(`${PAGE}/incidents`, (body: any) => body.incident.body === 'search is broken').reply(201, createdIncident())
      expect(await ask('/status docs down: search is broken')).to.match(/^Docs: operational → major outage\.\nOpened incident Checkout errors/)
      scope.done()
    })

    it('opens, updates and resolves incidents, and lists them', async () => {
      let scope = api().post(`${PAGE}/incidents`).reply(201, createdIncident())
      expect(await ask('/status open Checkout errors')).to.match(/^Opened incident Checkout errors/)
      scope.done()
      scope = getUnresolved(api()).patch(`${PAGE}/incidents/p31zjtct2jer`, (body: any) => body.incident.body === 'still on it').reply(200, unresolved()[0])
      expect(await ask('/status update: still on it')).to.match(/^Updated incident Zürich builds are failing/)
      scope.done()
      scope = getComponents(getUnresolved(api()))
        .patch(`${PAGE}/incidents/p31zjtct2jer`, (body: any) => body.incident.status === 'resolved').reply(200, { ...unresolved()[0], status: 'resolved' })
      expect(await ask('/status resolve')).to.match(/^Resolved incident Zürich builds are failing/)
      scope.done()
      process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
      scope = getUnresolved(getComponents(api()), [])
      expect(await ask('/status incidents')).to.equal('No unresolved incidents.')
      scope.done()
    })

    it('hands the maintenance commands to the maintenance handlers', async () => {
      const scope = getMaintenance(getComponents(api()))
      expect(await ask('/status maintenance')).to.equal('No maintenance in progress or scheduled. (/status maintenance <name> from <time> for <duration> [on <components>]: ' +
        '<message> schedules one; times in UTC.)')
      scope.done()
    })
  })
}
