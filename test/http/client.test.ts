import { expect } from 'chai'
import nock from 'nock'
import { createHttpClient, errorDetails, type HttpClient } from '../../src/http/client'
import {
  AuthError, BadResponseError, ForbiddenError, InvalidRequestError, NetworkError, NotFoundError,
  RateLimitError, ServiceError, TimeoutError, UnavailableError
} from '../../src/http/errors'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { STATUSPAGE } from '../../src/statuspage/service'
import { FakeClock } from '../support/fake-clock'

const BASE = 'https://api.example.test/v1'
const KEY = 'sk-live-0123456789abcdef'

function client (overrides: Partial<Parameters<typeof createHttpClient>[0]> = {}): HttpClient {
  return createHttpClient({
    service: STATUSPAGE,
    baseURL: BASE,
    authorization: `OAuth ${KEY}`,
    secrets: [KEY],
    retry: { baseDelayMs: 1, maxDelayMs: 5 },
    ...overrides
  })
}

async function failure (p: Promise<unknown>): Promise<ServiceError> {
  try {
    await p
  } catch (err) {
    expect(err).to.be.instanceOf(ServiceError)
    expect(String((err as Error).message)).not.to.contain(KEY)
    expect(String((err as Error).stack)).not.to.contain(KEY)
    return err as ServiceError
  }
  throw new Error('expected the request to fail')
}

