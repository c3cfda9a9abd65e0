// #13 through a real robot, on the genie side: a failed confirmation is "not confirmed" with its
// cause (never a refused action), every body is checked before use (no #null, no undefined
// identity), a reset on take says to check genie oncall, the work of one message is bounded, and
// two commands never send two actions to one alert.
import { expect } from 'chai'
import type nock from 'nock'
import { HANDLED_EVENT } from '../../../src/chat/room'
import { BRAIN_KEY } from '../../../src/chat/opsgenie/identity'
import { botForEachTest, startBot, type TestBot } from '../../support/bots'
import {
  accepted, alert, configure, expectDone, fixture, KEY, listBody, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie,
  requestIdFor, success, uuid
} from '../../support/opsgenie'

const reset = (): Error => Object.assign(new Error('socket hang up'), { code: 'ECONNRESET' })
const LIST = (query: string) => ({ query, offset: '0', limit: '100', sort: 'createdAt', order: 'desc' })
const NEO = { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' }
const PRIMARY = fixture('schedules').data[0]

/** An action accepted (202) whose confirmation poll answers `status` with `body` (every time it is asked). */
function acceptedThenPoll (scope: nock.Scope, n: number, status: number, body: nock.Body, action = 'acknowledge'): void {
  const requestId = requestIdFor(uuid(n), action)
  scope.post(`/v2/alerts/${uuid(n)}/${action}`).query({ identifierType: 'id' }).reply(202, accepted(requestId))
  scope.get(`/v2/alerts/requests/${requestId}`).times(status >= 500 ? 3 : 1).reply(status, body)
}

/** Delivers every message at once and resolves with what the bot said once all were answered. */
async function together (bot: TestBot, messages: Array<[string, string]>): Promise<string[]> {
  const before = bot.sent.length
  let handled = 0
  const done = new Promise<void>(resolve => {
    bot.robot.on(HANDLED_EVENT, () => { if (++handled === messages.length) resolve() })
  })
  for (const [text, user] of messages) void bot.sayAndWait(text, user, 0)
  await done
  await new Promise(resolve => setTimeout(resolve, 20))
  return bot.sent.slice(before)
}

describe('genie faults never mislead (Hubot 3.5)', () => {
  const bot = botForEachTest(() => configure({ HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '2000' }), bot => {
    expect([...bot.sent, ...bot.logs].join('\n')).not.to.contain(KEY)
  })

  describe('a failed confirmation poll is "not confirmed" with its cause, never a refused action', () => {
    for (const [status, cause] of [[401, '401, the key may not read request states'], [403, '403, not permitted']] as const) {
      it(`${status} on every poll of a genie ack`, async () => {
        const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1), alert(2)])
        acceptedThenPoll(scope, 1, status, { message: 'Key is not authorized', took: 0, requestId: 'r' })
        acceptedThenPoll(scope, 2, status, { message: 'Key is not authorized', took: 0, requestId: 'r' })
        const [reply] = await bot.say('/genie ack')
        expectDone(scope)
        expect(reply).to.equal('Nothing was confirmed as acknowledged.\n' +
          `Not confirmed (2): #1, #2 — OpsGenie accepted it, but asking whether it was processed failed (${cause}); it may have happened, check with genie before retrying.`)
        expect(reply).not.to.match(/rejected|Nothing was changed|refused/)
      })
    }

    it('403 on the poll of a note', async () => {
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      acceptedThenPoll(scope, 1, 403, { message: 'Forbidden', took: 0, requestId: 'r' }, 'notes')
      expect(await bot.say('/genie note 1 looking')).to.deep.equal(['#1: not confirmed — OpsGenie accepted it, but asking whether it was processed failed (403, not permitted); it may have happened, check with genie before retrying.'])
      expectDone(scope)
    })

    for (const [what, body] of [['{}', {}], ['{"data":{}}', { data: {} }], ['a body that is not JSON', '<html>oops</html>'], ['{"data":null}', { data: null }]] as const) {
      it(`a poll answered ${what}`, async () => {
        const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
        acceptedThenPoll(scope, 1, 200, body as nock.Body)
        const [reply] = await bot.say('/genie ack')
        expectDone(scope)
        expect(reply).to.equal('Nothing was confirmed as acknowledged.\n' +
          'Not confirmed: #1 — OpsGenie accepted it, but asking whether it was processed failed (its answer could not be read); it may have happened, check with genie before retrying.')
      })
    }
  })

  describe('{} and null fields on every read', () => {
    const shaped = (problem: string): string =>
      `OpsGenie answered with JSON of an unexpected shape (${problem}). Nothing was changed: try again in a minute, or use the OpsGenie app.`

    it('genie with a list answered {}', async () => {
      const scope = opsgenie().get('/v2/alerts').query(LIST(OPEN)).reply(200, {})
      expect(await bot.say('/genie')).to.deep.equal([shaped('data is undefined, not a list')])
      expectDone(scope)
    })

    it('genie ack with a null id in the list: nothing is sent to /v2/alerts/null', async () => {
      const scope = opsgenie().get('/v2/alerts').query(LIST(OPEN_UNACKED)).reply(200, listBody([alert(1), { ...alert(2), id: null }], false))
      expect(await bot.say('/genie ack')).to.deep.equal([shaped('data[1].id is null, not a non-empty text')])
      expectDone(scope)
    })

    it('genie with an alert whose acknowledged field is missing is not shown as not acked', async () => {
      const { acknowledged: _gone, ...partial } = alert(1, { acknowledged: true })
      const scope = opsgenie().get('/v2/alerts').query(LIST(OPEN)).reply(200, listBody([partial], false))
      expect(await bot.say('/genie')).to.deep.equal([shaped('data[0].acknowledged is undefined, not true or false')])
      expectDone(scope)
    })

    it('genie note with the alert read as {"data":null}', async () => {
      const scope = mockList(opsgenie(), OPEN, [])
      scope.get('/v2/alerts/5').query({ identifierType: 'tiny' }).reply(200, { data: null })
      expect(await bot.say('/genie note 5 hello')).to.deep.equal([shaped('data is null, not an object')])
      expectDone(scope)
    })

    it('genie oncall with schedules answered {} and with on-calls answered {}', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, {})
      expect(await bot.say('/genie oncall')).to.deep.equal([shaped('data is undefined, not a list')])
      scope.get('/v2/schedules').reply(200, { data: [PRIMARY] })
      scope.get(`/v2/schedules/${PRIMARY.id}/on-calls`).query(true).reply(200, {})
      expect(await bot.say('/genie oncall')).to.deep.equal([shaped('data is undefined, not an object')])
      expectDone(scope)
    })

    for (const [what, body] of [['{}', {}], ['a user without a username', { data: { id: 'u-1', username: null } }], ['a body that is not JSON', 'garbled']] as const) {
      it(`genie me as with ${what} stores nothing`, async () => {
        const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, body as nock.Body)
        const [reply] = await bot.say('/genie me as neo@opsgenie.com', NEO)
        expectDone(scope)
        expect(reply).to.match(/^OpsGenie answered with (JSON of an unexpected shape|something that is not JSON).*Nothing was changed/)
        expect(bot.robot.brain.get(BRAIN_KEY)).to.equal(null)
        expect((await bot.say('/genie whoami', NEO))[0]).to.match(/^I have not been told who you are/)
      })
    }
  })

  describe('{} and null fields on every write', () => {
    it('an action answered {} (no requestId) is not confirmed and may have happened', async () => {
      const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
      scope.post(`/v2/alerts/${uuid(1)}/acknowledge`).query({ identifierType: 'id' }).reply(202, {})
      expect(await bot.say('/genie ack')).to.deep.equal(['Nothing was confirmed as acknowledged.\nNot confirmed: #1 — the answer was unreadable; it may or may not have happened, check with genie before retrying.'])
      expectDone(scope)
    })

    it('an override answered {"data":{"alias":null}} may have been created: check with genie oncall', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, { data: [PRIMARY] })
      scope.post(`/v2/schedules/${PRIMARY.id}/overrides`).query(true).reply(201, { data: { alias: null } })
      expect(await bot.say('/genie take for 1h', NEO)).to.deep.equal(['OpsGenie answered with JSON of an unexpected shape (data.alias is null, not a non-empty text), ' +
        'so the request may or may not have been carried out. Check its state with /genie oncall before trying again, or use the OpsGenie app.'])
      expectDone(scope)
    })
  })

  it('a connection reset on genie take says it may have happened and to check genie oncall, sent once', async () => {
    const scope = opsgenie().get('/v2/schedules').reply(200, { data: [PRIMARY] })
    scope.post(`/v2/schedules/${PRIMARY.id}/overrides`).query(true).replyWithError(reset())
    expect(await bot.say('/genie take for 1h', NEO)).to.deep.equal(['The connection to OpsGenie failed (ECONNRESET) after the request was sent: ' +
      'it may or may not have been carried out. Check its state with /genie oncall before trying again.'])
    expectDone(scope)
  })

  describe('bounded work per message', () => {
    it('refuses 1,500 ids without a single call', async () => {
      const ids = Array.from({ length: 1500 }, (_, i) => i + 1).join(' ')
      expect(await bot.say(`/genie unack ${ids}`)).to.deep.equal(['That names 1,500 alerts; one command may unacknowledge at most 100 (HUBOT_OPSGENIE_MAX_IDS). Nothing was changed: split them into several commands.'])
    })

    it('takes its bound from HUBOT_OPSGENIE_MAX_IDS', async () => {
      process.env.HUBOT_OPSGENIE_MAX_IDS = '2'
      expect((await bot.say('/genie ack 1 2 3'))[0]).to.match(/^That names 3 alerts; one command may acknowledge at most 2 .*\(\/genie ack alone acknowledges every open alert\)\.$/)
      const scope = mockList(opsgenie(), OPEN, [alert(1), alert(2)])
      mockAction(scope, uuid(1))
      mockAction(scope, uuid(2))
      expect(await bot.say('/genie ack 1 2 1')).to.deep.equal(['Acknowledged 2 alerts, all confirmed by OpsGenie: #1, #2.'])
      expectDone(scope)
    })

    it('lists 393 unknown ids in a bounded line', async () => {
      process.env.HUBOT_OPSGENIE_MAX_IDS = '400'
      // About the bound on the reply, not pacing: a budget above what 400 lookups need keeps it fast.
      process.env.HUBOT_OPSGENIE_RATE_PER_SECOND = '1000'
      const scope = mockList(opsgenie(), OPEN, Array.from({ length: 6 }, (_, i) => alert(i + 1)))
      for (let n = 1; n <= 6; n++) mockAction(scope, uuid(n))
      scope.get(/^\/v2\/alerts\/\d+$/).query({ identifierType: 'tiny' }).times(393).reply(404, fixture('error-404-alert'))
      const ids = Array.from({ length: 399 }, (_, i) => i + 1).join(' ')
      const [reply] = await bot.say(`/genie ack ${ids}`)
      expectDone(scope)
      const [done, unknown] = reply.split('\n')
      expect(done).to.equal('Acknowledged 6 alerts, all confirmed by OpsGenie: #1–#6.')
      // Consecutive ids are one range, so 393 of them take a few characters.
      expect(unknown).to.equal('Unknown: #7–#399 (no such alert).')
    })

    it('refuses a note over 25,000 characters and a schedule name over 2,000', async () => {
      expect(await bot.say(`/genie note 1 ${'n'.repeat(25_001)}`)).to.deep.equal(['That note is too long (25,001 characters; at most 25,000). Nothing was changed.'])
      expect(await bot.say(`/genie take ${'s'.repeat(2_001)} for 1h`)).to.deep.equal(['That schedule name is too long (2,008 characters; at most 2,000). Nothing was changed.'])
    })

    it('echoes an unknown command cut short', async () => {
      const [reply] = await bot.say(`/genie ${'zz '.repeat(1000)}`)
      expect(reply).to.match(/^I don't know "genie (zz ){20,}z*…"\. Try:/)
      expect(reply.length).to.be.below(1000)
    })
  })

  describe('never a second action on one alert', () => {
    it('two genie ack at once: one acknowledge per alert, the second names the first and acts only on what it does not cover', async () => {
      const six = Array.from({ length: 6 }, (_, i) => alert(i + 1))
      const scope = mockList(opsgenie(), OPEN_UNACKED, six)
      // The second listing sees a seventh alert that arrived meanwhile.
      mockList(scope, OPEN_UNACKED, [...six, alert(7)])
      let acks = 0
      scope.on('request', (req: { method: string, path: string }) => { if (req.method === 'POST' && req.path.includes('/acknowledge')) acks++ })
      for (let n = 1; n <= 7; n++) {
        const requestId = requestIdFor(uuid(n), 'acknowledge')
        scope.post(`/v2/alerts/${uuid(n)}/acknowledge`).query({ identifierType: 'id' }).reply(202, accepted(requestId))
        scope.get(`/v2/alerts/requests/${requestId}`).delay(150).reply(200, success(uuid(n)))
      }
      const replies = await together(bot, [['/genie ack', 'alice'], ['/genie ack', 'bob']])
      expectDone(scope)
      expect(acks).to.equal(7)
      expect(replies).to.have.length(2)
      const alice = replies.find(r => r.startsWith('Acknowledged'))
      const bob = replies.find(r => r.startsWith('genie ack by alice'))
      expect(alice).to.equal('Acknowledged 6 alerts, all confirmed by OpsGenie: #1–#6.')
      expect(bob).to.match(/^genie ack by alice \(started \d+s ago\) was already acting on #1, #2, #3, #4, #5, #6: its result for them is below; nothing was sent twice\.\nAcknowledged 7 alerts, all confirmed by OpsGenie: #1–#7\.$/)
    })

    it('two confirmed close-alls close each alert once', async () => {
      const eight = Array.from({ length: 8 }, (_, i) => alert(i + 1))
      const scope = mockList(opsgenie(), OPEN, eight)
      mockList(scope, OPEN, eight)
      const [aliceHold] = await bot.say('/genie close all', 'alice')
      const [bobHold] = await bot.say('/genie close all', 'bob')
      const code = (reply: string): string => /genie confirm ([A-Z0-9]+) /.exec(reply)?.[1] ?? ''
      let closes = 0
      scope.on('request', (req: { method: string, path: string }) => { if (req.method === 'POST' && req.path.includes('/close')) closes++ })
      for (let n = 1; n <= 8; n++) {
        const requestId = requestIdFor(uuid(n), 'close')
        scope.post(`/v2/alerts/${uuid(n)}/close`).query({ identifierType: 'id' }).reply(202, accepted(requestId))
        scope.get(`/v2/alerts/requests/${requestId}`).delay(100).reply(200, success(uuid(n), 'Close'))
      }
      const replies = await together(bot, [[`/genie confirm ${code(aliceHold)}`, 'alice'], [`/genie confirm ${code(bobHold)}`, 'bob']])
      expectDone(scope)
      expect(closes).to.equal(8)
      const all = '#1, #2, #3, #4, #5, #6, #7, #8'
      expect(replies).to.include('Closed 8 alerts, all confirmed by OpsGenie: #1–#8.')
      expect(replies.find(r => r.includes('was already acting on'))).to.match(new RegExp(`^genie close all by (alice|bob) .* was already acting on ${all}: .*\\nClosed 8 alerts, all confirmed by OpsGenie: #1–#8\\.$`))
    })
  })
})

