// Replies that never contradict themselves, and writes that never rest on a stale read.
import { expect } from 'chai'
import { botForEachTest, botOn, HUBOT_VERSIONS } from '../../support/bots'
import type { Component, Incident } from '../../../src/statuspage/types'
import { api, components, configure, getComponents, getMaintenance, getUnresolved, onlyReply, PAGE, patched, unresolved } from '../../support/statuspage'

describe('Statuspage replies after a change (Hubot 3.5)', () => {
  const bot = botForEachTest(() => configure())

  for (const status of [401, 403]) {
    it(`never says "Nothing was changed" when the incident check after a done PATCH is refused (${status})`, async () => {
      const scope = getComponents(api())
      scope.get(`${PAGE}/incidents/unresolved`).query(true).reply(status, { error: 'Could not authenticate' })
      scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage'))
      const reply = await onlyReply(bot, '/status Docs down')
      scope.done()
      expect(reply).to.match(/^Docs: operational → major outage\./)
      expect(reply.split('\n')[1]).to.match(/^\(Could not check for an incident explaining it: /)
      expect(reply).to.not.match(/Nothing was changed|nothing was changed/)
    })
  }
})

for (const version of HUBOT_VERSIONS) {
  describe(`Statuspage writes never rest on a stale read (Hubot ${version})`, () => {
    const bot = botOn(version, () => configure())
    const ask = async (text: string): Promise<string> => await onlyReply(bot, text)
    const withStatus = (id: string, status: Component['status']): Component[] =>
      components().map(c => (c.id === id ? { ...c, status } : c))

    /** `/status` as the room just saw it: the page cache is warm with these rows. */
    async function warm (rows: Component[] = components(), incidents: Incident[] = unresolved()): Promise<void> {
      const reads = getMaintenance(getUnresolved(getComponents(api(), rows), incidents))
      await ask('/status')
      reads.done()
    }

    it('sets a component the cache says is already in that state, after a fresh read shows it changed on the web', async () => {
      await warm(withStatus('cmpdoc000001', 'major_outage'))
      // Meanwhile someone set Docs back to operational on the web.
      const scope = getComponents(api(), withStatus('cmpdoc000001', 'operational'))
      scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } })
        .reply(200, patched('cmpdoc000001', 'major_outage'))
      const reply = await ask('/status docs down')
      scope.done()
      expect(reply).to.match(/^Docs: operational → major outage\./)
    })

    it('still says "nothing to change" when the fresh read agrees, with no write', async () => {
      await warm(withStatus('cmpdoc000001', 'major_outage'))
      const scope = getComponents(api(), withStatus('cmpdoc000001', 'major_outage'))
      // Any PATCH would be a request no interceptor expects, and fail the test.
      expect(await ask('/status docs down')).to.match(/^Docs: already major outage/)
      scope.done()
    })

    it('finds a component again on a fresh read when the cached one is gone (404) and sets the one there now', async () => {
      await warm()
      const renewed = components().map(c => (c.id === 'cmpdoc000001' ? { ...c, id: 'cmpdoc000009' } : c))
      const scope = api()
        .patch(`${PAGE}/components/cmpdoc000001`).reply(404, { error: 'not found' })
      getComponents(scope, renewed)
      getUnresolved(scope, []) // the failed PATCH emptied the cache: the reminder's read goes out too
      scope.patch(`${PAGE}/components/cmpdoc000009`, { component: { status: 'major_outage' } })
        .reply(200, { ...patched('cmpdoc000001', 'major_outage'), id: 'cmpdoc000009' })
      const reply = await ask('/status docs down')
      scope.done()
      expect(reply).to.match(/^Docs: operational → major outage\./)
      expect(reply).to.not.match(/404|could not find/i)
    })

    it('finds a component added on the web since the cached read', async () => {
      await warm()
      const added = { ...components()[7], id: 'cmpsts000001', name: 'Status Feed', position: 9 }
      const scope = getComponents(api(), [...components(), added])
      scope.patch(`${PAGE}/components/cmpsts000001`, { component: { status: 'partial_outage' } })
        .reply(200, { ...added, status: 'partial_outage' })
      expect(await ask('/status status feed partial')).to.match(/^Status Feed: operational → partial outage\./)
      scope.done()
    })

    it('never aims /status update at an incident resolved on the web since the cached read', async () => {
      await warm()
      // The only incident was resolved on the web: the fresh read finds none, and nothing is written.
      const scope = getUnresolved(api(), [])
      expect(await ask('/status update: builds recover')).to.match(/^There is no unresolved incident to update/)
      scope.done()
    })

    it('opens a new incident for /status X partial: … when the cached one covering it was resolved on the web', async () => {
      await warm()
      const created = { ...unresolved()[0], id: 'newinc000002', name: 'Zürich Builds: partial outage', status: 'investigating' }
      const scope = getUnresolved(api(), [])
      scope.post(`${PAGE}/incidents`, (body: { incident: { name: string, component_ids: string[] } }) =>
        body.incident.name === 'Zürich Builds: partial outage' && body.incident.component_ids[0] === 'cmpzrh000001')
        .reply(201, created)
      const reply = await ask('/status zürich builds partial: builds are slow again')
      scope.done()
      expect(reply).to.contain('Opened incident Zürich Builds: partial outage')
      expect(reply).to.not.match(/404|could not find/i)
    })
  })
}
