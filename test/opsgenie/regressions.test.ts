// Regressions found by exploratory testing of npm start (QA pass): each drives a real robot with nock.
import { expect } from 'chai'
import { startBot, type TestBot } from '../support/bots'
import { accepted, alert, configure, expectDone, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie, requestIdFor, uuid } from './support'

const LIST = { query: OPEN, offset: '0', limit: '100', sort: 'createdAt', order: 'desc' }

describe('genie regressions', () => {
  let bot: TestBot
  beforeEach(async () => {
    configure({ HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '300' })
    bot = await startBot('3.5', { alias: '/' })
  })
  afterEach(async () => { await bot.stop() })

  // OpsGenie took the ack (202) but its confirmation failed: the ack probably happened. The reply
  // used to begin "Nothing was acknowledged.", which is a claim the bot cannot make.
  it('never says "Nothing was acknowledged" when an ack was sent but not confirmed', async () => {
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1), alert(2)])
    mockAction(scope, uuid(1), { status: { failed: 'Alert is already closed.' } })
    const requestId = requestIdFor(uuid(2), 'acknowledge')
    scope.post(`/v2/alerts/${uuid(2)}/acknowledge`).query({ identifierType: 'id' }).reply(202, accepted(requestId))
    scope.get(`/v2/alerts/requests/${requestId}`).times(3).reply(503, { message: 'Service Unavailable', took: 0, requestId: 'r' })
    const replies = await bot.say('/genie ack')
    expectDone(scope)
    expect(replies).to.have.length(1)
    const [first, ...rest] = replies[0].split('\n')
    expect(first).to.equal('Nothing was confirmed as acknowledged.')
    expect(rest.join('\n')).to.contain('Not confirmed: #2 — OpsGenie accepted it, but asking whether it was processed failed (answered 503); it may have happened')
  })

  it('still says "Nothing was acknowledged" when OpsGenie refused every one', async () => {
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
    mockAction(scope, uuid(1), { status: { failed: 'Alert is already closed.' } })
    expect((await bot.say('/genie ack'))[0].split('\n')[0]).to.equal('Nothing was acknowledged.')
    expectDone(scope)
  })

  // A snooze of 0m or -5m got the bare usage line (as if the duration were not understood), and a
  // snooze of 400d or a take of months was accepted.
  for (const [text, why] of [
    ['/genie snooze 4 0m', '0m is too short: a snooze must last between 1 minute and 30 days'],
    ['/genie snooze 4 -5m', '-5m is too short: a snooze must last between 1 minute and 30 days'],
    ['/genie snooze 4 400d', '400d is too long: a snooze must last between 1 minute and 30 days']
  ]) {
    it(`says why the duration is refused, and calls nothing: ${text}`, async () => {
      expect(await bot.say(text)).to.deep.equal([`Usage: /genie snooze <id> <duration> (${why}).`])
    })
  }

  it('refuses a take longer than 7 days, saying why', async () => {
    expect(await bot.say('/genie take Primary for 30d')).to.deep.equal([
      'Usage: /genie take [<schedule>] for <duration> (30d is too long: a take must last between 1 minute and 7 days (longer belongs in the schedule itself)).'
    ])
  })

  // `/genie: ack 5` and `/genie:` used to get no reply: the listener wanted a space after "genie".
  it('reads "/genie:" as "/genie" and "/genie: snooze 4 0m" as "/genie snooze 4 0m"', async () => {
    const scope = mockList(opsgenie(), OPEN, [alert(1)])
    const [plain] = await bot.say('/genie')
    expectDone(scope)
    const again = mockList(opsgenie(), OPEN, [alert(1)])
    expect(await bot.say('/genie:')).to.deep.equal([plain])
    expectDone(again)
    expect(await bot.say('/genie: snooze 4 0m')).to.deep.equal(await bot.say('/genie snooze 4 0m'))
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