describe('createHttpClient', () => {
  it('sends the auth header, JSON content type and a User-Agent naming the package', async () => {
    const scope = nock(BASE, {
      reqheaders: {
        authorization: `OAuth ${KEY}`,
        'content-type': 'application/json',
        'user-agent': /^hubot-statuspage-opsgenie\/\d+\.\d+\.\d+/
      }
    }).patch('/things/1', { thing: { status: 'ok' } }).reply(200, { id: '1' })
    const res = await client().request('PATCH', '/things/1', { body: { thing: { status: 'ok' } } })
    expect(res.status).to.equal(200)
    expect(res.data).to.deep.equal({ id: '1' })
    scope.done()
  })

  it('passes query parameters and leaves out undefined ones', async () => {
    const scope = nock(BASE).get('/list').query({ page: '2', per_page: '100' }).reply(200, [])
    expect(await client().get('/list', { page: 2, per_page: 100, q: undefined })).to.deep.equal([])
    scope.done()
  })

  it('resolves an empty success body to undefined', async () => {
    const scope = nock(BASE).delete('/x').reply(204)
    expect((await client().request('DELETE', '/x')).data).to.equal(undefined)
    scope.done()
  })

  it('turns a success body that is not JSON into a BadResponseError', async () => {
    const scope = nock(BASE).get('/x').reply(200, '<html>maintenance</html>', { 'Content-Type': 'text/html' })
    const err = await failure(client().get('/x'))
    expect(err).to.be.instanceOf(BadResponseError)
    expect(err.status).to.equal(200)
    scope.done()
  })

  it('reads the live 401 body into an AuthError and does not retry it', async () => {
    const scope = nock(BASE).get('/x').reply(401, { error: 'Could not authenticate' })
    const err = await failure(client().get('/x'))
    expect(err).to.be.instanceOf(AuthError)
    expect(err.apiMessage).to.equal('Could not authenticate')
    expect(err.message).to.equal('Statuspage GET /x answered 401 (key rejected): Could not authenticate')
    scope.done()
  })

  it("keeps OpsGenie's error code on a 403 (40301: a key from API Key Management)", async () => {
    const scope = nock(BASE).post('/v2/alerts/a/acknowledge').reply(403, { code: 40301, message: 'To perform this action, use an API key from an API integration.', took: 0.001, requestId: 'r-1' })
    const err = await failure(client({ service: OPSGENIE }).request('POST', '/v2/alerts/a/acknowledge', { body: {} }))
    expect(err).to.be.instanceOf(ForbiddenError)
    expect(err.code).to.equal(40301)
    expect(err.requestId).to.equal('r-1')
    scope.done()
  })

  it('keeps the X-Opsgenie-Errortype header on a 404', async () => {
    const scope = nock(BASE).get('/v2/alerts/requests/r1').reply(404, { message: 'Request not processed yet', took: 0 }, { 'X-Opsgenie-Errortype': 'RequestNotProcessed' })
    const err = await failure(client({ service: OPSGENIE }).get('/v2/alerts/requests/r1'))
    expect(err).to.be.instanceOf(NotFoundError)
    expect(err.headers['x-opsgenie-errortype']).to.equal('RequestNotProcessed')
    scope.done()
  })

  it('joins an array of error strings from a 422 into the API message', async () => {
    const scope = nock(BASE).patch('/c/1').reply(422, { error: ['Status is not included in the list', 'Name is too long'] })
    const err = await failure(client().request('PATCH', '/c/1', { body: {} }))
    expect(err).to.be.instanceOf(InvalidRequestError)
    expect(err.apiMessage).to.equal('Status is not included in the list; Name is too long')
    scope.done()
  })

  it('retries a 429 after the Retry-After it was given, then succeeds', async () => {
    const scope = nock(BASE)
      .get('/x').reply(429, { message: 'slow down' }, { 'Retry-After': '0' })
      .get('/x').reply(200, { ok: true })
    expect(await client().get('/x')).to.deep.equal({ ok: true })
    scope.done()
  })

  it("retries Statuspage's 420 like a 429", async () => {
    const scope = nock(BASE).get('/x').reply(420, { error: 'Rate limited' }).get('/x').reply(200, [])
    expect(await client().get('/x')).to.deep.equal([])
    scope.done()
  })

  it('retries a rate-limited POST too, because the service refused it before doing anything', async () => {
    const scope = nock(BASE).post('/incidents').reply(429, {}, { 'Retry-After': '0' }).post('/incidents').reply(201, { id: 'i1' })
    const res = await client().request('POST', '/incidents', { body: { incident: { name: 'x' } } })
    expect(res.status).to.equal(201)
    scope.done()
  })

  it('gives up at once when Retry-After is longer than the bot will wait, and says how long', async () => {
    const scope = nock(BASE).get('/x').reply(429, {}, { 'Retry-After': '60' })
    const err = await failure(client().get('/x'))
    expect(err).to.be.instanceOf(RateLimitError)
    expect((err as RateLimitError).retryAfterMs).to.equal(60_000)
    expect(err.attempts).to.equal(1)
    scope.done()
  })

  it('stops after two retries of a rate limit: three requests in all', async () => {
    let calls = 0
    const scope = nock(BASE).get('/x').times(3).reply(() => { calls++; return [429, {}, { 'Retry-After': '0' }] })
    const err = await failure(client().get('/x'))
    expect(calls).to.equal(3)
    expect(err.attempts).to.equal(3)
    scope.done()
  })

  it('retries a 503 on a read, twice, then reports the service unavailable', async () => {
    let calls = 0
    const scope = nock(BASE).get('/x').times(3).reply(() => { calls++; return [503, 'Service Unavailable'] })
    const err = await failure(client().get('/x'))
    expect(err).to.be.instanceOf(UnavailableError)
    expect(err.status).to.equal(503)
    expect(calls).to.equal(3)
    scope.done()
  })

  it('does not retry a 503 on a POST that creates, since it may have been carried out', async () => {
    const scope = nock(BASE).post('/incidents').reply(503, {})
    await failure(client().request('POST', '/incidents', { body: {} }))
    scope.done()
    expect(nock.pendingMocks()).to.deep.equal([])
  })

  it('retries a 502 on a POST that says it is idempotent', async () => {
    const scope = nock(BASE).post('/ack').reply(502, {}).post('/ack').reply(202, { result: 'Request will be processed' })
    const res = await client().request('POST', '/ack', { body: {}, idempotent: true })
    expect(res.status).to.equal(202)
    scope.done()
  })

  it('never retries a 500', async () => {
    const scope = nock(BASE).get('/x').once().reply(500, { message: 'boom' })
    const err = await failure(client().get('/x'))
    expect(err).to.be.instanceOf(UnavailableError)
    expect(err.apiMessage).to.equal('boom')
    scope.done()
  })

  it('names the 5xx it got: a 502 is a bad gateway, not "service unavailable"', async () => {
    const scope = nock(BASE).post('/incidents').reply(502, 'Bad Gateway').post('/incidents').reply(504, '')
      .post('/incidents').reply(500, '').post('/incidents').reply(599, '')
    const said = async (): Promise<string> => (await failure(client().request('POST', '/incidents', { body: {} }))).message
    expect(await said()).to.equal('Statuspage POST /incidents answered 502 (bad gateway)')
    expect(await said()).to.equal('Statuspage POST /incidents answered 504 (gateway timeout)')
    expect(await said()).to.equal('Statuspage POST /incidents answered 500 (internal server error)')
    expect(await said()).to.equal('Statuspage POST /incidents answered 599 (server error)')
    scope.done()
  })

  it('times out a slow answer and retries it on a read', async () => {
    const scope = nock(BASE).get('/slow').times(3).delay(200).reply(200, {})
    const err = await failure(client({ timeoutMs: 50 }).get('/slow'))
    expect(err).to.be.instanceOf(TimeoutError)
    expect(err.message).to.contain('50 ms')
    scope.done()
  })

  // nock 14 loses a plain-object error on the http adapter (the request then hangs until the
  // timeout); an Error instance with a code behaves like a real reset.
  const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })

  it('reports a connection reset as a NetworkError, and retries it on a read', async () => {
    const scope = nock(BASE).get('/x').replyWithError(reset()).get('/x').reply(200, { ok: 1 })
    expect(await client().get('/x')).to.deep.equal({ ok: 1 })
    scope.done()
    const again = nock(BASE).get('/y').times(3).replyWithError(reset())
    const err = await failure(client().get('/y'))
    expect(err).to.be.instanceOf(NetworkError)
    expect(err.message).to.contain('ECONNRESET')
    again.done()
  })

  it('says a refused connection never reached the service, and keeps the socket error (without the key) as the cause', async () => {
    const refused = Object.assign(new Error(`connect ECONNREFUSED (OAuth ${KEY})`), { code: 'ECONNREFUSED' })
    const scope = nock(BASE).post('/things').replyWithError(refused)
    const err = await failure(client().request('POST', '/things', { body: {} }))
    scope.done()
    expect([err.reached, err.mayHaveHappened]).to.deep.equal(['no', false])
    expect(err.request).to.deep.equal({ method: 'POST', path: '/things' })
    const cause = err.cause as Error & { code?: string }
    expect(cause.code).to.equal('ECONNREFUSED')
    expect(cause.message).not.to.contain(KEY)
    expect(JSON.stringify(Object.entries(cause))).not.to.contain(KEY)
  })

  it('waits for a retry on the clock it was given, not for real', async () => {
    const clock = new FakeClock(0, { sleepsAdvance: true })
    const scope = nock(BASE).get('/z').times(2).reply(503, 'busy').get('/z').reply(200, { ok: true })
    const fast = client({ retry: { baseDelayMs: 60_000, maxDelayMs: 60_000 }, runtime: { clock } })
    expect(await fast.get('/z')).to.deep.equal({ ok: true })
    scope.done()
    expect(clock.slept).to.have.length(2)
    expect(clock.now()).to.be.at.least(clock.slept[0] + clock.slept[1])
  })

  it('never lets the key into an error, even when the API echoes it back', async () => {
    const scope = nock(BASE).get('/x').reply(401, { message: `Key ${KEY} is invalid`, error: `OAuth ${KEY}` })
    const err = await failure(client().get('/x'))
    expect(err.apiMessage).to.contain('[REDACTED]')
    expect(JSON.stringify(err)).not.to.contain(KEY)
    scope.done()
  })
})

describe('errorDetails', () => {
  it("reads OpsGenie's message and errors map", () => {
    expect(errorDetails({ message: 'Request body is not processable.', errors: { message: 'Message can not be empty.' }, took: 0.1, requestId: 'r' }))
      .to.deep.equal({ apiMessage: 'Request body is not processable.; message: Message can not be empty.', code: undefined, requestId: 'r' })
  })
  it('returns nothing for a body without an explanation', () => {
    expect(errorDetails('nope')).to.deep.equal({})
    expect(errorDetails({}).apiMessage).to.equal(undefined)
  })
})
