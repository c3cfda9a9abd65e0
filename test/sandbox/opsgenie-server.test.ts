import { expect } from 'chai'
import { startSandbox, SANDBOX_OPSGENIE_KEY, type Sandbox } from '../../sandbox'
import { allowLoopback, call, sleep } from './http'

const AUTH = `GenieKey ${SANDBOX_OPSGENIE_KEY}`
const DELAY = 80

describe('sandbox OpsGenie stand-in', () => {
  allowLoopback()
  let sandbox: Sandbox
  let base: string
  const og = () => sandbox.opsgenie!
  const get = (path: string) => call(base, 'GET', path, { auth: AUTH })
  const post = (path: string, body: unknown) => call(base, 'POST', path, { auth: AUTH, body })
  /** Polls the request status as a client would, until it is processed. */
  const settle = async (requestId: string) => {
    for (let i = 0; i < 50; i++) {
      const answer = await get(`/v2/alerts/requests/${requestId}`)
      if (answer.status === 200) return answer
      await sleep(20)
    }
    throw new Error('never processed')
  }
  beforeEach(async () => {
    sandbox = await startSandbox({ statuspage: false, actionDelayMs: DELAY })
    base = og().url
  })
  afterEach(async () => { await sandbox.stop() })

  it('rejects a wrong key and the wrong scheme with 401 {"message","took","requestId"}', async () => {
    for (const auth of ['GenieKey nope', `OAuth ${SANDBOX_OPSGENIE_KEY}`]) {
      const answer = await call(base, 'GET', '/v2/alerts', { auth })
      expect(answer.status).to.equal(401)
      expect(answer.body).to.have.keys('message', 'took', 'requestId')
    }
  })

  it('lists open alerts in the data/paging envelope, newest first', async () => {
    const answer = await get('/v2/alerts?query=' + encodeURIComponent('status: open') + '&limit=100&sort=createdAt&order=desc')
    expect(answer.status).to.equal(200)
    expect(answer.body).to.have.keys('data', 'paging', 'took', 'requestId')
    expect(answer.body.data.map((a: any) => a.tinyId)).to.deep.equal(['101', '102', '103', '104', '105'])
    expect(answer.body.data.map((a: any) => a.priority)).to.deep.equal(['P1', 'P2', 'P3', 'P4', 'P5'])
    expect(answer.body.paging).to.have.keys('first', 'last')
    expect(answer.body.data[0]).to.not.have.any.keys('description', 'notes', 'log')
  })

  it('understands status: open AND acknowledged: false', async () => {
    const answer = await get('/v2/alerts?query=' + encodeURIComponent('status: open AND acknowledged: false'))
    expect(answer.body.data.map((a: any) => a.tinyId)).to.deep.equal(['101', '103', '104'])
  })

  it('pages with offset and limit, giving paging.next while more follow', async () => {
    const first = await get('/v2/alerts?limit=2&offset=0')
    expect(first.body.data).to.have.length(2)
    expect(new URL(first.body.paging.next).searchParams.get('offset')).to.equal('2')
    const last = await get('/v2/alerts?limit=2&offset=4')
    expect(last.body.data).to.have.length(2)
    expect(last.body.paging).to.not.have.property('next')
    expect((await get('/v2/alerts?limit=101')).status).to.equal(422)
  })

  it('refuses a query on an unknown field with 422', async () => {
    const answer = await get('/v2/alerts?query=' + encodeURIComponent('colour: red'))
    expect(answer.status).to.equal(422)
    expect(answer.body.message).to.match(/colour/)
  })

  it('finds one alert by id, tiny id or alias, and 404s an unknown one', async () => {
    const alert = og().state.alerts[0]
    for (const path of [`/v2/alerts/${alert.id}`, `/v2/alerts/${alert.tinyId}?identifierType=tiny`, `/v2/alerts/${alert.alias}?identifierType=alias`]) {
      const answer = await get(path)
      expect(answer.status).to.equal(200)
      expect(answer.body.data).to.include({ id: alert.id, tinyId: alert.tinyId })
      expect(answer.body.data).to.have.property('description')
    }
    const missing = await get('/v2/alerts/nope')
    expect(missing.status).to.equal(404)
    expect(missing.body.message).to.equal('Alert does not exist')
  })

  it('acknowledges asynchronously: 202, then RequestNotProcessed, then the outcome, with user and source logged', async () => {
    const alert = og().state.alerts.find(a => a.tinyId === '101')!
    const accepted = await post('/v2/alerts/101/acknowledge?identifierType=tiny', { user: 'alice@example.com', source: 'hubot', note: 'on it' })
    expect(accepted.status).to.equal(202)
    expect(accepted.body).to.include({ result: 'Request will be processed' })
    expect(accepted.body.requestId).to.be.a('string')
    expect(alert.acknowledged).to.equal(false)
    const early = await get(`/v2/alerts/requests/${accepted.body.requestId}`)
    expect(early.status).to.equal(404)
    expect(early.headers.get('x-opsgenie-errortype')).to.equal('RequestNotProcessed')
    const done = await settle(accepted.body.requestId)
    expect(done.body.data).to.include({ success: true, isSuccess: true, action: 'Acknowledge', alertId: alert.id })
    expect(done.body.data.processedAt).to.be.a('string')
    expect(alert.acknowledged).to.equal(true)
    expect(alert.report.acknowledgedBy).to.equal('alice@example.com')
    expect(alert.log.at(-1)).to.include({ action: 'Acknowledge', user: 'alice@example.com', source: 'hubot', note: 'on it' })
    expect(alert.notes.map(n => n.note)).to.deep.equal(['on it'])
  })

  it('reports isSuccess false with "Alert does not exist" for an unknown alert, after the delay', async () => {
    const accepted = await post('/v2/alerts/nope/close', { user: 'alice' })
    expect(accepted.status).to.equal(202)
    const done = await settle(accepted.body.requestId)
    expect(done.body.data).to.include({ isSuccess: false, status: 'Alert does not exist', action: 'Close' })
  })

  it('records notes, and refuses an empty one with 422', async () => {
    const alert = og().state.alerts.find(a => a.tinyId === '103')!
    const accepted = await post(`/v2/alerts/${alert.id}/notes`, { note: 'deploying a fix', user: 'bob', source: 'hubot' })
    await settle(accepted.body.requestId)
    expect(alert.notes.at(-1)).to.include({ note: 'deploying a fix', owner: 'bob', source: 'hubot' })
    const listed = await get(`/v2/alerts/${alert.id}/notes`)
    expect(listed.body.data[0]).to.include({ note: 'deploying a fix', owner: 'bob' })
    const empty = await post(`/v2/alerts/${alert.id}/notes`, { note: ' ' })
    expect(empty.status).to.equal(422)
    expect(empty.body).to.include.keys('message', 'took', 'requestId', 'errors')
  })

  it('closes, snoozes and assigns', async () => {
    const [a, b, c] = ['103', '104', '105'].map(t => og().state.alerts.find(x => x.tinyId === t)!)
    const ids = [
      (await post(`/v2/alerts/${a.id}/close`, { user: 'ana@example.com' })).body.requestId,
      (await post(`/v2/alerts/${b.id}/snooze`, { endTime: new Date(Date.now() + 3600_000).toISOString() })).body.requestId,
      (await post(`/v2/alerts/${c.id}/assign`, { owner: { username: 'dana@example.com' } })).body.requestId
    ]
    for (const id of ids) await settle(id)
    expect(a.status).to.equal('closed')
    expect(b.snoozed).to.equal(true)
    expect(c.owner).to.equal('dana@example.com')
    expect((await post(`/v2/alerts/${b.id}/snooze`, { endTime: 'yesterday' })).status).to.equal(422)
  })

  it('lists schedules and who is on call, flat', async () => {
    const schedules = await get('/v2/schedules')
    expect(schedules.body.data.map((s: any) => s.name)).to.deep.equal(['Platform On-Call', 'Builds On-Call'])
    const onCall = await get('/v2/schedules/Platform%20On-Call/on-calls?scheduleIdentifierType=name&flat=true')
    expect(onCall.status).to.equal(200)
    expect(onCall.body.data._parent).to.include({ name: 'Platform On-Call', enabled: true })
    expect(onCall.body.data.onCallRecipients).to.have.length(1)
    expect(onCall.body.data.onCallRecipients[0]).to.match(/@example\.com$/)
  })

  it('stores an override (201 with its alias) and reflects it in on-calls', async () => {
    const id = og().state.schedules[0].id
    const created = await post(`/v2/schedules/${id}/overrides`, {
      user: { type: 'user', username: 'dana@example.com' },
      startDate: new Date(Date.now() - 60_000).toISOString(),
      endDate: new Date(Date.now() + 3600_000).toISOString()
    })
    expect(created.status).to.equal(201)
    expect(created.body.data.alias).to.be.a('string')
    const onCall = await get(`/v2/schedules/${id}/on-calls?flat=true`)
    expect(onCall.body.data.onCallRecipients).to.deep.equal(['dana@example.com'])
    const unknownUser = await post(`/v2/schedules/${id}/overrides`, { user: { type: 'user', username: 'zed@example.com' }, startDate: new Date().toISOString(), endDate: new Date(Date.now() + 1000).toISOString() })
    expect(unknownUser.status).to.equal(422)
  })

  it('finds users by email and 404s strangers', async () => {
    const ana = await get('/v2/users/ana@example.com')
    expect(ana.body.data).to.include({ username: 'ana@example.com', fullName: 'Ana Lima' })
    expect((await get('/v2/users/zed@example.com')).status).to.equal(404)
  })
})
