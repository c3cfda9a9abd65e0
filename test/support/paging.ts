// Mocks for paging on OpsGenie: what can be paged (teams, escalations, schedules) and a create
// confirmed through its request status. Bodies shaped as test/fixtures/opsgenie (the contract sheet).
import type nock from 'nock'
import { accepted, fixture, NOT_PROCESSED_HEADERS, success, uuid } from './opsgenie'

export const TEAM_PLATFORM = fixture('teams').data[0]
export const ESC_PLATFORM = fixture('escalations').data[0]
export const ESC_DBA = fixture('escalations').data[1]

/** The three lists genie page reads to know a name (read at once). */
export function mockPageables (scope: nock.Scope): nock.Scope {
  scope.get('/v2/teams').reply(200, fixture('teams'))
  scope.get('/v2/escalations').reply(200, fixture('escalations'))
  scope.get('/v2/schedules').reply(200, fixture('schedules'))
  return scope
}

export interface CreateMock {
  /** Captures each create body sent. */
  bodies: any[]
  /** The new alert's tinyId; its id is uuid(tinyId). */
  tinyId: number
  pendingFirst?: number
  /** The new alert's count as read back (2: the create was deduplicated into an open alert). */
  count?: number
  /** Status codes answered before the 202 (e.g. [503]: the create is resent). */
  failFirst?: number[]
}

/** POST /v2/alerts → 202, the request status (404 while queued), then the new alert read by id. */
export function mockCreate (scope: nock.Scope, mock: CreateMock): string {
  const requestId = `req-create-${mock.tinyId}`
  for (const status of mock.failFirst ?? []) {
    scope.post('/v2/alerts', (b: any) => { mock.bodies.push(b); return true }).reply(status, { message: 'Service Unavailable', took: 0, requestId: 'x' })
  }
  scope.post('/v2/alerts', (b: any) => { mock.bodies.push(b); return true }).reply(202, accepted(requestId))
  if (mock.pendingFirst) {
    scope.get(`/v2/alerts/requests/${requestId}`).times(mock.pendingFirst).reply(404, fixture('request-not-processed'), NOT_PROCESSED_HEADERS)
  }
  const alertId = uuid(mock.tinyId)
  scope.get(`/v2/alerts/requests/${requestId}`).reply(200, success(alertId, 'Create'))
  const alert = { ...fixture('get-alert').data, id: alertId, tinyId: String(mock.tinyId), count: mock.count ?? 1 }
  scope.get(`/v2/alerts/${alertId}`).query({ identifierType: 'id' }).reply(200, { ...fixture('get-alert'), data: alert })
  return alertId
}
