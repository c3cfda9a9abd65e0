// Every /status command through a real Hubot 3.5 robot, with the API mocked as the contract says.
import { expect } from 'chai'
import nock from 'nock'
import { botForEachTest } from '../../support/bots'
import {
  api, componentRow, components, configure, createdIncident, getComponentPages, getComponents, getMaintenance, getPage,
  getUnresolved,
  onlyReply, PAGE, patched, severalUnresolved, unresolved
} from '../../support/statuspage'
import type { Component, Incident } from '../../../src/statuspage/types'

const allOperational = (): Component[] => components().map(c => ({ ...c, status: 'operational' as const }))

describe('Statuspage commands on Hubot 3.5', () => {
  const bot = botForEachTest(configure)

  const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

  describe('status', () => {
    it('says all systems are operational when they are', async () => {
      const scope = getPage(api(), allOperational(), [])
      expect(await ask('/status')).to.equal('All systems operational.')
      scope.done()
    })

    it('lists what is not operational and the unresolved incidents, for "status?" too', async () => {
      const scope = getPage(api())
      const reply = await ask('/status?')
      expect(reply).to.match(/^Not operational:\n• Core › Web App: degraded performance\n• Zürich Builds: major outage\n1 unresolved incident:\n• Zürich builds are failing \(p31zjtct2jer\): identified, major impact, opened .+ https:\/\/stspg\.io\/zrh1$/)
      scope.done()
    })

    it('answers "status ???" with the summary, not about a component called "??"', async () => {
      process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0' // each ask reads afresh: the subject is the parsing, not the cache
      for (const text of ['/status ???', '/status???']) {
        const scope = getPage(api(), allOperational(), [])
        expect(await ask(text)).to.equal('All systems operational.')
        scope.done()
      }
    })
  })

  describe('status components', () => {
    it('lists every component grouped under its group', async () => {
      const scope = getComponents(api())
      const reply = await ask('/status components')
      expect(reply).to.contain('Core (group): degraded performance\n    • API: operational\n    • Web App: degraded performance\n• API (EU): operational')
      scope.done()
    })

    it('reads every page when there are more than 100 components', async () => {
      const rows = Array.from({ length: 130 }, (_, i) => componentRow(`cmp${String(i).padStart(9, '0')}`, `Service ${i + 1}`, { position: i + 1 }))
      const scope = getComponentPages(api(), rows)
      const reply = await ask('/status components')
      expect(reply).to.match(/^130 components:/)
      expect(reply).to.contain('• Service 40: operational\n+90 more, all operational')
      expect(reply).not.to.contain('Service 41:')
      scope.done()
    })

    it('asks for the next pages when a page is exactly full, and stops at an empty one', async () => {
      const rows = Array.from({ length: 100 }, (_, i) => componentRow(`cmp${String(i).padStart(9, '0')}`, `Service ${i + 1}`, { position: i + 1 }))
      const scope = getComponentPages(api(), rows)
      expect(await ask('/status components')).to.match(/^100 components:/)
      scope.done()
    })

    it('sets a component found on the second page', async () => {
      const rows = Array.from({ length: 101 }, (_, i) => componentRow(`cmp${String(i).padStart(9, '0')}`, `Service ${i + 1}`, { position: i + 1 }))
      rows[100].status = 'major_outage'
      const scope = getComponentPages(api(), rows)
        .patch(`${PAGE}/components/cmp000000100`, { component: { status: 'operational' } }).reply(200, { ...rows[100], status: 'operational' })
      expect(await ask('/status service 101 ok')).to.equal('Service 101: major outage → operational.')
      scope.done()
    })
  })

  describe('status <component>?', () => {
    it('shows a component whose name has punctuation, with no incident', async () => {
      const scope = getPage(api(), components(), [])
      expect(await ask('/status api (eu)?')).to.equal('API (EU): operational\nNo unresolved incident affects it.')
      scope.done()
    })

    it('never sounds like all is well while a major incident linked to other components is open', async () => {
      const scope = getPage(api())
      const reply = await ask('/status api (eu)?')
      expect(reply).to.match(/^API \(EU\): operational\nNo unresolved incident names it\.\nBut the page has a major or critical incident that may affect it:\n• Zürich builds are failing \(p31zjtct2jer\): identified, major impact/)
      expect(reply).not.to.contain('No unresolved incident affects it')
      scope.done()
    })

    it('shows a component with non-ASCII letters and the incident affecting it', async () => {
      const scope = getPage(api())
      const reply = await ask('/status Zürich Builds?')
      expect(reply).to.match(/^Zürich Builds: major outage\n• Zürich builds are failing \(p31zjtct2jer\): identified/)
      expect(reply).to.contain('Latest (identified, ')
      expect(reply).to.contain('https://stspg.io/zrh1')
      scope.done()
    })

    it('shows a group with its components', async () => {
      const scope = getPage(api(), components(), severalUnresolved())
      const reply = await ask('/status core?')
      expect(reply).to.match(/^Core \(group\): degraded performance\n {4}• API: operational\n {4}• Web App: degraded performance\n• Slow web app/)
      scope.done()
    })

    it('suggests close names for an unknown component', async () => {
      const scope = getPage(api())
      expect(await ask('/status Dcos?')).to.equal('No component is called "Dcos". Did you mean "Docs"? Nothing was changed. (/status components lists them all.)')
      scope.done()
    })
  })

  describe('status <component> <state>', () => {
    it('sets a component and shows the old and new state, reminding how to explain it', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage'))
      getUnresolved(scope)
      expect(await ask('/status docs down')).to.equal([
        'Docs: operational → major outage.',
        'No unresolved incident explains this to users yet: say /status Docs major outage: <what is happening> (opens one), or /status open <name>: <message>.'
      ].join('\n'))
      scope.done()
    })

    it('says which incident covers the component instead of the reminder', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpzrh000001`, { component: { status: 'partial_outage' } }).reply(200, patched('cmpzrh000001', 'partial_outage'))
      getUnresolved(scope)
      expect(await ask('/status zurich builds partial outage')).to.equal('Zürich Builds: major outage → partial outage.\nIncident Zürich builds are failing (p31zjtct2jer) covers it.')
      scope.done()
    })

    it('sets a component back to operational without checking incidents', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpzrh000001`, { component: { status: 'operational' } }).reply(200, patched('cmpzrh000001', 'operational'))
      expect(await ask('/status Zürich Builds fixed')).to.equal('Zürich Builds: major outage → operational.')
      scope.done()
    })

    it('changes nothing when the component is already in that state', async () => {
      const scope = getComponents(api())
      getUnresolved(scope)
      expect(await ask('/status Zürich Builds major')).to.equal('Zürich Builds: already major outage, nothing to change.')
      // Both reads go at once (the incidents for a reminder); no PATCH (it would be a request no interceptor expects).
      scope.done()
    })

    it('sets every component of a group and says so', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpapi000001`, { component: { status: 'under_maintenance' } }).reply(200, patched('cmpapi000001', 'under_maintenance'))
        .patch(`${PAGE}/components/cmpweb000001`, { component: { status: 'under_maintenance' } }).reply(200, patched('cmpweb000001', 'under_maintenance'))
      getUnresolved(scope)
      const reply = await ask('/status core maintenance')
      expect(reply).to.match(/^Core is a group: its state follows its 2 components, each shown below\.\n• API: operational → under maintenance\n• Web App: degraded performance → under maintenance\nNo unresolved incident explains this/)
      scope.done()
    })

    it('reports a group where one component could not be set', async () => {
      const scope = getComponents(api())
        .patch(`${PAGE}/components/cmpapi000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpapi000001', 'major_outage'))
        .patch(`${PAGE}/components/cmpweb000001`, { component: { status: 'major_outage' } }).reply(422, { error: ['Status is invalid'] })
      getUnresolved(scope)
      const reply = await ask('/status core major')
      expect(reply).to.contain('• API: operational → major outage')
      expect(reply).to.contain('• Web App: not changed (Statuspage refused the request (422) (Statuspage says: Status is invalid). Nothing was changed.)')
      scope.done()
    })

    it('changes nothing for an unknown component and suggests names', async () => {
      const scope = getUnresolved(getComponents(api()))
      expect(await ask('/status Bild Procesing down')).to.match(/^No component is called "Bild Procesing"\. Did you mean "Build Processing"/)
      scope.done()
    })

    it('changes nothing for an ambiguous name and lists the candidates', async () => {
      const scope = getUnresolved(getComponents(api()))
      expect(await ask('/status build down')).to.equal([
        '"build" could be 3 components: which one? Nothing was changed.',
        '• Zürich Builds',
        '• Build Processing',
        '• Build Artifacts',
        'Say the whole name, with its group where two share a name: Group › Name (or Group / Name).'
      ].join('\n'))
      scope.done()
    })
  })

  describe('status <component> <state>: <message>', () => {
    it('opens an incident linked to the component when none covers it, in one call', async () => {
      const scope = getUnresolved(getComponents(api()))
        .post(`${PAGE}/incidents`, {
          incident: {
            name: 'API (EU): major outage',
            status: 'investigating',
            body: 'Elevated error rates: about 5% of requests fail',
            component_ids: ['cmpapieu0001'],
            components: { cmpapieu0001: 'major_outage' },
            deliver_notifications: true
          }
        })
        .reply(201, { ...createdIncident(), name: 'API (EU): major outage' })
      expect(await ask('/status API (EU) major outage: Elevated error rates: about 5% of requests fail')).to.equal([
        'API (EU): operational → major outage.',
        'Opened incident API (EU): major outage (x9m2k4p7q1rs, investigating) with your message. https://stspg.io/chk1'
      ].join('\n'))
      scope.done()
    })

    it('adds an update to the incident that covers the component, setting its state in the same call', async () => {
      const scope = getUnresolved(getComponents(api()))
        .patch(`${PAGE}/incidents/p31zjtct2jer`, {
          incident: { body: 'The cache is rebuilt; builds recover.', components: { cmpzrh000001: 'partial_outage' }, deliver_notifications: true }
        })
        .reply(200, unresolved()[0])
      expect(await ask('/status zürich builds partial: The cache is rebuilt; builds recover.')).to.equal([
        'Zürich Builds: major outage → partial outage.',
        'Added your update to incident Zürich builds are failing (p31zjtct2jer, identified). https://stspg.io/zrh1'
      ].join('\n'))
      scope.done()
    })

    it('links a group\'s components to a new incident', async () => {
      const scope = getUnresolved(getComponents(api()), [])
        .post(`${PAGE}/incidents`, {
          incident: {
            name: 'Core: degraded performance',
            status: 'investigating',
            body: 'Slow responses',
            component_ids: ['cmpapi000001', 'cmpweb000001'],
            components: { cmpapi000001: 'degraded_performance', cmpweb000001: 'degraded_performance' },
            deliver_notifications: true
          }
        })
        .reply(201, { ...createdIncident(), name: 'Core: degraded performance' })
      const reply = await ask('/status Core degraded: Slow responses')
      expect(reply).to.match(/^Core is a group: its state follows its 2 components, each shown below\.\n• API: operational → degraded performance\n• Web App: already degraded performance\nOpened incident Core: degraded performance/)
      scope.done()
    })

    it('opens the incident already resolved when the message sets a component operational', async () => {
      const scope = getUnresolved(getComponents(api()), [])
        .post(`${PAGE}/incidents`, (body: any) => body.incident.status === 'resolved' && body.incident.components.cmpdoc000001 === 'operational')
        .reply(201, { ...createdIncident(), status: 'resolved' })
      expect(await ask('/status Docs ok: false alarm')).to.contain('(x9m2k4p7q1rs, resolved)')
      scope.done()
    })

    it('sends deliver_notifications false when HUBOT_STATUSPAGE_NOTIFY=false', async () => {
      process.env.HUBOT_STATUSPAGE_NOTIFY = 'false'
      const scope = getUnresolved(getComponents(api()), [])
        .post(`${PAGE}/incidents`, (body: any) => body.incident.deliver_notifications === false)
        .reply(201, createdIncident())
      expect(await ask('/status Docs down: checking')).to.contain('Opened incident')
      scope.done()
    })
  })

  describe('status incidents', () => {
    it('says there are none', async () => {
      const scope = getUnresolved(getComponents(api()), [])
      expect(await ask('/status incidents')).to.equal('No unresolved incidents.')
      scope.done()
    })

    it('lists several incidents with id, status, impact, age, latest update, components and link in one reply', async () => {
      const scope = getUnresolved(getComponents(api()), severalUnresolved())
      const reply = await ask('/status incidents')
      expect(reply).to.match(/^2 unresolved incidents:\n• Zürich builds are failing \(p31zjtct2jer\): identified, major impact, opened .+\n {2}Latest \(identified, .+\): The build cache in Zürich is corrupt; we are rebuilding it\.\n {2}Affects: Zürich Builds\n {2}https:\/\/stspg\.io\/zrh1\n• Slow web app \(k7bw4n2xq9vd\): investigating, minor impact/)
      scope.done()
    })

    it('tolerates postmortem and scheduled statuses on reads', async () => {
      const rows: Incident[] = [{ ...unresolved()[0], status: 'postmortem' }, { ...severalUnresolved()[1], status: 'in_progress', impact: 'maintenance' }]
      const scope = getUnresolved(getComponents(api()), rows)
      const reply = await ask('/status incidents')
      expect(reply).to.contain('(p31zjtct2jer): postmortem, major impact')
      expect(reply).to.contain('(k7bw4n2xq9vd): in progress, maintenance impact')
      scope.done()
    })
  })

  describe('status open', () => {
    it('opens an incident, and only that, for "status open investigating API major outage: ..."', async () => {
      const scope = api()
        .post(`${PAGE}/incidents`, { incident: { name: 'API major outage', status: 'investigating', body: 'We are looking into it', deliver_notifications: true } })
        .reply(201, { ...createdIncident(), name: 'API major outage' })
      expect(await ask('/status open investigating API major outage: We are looking into it'))
        .to.equal('Opened incident API major outage (x9m2k4p7q1rs, investigating). https://stspg.io/chk1')
      scope.done()
    })

    it('opens an incident as investigating by default, without a message', async () => {
      const scope = api()
        .post(`${PAGE}/incidents`, { incident: { name: 'Checkout errors', status: 'investigating', deliver_notifications: true } })
        .reply(201, createdIncident())
      expect(await ask('/status open Checkout errors')).to.equal('Opened incident Checkout errors (x9m2k4p7q1rs, investigating). https://stspg.io/chk1')
      scope.done()
    })

    it('opens an incident in the status given', async () => {
      const scope = api()
        .post(`${PAGE}/incidents`, { incident: { name: 'Checkout errors', status: 'identified', body: 'A bad deploy', deliver_notifications: true } })
        .reply(201, { ...createdIncident(), status: 'identified' })
      expect(await ask('/status open identified Checkout errors: A bad deploy')).to.contain('(x9m2k4p7q1rs, identified)')
      scope.done()
    })

    it('asks for a name without calling the API, even when not configured', async () => {
      delete process.env.HUBOT_STATUSPAGE_API_KEY
      expect(await ask('/status open')).to.equal('Name the incident: /status open [<incident status>] <name>[: <message>]')
    })
  })

  describe('status update', () => {
    it('adds an update with a status to the only unresolved incident', async () => {
      const scope = getUnresolved(api())
        .patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { status: 'monitoring', body: 'A fix is deployed', deliver_notifications: true } })
        .reply(200, { ...unresolved()[0], status: 'monitoring' })
      expect(await ask('/status update monitoring A fix is deployed')).to.equal('Updated incident Zürich builds are failing (p31zjtct2jer): monitoring. https://stspg.io/zrh1')
      scope.done()
    })

    it('goes straight to the incident whose id is given, without listing incidents', async () => {
      const scope = api()
        .get(`${PAGE}/incidents/k7bw4n2xq9vd`).reply(200, severalUnresolved()[1])
        .patch(`${PAGE}/incidents/k7bw4n2xq9vd`, { incident: { status: 'identified', body: 'The CDN is slow', deliver_notifications: true } })
        .reply(200, { ...severalUnresolved()[1], status: 'identified' })
      expect(await ask('/status update k7bw4n2xq9vd identified The CDN is slow')).to.equal('Updated incident Slow web app (k7bw4n2xq9vd): identified. https://stspg.io/web1')
      scope.done()
    })

    it('reads a twelve-letter word after a colon as the message, not an id', async () => {
      const scope = getUnresolved(api())
        .patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { body: 'intermittent failures continue', deliver_notifications: true } })
        .reply(200, unresolved()[0])
      expect(await ask('/status update: intermittent failures continue')).to.contain('Updated incident Zürich builds are failing (p31zjtct2jer)')
      scope.done()
    })

    it('changes nothing when several incidents are unresolved and no id is given, and lists them', async () => {
      const scope = getUnresolved(api(), severalUnresolved())
      expect(await ask('/status update still looking')).to.equal([
        '2 unresolved incidents: which one? Nothing was changed.',
        '• p31zjtct2jer: Zürich builds are failing (identified)',
        '• k7bw4n2xq9vd: Slow web app (investigating)',
        'Say it with the id, e.g. /status update p31zjtct2jer <message>'
      ].join('\n'))
      scope.done()
    })

    it('says there is nothing to update when no incident is unresolved', async () => {
      const scope = getUnresolved(api(), [])
      expect(await ask('/status update all fine')).to.equal('There is no unresolved incident to update. Nothing was changed. (/status open <name>: <message> opens one.)')
      scope.done()
    })

    it('resolves (and sets components operational) when the update says resolved', async () => {
      const scope = getComponents(getUnresolved(api()))
        .patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { status: 'resolved', body: 'Done', components: { cmpzrh000001: 'operational' }, deliver_notifications: true } })
        .reply(200, { ...unresolved()[0], status: 'resolved' })
      expect(await ask('/status update resolved Done')).to.match(/^Resolved incident Zürich builds are failing/)
      scope.done()
    })
  })

  describe('status resolve', () => {
    it('resolves the only unresolved incident and sets its components operational in one call', async () => {
      const scope = getComponents(getUnresolved(api()))
        .patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { status: 'resolved', components: { cmpzrh000001: 'operational' }, deliver_notifications: true } })
        .reply(200, { ...unresolved()[0], status: 'resolved' })
      expect(await ask('/status resolve')).to.equal('Resolved incident Zürich builds are failing (p31zjtct2jer). https://stspg.io/zrh1\n1 component set back to operational:\n  • Zürich Builds')
      scope.done()
    })

    it('resolves the incident whose id is given, with a message', async () => {
      const scope = api()
        .get(`${PAGE}/incidents/k7bw4n2xq9vd`).reply(200, severalUnresolved()[1])
      getComponents(scope)
        .patch(`${PAGE}/incidents/k7bw4n2xq9vd`, { incident: { status: 'resolved', body: 'monitoring showed no more slow pages', components: { cmpweb000001: 'operational' }, deliver_notifications: true } })
        .reply(200, { ...severalUnresolved()[1], status: 'resolved' })
      expect(await ask('/status resolve k7bw4n2xq9vd monitoring showed no more slow pages')).to.match(/^Resolved incident Slow web app \(k7bw4n2xq9vd\)\.( \S+)?\n1 component set back to operational:\n {2}• Core › Web App$/)
      scope.done()
    })

    it('changes nothing when several incidents are unresolved and no id is given', async () => {
      const scope = getUnresolved(api(), severalUnresolved())
      expect(await ask('/status resolve')).to.contain('Say it with the id, e.g. /status resolve p31zjtct2jer')
      scope.done()
    })

    it('changes nothing for an incident already in postmortem', async () => {
      const scope = api().get(`${PAGE}/incidents/p31zjtct2jer`).reply(200, { ...unresolved()[0], status: 'postmortem' })
      expect(await ask('/status resolve p31zjtct2jer')).to.equal('Incident Zürich builds are failing (p31zjtct2jer) is already postmortem. Nothing was changed.')
      scope.done()
    })
  })

  describe('configuration', () => {
    it('names both missing variables and calls nothing', async () => {
      delete process.env.HUBOT_STATUSPAGE_API_KEY
      delete process.env.HUBOT_STATUSPAGE_PAGE_ID
      expect(await ask('/status')).to.equal('Statuspage is not configured: set HUBOT_STATUSPAGE_API_KEY and HUBOT_STATUSPAGE_PAGE_ID in the bot\'s environment and restart it.')
    })

    it('names only the missing page id', async () => {
      delete process.env.HUBOT_STATUSPAGE_PAGE_ID
      expect(await ask('/status incidents')).to.match(/set HUBOT_STATUSPAGE_PAGE_ID in/)
    })

    it('uses HUBOT_STATUSPAGE_API_URL when it is set', async () => {
      process.env.HUBOT_STATUSPAGE_API_URL = 'https://status-proxy.example.com/api/v1/'
      const scope = nock('https://status-proxy.example.com')
        .get('/api/v1/pages/pg1test00001/components').query(true).reply(200, [])
        .get('/api/v1/pages/pg1test00001/incidents/unresolved').query(true).reply(200, [])
      expect(await ask('/status incidents')).to.equal('No unresolved incidents.')
      scope.done()
    })

    it('refuses an invalid timeout setting with the variable\'s name', async () => {
      process.env.HUBOT_STATUSPAGE_TIMEOUT_MS = 'soon'
      expect(await ask('/status')).to.contain('HUBOT_STATUSPAGE_TIMEOUT_MS')
    })
  })

  // Found by exploratory testing of npm start (QA pass).
  describe('update and resolve with an id that is not an unresolved incident', () => {
    // With one unresolved incident, "/status resolve 0BF2C2DA159F" (an old incident's id, upper case)
    // used to resolve the one unresolved incident with "0BF2C2DA159F" as its public message.
    for (const [command, id] of [
      ['/status resolve 0BF2C2DA159F', '0BF2C2DA159F'],
      ['/status update 0BF2C2DA159F monitoring watching it', '0BF2C2DA159F'],
      ['/status update p31zjtct2je monitoring one character short', 'p31zjtct2je']
    ]) {
      it(`changes nothing and asks which incident: ${command}`, async () => {
        const scope = getUnresolved(api())
        const reply = await ask(command)
        scope.done()
        expect(reply).to.match(new RegExp(`^No unresolved incident has the id "${id}"\\.\\n1 unresolved incident: which one\\? Nothing was changed\\.\\n• p31zjtct2jer: Zürich builds are failing \\(identified\\)\\nSay it with the id`))
      })
    }

    it('still takes an unresolved incident\'s id in any case', async () => {
      const scope = getUnresolved(api())
      scope.patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { status: 'monitoring', body: 'watching it', deliver_notifications: true } })
        .reply(200, { ...unresolved()[0], status: 'monitoring' })
      expect(await ask('/status update P31ZJTCT2JER monitoring watching it')).to.match(/^Updated incident Zürich builds are failing \(p31zjtct2jer\): monitoring\./)
      scope.done()
    })

    it('reads a message after a colon, or after a status word, for the only unresolved incident', async () => {
      const scope = getUnresolved(api())
      scope.patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { body: 'intermittent errors remain', deliver_notifications: true } })
        .reply(200, unresolved()[0])
      expect(await ask('/status update: intermittent errors remain')).to.match(/^Updated incident Zürich builds are failing/)
      // Which incident "the only one" is comes from a fresh read each time, never from the page cache.
      getUnresolved(scope)
      scope.patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { status: 'monitoring', body: 'fix is out', deliver_notifications: true } })
        .reply(200, { ...unresolved()[0], status: 'monitoring' })
      expect(await ask('/status update monitoring: fix is out')).to.match(/^Updated incident Zürich builds are failing \(p31zjtct2jer\): monitoring/)
      scope.done()
    })

    for (const command of ['/status resolve oops', '/status update oops', '/status update intermittent errors remain']) {
      it(`writes nothing for "${command}": a word where an id goes is not "the only one"`, async () => {
        const scope = getUnresolved(api())
        const verb = command.split(' ')[1]
        const word = command.split(' ')[2]
        expect(await ask(command)).to.equal(
          `"${word}" is not an id (a message without an id goes after a colon: /status ${verb}: <message>).\n` +
          '1 unresolved incident: which one? Nothing was changed.\n• p31zjtct2jer: Zürich builds are failing (identified)\n' +
          `Say it with the id, e.g. /status ${verb} p31zjtct2jer${verb === 'update' ? ' <message>' : ''}`)
        scope.done()
      })
    }
  })

  describe('a mistyped state after a component\'s name', () => {
    // Used to answer `No component is called "build processing degarded". Did you mean ...`.
    const notAState = (words: string, name: string): string =>
      `"${words}" is not a state. Say /status ${name} <state>, the state one of: operational|ok, degraded, partial, major|down, maintenance. Nothing was changed.`

    for (const [command, words, name] of [
      ['/status build processing degarded', 'degarded', 'Build Processing'],
      ['/status build processing fine', 'fine', 'Build Processing'],
      ['/status Docs all good', 'all good', 'Docs'],
      ['/status api eu degarded', 'degarded', 'API (EU)']
    ]) {
      it(`says the state is not one and changes nothing: ${command}`, async () => {
        const scope = getMaintenance(getUnresolved(getComponents(api())))
        expect(await ask(command)).to.equal(notAState(words, name))
        scope.done()
      })
    }

    it('says "partially" is not a state for "partially down" (read as a set of the component "... partially")', async () => {
      const scope = getUnresolved(getComponents(api()))
      expect(await ask('/status build processing partially down')).to.equal(notAState('partially', 'Build Processing'))
      scope.done()
    })

    it('still shows a component named without a state, and still suggests names for an unknown one', async () => {
      const scope = getMaintenance(getUnresolved(getComponents(api())))
      expect(await ask('/status Build Processing')).to.match(/^Build Processing: operational\n/)
      scope.done()
      // Components and incidents come from the read a moment ago (the page cache); maintenance is read again.
      const again = getMaintenance(api())
      expect(await ask('/status Bild Procesing')).to.match(/^No component is called "Bild Procesing"\. Did you mean "Build Processing"/)
      again.done()
    })
  })

  describe('update of a closed incident', () => {
    // Used to PATCH it straight away: the resolved incident got a new update and its subscribers a
    // notification, while resolve refused the same incident.
    const closed = (status: string) => ({ ...severalUnresolved()[1], status })

    for (const status of ['resolved', 'postmortem', 'completed']) {
      it(`refuses without a status word and changes nothing (${status})`, async () => {
        const scope = api().get(`${PAGE}/incidents/k7bw4n2xq9vd`).reply(200, closed(status))
        expect(await ask('/status update k7bw4n2xq9vd all good now')).to.equal(
          `Incident Slow web app (k7bw4n2xq9vd) is ${status}: an update would reopen it and notify its subscribers. Nothing was changed. ` +
          'To reopen it, say its new status: /status update k7bw4n2xq9vd investigating|identified|monitoring <message>')
        scope.done()
      })
    }

    it('reopens it in one PATCH when a status word is given, and says so', async () => {
      const scope = api().get(`${PAGE}/incidents/k7bw4n2xq9vd`).reply(200, closed('resolved'))
        .patch(`${PAGE}/incidents/k7bw4n2xq9vd`, { incident: { status: 'investigating', body: 'It is back', deliver_notifications: true } })
        .reply(200, closed('investigating'))
      expect(await ask('/status update k7bw4n2xq9vd investigating It is back')).to.equal(
        'Reopened incident Slow web app (k7bw4n2xq9vd), which was resolved: investigating. https://stspg.io/web1')
      scope.done()
    })
  })

  describe('a colon straight after "status"', () => {
    // `/status: api down` used to get no reply at all: the listener wanted a space after "status".
    it('reads "/status: docs down" as "/status docs down"', async () => {
      // Each from a fresh read (no cache), so both set the same component from the same state.
      process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0'
      const replies: string[] = []
      for (const text of ['/status docs down', '/status: docs down']) {
        const scope = getComponents(api())
        scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } })
          .reply(200, { ...components().find(c => c.id === 'cmpdoc000001'), status: 'major_outage' })
        getUnresolved(scope)
        replies.push(await ask(text))
        scope.done()
      }
      expect(replies[0]).to.match(/^Docs: operational → major outage\./)
      expect(replies[1]).to.equal(replies[0])
    })

    for (const text of ['/status:', '/status:?', '/status: ']) {
      it(`reads "${text}" as the summary`, async () => {
        const scope = getMaintenance(getUnresolved(getComponents(api())))
        expect(await ask(text)).to.match(/^Not operational:\n/)
        scope.done()
      })
    }
  })
})
