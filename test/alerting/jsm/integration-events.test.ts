// JSM Operations' Integration Events API (src/alerting/jsm/integration-events.ts) on its own: the
// person's name on acknowledge, close, note and create, behind its GenieKey, stood in by nock.
import { expect } from 'chai'
import { createIntegrationEvents } from '../../../src/alerting/jsm/integration-events'
import { JSM } from '../../../src/alerting/jsm/service'
import { newAlert } from '../../../src/alerting/paging'
import { createHttpClient } from '../../../src/http/client'
import { BadResponseError } from '../../../src/http/errors'
import { HurriedClock } from '../../support/fake-clock'
import { GATEWAY, INTEGRATION, INTEGRATION_KEY, integration, jsmFixture, jsmId } from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'

const ANA = { user: 'ana@example.com', source: 'hubot' }

const events = () => createIntegrationEvents(createHttpClient({
  service: JSM,
  baseURL: GATEWAY,
  authorization: `GenieKey ${INTEGRATION_KEY}`,
  secrets: [INTEGRATION_KEY],
  runtime: { clock: new HurriedClock() }
}))

async function failure (run: () => Promise<unknown>): Promise<unknown> {
  try { await run() } catch (err) { return err }
  throw new Error('expected it to fail')
}

describe('JSM Operations: the Integration Events API', () => {
  it('acknowledges and closes by full id with who and from where, and gives the request to confirm', async () => {
    const scope = integration()
    scope.post(`${INTEGRATION}/alerts/${jsmId(1)}/acknowledge`, { user: ANA.user, source: 'hubot' }).query({ identifierType: 'id' })
      .reply(202, { ...jsmFixture('accepted'), requestId: 'r-ack' })
    scope.post(`${INTEGRATION}/alerts/${jsmId(1)}/close`, { user: ANA.user, source: 'hubot' }).query({ identifierType: 'id' })
      .reply(202, { ...jsmFixture('accepted'), requestId: 'r-close' })
    expect(await events().act(jsmId(1), { name: 'acknowledge' }, ANA)).to.deep.equal({ kind: 'queued', requestId: 'r-ack' })
    expect(await events().act(jsmId(1), { name: 'close' }, ANA)).to.deep.equal({ kind: 'queued', requestId: 'r-close' })
    expectDone(scope)
  })

  it('adds a note at notes, with the note in the body', async () => {
    const scope = integration().post(`${INTEGRATION}/alerts/${jsmId(2)}/notes`, { user: ANA.user, source: 'hubot', note: 'on it' })
      .query({ identifierType: 'id' }).reply(202, jsmFixture('accepted'))
    expect(await events().act(jsmId(2), { name: 'note', note: 'on it' }, ANA))
      .to.deep.equal({ kind: 'queued', requestId: jsmFixture('accepted').requestId })
    expectDone(scope)
  })

  it('refuses an answer without a requestId: nothing could confirm the action', async () => {
    const scope = integration().post(`${INTEGRATION}/alerts/${jsmId(3)}/close`).query({ identifierType: 'id' }).reply(202, { result: 'ok' })
    const err = await failure(() => events().act(jsmId(3), { name: 'close' }, ANA))
    expect(err).to.be.instanceOf(BadResponseError)
    expect((err as Error).message).to.contain('accepted the action without a requestId to confirm it by')
    expectDone(scope)
  })

  it('creates an alert with the person as its user, in OpsGenie\'s body', async () => {
    const alert = newAlert({ responder: { type: 'team', id: 't1', name: 'Platform' }, priority: 'P2', text: 'Checkout is down', who: 'ana', room: 'ops', at: Date.UTC(2026, 11, 4, 5, 0) })
    const scope = integration().post(`${INTEGRATION}/alerts`, body => body.user === ANA.user && body.source === 'hubot' &&
      body.alias === alert.alias && body.priority === 'P2' && body.responders[0].name === 'Platform')
      .reply(202, { ...jsmFixture('accepted'), requestId: 'r-create' })
    expect(await events().create(alert, ANA)).to.deep.equal({ kind: 'queued', requestId: 'r-create' })
    expectDone(scope)
    const bare = integration().post(`${INTEGRATION}/alerts`).reply(202, {})
    expect(String(await failure(() => events().create(alert, ANA)))).to.contain('accepted the alert without a requestId')
    expectDone(bare)
  })

  it('asks the request state under the integration path, a 404 read as still queued', async () => {
    const scope = integration()
    scope.get(`${INTEGRATION}/alerts/requests/r1`).reply(404, jsmFixture('error-404'))
    scope.get(`${INTEGRATION}/alerts/requests/r1`).reply(200, { data: { ...jsmFixture('request-success'), alertId: jsmId(1) } })
    expect(await events().requestState('r1')).to.deep.equal({ processed: false })
    expect(await events().requestState('r1')).to.deep.equal({
      processed: true, isSuccess: true, status: 'Acknowledge request processed successfully', alertId: jsmId(1)
    })
    expectDone(scope)
  })
})
