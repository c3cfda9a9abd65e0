// The reads (status, status <component>?, status incidents) through real Hubot 3.5 and 14 robots:
// what they read, and that a read the answer can do without is said, not fatal.
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { FakeClock } from '../../../support/fake-clock'
import {
  api, components, configure, getComponents, getMaintenance, getPage, getUnresolved, onlyReply, PAGE, severalUnresolved,
  unresolved
} from '../../../support/statuspage'

const PAGE_QUERY = { page: '1', per_page: '100' }
const NOW = Date.parse('2025-11-20T10:00:00.000Z')

for (const version of HUBOT_VERSIONS) {
  describe(`the status reads (Hubot ${version})`, () => {
    const bot = botOn(version, configure, { clock: () => new FakeClock(NOW, { sleepsAdvance: true }) })
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

    it('shows the summary and says the maintenance could not be read, when only that read fails', async () => {
      const allOk = components().map(c => ({ ...c, status: 'operational' as const }))
      const scope = getUnresolved(getComponents(api(), allOk), [])
        .get(`${PAGE}/incidents/active_maintenance`).query(PAGE_QUERY).reply(200, [])
        .get(`${PAGE}/incidents/upcoming`).query(PAGE_QUERY).reply(403, { error: 'forbidden' })
      expect(await ask('/status')).to.equal('All systems operational.\n(Could not read scheduled maintenance: Statuspage refused (403): this key is not allowed to do that ' +
        '(Statuspage says: forbidden). Nothing was changed.)')
      scope.done()
    })

    it('fails the summary when the components cannot be read', async () => {
      const scope = getMaintenance(getUnresolved(api(), []))
        .get(`${PAGE}/components`).query(PAGE_QUERY).reply(401, { error: 'unauthorized' })
      expect(await ask('/status')).to.equal('Statuspage rejected the API key (401) (Statuspage says: unauthorized). Check HUBOT_STATUSPAGE_API_KEY: ' +
        'it may be wrong, revoked, or its integration disabled. Nothing was changed.')
      scope.done()
    })

    it('says a word after a known name is not a state, rather than that no component has that name', async () => {
      const scope = getPage(api())
      expect(await ask('/status Docs brokn?')).to.equal('"brokn" is not a state. Say /status Docs <state>, the state one of: operational|ok, degraded, partial, major|down, maintenance. ' +
        'Nothing was changed.')
      scope.done()
    })

    it('lists the incidents with plain component names when the components cannot be read', async () => {
      const scope = getUnresolved(api(), severalUnresolved())
        .get(`${PAGE}/components`).query(PAGE_QUERY).reply(403, { error: 'forbidden' })
      expect(await ask('/status incidents')).to.equal([
        '2 unresolved incidents:',
        '• Zürich builds are failing (p31zjtct2jer): identified, major impact, opened 2 h ago',
        '  Latest (identified, 1 h ago): The build cache in Zürich is corrupt; we are rebuilding it.',
        '  Affects: Zürich Builds',
        '  https://stspg.io/zrh1',
        '• Slow web app (k7bw4n2xq9vd): investigating, minor impact, opened 1 h ago',
        '  Latest (investigating, 1 h ago): Pages load slowly.',
        '  Affects: Web App',
        '  https://stspg.io/web1'
      ].join('\n'))
      scope.done()
    })

    it('names the affected components with their groups when the components were read', async () => {
      const scope = getUnresolved(getComponents(api()), severalUnresolved())
      expect(await ask('/status incidents')).to.contain('  Affects: Core › Web App\n')
      scope.done()
    })

    it('shows one component with the incident affecting it', async () => {
      const scope = getPage(api(), components(), unresolved())
      expect(await ask('/status Zürich Builds?')).to.equal([
        'Zürich Builds: major outage',
        '• Zürich builds are failing (p31zjtct2jer): identified, major impact, opened 2 h ago',
        '  Latest (identified, 1 h ago): The build cache in Zürich is corrupt; we are rebuilding it.',
        '  Affects: Zürich Builds',
        '  https://stspg.io/zrh1'
      ].join('\n'))
      scope.done()
    })
  })
}
