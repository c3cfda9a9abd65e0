// Builders for OpsGenie answers shaped like the contract (test/fixtures/opsgenie), and nock helpers.
import nock from 'nock'
import path from 'node:path'
import fs from 'node:fs'

export const API = 'https://api.opsgenie.com'
export const KEY = 'og-test-key-3f9a2b7c1d'

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'opsgenie')
export function fixture<T = any> (name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'))
}

/** Sets the required key (and any extras) for the commands of this test. */
export function configure (extra: Record<string, string> = {}): void {
  process.env.HUBOT_OPSGENIE_API_KEY = KEY
  for (const [k, v] of Object.entries(extra)) process.env[k] = v
}

/** A nock scope that only answers requests carrying the right GenieKey header. */
export function opsgenie (base = API): nock.Scope {
  return nock(base, { reqheaders: { authorization: `GenieKey ${KEY}` } })
}

let serial = 0
export const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

/** An alert like the contract's, with the given tinyId. */
export function alert (tinyId: number, overrides: Record<string, unknown> = {}): any {
  const base = fixture('alert')
  return {
    ...base,
    id: uuid(tinyId),
    tinyId: String(tinyId),
    message: `Alert number ${tinyId}`,
    createdAt: new Date(Date.now() - tinyId * 60_000).toISOString(),
    report: {},
    count: 1,
    ...overrides
  }
}

export function listBody (alerts: unknown[], next: boolean): any {
  const body = fixture('list-alerts')
  body.data = alerts
  if (!next) delete body.paging.next
  return body
}

export const OPEN = 'status: open'
export const OPEN_UNACKED = 'status: open AND acknowledged: false'

/** Mocks the list of alerts for a query, 100 a page, as many pages as needed. */
export function mockList (scope: nock.Scope, query: string, alerts: unknown[]): nock.Scope {
  const pages = Math.max(1, Math.ceil(alerts.length / 100))
  for (let p = 0; p < pages; p++) {
    scope.get('/v2/alerts')
      .query({ query, offset: String(p * 100), limit: '100', sort: 'createdAt', order: 'desc' })
      .reply(200, listBody(alerts.slice(p * 100, p * 100 + 100), p < pages - 1))
  }
  return scope
}

export function requestIdFor (alertId: string, action: string): string {
  return `req-${action}-${alertId}-${++serial}`
}

export function accepted (requestId: string): any {
  return { ...fixture('accepted'), requestId }
}

export function success (alertId: string, action = 'Acknowledge'): any {
  const body = fixture('request-success')
  body.data.alertId = alertId
  body.data.action = action
  return body
}

export function failure (status: string): any {
  const body = fixture('request-failed')
  body.data.status = status
  return body
}

export const NOT_PROCESSED_HEADERS = { 'X-Opsgenie-Errortype': 'RequestNotProcessed' }

export interface ActionMock {
  action?: string
  /** Asserted on the request body. */
  body?: (body: any) => boolean
  status?: 'success' | { failed: string } | 'pending-forever'
  /** How many times the status call answers 404 RequestNotProcessed first. */
  pendingFirst?: number
}

/** Mocks one action (202 + requestId) and its confirmation. Returns the request id. */
export function mockAction (scope: nock.Scope, alertId: string, options: ActionMock = {}): string {
  const action = options.action ?? 'acknowledge'
  const requestId = requestIdFor(alertId, action)
  scope.post(`/v2/alerts/${alertId}/${action}`, options.body ?? (() => true))
    .query({ identifierType: 'id' })
    .reply(202, accepted(requestId))
  const status = options.status ?? 'success'
  if (status === 'pending-forever') {
    scope.get(`/v2/alerts/requests/${requestId}`).times(1).reply(404, fixture('request-not-processed'), NOT_PROCESSED_HEADERS)
    scope.get(`/v2/alerts/requests/${requestId}`).optionally().times(50).reply(404, fixture('request-not-processed'), NOT_PROCESSED_HEADERS)
    return requestId
  }
  if (options.pendingFirst) {
    scope.get(`/v2/alerts/requests/${requestId}`).times(options.pendingFirst).reply(404, fixture('request-not-processed'), NOT_PROCESSED_HEADERS)
  }
  scope.get(`/v2/alerts/requests/${requestId}`).reply(200, status === 'success' ? success(alertId) : failure(status.failed))
  return requestId
}

/** Asserts every mock was used, naming the ones that were not. */
export function expectDone (...scopes: nock.Scope[]): void {
  for (const scope of scopes) {
    if (!scope.isDone()) throw new Error(`nock mocks not used: ${scope.pendingMocks().join(', ')}`)
  }
}
