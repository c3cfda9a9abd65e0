import { expect } from 'chai'
import { SANDBOX_JSM_CLOUD_ID, SANDBOX_JSM_EMAIL, SANDBOX_JSM_INTEGRATION_KEY, SANDBOX_JSM_TOKEN, startSandbox, type Sandbox } from '../../sandbox'
import { TOKEN_ACCOUNT } from '../../sandbox/jsm-model'
import { allowLoopback, call, sleep } from './http'

const BASIC = `Basic ${Buffer.from(`${SANDBOX_JSM_EMAIL}:${SANDBOX_JSM_TOKEN}`).toString('base64')}`
const GENIE = `GenieKey ${SANDBOX_JSM_INTEGRATION_KEY}`
const REST = `/jsm/ops/api/${SANDBOX_JSM_CLOUD_ID}/v1`
const EVENTS = '/jsm/ops/integration/v2'

describe('sandbox JSM Operations stand-in', () => {
  allowLoopback()
  let sandbox: Sandbox
  let base: string
  const jsm = () => sandbox.jsm!
  const get = (path: string, auth = BASIC) => call(base, 'GET', path, { auth })
  const post = (path: string, body: unknown, auth = BASIC) => call(base, 'POST', path, { auth, body })
  const settle = async (path: string, auth = BASIC) => {
    for (let i = 0; i < 50; i++) {
      const answer = await get(path, auth)
      if (answer.status === 200) return answer
      expect(answer.status).to.equal(404)
      await sleep(20)
    }
    throw new Error('never processed')
  }
  beforeEach(async () => {
    sandbox = await startSandbox({ statuspage: false, alerting: 'jsm', actionDelayMs: 60 })
    base = jsm().origin
  })
  afterEach(async () => { await sandbox.stop() })

  it('points the package at itself with every JSM variable, and starts no OpsGenie stand-in', () => {
    expect(sandbox.opsgenie).to.equal(undefined)
    expect(sandbox.env).to.include({
      HUBOT_JSM_CLOUD_ID: SANDBOX_JSM_CLOUD_ID, HUBOT_JSM_API_URL: base, HUBOT_JSM_SITE_URL: base
    })
  })

  it('wants Basic email:token on the REST API and GenieKey on the Integration Events API', async () => {
    expect((await get(`${REST}/alerts`, GENIE)).status).to.equal(401)
    expect((await post(`${EVENTS}/alerts/x/acknowledge`, {}, BASIC)).status).to.equal(401)
    expect((await get('/jsm/ops/api/other-cloud/v1/alerts')).status).to.equal(404)
  })

  it('lists in the values/links envelope paged by size and offset, and refuses limit', async () => {
    const first = await get(`${REST}/alerts?query=${encodeURIComponent('status: open')}&offset=0&size=2`)
    expect(first.body).to.have.keys('values', 'links', 'count')
    expect(first.body.values).to.have.length(2)
    expect(first.body.count).to.equal(5)
    expect(first.body.links.next).to.match(/^\/v1\/alerts\?.*offset=2/)
    expect(first.body.values[0]).to.include.keys('tinyId', 'seen', 'lastOccuredAt').and.not.to.have.any.keys('report', 'isSeen')
    const last = await get(`${REST}/alerts?query=${encodeURIComponent('status: open')}&offset=4&size=2`)
    expect(last.body.links).to.deep.equal({})
    expect((await get(`${REST}/alerts?limit=100`)).status).to.equal(400)
    expect((await get(`${REST}/alerts?offset=19950&size=100`)).status).to.equal(400)
  })

  it('finds an alert by tinyId through the query, and by id only on GET /alerts/{id}', async () => {
    const found = await get(`${REST}/alerts?query=tinyId:101&offset=0&size=20`)
    expect(found.body.values.map((a: any) => a.tinyId)).to.deep.equal(['101'])
    expect((await get(`${REST}/alerts/101`)).status).to.equal(404)
    expect((await get(`${REST}/alerts/${found.body.values[0].id}`)).body.tinyId).to.equal('101')
  })

  it('queues REST actions (404 while queued), credits the token\'s account, and refuses a user field', async () => {
    const alert = jsm().state.alerts.find(a => a.tinyId === '101')!
    expect((await post(`${REST}/alerts/${alert.id}/acknowledge`, { user: 'x' })).status).to.equal(400)
    const accepted = await post(`${REST}/alerts/${alert.id}/acknowledge`, {})
    expect(accepted.status).to.equal(202)
    expect((await get(`${REST}/alerts/requests/${accepted.body.requestId}`)).status).to.equal(404)
    const done = await settle(`${REST}/alerts/requests/${accepted.body.requestId}`)
    expect(done.body).to.include({ isSuccess: true, alertId: alert.id })
    expect(alert.log.at(-1)).to.include({ action: 'Acknowledge', user: TOKEN_ACCOUNT.accountId })
  })

  it('answers a REST note at once with the note', async () => {
    const alert = jsm().state.alerts.find(a => a.tinyId === '103')!
    const answer = await post(`${REST}/alerts/${alert.id}/notes`, { note: 'looking' })
    expect(answer.status).to.equal(201)
    expect(answer.body).to.include({ note: 'looking', owner: TOKEN_ACCOUNT.accountId }).and.not.to.have.any.keys('requestId', 'isSuccess')
  })

  it('acts through the Integration Events API with user and source, by id or tinyId', async () => {
    const accepted = await post(`${EVENTS}/alerts/104/close?identifierType=tiny`, { user: 'ana@example.com', source: 'hubot' }, GENIE)
    expect(accepted.status).to.equal(202)
    const done = await settle(`${EVENTS}/alerts/requests/${accepted.body.requestId}`, GENIE)
    expect(done.body.data.isSuccess).to.equal(true)
    const alert = jsm().state.alerts.find(a => a.tinyId === '104')!
    expect(alert.status).to.equal('closed')
    expect(alert.log.at(-1)).to.include({ action: 'Close', user: 'ana@example.com', source: 'hubot' })
    expect((await post(`${EVENTS}/alerts/104/snooze?identifierType=tiny`, {}, GENIE)).status).to.equal(404)
  })

  it('answers on-calls as account ids (participants, or flat users) and takes an override with a responder', async () => {
    const [platform] = jsm().state.schedules
    const schedules = await get(`${REST}/schedules`)
    expect(schedules.body.values.map((s: any) => s.name)).to.deep.equal(['Platform On-Call', 'Builds On-Call'])
    const flat = await get(`${REST}/schedules/${platform.id}/on-calls?flat=true`)
    expect(flat.body).to.have.keys('onCallUsers')
    const nested = await get(`${REST}/schedules/${platform.id}/on-calls`)
    expect(nested.body.onCallParticipants[0]).to.deep.equal({ id: flat.body.onCallUsers[0], type: 'user' })
    const dana = jsm().state.people.find(p => p.email === 'dana@example.com')!
    const start = new Date().toISOString()
    const end = new Date(Date.now() + 3_600_000).toISOString()
    expect((await post(`${REST}/schedules/${platform.id}/overrides`, { user: { type: 'user', username: dana.email }, startDate: start, endDate: end })).status).to.equal(400)
    const created = await post(`${REST}/schedules/${platform.id}/overrides`, { responder: { type: 'user', id: dana.accountId }, startDate: start, endDate: end })
    expect(created.status).to.equal(201)
    expect(created.body.alias).to.be.a('string')
    expect((await get(`${REST}/schedules/${platform.id}/on-calls?flat=true`)).body.onCallUsers).to.deep.equal([dana.accountId])
  })

  it('serves the Jira user API, hiding Ben\'s email', async () => {
    const ana = await get('/rest/api/3/user/search?query=ana%40example.com')
    expect(ana.body).to.have.length(1)
    expect(ana.body[0]).to.include({ emailAddress: 'ana@example.com', displayName: 'Ana Lima' })
    const ben = await get('/rest/api/3/user/search?query=ben%40example.com')
    expect(ben.body[0]).to.not.have.property('emailAddress')
    const byId = await get(`/rest/api/3/user?accountId=${encodeURIComponent(ben.body[0].accountId)}`)
    expect(byId.body.displayName).to.equal(ben.body[0].displayName)
    expect((await get('/rest/api/3/user?accountId=nobody')).status).to.equal(404)
  })
})
