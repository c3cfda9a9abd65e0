// Postmortems on the Statuspage client: the contract sheet's paths and bodies, the answers it
// tolerates (its answer shape is not on the sheet), what is repeated and what never is, and how the
// wrappers (page cache, audit trail, own changes) carry the three calls.
import { expect } from 'chai'
import { auditedStatuspage } from '../../src/chat/audit/clients'
import { AuditTrail } from '../../src/chat/audit/trail'
import { createHttpClient } from '../../src/http/client'
import { BadResponseError, InvalidRequestError, NotFoundError, UnavailableError } from '../../src/http/errors'
import { cachedClient, PageCache } from '../../src/statuspage/cache'
import { createStatuspageClient } from '../../src/statuspage/client'
import { incidentKey, OwnChanges, rememberWrites } from '../../src/statuspage/own-changes'
import { STATUSPAGE } from '../../src/statuspage/service'
import { api, API_KEY, API_URL, components, PAGE, PAGE_ID } from '../support/statuspage'

const INCIDENT = 'x9m2k4p7q1rs'
const POSTMORTEM = `${PAGE}/incidents/${INCIDENT}/postmortem`

const client = (deliverNotifications?: boolean) => createStatuspageClient({
  http: createHttpClient({
    service: STATUSPAGE,
    baseURL: `${API_URL}/v1`,
    authorization: `OAuth ${API_KEY}`,
    secrets: [API_KEY],
    retry: { baseDelayMs: 1, maxDelayMs: 5 }
  }),
  pageId: PAGE_ID,
  deliverNotifications
})

/** A postmortem as Atlassian's OpenAPI description lists its fields. */
const answer = (fields: Record<string, unknown> = {}) => ({
  preview_key: 'pk1',
  body: null,
  body_updated_at: null,
  body_draft: 'draft text',
  body_draft_updated_at: '2026-12-04T01:00:00Z',
  published_at: null,
  notify_subscribers: null,
  notify_twitter: null,
  custom_tweet: null,
  created_at: '2026-12-04T01:00:00Z',
  updated_at: '2026-12-04T01:00:00Z',
  ...fields
})

async function failure (call: Promise<unknown>): Promise<unknown> {
  try { await call } catch (err) { return err }
  throw new Error('expected the call to fail')
}

describe('Statuspage postmortems (client)', () => {
  it('writes the draft with PUT {postmortem: {body_draft}} and returns the answer', async () => {
    const scope = api().put(POSTMORTEM, { postmortem: { body_draft: '# Summary\n- one' } }).reply(200, answer({ body_draft: '# Summary\n- one' }))
    const result = await client().putPostmortemDraft(INCIDENT, '# Summary\n- one')
    expect(result.body_draft).to.equal('# Summary\n- one')
    expect(result.published_at).to.equal(null)
    scope.done()
  })

  it('reads the postmortem with GET …/postmortem', async () => {
    const scope = api().get(POSTMORTEM).reply(200, answer({ body: 'published', published_at: '2026-12-04T02:00:00Z' }))
    const result = await client().getPostmortem(INCIDENT)
    expect(result.body).to.equal('published')
    expect(result.published_at).to.equal('2026-12-04T02:00:00Z')
    scope.done()
  })

  it('publishes with notify_subscribers and notify_twitter from deliverNotifications, custom_tweet only when given', async () => {
    const scope = api()
      .put(`${POSTMORTEM}/publish`, { postmortem: { notify_subscribers: true, notify_twitter: true } }).reply(200, answer({ published_at: 'x' }))
      .put(`${POSTMORTEM}/publish`, { postmortem: { notify_subscribers: false, notify_twitter: false } }).reply(200, answer())
      .put(`${POSTMORTEM}/publish`, { postmortem: { notify_subscribers: true, notify_twitter: false, custom_tweet: 'We are back' } }).reply(200, answer())
    expect((await client().publishPostmortem(INCIDENT)).published_at).to.equal('x')
    await client(false).publishPostmortem(INCIDENT)
    await client(false).publishPostmortem(INCIDENT, { notifySubscribers: true, customTweet: 'We are back' })
    scope.done()
  })

  it('takes an empty 2xx answer as a postmortem with nothing known about it', async () => {
    const scope = api().put(POSTMORTEM).reply(204, '').put(`${POSTMORTEM}/publish`).reply(200, '')
    expect(await client().putPostmortemDraft(INCIDENT, 'x')).to.deep.equal({})
    expect(await client().publishPostmortem(INCIDENT)).to.deep.equal({})
    scope.done()
  })

  it('refuses an answer whose texts are not text, and a list', async () => {
    const scope = api().get(POSTMORTEM).reply(200, answer({ body_draft: 42 })).get(POSTMORTEM).reply(200, [])
    expect(await failure(client().getPostmortem(INCIDENT))).to.be.instanceOf(BadResponseError)
    expect(await failure(client().getPostmortem(INCIDENT))).to.be.instanceOf(BadResponseError)
    scope.done()
  })

  it('carries a 422 with the API\'s message, and a 404 for an unknown incident', async () => {
    const scope = api()
      .put(POSTMORTEM).reply(422, { error: ['Postmortem cannot be added to an unresolved incident'] })
      .put(`${PAGE}/incidents/nope/postmortem`).reply(404, { message: 'Not found' })
    const refused = await failure(client().putPostmortemDraft(INCIDENT, 'x'))
    expect(refused).to.be.instanceOf(InvalidRequestError)
    expect((refused as InvalidRequestError).apiMessage).to.equal('Postmortem cannot be added to an unresolved incident')
    expect(await failure(client().putPostmortemDraft('nope', 'x'))).to.be.instanceOf(NotFoundError)
    scope.done()
  })

  it('repeats a draft after a 503 (it replaces), never a publish (a second one could notify twice)', async () => {
    const scope = api()
      .put(POSTMORTEM).reply(503, { message: 'down' })
      .put(POSTMORTEM).reply(200, answer())
      .put(`${POSTMORTEM}/publish`).reply(503, { message: 'down' })
    await client().putPostmortemDraft(INCIDENT, 'x')
    expect(await failure(client().publishPostmortem(INCIDENT))).to.be.instanceOf(UnavailableError)
    scope.done() // a repeated publish would find no interceptor and fail with another error
  })

  it('escapes the incident id and never puts an empty one into a path', async () => {
    const scope = api().put(`${PAGE}/incidents/a%2Fb/postmortem`).reply(200, answer())
    await client().putPostmortemDraft('a/b', 'x')
    scope.done()
    expect(await failure(client().publishPostmortem(''))).to.match(/empty id/)
  })
})

