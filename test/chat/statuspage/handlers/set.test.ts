// `status <component> <state>` and `status <component> <state>: <message>` through real Hubot 3.5 and
// 14 robots: exactly the PATCHes and the one incident write the contract allows (a stray request fails).
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { FakeClock } from '../../../support/fake-clock'
import { api, components, configure, getComponents, getUnresolved, onlyReply, PAGE, patched, unresolved } from '../../../support/statuspage'

const PAGE_QUERY = { page: '1', per_page: '100' }
const NOW = Date.parse('2025-11-20T10:00:00.000Z')

for (const version of HUBOT_VERSIONS) {
  describe(`setting a component's state (Hubot ${version})`, () => {
    const bot = botOn(version, configure, { clock: () => new FakeClock(NOW, { sleepsAdvance: true }) })
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

    it('sets a component, and says the check for a covering incident failed rather than guessing', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage'))
        .get(`${PAGE}/incidents/unresolved`).query(PAGE_QUERY).reply(403, { error: 'forbidden' })
      expect(await ask('/status docs down')).to.equal([
        'Docs: operational → major outage.',
        '(Could not check for an incident explaining it: Statuspage refused (403): this key is not allowed to do that (Statuspage says: forbidden).)'
      ].join('\n'))
      scope.done()
    })

    it('sets only the components of a group not already in that state', async () => {
      const scope = getUnresolved(getComponents(api()), [])
        .patch(`${PAGE}/components/cmpapi000001`, { component: { status: 'degraded_performance' } }).reply(200, patched('cmpapi000001', 'degraded_performance'))
      expect(await ask('/status core degraded')).to.equal([
        'Core is a group: its state follows its 2 components, each shown below.',
        '• API: operational → degraded performance',
        '• Web App: already degraded performance',
        'No unresolved incident explains this to users yet: say /status Core degraded performance: <what is happening> (opens one), ' +
          'or /status open <name>: <message>.'
      ].join('\n'))
      scope.done()
    })

    it('sets a component back to operational without reading the incidents', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpzrh000001`, { component: { status: 'operational' } }).reply(200, patched('cmpzrh000001', 'operational'))
      expect(await ask('/status zürich builds up')).to.equal('Zürich Builds: major outage → operational.')
      scope.done()
    })

    it('links the group\'s other components to the incident covering one of them, in the same update', async () => {
      const api0 = components()[1]
      const incident = { ...unresolved()[0], components: [api0] }
      const scope = getUnresolved(getComponents(api()), [incident])
        .patch(`${PAGE}/incidents/p31zjtct2jer`, {
          incident: {
            body: 'Both are down',
            components: { cmpapi000001: 'major_outage', cmpweb000001: 'major_outage' },
            component_ids: ['cmpapi000001', 'cmpweb000001'],
            deliver_notifications: true
          }
        })
        .reply(200, incident)
      expect(await ask('/status core major: Both are down')).to.equal([
        'Core is a group: its state follows its 2 components, each shown below.',
        '• API: operational → major outage',
        '• Web App: degraded performance → major outage',
        'Added your update to incident Zürich builds are failing (p31zjtct2jer, identified). https://stspg.io/zrh1'
      ].join('\n'))
      scope.done()
    })

    it('changes nothing for a name it cannot find, even with a message', async () => {
      const scope = getUnresolved(getComponents(api()))
      expect(await ask('/status Dosc down: broken')).to.equal('No component is called "Dosc". Did you mean "Docs"? Nothing was changed. (/status components lists them all.)')
      scope.done()
    })
  })
}
