// Regressions found by exploratory testing of npm start (QA pass): each drives a real robot with nock.
import { expect } from 'chai'
import { startBot, type TestBot } from '../support/bots'
import { api, components, configure, getComponents, getMaintenance, getUnresolved, PAGE, severalUnresolved, unresolved } from './support'

const UNRESOLVED_QUERY = { page: '1', per_page: '100' }

describe('Statuspage regressions', () => {
  let bot: TestBot
  beforeEach(async () => {
    configure()
    bot = await startBot('3.5', { alias: '/' })
  })
  afterEach(async () => { await bot.stop() })

  const ask = async (text: string): Promise<string> => {
    const replies = await bot.say(text)
    expect(replies, `replies to ${text}`).to.have.length(1)
    return replies[0]
  }

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

    it('still reads a message that begins with an ordinary word', async () => {
      const scope = getUnresolved(api())
      scope.patch(`${PAGE}/incidents/p31zjtct2jer`, { incident: { body: 'intermittent errors remain', deliver_notifications: true } })
        .reply(200, unresolved()[0])
      expect(await ask('/status update intermittent errors remain')).to.match(/^Updated incident Zürich builds are failing/)
      scope.done()
    })
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

  describe('failures of reads', () => {
    it('says nothing was changed when a GET fails with 503 (not "check its state before trying again")', async () => {
      const scope = api().get(`${PAGE}/components`).query(UNRESOLVED_QUERY).times(3).reply(503, 'Service Unavailable')
      getMaintenance(getUnresolved(scope))
      const reply = await ask('/status')
      expect(reply).to.equal('Statuspage is having trouble (503): could not read from it. Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
      nockCleanup(scope)
    })

    it('never says "Nothing was changed" after a component was set and only the incident check failed', async () => {
      const scope = getComponents(api(), components())
      scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } })
        .reply(200, { ...components().find(c => c.id === 'cmpdoc000001'), status: 'major_outage' })
      scope.get(`${PAGE}/incidents/unresolved`).query(UNRESOLVED_QUERY).times(3).reply(503, 'Service Unavailable')
      const reply = await ask('/status Docs down')
      expect(reply).to.match(/^Docs: operational → major outage\.\n\(Could not check for an incident explaining it: /)
      expect(reply).not.to.contain('Nothing was changed')
      scope.done()
    })
  })
})

/** The components GET failed before the incidents GET ran (they run together): either may be left. */
function nockCleanup (scope: { pendingMocks: () => string[] }): void {
  for (const pending of scope.pendingMocks()) expect(pending).to.contain('/incidents/unresolved')
}
