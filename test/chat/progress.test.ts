// One progress line for a slow command, none for a fast one, and an honest answer at the deadline,
// with the robot's clock a fake one (no test waits for real seconds).
import { expect } from 'chai'
import type nock from 'nock'
import { deadlineReply, progressLine, PROGRESS_AFTER_MS } from '../../src/chat/progress'
import { botOn } from '../support/bots'
import { FakeClock, flush } from '../support/fake-clock'
import { alert, configure as configureGenie, mockAction, mockList, OPEN_UNACKED, opsgenie, uuid } from '../support/opsgenie'
import { api, components, configure as configureStatus, getComponents, getMaintenance, getUnresolved, PAGE, unresolved } from '../support/statuspage'

/** A reply held until the test releases it, and a promise that resolves when the request has arrived. */
function held (body: nock.ReplyBody, status = 200) {
  let release: () => void = () => {}
  let arrived: () => void = () => {}
  const came = new Promise<void>(resolve => { arrived = resolve })
  const reply = (_uri: string, _body: nock.Body, cb: (err: null, result: nock.ReplyFnResult) => void): void => {
    release = () => cb(null, [status, body])
    arrived()
  }
  return { reply, came, release: () => release() }
}

describe('progress on long work', () => {
  const bot = botOn('3.5', () => { configureStatus(); configureGenie() }, {
    clock: () => new FakeClock(Date.now(), { sleepsAdvance: true })
  })
  // The robot's own clock: the progress line, the deadline, retries and polls all wait on it.
  const clock = {
    advance: async (ms: number) => await (bot.clock as FakeClock).advance(ms),
    get pending () { return (bot.clock as FakeClock).pending }
  }

  it('posts one progress line for a slow command, then its result', async () => {
    const components$ = held(components())
    const scope = api().get(`${PAGE}/components`).query(true).reply(components$.reply)
    getMaintenance(getUnresolved(scope))
    const replies = bot.say('/status')
    await components$.came
    await clock.advance(PROGRESS_AFTER_MS)
    await clock.advance(PROGRESS_AFTER_MS * 5) // time goes on: still only one line
    components$.release()
    expect(await replies).to.deep.equal(['Still waiting for Statuspage…', (await replies)[1]])
    expect((await replies)[1]).to.match(/^Not operational:/)
    scope.done()
  })

  it('says which attempt a slow service is on', async () => {
    const scope = api().get(`${PAGE}/components`).query(true).reply(503, { message: 'busy' })
    const second = held(components())
    scope.get(`${PAGE}/components`).query(true).reply(second.reply)
    getMaintenance(getUnresolved(scope))
    const replies = bot.say('/status')
    await second.came // the retry was announced before it was sent
    await clock.advance(PROGRESS_AFTER_MS)
    second.release()
    const [line, result] = await replies
    expect(line).to.equal('Statuspage is slow to answer, still trying (attempt 2 of 3)…')
    expect(result).to.match(/^Not operational:/)
    expect(await replies).to.have.length(2)
  })

  it('says a rate-limited service is rate limiting us, not that it is slow', async () => {
    const scope = api().get(`${PAGE}/components`).query(true).reply(429, { message: 'slow down' }, { 'Retry-After': '1' })
    const second = held(components())
    scope.get(`${PAGE}/components`).query(true).reply(second.reply)
    getMaintenance(getUnresolved(scope))
    const replies = bot.say('/status')
    await second.came
    await clock.advance(PROGRESS_AFTER_MS)
    second.release()
    const [line, result] = await replies
    expect(line).to.equal('Statuspage is rate limiting us, waiting to try again (attempt 2 of 3)…')
    expect(result).to.match(/^Not operational:/)
  })

  it('names the bulk action and its size', async () => {
    const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(1), alert(2), alert(3)])
    mockAction(scope, uuid(1))
    mockAction(scope, uuid(2))
    const last = held({ result: 'Request will be processed', took: 0.1, requestId: 'req-last' }, 202)
    scope.post(`/v2/alerts/${uuid(3)}/acknowledge`).query(true).reply(last.reply)
    scope.get('/v2/alerts/requests/req-last').reply(200, { data: { success: true, isSuccess: true, status: 'ok', alertId: uuid(3) } })
    const replies = bot.say('/genie ack')
    await last.came
    await clock.advance(PROGRESS_AFTER_MS)
    last.release()
    expect(await replies).to.deep.equal(['Acknowledging 3 alerts…', 'Acknowledged 3 alerts, all confirmed by OpsGenie: #1–#3.'])
  })

  it('posts nothing but the result for a fast command, and leaves no timer behind', async () => {
    const scope = getMaintenance(getUnresolved(getComponents(api())))
    const before = clock.pending // the robot's own (the start-up notice's)
    expect(await bot.say('/status')).to.have.length(1)
    scope.done()
    expect(clock.pending).to.equal(before)
    await clock.advance(PROGRESS_AFTER_MS * 10)
    await flush()
    expect(bot.sent).to.have.length(1)
  })

  it('answers at the deadline with what is known: the outcome is unknown, and how to check', async () => {
    process.env.HUBOT_COMMAND_DEADLINE_SECONDS = '20'
    const components$ = held(components())
    const scope = api().get(`${PAGE}/components`).query(true).reply(components$.reply)
      .get(`${PAGE}/incidents/unresolved`).query(true).reply(200, unresolved())
    getMaintenance(scope)
    const replies = bot.say('/status')
    await components$.came
    await clock.advance(25_000)
    const got = await replies
    expect(got).to.deep.equal(['Still waiting for Statuspage…', deadlineReply(20, { service: 'Statuspage', check: 'status (and status incidents)' })])
    components$.release()
    await flush()
    expect(bot.sent).to.have.length(2) // the late result is logged, not posted
    scope.done()
  })
})

describe('progressLine', () => {
  const words = { service: 'OpsGenie', check: 'genie' }
  it('says what the command waits on, as specifically as it knows', () => {
    expect(progressLine(undefined, words)).to.equal('Still waiting for OpsGenie…')
    expect(progressLine({ kind: 'bulk', verb: 'Acknowledging', count: 151 }, words)).to.equal('Acknowledging 151 alerts…')
    expect(progressLine({ kind: 'retry', service: 'Statuspage', attempt: 2, of: 3 }, words)).to.equal('Statuspage is slow to answer, still trying (attempt 2 of 3)…')
  })
  it('names a rate limit as a rate limit, never as slowness', () => {
    const line = progressLine({ kind: 'retry', service: 'OpsGenie', attempt: 2, of: 3, reason: 'rate_limited' }, words)
    expect(line).to.equal('OpsGenie is rate limiting us, waiting to try again (attempt 2 of 3)…')
    expect(line).not.to.contain('slow')
  })
})
