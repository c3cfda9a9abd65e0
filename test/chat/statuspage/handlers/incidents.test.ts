// `status open`, `status update` and `status resolve` through real Hubot 3.5 and 14 robots: which
// incident a command is about (never a guess), and the one write it makes (a stray request fails).
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { FakeClock } from '../../../support/fake-clock'
import {
  activeMaintenance, api, configure, createdIncident, getUnresolved, onlyReply, PAGE, severalUnresolved, unresolved
} from '../../../support/statuspage'

const PAGE_QUERY = { page: '1', per_page: '100' }
const NOW = Date.parse('2025-11-20T10:00:00.000Z')

for (const version of HUBOT_VERSIONS) {
  describe(`the incident commands (Hubot ${version})`, () => {
    const bot = botOn(version, configure, { clock: () => new FakeClock(NOW, { sleepsAdvance: true }) })
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

    it('opens an incident with the name, status and message given, in one call', async () => {
      const scope = api()
        .post(`${PAGE}/incidents`, { incident: { name: 'Checkout errors', status: 'monitoring', body: 'A fix is out', deliver_notifications: true } })
        .reply(201, { ...createdIncident(), status: 'monitoring' })
      expect(await ask('/status open monitoring Checkout errors: A fix is out'))
        .to.equal('Opened incident Checkout errors (x9m2k4p7q1rs, monitoring). https://stspg.io/chk1')
      scope.done()
    })

    it('does not take a maintenance in progress for the only incident to update', async () => {
      const scope = getUnresolved(api(), activeMaintenance())
      expect(await ask('/status update all fine')).to.equal('There is no unresolved incident to update. Nothing was changed. (/status open <name>: <message> opens one.)')
      scope.done()
    })

    it('refuses an id that is not an unresolved incident\'s, rather than posting it as another incident\'s message', async () => {
      const scope = getUnresolved(api(), severalUnresolved())
      expect(await ask('/status resolve p31zjtct2je')).to.equal([
        'No unresolved incident has the id "p31zjtct2je".',
        '2 unresolved incidents: which one? Nothing was changed.',
        '• p31zjtct2jer: Zürich builds are failing (identified)',
        '• k7bw4n2xq9vd: Slow web app (investigating)',
        'Say it with the id, e.g. /status resolve p31zjtct2jer'
      ].join('\n'))
      scope.done()
    })

    it('resolves nothing for a stray word where the id goes', async () => {
      const scope = getUnresolved(api())
      expect(await ask('/status resolve oops')).to.equal([
        '"oops" is not an id (a message without an id goes after a colon: /status resolve: <message>).',
        '1 unresolved incident: which one? Nothing was changed.',
        '• p31zjtct2jer: Zürich builds are failing (identified)',
        'Say it with the id, e.g. /status resolve p31zjtct2jer'
      ].join('\n'))
      scope.done()
    })

    it('says what to add, reading nothing, when an update names an incident but has neither a message nor a status', async () => {
      const scope = api()
      expect(await ask('/status update p31zjtct2jer')).to.equal('Say what to add: /status update [<incident id>] [<incident status>]: <message>. Nothing was changed.')
      scope.done()
    })

    it('resolves with the affected components\' plain names when the components cannot be read', async () => {
      const scope = getUnresolved(api(), [severalUnresolved()[1]])
        .get(`${PAGE}/components`).query(PAGE_QUERY).reply(403, { error: 'forbidden' })
        .patch(`${PAGE}/incidents/k7bw4n2xq9vd`, { incident: { status: 'resolved', components: { cmpweb000001: 'operational' }, deliver_notifications: true } })
        .reply(200, { ...severalUnresolved()[1], status: 'resolved' })
      expect(await ask('/status resolve')).to.equal('Resolved incident Slow web app (k7bw4n2xq9vd). https://stspg.io/web1\n1 component set back to operational:\n  • Web App')
      scope.done()
    })

    it('reads an incident given by id before updating it, and does not reopen a resolved one without a status', async () => {
      const scope = api().get(`${PAGE}/incidents/p31zjtct2jer`).reply(200, { ...unresolved()[0], status: 'resolved' })
      expect(await ask('/status update p31zjtct2jer one more thing')).to.equal('Incident Zürich builds are failing (p31zjtct2jer) is resolved: an update would reopen it and notify its subscribers. ' +
        'Nothing was changed. To reopen it, say its new status: /status update p31zjtct2jer investigating|identified|monitoring <message>')
      scope.done()
    })
  })
}
