// Every failure kind of the shared plumbing, through genie commands: one reply a person can act on,
// and the API key nowhere in what the bot said or logged.
import { expect } from 'chai'
import { botForEachTest } from '../../support/bots'
import { alert, configure, expectDone, fixture, KEY, mockList, OPEN, OPEN_UNACKED, opsgenie, uuid } from '../../support/opsgenie'

const LIST = { query: OPEN, offset: '0', limit: '100', sort: 'createdAt', order: 'desc' }

describe('genie commands when OpsGenie fails (Hubot 3.5)', () => {
  const bot = botForEachTest(configure, bot => {
    const everything = [...bot.sent, ...bot.logs].join('\n')
    expect(everything).not.to.contain(KEY)
  })

  it('names the missing API key variable', async () => {
    delete process.env.HUBOT_OPSGENIE_API_KEY
    const [reply] = await bot.say('/genie')
    expect(reply).to.contain('HUBOT_OPSGENIE_API_KEY')
  })

  it('says the key was rejected on 401', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(401, fixture('error-401'))
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.match(/^OpsGenie rejected the API key \(401\).*HUBOT_OPSGENIE_API_KEY/)
  })

  it('explains code 40301 once, when every action needs an API integration key', async () => {
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1), alert(2)])
    for (const n of [1, 2]) scope.post(`/v2/alerts/${uuid(n)}/acknowledge`).query({ identifierType: 'id' }).reply(403, fixture('error-403-integration-key'))
    const replies = await bot.say('/genie ack')
    expectDone(scope)
    expect(replies).to.have.length(1)
    expect(replies[0]).to.match(/^OpsGenie refused: alert actions need a key from an API integration/)
  })

  it('says an alert lookup found nothing on 404', async () => {
    const scope = mockList(opsgenie(), OPEN, [])
    scope.get('/v2/alerts/5').query({ identifierType: 'tiny' }).reply(404, fixture('error-404-alert'))
    expect(await bot.say('/genie note 5 hello')).to.deep.equal(['Unknown: #5 (no such alert). Nothing was changed.'])
    expectDone(scope)
  })

  it('says the service asked to wait, and until when, after a 429 whose Retry-After is too long to wait for', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(429, fixture('error-429'), { 'Retry-After': '60' })
    const asked = Date.now()
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    // Nothing was retried (one request): "the retries ran out" would not be true.
    const clock = (ms: number): string => new Date(ms).toISOString().slice(11, 19)
    const times = Array.from({ length: 4 }, (_, s) => `Try again after ${clock(asked + 60_000 + s * 1000)} UTC.`)
    expect(reply).to.match(/^OpsGenie is rate limiting us \(429\) and asked us to wait 60 s\. Try again after \d\d:\d\d:\d\d UTC\.$/)
    expect(times.some(t => reply.endsWith(t)), reply).to.equal(true)
  })

  it('reports a 500 without retrying it', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(500, { message: 'Internal error', took: 0, requestId: 'r' })
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.match(/^OpsGenie is having trouble \(500\)/)
  })

  it('retries a 503 on a list and answers once it succeeds', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(503, 'Service Unavailable')
    mockList(scope, OPEN, [])
    expect(await bot.say('/genie')).to.deep.equal(['OpsGenie: no open alerts.'])
    expectDone(scope)
  })

  it('reports 503s that outlast the retries', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).times(3).reply(503, 'Service Unavailable')
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.match(/^OpsGenie is having trouble \(503\)/)
  })

  it('reports a timeout as possibly done for an action, never as acknowledged', async () => {
    // The list GET before it answers at once and must not time out however busy the machine is:
    // a timeout far above a stall of the test process, an answer far beyond it.
    configure({ HUBOT_OPSGENIE_TIMEOUT_MS: '300' })
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
    scope.post(`/v2/alerts/${uuid(1)}/acknowledge`).query({ identifierType: 'id' }).times(3).delay(2000).reply(202, fixture('accepted'))
    const [reply] = await bot.say('/genie ack')
    expectDone(scope)
    expect(reply).to.equal('Nothing was confirmed as acknowledged.\nNot confirmed: #1 — no answer in time; it may or may not have happened, check with genie before retrying.')
  })

  it('reports a connection reset', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).times(3).replyWithError(Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' }))
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.equal("Could not reach OpsGenie (ECONNRESET). Check the bot's network and the API URL setting, then try again.")
  })

  it('reports an answer that is not JSON', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(200, '<html>Maintenance</html>', { 'Content-Type': 'text/html' })
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.match(/^OpsGenie answered with something that is not JSON/)
  })

  it('reports a confirmation that cannot be read as not confirmed', async () => {
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
    scope.post(`/v2/alerts/${uuid(1)}/acknowledge`).query({ identifierType: 'id' }).reply(202, { ...fixture('accepted'), requestId: 'abc' })
    scope.get('/v2/alerts/requests/abc').reply(500, { message: 'boom', took: 0, requestId: 'r' })
    const [reply] = await bot.say('/genie ack')
    expectDone(scope)
    expect(reply).to.equal('Nothing was confirmed as acknowledged.\nNot confirmed: #1 — OpsGenie accepted it, but asking whether it was processed failed (answered 500); it may have happened, check with genie before retrying.')
  })

  it('never shows the key, even when OpsGenie echoes it back', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).reply(422, { message: `bad key GenieKey ${KEY} and ${KEY}`, took: 0, requestId: 'r' })
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).not.to.contain(KEY)
    expect(reply).to.contain('[REDACTED]')
  })

  it('uses the configured EU API URL', async () => {
    configure({ HUBOT_OPSGENIE_API_URL: 'https://api.eu.opsgenie.com' })
    const scope = mockList(opsgenie('https://api.eu.opsgenie.com'), OPEN, [])
    expect(await bot.say('/genie')).to.deep.equal(['OpsGenie: no open alerts.'])
    expectDone(scope)
  })

  // A failed list changes nothing; the reply used to say OpsGenie "did not confirm the request" and
  // to check its state before trying again, as if an action might have happened.
  it('says nothing was changed when the alert list fails with 503 before genie ack 5', async () => {
    const scope = opsgenie().get('/v2/alerts').query(LIST).times(3).reply(503, { message: 'Service Unavailable', took: 0, requestId: 'r' })
    expect(await bot.say('/genie ack 5')).to.deep.equal([
      'OpsGenie is having trouble (503): could not read from it. Nothing was changed: try again in a minute, or use the OpsGenie app.'
    ])
    expectDone(scope)
  })
})
