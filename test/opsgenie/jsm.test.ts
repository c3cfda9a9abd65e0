// The backend seam: the same genie commands on JSM Operations, selected by its three variables,
// with its own base URL, Basic auth, `values`/`links.next` envelope, ids only and field spellings.
import { expect } from 'chai'
import nock from 'nock'
import { botForEachTest } from '../support/bots'
import { expectDone } from './support'

const CLOUD = 'a436116f-02ce-4520-8fbb-7301462a1674'
const TOKEN = 'jsm-token-8c1f7e2d9b'
const BASE = 'https://api.atlassian.com'
const PREFIX = `/jsm/ops/api/${CLOUD}/v1`
const AUTH = `Basic ${Buffer.from(`ops@example.com:${TOKEN}`).toString('base64')}`

const jsmAlert = (n: number, extra: Record<string, unknown> = {}) => ({
  id: `jsm-alert-${n}`,
  message: `JSM alert ${n}`,
  status: 'open',
  acknowledged: false,
  seen: false,
  count: 2,
  priority: 'P2',
  createdAt: new Date(Date.now() - n * 60_000).toISOString(),
  lastOccuredAt: new Date().toISOString(),
  ...extra
})

describe('genie on JSM Operations (Hubot 3.5)', () => {
  const bot = botForEachTest(() => {
    process.env.HUBOT_JSM_CLOUD_ID = CLOUD
    process.env.HUBOT_JSM_EMAIL = 'ops@example.com'
    process.env.HUBOT_JSM_API_TOKEN = TOKEN
  }, bot => {
    expect([...bot.sent, ...bot.logs].join('\n')).not.to.contain(TOKEN)
  })

  const jsm = () => nock(BASE, { reqheaders: { authorization: AUTH } })

  it('lists open alerts across pages of the values/links envelope', async () => {
    const scope = jsm()
    scope.get(`${PREFIX}/alerts`).query(q => q.offset === '0' && q.query === 'status: open')
      .reply(200, { values: [jsmAlert(1)], links: { next: `${BASE}${PREFIX}/alerts?offset=1` }, count: 2 })
    scope.get(`${PREFIX}/alerts`).query(q => q.offset === '1')
      .reply(200, { values: [jsmAlert(2, { acknowledged: true, report: { acknowledgedBy: 'neo' } })], links: {}, count: 2 })
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.equal('JSM Operations: 2 open alerts, 1 acknowledged, 1 not.\njsm-alert-1 P2 JSM alert 1 (NOT acked, 1m old, 2×)\njsm-alert-2 P2 JSM alert 2 (acked by neo, 2m old, 2×)')
  })

  it('acknowledges by id and confirms through the request status, waiting while it is queued', async () => {
    const scope = jsm()
    scope.get(`${PREFIX}/alerts/jsm-alert-1`).reply(200, jsmAlert(1))
    scope.post(`${PREFIX}/alerts/jsm-alert-1/acknowledge`, { user: 'alice@example.com', source: 'hubot' })
      .reply(202, { result: 'Request will be processed', requestId: 'r-1' })
    scope.get(`${PREFIX}/alerts/requests/r-1`).reply(404, { message: 'not processed' })
    scope.get(`${PREFIX}/alerts/requests/r-1`).reply(200, { data: { isSuccess: true, status: 'Acknowledged alert', alertId: 'jsm-alert-1' } })
    const replies = await bot.say('/genie ack jsm-alert-1', { name: 'alice', email_address: 'alice@example.com' })
    expectDone(scope)
    expect(replies).to.deep.equal(['Acknowledged (confirmed by JSM Operations): jsm-alert-1.'])
  })

  it('names every JSM variable that is missing once one of them is set', async () => {
    delete process.env.HUBOT_JSM_EMAIL
    delete process.env.HUBOT_JSM_API_TOKEN
    const [reply] = await bot.say('/genie')
    expect(reply).to.contain('HUBOT_JSM_EMAIL and HUBOT_JSM_API_TOKEN')
  })
})
