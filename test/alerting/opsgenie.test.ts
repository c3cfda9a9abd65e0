import { expect } from 'chai'
import nock from 'nock'
import { createOpsGenieBackend, toAlert } from '../../src/alerting/opsgenie'
import { alertQuery } from '../../src/alerting/shared'
import { alert, expectDone, fixture, KEY, listBody, opsgenie, NOT_PROCESSED_HEADERS } from '../support/opsgenie'

describe('the OpsGenie backend', () => {
  const backend = () => createOpsGenieBackend({ apiKey: KEY })

  it('writes filters in OpsGenie\'s query syntax', () => {
    expect(alertQuery({ status: 'open' })).to.equal('status: open')
    expect(alertQuery({ status: 'open', acknowledged: false })).to.equal('status: open AND acknowledged: false')
  })

  it('reads every field of the contract\'s alert', () => {
    expect(toAlert(fixture('alert'))).to.deep.equal({
      id: '70413a06-38d6-4c85-92b8-5ebc900d42e2',
      tinyId: '1791',
      message: 'Our servers are in danger',
      status: 'open',
      acknowledged: false,
      acknowledgedBy: 'agent_smith@opsgenie.com',
      ackTimeMs: 15702,
      priority: 'P1',
      count: 79,
      createdAt: '2026-11-24T05:00:00.000Z',
      lastOccurredAt: '2026-11-24T06:00:00.000Z',
      snoozed: false,
      seen: true,
      owner: 'morpheus@opsgenie.com',
      tags: ['OverwriteQuietHours', 'Critical'],
      teamIds: ['4513b7ea-3b91-438f-b7e4-e3e54af9147c']
    })
  })

  it('pages with offset and limit=100 until paging.next is absent', async () => {
    const scope = opsgenie()
    const q = { query: 'status: open', limit: '100', sort: 'createdAt', order: 'desc' }
    scope.get('/v2/alerts').query({ ...q, offset: '0' }).reply(200, listBody(Array.from({ length: 100 }, (_, i) => alert(i + 1)), true))
    scope.get('/v2/alerts').query({ ...q, offset: '100' }).reply(200, listBody([alert(101)], false))
    const alerts = await backend().listAlerts({ status: 'open' })
    expectDone(scope)
    expect(alerts).to.have.length(101)
  })

  it('reads a queued request as not processed and a processed one with its status', async () => {
    const scope = opsgenie()
    scope.get('/v2/alerts/requests/r1').reply(404, fixture('request-not-processed'), NOT_PROCESSED_HEADERS)
    scope.get('/v2/alerts/requests/r1').reply(200, fixture('request-failed'))
    expect(await backend().requestState('r1')).to.deep.equal({ processed: false })
    expect(await backend().requestState('r1')).to.deep.equal({ processed: true, isSuccess: false, status: 'Alert does not exist', alertId: '' })
    expectDone(scope)
  })

  it('sends actions by full id with user and source and resolves with the request id', async () => {
    const scope = opsgenie()
      .post('/v2/alerts/abc/acknowledge', { user: 'neo', source: 'hubot' })
      .query({ identifierType: 'id' })
      .reply(202, fixture('accepted'))
    expect(await backend().act('abc', { name: 'acknowledge' }, { user: 'neo', source: 'hubot' })).to.deep.equal({ kind: 'queued', requestId: '43a29c5c-3dbf-4fa4-9c26-f4f71023e120' })
    expectDone(scope)
  })

  it('does not repeat a note after a 503, but does repeat an acknowledge', async () => {
    const scope = opsgenie()
    scope.post('/v2/alerts/abc/notes').query(true).reply(503, 'down')
    scope.post('/v2/alerts/abc/acknowledge').query(true).reply(503, 'down')
    scope.post('/v2/alerts/abc/acknowledge').query(true).reply(202, fixture('accepted'))
    let error: unknown
    try { await backend().act('abc', { name: 'note', note: 'hi' }, { user: 'u', source: 'hubot' }) } catch (err) { error = err }
    expect((error as { status?: number }).status).to.equal(503)
    expect((await backend().act('abc', { name: 'acknowledge' }, { user: 'u', source: 'hubot' })).kind).to.equal('queued')
    expectDone(scope)
  })

  it('finds a user by email and says none on 404', async () => {
    const scope = opsgenie()
    scope.get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
    scope.get('/v2/users/x@y.z').reply(404, { message: 'No user', took: 0, requestId: 'r' })
    expect(await backend().findUser({ email: 'neo@opsgenie.com' }))
      .to.deep.equal({ kind: 'found', user: { id: 'b5b92115-bfe7-43eb-8c2a-e467f2e5ddc4', username: 'neo@opsgenie.com', fullName: 'Thomas Anderson' } })
    expect(await backend().findUser({ email: 'x@y.z' })).to.deep.equal({ kind: 'none' })
    expectDone(scope)
  })

  afterEach(() => { nock.cleanAll() })
})
