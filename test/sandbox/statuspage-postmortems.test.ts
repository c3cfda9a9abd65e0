// The Statuspage stand-in's postmortems (sandbox/statuspage-postmortems.ts): stored per incident at the
// contract sheet's paths and bodies, and driven by the package's own client as the bot drives it.
import { expect } from 'chai'
import { startSandbox, SANDBOX_PAGE_ID, SANDBOX_STATUSPAGE_KEY, type Sandbox } from '../../sandbox'
import { createHttpClient } from '../../src/http/client'
import { InvalidRequestError, NotFoundError } from '../../src/http/errors'
import { createStatuspageClient } from '../../src/statuspage/client'
import { STATUSPAGE } from '../../src/statuspage/service'
import { allowLoopback, call } from './http'

const AUTH = `OAuth ${SANDBOX_STATUSPAGE_KEY}`
const PAGE = `/pages/${SANDBOX_PAGE_ID}`

describe('sandbox Statuspage stand-in: postmortems', () => {
  allowLoopback()
  let sandbox: Sandbox
  let base: string
  let incidentId: string
  const sp = () => sandbox.statuspage!
  const path = (id = incidentId) => `${PAGE}/incidents/${id}/postmortem`
  beforeEach(async () => {
    sandbox = await startSandbox({ opsgenie: false })
    base = sp().url
    incidentId = sp().state.incidents.find(i => i.status === 'investigating' || i.status === 'identified')!.id
  })
  afterEach(async () => { await sandbox.stop() })

  it('stores a draft, replaces it, and reads it back; nothing is published yet', async () => {
    const first = await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 'one' } } })
    expect(first.status).to.equal(200)
    expect(first.body).to.include({ body_draft: 'one', body: null, published_at: null })
    expect(first.body.preview_key).to.be.a('string')
    await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 'two' } } })
    const read = await call(base, 'GET', path(), { auth: AUTH })
    expect(read.status).to.equal(200)
    expect(read.body).to.include({ body_draft: 'two', preview_key: first.body.preview_key, published_at: null })
    const incident = (await call(base, 'GET', `${PAGE}/incidents/${incidentId}`, { auth: AUTH })).body
    expect(incident).to.include({ postmortem_body: null, postmortem_published_at: null })
  })

  it('publishes the draft with the notify switches it was given, and shows it on the incident', async () => {
    await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: '# Postmortem' } } })
    const published = await call(base, 'PUT', `${path()}/publish`, {
      auth: AUTH, body: { postmortem: { notify_subscribers: true, notify_twitter: false, custom_tweet: 'Read it' } }
    })
    expect(published.status).to.equal(200)
    expect(published.body).to.include({ body: '# Postmortem', notify_subscribers: true, notify_twitter: false, custom_tweet: 'Read it' })
    expect(Date.parse(published.body.published_at)).to.be.closeTo(Date.now(), 60_000)
    expect(sp().state.postmortems[incidentId].published_at).to.equal(published.body.published_at)
    const incident = (await call(base, 'GET', `${PAGE}/incidents/${incidentId}`, { auth: AUTH })).body
    expect(incident).to.include({
      postmortem_body: '# Postmortem', postmortem_published_at: published.body.published_at, postmortem_notified_subscribers: true
    })
    const reverted = await call(base, 'PUT', `${path()}/revert`, { auth: AUTH })
    expect(reverted.body.published_at).to.equal(null)
  })

  it('answers 404 for an unknown incident and for a postmortem never drafted, 422 for publishing without a draft', async () => {
    for (const [method, p] of [['PUT', path('nosuchincident')], ['GET', path('nosuchincident')], ['PUT', `${path('nosuchincident')}/publish`]]) {
      const answer = await call(base, method, p, { auth: AUTH, body: { postmortem: { body_draft: 'x' } } })
      expect(answer.status, `${method} ${p}`).to.equal(404)
      expect(answer.body.message).to.equal('Incident not found')
    }
    expect((await call(base, 'GET', path(), { auth: AUTH })).status).to.equal(404)
    const publish = await call(base, 'PUT', `${path()}/publish`, { auth: AUTH, body: { postmortem: { notify_subscribers: false, notify_twitter: false } } })
    expect(publish.status).to.equal(422)
    expect(publish.body).to.deep.equal({ error: ['There is no postmortem draft to publish'] })
    expect(sp().state.postmortems).to.deep.equal({})
  })

  it('refuses bodies not shaped like the contract: no postmortem, a draft that is not text, a switch that is not true or false', async () => {
    expect((await call(base, 'PUT', path(), { auth: AUTH, body: { body_draft: 'x' } })).status).to.equal(400)
    expect((await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 7 } } })).status).to.equal(422)
    await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 'x' } } })
    const bad = await call(base, 'PUT', `${path()}/publish`, { auth: AUTH, body: { postmortem: { notify_subscribers: 'yes' } } })
    expect(bad.status).to.equal(422)
    expect(sp().state.postmortems[incidentId].published_at).to.equal(null)
    expect((await call(base, 'PUT', path(), { auth: 'OAuth nope', body: { postmortem: { body_draft: 'x' } } })).status).to.equal(401)
  })

  it('removes a postmortem with DELETE, and forgets every postmortem on reset', async () => {
    await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 'x' } } })
    expect((await call(base, 'DELETE', path(), { auth: AUTH })).status).to.equal(204)
    expect((await call(base, 'GET', path(), { auth: AUTH })).status).to.equal(404)
    await call(base, 'PUT', path(), { auth: AUTH, body: { postmortem: { body_draft: 'x' } } })
    const origin = base.replace(/\/v1$/, '')
    expect((await call(origin, 'POST', '/__sandbox/reset')).status).to.equal(200)
    expect(sp().state.postmortems).to.deep.equal({})
  })

  it('answers the package\'s client: a draft, a publish notifying per its setting, a 422 and a 404 carried as such', async () => {
    const client = createStatuspageClient({
      http: createHttpClient({
        service: STATUSPAGE, baseURL: base, authorization: AUTH, secrets: [SANDBOX_STATUSPAGE_KEY]
      }),
      pageId: SANDBOX_PAGE_ID,
      deliverNotifications: false
    })
    let refused: unknown
    try { await client.publishPostmortem(incidentId) } catch (err) { refused = err }
    expect(refused).to.be.instanceOf(InvalidRequestError)
    expect((refused as InvalidRequestError).apiMessage).to.equal('There is no postmortem draft to publish')
    expect((await client.putPostmortemDraft(incidentId, '# Draft')).body_draft).to.equal('# Draft')
    const published = await client.publishPostmortem(incidentId)
    expect(published.body).to.equal('# Draft')
    const stored = sp().state.postmortems[incidentId]
    expect(stored).to.include({ notify_subscribers: false, notify_twitter: false, custom_tweet: null })
    expect((await client.getPostmortem(incidentId)).published_at).to.equal(published.published_at)
    let missing: unknown
    try { await client.getPostmortem('nosuchincident') } catch (err) { missing = err }
    expect(missing).to.be.instanceOf(NotFoundError)
  })
})
