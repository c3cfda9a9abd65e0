// Every kind of failure, through commands: one clear reply, no crash, and retries exactly where
// the policy (src/http/retry.ts) allows them: 420/429 for any request; 502/503/504, timeouts and
// resets only for idempotent ones (GET, PATCH; never the incident-creating POST); 500 never.
import { expect } from 'chai'
import type nock from 'nock'
import { botForEachTest } from '../../support/bots'
import { api, components, configure, createdIncident, getComponents, getMaintenance, getUnresolved, onlyReply, PAGE, patched } from '../../support/statuspage'

/** Counts every request the scope receives. */
const counted = (scope: nock.Scope): { scope: nock.Scope, requests: () => number } => {
  let n = 0
  scope.on('request', () => { n++ })
  return { scope, requests: () => n }
}

const LIST_QUERY = { page: '1', per_page: '100' }
const OPEN = '/status open Checkout errors'
const OPEN_BODY = { incident: { name: 'Checkout errors', status: 'investigating', deliver_notifications: true } }

describe('Statuspage failures on Hubot 3.5', () => {
  const bot = botForEachTest(configure)

  const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

  /**
   * A components GET that fails the same way exactly `times` times: one request more would find no
   * interceptor (and fail the test's reply assertion), one fewer leaves the scope not done.
   */
  const failingComponents = (times: number, status: number, body: unknown, headers: Record<string, string> = {}) =>
    counted(api().get(`${PAGE}/components`).query(LIST_QUERY).times(times).reply(status, body as nock.Body, headers))

  /** What nock 14 needs to make axios see a reset (a plain object is never delivered: the request hangs). */
  const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

  it('says the key was rejected on 401, without retrying', async () => {
    const { scope, requests } = failingComponents(1, 401, { error: 'Could not authenticate' })
    expect(await ask('/status components')).to.equal('Statuspage rejected the API key (401) (Statuspage says: Could not authenticate). Check HUBOT_STATUSPAGE_API_KEY: it may be wrong, revoked, or its integration disabled. Nothing was changed.')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('says the key may not do that on 403, without retrying', async () => {
    const scope = getUnresolved(getComponents(api()))
    const patch = counted(scope.patch(`${PAGE}/components/cmpdoc000001`).reply(403, { message: 'Forbidden' }))
    expect(await ask('/status docs down')).to.equal('Statuspage refused (403): this key is not allowed to do that (Statuspage says: Forbidden). Nothing was changed.')
    expect(patch.requests()).to.equal(3) // the components and incidents GETs (at once) and one PATCH
    scope.done()
  })

  it('says what was not found on 404, without retrying', async () => {
    const { scope, requests } = counted(api().get(`${PAGE}/incidents/zzzzzzzzzzz1`).times(1).reply(404, { error: 'Incident not found' }))
    expect(await ask('/status resolve zzzzzzzzzzz1')).to.equal('Statuspage could not find it (404) (Statuspage says: Incident not found). Check the name or id, and the configured page or account.')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('retries a 429 after its Retry-After and answers when the API does', async () => {
    const { scope, requests } = counted(api().get(`${PAGE}/incidents/unresolved`).query(LIST_QUERY).reply(429, { message: 'Rate limited' }, { 'Retry-After': '1' }))
    getComponents(getUnresolved(scope, []))
    // Waited on the robot's clock (a HurriedClock: the wait is kept, the real time is not spent).
    const started = bot.clock.now()
    expect(await ask('/status incidents')).to.equal('No unresolved incidents.')
    expect(bot.clock.now() - started).to.be.at.least(950)
    expect(requests()).to.equal(3) // the incidents GET twice, and the components GET once
    scope.done()
  })

  it('gives up on a 420 after two retries and says when to try again', async () => {
    const { scope, requests } = failingComponents(3, 420, { error: 'Enhance your calm' }, { 'Retry-After': '0' })
    expect(await ask('/status components')).to.equal('Statuspage is rate limiting us (420) and the retries ran out. Try again in a moment.')
    expect(requests()).to.equal(3)
    scope.done()
  })

  it('retries even the incident-creating POST on 429, since nothing was done', async () => {
    const { scope, requests } = counted(api().post(`${PAGE}/incidents`, OPEN_BODY).times(2).reply(429, { message: 'Rate limited' }, { 'Retry-After': '0' }))
    scope.post(`${PAGE}/incidents`, OPEN_BODY).reply(201, createdIncident())
    expect(await ask(OPEN)).to.contain('Opened incident Checkout errors (x9m2k4p7q1rs')
    expect(requests()).to.equal(3)
    scope.done()
  })

  it('never retries a 500', async () => {
    const { scope, requests } = failingComponents(1, 500, { message: 'Internal error' })
    getMaintenance(getUnresolved(scope, [])) // /status reads all four; the summary fails on the components
    expect(await ask('/status')).to.equal('Statuspage is having trouble (500): could not read from it. Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
    expect(requests()).to.equal(4) // one components GET (not retried), the incidents GET and the two maintenance GETs
    scope.done()
  })

  it('retries a 503 on a GET twice, then explains', async () => {
    const { scope, requests } = failingComponents(3, 503, '<html>Service Unavailable</html>')
    expect(await ask('/status components')).to.equal('Statuspage is having trouble (503): could not read from it. Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
    expect(requests()).to.equal(3)
    scope.done()
  })

  it('retries a PATCH after a 503 and reports the change when it succeeds', async () => {
    const scope = getComponents(api(), components())
    const patch = counted(scope.patch(`${PAGE}/components/cmpzrh000001`, { component: { status: 'operational' } }).reply(503, {}))
    scope.patch(`${PAGE}/components/cmpzrh000001`, { component: { status: 'operational' } }).reply(200, patched('cmpzrh000001', 'operational'))
    expect(await ask('/status Zürich Builds ok')).to.equal('Zürich Builds: major outage → operational.')
    expect(patch.requests()).to.equal(3) // GET components, PATCH 503, PATCH 200
    scope.done()
  })

  it('never repeats the incident-creating POST after a 503', async () => {
    const { scope, requests } = counted(api().post(`${PAGE}/incidents`).times(1).reply(503, {}))
    expect(await ask(OPEN)).to.contain('Statuspage is having trouble (503) and did not confirm the request. Check its state with /status or /status incidents before trying again')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('says a GET timed out after trying three times', async () => {
    // The components GET beside it answers at once and must not time out however busy the machine is:
    // a timeout far above a stall of the test process, an answer far beyond it.
    process.env.HUBOT_STATUSPAGE_TIMEOUT_MS = '300'
    const { scope, requests } = counted(api().get(`${PAGE}/incidents/unresolved`).query(LIST_QUERY).times(3).delay(2000).reply(200, []))
    getComponents(scope)
    expect(await ask('/status incidents')).to.equal('Statuspage did not answer in time. Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
    expect(requests()).to.equal(4) // the incidents GET three times, the components GET once
    scope.done()
  })

  it('never repeats the incident-creating POST after a timeout', async () => {
    process.env.HUBOT_STATUSPAGE_TIMEOUT_MS = '50'
    const { scope, requests } = counted(api().post(`${PAGE}/incidents`).times(1).delay(400).reply(201, createdIncident()))
    expect(await ask(OPEN)).to.contain('did not answer in time')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('says how to check the state after a write timed out', async () => {
    process.env.HUBOT_STATUSPAGE_TIMEOUT_MS = '50'
    const scope = api().post(`${PAGE}/incidents`).times(1).delay(400).reply(201, createdIncident())
    expect(await ask(OPEN)).to.equal('Statuspage did not answer in time. The request may or may not have been carried out: check its state with /status or /status incidents before trying again.')
    scope.done()
  })

  it('retries a GET after a connection reset, then says it could not reach the API', async () => {
    const { scope, requests } = counted(api().get(`${PAGE}/components`).query(LIST_QUERY).times(3).replyWithError(reset()))
    expect(await ask('/status components')).to.equal('Could not reach Statuspage (ECONNRESET). Check the bot\'s network and the API URL setting, then try again.')
    expect(requests()).to.equal(3)
    scope.done()
  })

  it('never repeats the incident-creating POST after a connection reset', async () => {
    const { scope, requests } = counted(api().post(`${PAGE}/incidents`).times(1).replyWithError(reset()))
    expect(await ask(OPEN)).to.equal('The connection to Statuspage failed (ECONNRESET) after the request was sent: it may or may not have been carried out. Check its state with /status or /status incidents before trying again.')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('says so when a success carries a body that is not JSON, without retrying', async () => {
    const { scope, requests } = counted(api().get(`${PAGE}/components`).query(LIST_QUERY).times(1).reply(200, '<html><body>Down for maintenance</body></html>', { 'Content-Type': 'text/html' }))
    expect(await ask('/status components')).to.equal('Statuspage answered with something that is not JSON (a proxy or maintenance page?). Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
    expect(requests()).to.equal(1)
    scope.done()
  })

  it('logs each failure and keeps answering the next command', async () => {
    const failing = failingComponents(1, 500, { message: 'Internal error' })
    await ask('/status components')
    expect(bot.logs.some(line => line.includes('[statuspage.status]') && line.includes('500'))).to.equal(true)
    expect(failing.requests()).to.equal(1)
    failing.scope.done()
    const ok = getComponents(getUnresolved(api(), []))
    expect(await ask('/status incidents')).to.equal('No unresolved incidents.')
    ok.done()
  })

  // Found by exploratory testing of npm start (QA pass).
  describe('failures of reads', () => {
    it('says nothing was changed when a GET fails with 503 (not "check its state before trying again")', async () => {
      const scope = api().get(`${PAGE}/components`).query(LIST_QUERY).times(3).reply(503, 'Service Unavailable')
      getMaintenance(getUnresolved(scope))
      const reply = await ask('/status')
      expect(reply).to.equal('Statuspage is having trouble (503): could not read from it. Nothing was changed: try again in a minute, or use https://manage.statuspage.io.')
      nockCleanup(scope)
    })

    it('never says "Nothing was changed" after a component was set and only the incident check failed', async () => {
      const scope = getComponents(api(), components())
      scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } })
        .reply(200, { ...components().find(c => c.id === 'cmpdoc000001'), status: 'major_outage' })
      scope.get(`${PAGE}/incidents/unresolved`).query(LIST_QUERY).times(3).reply(503, 'Service Unavailable')
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