describe('genie faults on Hubot 14', () => {
  let bot: TestBot | undefined
  afterEach(async () => { await bot?.stop(); bot = undefined })

  it('two genie ack at once send one acknowledge per alert', async () => {
    configure()
    bot = await startBot('14', { alias: '/' })
    const three = [alert(1), alert(2), alert(3)]
    const scope = mockList(opsgenie(), OPEN_UNACKED, three)
    mockList(scope, OPEN_UNACKED, three)
    for (let n = 1; n <= 3; n++) {
      const requestId = requestIdFor(uuid(n), 'acknowledge')
      scope.post(`/v2/alerts/${uuid(n)}/acknowledge`).query({ identifierType: 'id' }).reply(202, accepted(requestId))
      scope.get(`/v2/alerts/requests/${requestId}`).delay(150).reply(200, success(uuid(n)))
    }
    const replies = await together(bot, [['/genie ack', 'alice'], ['/genie ack', 'bob']])
    expectDone(scope)
    expect(replies).to.have.length(2)
    expect(replies).to.include('Acknowledged 3 alerts, all confirmed by OpsGenie: #1–#3.')
    expect(replies.find(r => r.includes('was already acting on'))).to.match(/^genie ack by (alice|bob) .*#1, #2, #3: its result/)
  })

  it('a 403 on the confirmation poll is not confirmed, not refused', async () => {
    configure()
    bot = await startBot('14', { alias: '/' })
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1)])
    acceptedThenPoll(scope, 1, 403, { message: 'Forbidden', took: 0, requestId: 'r' })
    const replies = await bot.say('/genie ack')
    expectDone(scope)
    expect(replies).to.deep.equal(['Nothing was confirmed as acknowledged.\n' +
      'Not confirmed: #1 — OpsGenie accepted it, but asking whether it was processed failed (403, not permitted); it may have happened, check with genie before retrying.'])
  })
})
