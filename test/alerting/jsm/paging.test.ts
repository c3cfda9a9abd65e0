// Paging on JSM Operations (src/alerting/jsm/paging.ts), stood in by nock: creating an alert through
// the REST API or, with the integration key, the Integration Events API; the teams and escalations.
import { expect } from 'chai'
import { listValues } from '../../../src/alerting/jsm/alerts'
import { createIntegrationEvents } from '../../../src/alerting/jsm/integration-events'
import { createJsmPaging } from '../../../src/alerting/jsm/paging'
import { JSM } from '../../../src/alerting/jsm/service'
import { newAlert } from '../../../src/alerting/paging'
import { createHttpClient, type HttpClient } from '../../../src/http/client'
import { BadResponseError, ForbiddenError } from '../../../src/http/errors'
import { HurriedClock } from '../../support/fake-clock'
import { BASIC, GATEWAY, INTEGRATION, INTEGRATION_KEY, integration, jsmFixture, REST, rest, TOKEN } from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'

const ANA = { user: 'ana@example.com', source: 'hubot' }
const TEAMS = jsmFixture('teams').values
const ALERT = newAlert({
  responder: { type: 'schedule', id: 's1', name: 'Primary' }, priority: 'P1', text: 'Checkout is down', who: 'ana', room: 'ops', at: Date.UTC(2026, 11, 4, 5, 0)
})

const client = (baseURL: string, authorization: string): HttpClient =>
  createHttpClient({
    service: JSM, baseURL, authorization, secrets: [TOKEN, INTEGRATION_KEY], runtime: { clock: new HurriedClock() }
  })

function paging (withKey = false) {
  const http = client(`${GATEWAY}${REST}`, BASIC)
  const list = async (path: string) => listValues<any>(await http.get(path, { offset: 0, size: 100 }), { method: 'GET', path }).items
  const viaIntegration: string[] = []
  const events = withKey ? createIntegrationEvents(client(GATEWAY, `GenieKey ${INTEGRATION_KEY}`)) : undefined
  return { pager: createJsmPaging(http, list, events, id => { viaIntegration.push(id) }), viaIntegration }
}

const page = (values: unknown[]) => ({ values, links: {}, count: values.length })

describe('JSM Operations: paging', () => {
  it('creates through the REST API without a key: responders by id, no user', async () => {
    const scope = rest().post(`${REST}/alerts`, body => body.user === undefined && body.source === 'hubot' && body.alias === ALERT.alias &&
      JSON.stringify(body.responders) === JSON.stringify([{ type: 'schedule', id: 's1' }]))
      .reply(202, { ...jsmFixture('accepted'), requestId: 'r-rest' })
    const { pager, viaIntegration } = paging()
    expect(await pager.createAlert(ALERT, ANA)).to.deep.equal({ kind: 'queued', requestId: 'r-rest' })
    expect(viaIntegration).to.deep.equal([])
    expectDone(scope)
  })

  it('refuses a create answered without a requestId', async () => {
    const scope = rest().post(`${REST}/alerts`).reply(200, { result: 'ok' })
    let error: unknown
    try { await paging().pager.createAlert(ALERT, ANA) } catch (err) { error = err }
    expect(error).to.be.instanceOf(BadResponseError)
    expect(String(error)).to.contain('accepted the alert without a requestId to confirm it by')
    expectDone(scope)
  })

  it('creates through the Integration Events API with the key, as the person, and says so', async () => {
    const scope = integration().post(`${INTEGRATION}/alerts`, body => body.user === ANA.user && body.responders[0].name === 'Primary')
      .reply(202, { ...jsmFixture('accepted'), requestId: 'r-int' })
    const { pager, viaIntegration } = paging(true)
    expect(await pager.createAlert(ALERT, ANA)).to.deep.equal({ kind: 'queued', requestId: 'r-int' })
    expect(viaIntegration).to.deep.equal(['r-int'])
    expectDone(scope)
  })

  it('lists the teams with a name and an id', async () => {
    const scope = rest().get(`${REST}/teams`).query(true).reply(200, page([...TEAMS, { id: '', name: 'No id' }, { id: 't9' }]))
    expect(await paging().pager.listTeams()).to.deep.equal(TEAMS.map((t: any) => ({ id: t.id, name: t.name })))
    expectDone(scope)
  })

  it('lists the escalations with their owner team, where /escalations answers', async () => {
    const scope = rest().get(`${REST}/escalations`).query(true)
      .reply(200, page([{ id: 'e1', name: 'Platform escalation', ownerTeam: { id: TEAMS[0].id } }, { id: 'e2', name: 'Loose', ownerTeam: null }]))
    expect(await paging().pager.listEscalations()).to.deep.equal([
      { id: 'e1', name: 'Platform escalation', ownerTeamId: TEAMS[0].id },
      { id: 'e2', name: 'Loose' }
    ])
    expectDone(scope)
  })

  it('reads the escalations team by team where /escalations answers 404, each owned by its team', async () => {
    const scope = rest()
    scope.get(`${REST}/escalations`).query(true).reply(404, jsmFixture('error-404'))
    scope.get(`${REST}/teams`).query(true).reply(200, jsmFixture('teams'))
    scope.get(`${REST}/teams/${TEAMS[0].id}/escalations`).query(true).reply(200, jsmFixture('team-escalations'))
    scope.get(`${REST}/teams/${TEAMS[1].id}/escalations`).query(true).reply(200, page([]))
    const escalation = jsmFixture('team-escalations').values[0]
    expect(await paging().pager.listEscalations())
      .to.deep.equal([{ id: escalation.id, name: escalation.name, ownerTeamId: TEAMS[0].id }])
    expectDone(scope)
  })

  it('does not read a refusal of /escalations as none', async () => {
    const scope = rest().get(`${REST}/escalations`).query(true).reply(403, jsmFixture('error-403'))
    let error: unknown
    try { await paging().pager.listEscalations() } catch (err) { error = err }
    expect(error).to.be.instanceOf(ForbiddenError)
    expectDone(scope)
  })
})