describe('Statuspage postmortems (wrappers)', () => {
  it('the page cache passes them through and empties itself when one fails', async () => {
    const cache = new PageCache(60_000, () => 0)
    const cached = cachedClient(client(), cache)
    cache.components = cache.entry(components())
    const scope = api().put(POSTMORTEM).reply(200, answer()).put(`${POSTMORTEM}/publish`).reply(422, { message: 'no draft' })
    await cached.putPostmortemDraft(INCIDENT, 'x')
    expect(cache.fresh(cache.components)).to.have.length(components().length)
    await failure(cached.publishPostmortem(INCIDENT))
    expect(cache.components).to.equal(undefined)
    scope.done()
  })

  it('the audit trail records a draft and a publish against the incident, never the draft\'s text', async () => {
    const trail = new AuditTrail()
    trail.learn(INCIDENT, 'Checkout down')
    const audited = auditedStatuspage(client(), trail)
    const scope = api()
      .get(POSTMORTEM).reply(200, answer())
      .put(POSTMORTEM).reply(200, answer())
      .put(`${POSTMORTEM}/publish`).reply(503, { message: 'down' })
    await audited.getPostmortem(INCIDENT)
    await audited.putPostmortemDraft(INCIDENT, 'secret-ish words')
    await failure(audited.publishPostmortem(INCIDENT))
    expect(trail.targets).to.deep.equal([
      { id: INCIDENT, name: 'Checkout down', action: 'postmortem draft', outcome: 'done' },
      { id: INCIDENT, name: 'Checkout down', action: 'postmortem publish', outcome: 'may-have-happened' }
    ])
    expect(JSON.stringify(trail.targets)).not.to.contain('secret-ish')
    scope.done()
  })

  it('a publish that succeeded is this room\'s own change (the incident in status postmortem); a failed one is not', async () => {
    const memory = new OwnChanges(() => 0)
    const remembering = rememberWrites(client(), 'ops', memory)
    const scope = api()
      .put(`${POSTMORTEM}/publish`).reply(200, answer())
      .put(`${PAGE}/incidents/other/postmortem/publish`).reply(422, { message: 'no draft' })
      .put(`${PAGE}/incidents/other/postmortem`).reply(200, answer())
    await remembering.publishPostmortem(INCIDENT)
    await failure(remembering.publishPostmortem('other'))
    await remembering.putPostmortemDraft('other', 'x')
    expect(memory.wasOwnChange('elsewhere', incidentKey(INCIDENT, 'postmortem'))).to.equal(false)
    expect(memory.wasOwnChange('ops', incidentKey(INCIDENT, 'postmortem'))).to.equal(true)
    expect(memory.wasOwnChange('ops', incidentKey('other', 'postmortem'))).to.equal(false)
    scope.done()
  })
})
