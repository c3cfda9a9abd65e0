// Builders for JSM Operations answers shaped like test/fixtures/jsm (the JSM Operations OpenAPI
// spec and recorded live bodies), and nock helpers for its three APIs.
import fs from 'node:fs'
import path from 'node:path'
import nock from 'nock'

export const CLOUD = 'a436116f-02ce-4520-8fbb-7301462a1674'
export const EMAIL = 'ops@example.com'
export const TOKEN = 'jsm-token-8c1f7e2d9b'
export const INTEGRATION_KEY = 'jsm-integration-key-77d1a0c3e5'
export const GATEWAY = 'https://api.atlassian.com'
export const SITE = 'https://example.atlassian.net'
export const REST = `/jsm/ops/api/${CLOUD}/v1`
export const INTEGRATION = '/jsm/ops/integration/v2'
export const BASIC = `Basic ${Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')}`

/** Ana's and Ben's Atlassian accounts (Ben's site profile hides his email). */
export const ANA = { accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', name: 'Ana Lima', email: 'ana@example.com' }
export const BEN = { accountId: '5b10ac8d82e05b22cc7d4ef5', name: 'Ben Okafor', email: 'ben@example.com' }

const FIXTURES = path.resolve(__dirname, '..', 'fixtures', 'jsm')
export function jsmFixture<T = any> (name: string): T {
  return JSON.parse(fs.readFileSync(path.join(FIXTURES, `${name}.json`), 'utf8'))
}

export function configureJsm (extra: Record<string, string> = {}): void {
  process.env.HUBOT_JSM_CLOUD_ID = CLOUD
  process.env.HUBOT_JSM_SITE_URL = SITE
  process.env.HUBOT_JSM_EMAIL = EMAIL
  process.env.HUBOT_JSM_API_TOKEN = TOKEN
  for (const [k, v] of Object.entries(extra)) process.env[k] = v
}

/** The REST API (and the Jira user API of the site): Basic email:token. */
export const rest = (): nock.Scope => nock(GATEWAY, { reqheaders: { authorization: BASIC } })
export const jira = (): nock.Scope => nock(SITE, { reqheaders: { authorization: BASIC } })
/** The Integration Events API: GenieKey. */
export const integration = (): nock.Scope => nock(GATEWAY, { reqheaders: { authorization: `GenieKey ${INTEGRATION_KEY}` } })

export const jsmId = (n: number): string => `aaaaaaaa-bbbb-4ccc-8ddd-${String(1724857097000 + n).padStart(12, '0')}`

/** An alert as JSM lists it, with the given tinyId. */
export function jsmAlert (tinyId: number, extra: Record<string, unknown> = {}): any {
  return {
    ...jsmFixture('alert'),
    id: jsmId(tinyId),
    tinyId: String(tinyId),
    message: `JSM alert ${tinyId}`,
    createdAt: new Date(Date.now() - tinyId * 60_000).toISOString(),
    ...extra
  }
}

export const OPEN = 'status: open'
export const OPEN_UNACKED = 'status: open AND acknowledged: false'

/** The list, 100 a page with `size`/`offset`, `links.next` while more follow. */
export function mockJsmList (scope: nock.Scope, query: string, alerts: unknown[]): nock.Scope {
  const pages = Math.max(1, Math.ceil(alerts.length / 100))
  for (let p = 0; p < pages; p++) {
    const body = jsmFixture('list-alerts')
    body.values = alerts.slice(p * 100, p * 100 + 100)
    body.count = alerts.length
    if (p === pages - 1) body.links = {}
    scope.get(`${REST}/alerts`)
      .query({ query, offset: String(p * 100), size: '100', sort: 'createdAt', order: 'desc' })
      .reply(200, body)
  }
  return scope
}

/** `genie ack 13`: the alert found by its tinyId through the alert query. */
export function mockTiny (scope: nock.Scope, tinyId: number, found: unknown[]): nock.Scope {
  const body = { ...jsmFixture('list-alerts'), values: found, links: {}, count: found.length }
  return scope.get(`${REST}/alerts`).query({ query: `tinyId:${tinyId}`, offset: '0', size: '20', sort: 'createdAt', order: 'desc' }).reply(200, body)
}

let serial = 0
/** Mocks a 202 + requestId and its confirmation (404 while queued `pendingFirst` times) on the REST API. */
export function mockRestAction (
  scope: nock.Scope, alertId: string, action: string, body: (b: any) => boolean, pendingFirst = 0
): void {
  const requestId = `rest-${action}-${++serial}`
  scope.post(`${REST}/alerts/${alertId}/${action}`, body).reply(202, { ...jsmFixture('accepted'), requestId })
  if (pendingFirst) scope.get(`${REST}/alerts/requests/${requestId}`).times(pendingFirst).reply(404, jsmFixture('error-404'))
  scope.get(`${REST}/alerts/requests/${requestId}`).reply(200, { ...jsmFixture('request-success'), alertId })
}

/** The same through the Integration Events API (GenieKey, identifierType=id). */
export function mockIntegrationAction (
  scope: nock.Scope, alertId: string, action: string, body: (b: any) => boolean, pendingFirst = 0
): void {
  const requestId = `int-${action}-${++serial}`
  scope.post(`${INTEGRATION}/alerts/${alertId}/${action}`, body).query({ identifierType: 'id' }).reply(202, { ...jsmFixture('accepted'), requestId })
  if (pendingFirst) scope.get(`${INTEGRATION}/alerts/requests/${requestId}`).times(pendingFirst).reply(404, jsmFixture('error-404'))
  scope.get(`${INTEGRATION}/alerts/requests/${requestId}`).reply(200, { data: { ...jsmFixture('request-success'), alertId } })
}
