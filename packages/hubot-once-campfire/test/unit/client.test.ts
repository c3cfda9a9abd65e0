import { expect } from 'chai'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { CampfireClient, CampfireSendError } from '../../src/client'
import type { OnceCampfireStandIn } from '../stand-in/once-campfire'
import { allowLoopback, campfireWithRooms } from '../support'

const failure = async (promise: Promise<unknown>): Promise<CampfireSendError> => {
  try {
    await promise
  } catch (err) {
    if (err instanceof CampfireSendError) return err
    throw err
  }
  throw new Error('it did not fail')
}

describe('hubot-once-campfire bot API client (against the ONCE Campfire stand-in)', () => {
  allowLoopback()
  let campfire: OnceCampfireStandIn
  let ops: number
  let outside: number
  const client = (over: Partial<ConstructorParameters<typeof CampfireClient>[0]> = {}): CampfireClient =>
    new CampfireClient({ baseUrl: campfire.url, botKey: campfire.botKey, backoffMs: 10, ...over })

  beforeEach(async () => { ({ campfire, ops, outside } = await campfireWithRooms()) })
  afterEach(async () => { await campfire.close() })

  it('posts the HTML as the raw text/html body (201)', async () => {
    await client().postMessage(String(ops), 'a<br>b')
    expect(campfire.botMessages(ops).map(m => [m.body, m.contentType, m.via])).to.deep.equal([['a<br>b', 'text/html; charset=utf-8', 'api']])
  })

  it('a wrong key (302 to /session/new) names HUBOT_ONCE_CAMPFIRE_BOT_KEY and not the key', async () => {
    const err = await failure(client({ botKey: '9-WrongWrong12' }).postMessage(String(ops), 'hi'))
    expect(err.kind).to.equal('bad_key')
    expect(err.message).to.contain('HUBOT_ONCE_CAMPFIRE_BOT_KEY').and.not.contain('WrongWrong12')
    expect(campfire.messages).to.deep.equal([])
  })

  it('a room the bot is not in is 404, said as such', async () => {
    const err = await failure(client().postMessage(String(outside), 'hi'))
    expect([err.kind, err.status]).to.deep.equal(['not_found', 404])
    expect(err.message).to.contain(`no room ${outside}`)
    expect((await failure(client().postMessage('77', 'hi'))).kind).to.equal('not_found')
  })

  it('refuses an empty message before sending it', async () => {
    expect((await failure(client().postMessage(String(ops), '  '))).kind).to.equal('empty')
  })

  it('retries 429 and 5xx, a bounded number of times', async () => {
    campfire.failNext(429)
    campfire.failNext(503)
    await client().postMessage(String(ops), 'third time')
    expect(campfire.botMessages(ops).map(m => m.body)).to.deep.equal(['third time'])

    campfire.failNext(500, 3)
    const err = await failure(client().postMessage(String(ops), 'lost'))
    expect([err.kind, err.status]).to.deep.equal(['unavailable', 500])
    expect(err.message).to.contain('may or may not have been posted')
    expect(campfire.botMessages(ops)).to.have.length(1)
  })

  it('gives up at once when Retry-After asks for longer than it waits', async () => {
    const server = http.createServer((_req, res) => { res.writeHead(429, { 'Retry-After': '3600' }).end() })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const started = Date.now()
      const err = await failure(client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }).postMessage('1', 'x'))
      expect(err.kind).to.equal('rate_limited')
      expect(Date.now() - started).to.be.below(1000)
    } finally { server.close() }
  })

  it('bounds the wait for an answer and does not retry (the message may have been posted)', async () => {
    let calls = 0
    const server = http.createServer(() => { calls++ /* never answers */ })
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
    try {
      const err = await failure(client({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, timeoutMs: 200 }).postMessage('1', 'x'))
      expect(err.kind).to.equal('timeout')
      expect(err.message).to.contain('may or may not have been posted')
      expect(calls).to.equal(1)
    } finally { server.closeAllConnections(); server.close() }
  })

  it('says when Campfire cannot be reached, after bounded retries', async () => {
    const url = campfire.url
    await campfire.close()
    const err = await failure(client({ baseUrl: url }).postMessage(String(ops), 'x'))
    expect(err.kind).to.equal('network')
    expect(err.message).to.contain('ECONNREFUSED').and.to.contain('HUBOT_ONCE_CAMPFIRE_URL').and.not.contain(campfire.botKey)
  })
})
