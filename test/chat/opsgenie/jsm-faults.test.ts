// #13 on the JSM Operations backend: a confirmation poll that does not say whether the action
// succeeded is "not confirmed", never "failed"; an alert without `acknowledged` is a bad answer,
// never an acknowledged alert shown (and acted on) as not acknowledged.
import { expect } from 'chai'
import { botForEachTest } from '../../support/bots'
import { expectDone } from '../../support/opsgenie'
import { configureJsm, jsmAlert, jsmFixture, jsmId, mockJsmList, OPEN, OPEN_UNACKED, REST, rest, TOKEN } from '../../support/jsm'

describe('JSM Operations faults never mislead (Hubot 3.5)', () => {
  const bot = botForEachTest(configureJsm, bot => {
    expect([...bot.sent, ...bot.logs].join('\n')).not.to.contain(TOKEN)
  })

  for (const [what, body] of [['{}', {}], ['{"data":null}', { data: null }]] as const) {
    it(`a confirmation poll answered ${what} is not confirmed, with its cause`, async () => {
      const scope = mockJsmList(rest(), OPEN_UNACKED, [jsmAlert(1)])
      scope.post(`${REST}/alerts/${jsmId(1)}/acknowledge`).reply(202, { ...jsmFixture('accepted'), requestId: 'r-1' })
      scope.get(`${REST}/alerts/requests/r-1`).reply(200, body)
      const [reply] = await bot.say('/genie ack', 'alice')
      expectDone(scope)
      expect(reply.split('\n').slice(0, 2)).to.deep.equal(['Nothing was confirmed as acknowledged.',
        'Not confirmed: #1 — JSM Operations accepted it, but asking whether it was processed failed (its answer could not be read); ' +
        'it may have happened, check with genie before retrying.'])
    })
  }

  it('an alert listed without acknowledged is a bad answer, not an unacknowledged alert', async () => {
    const { acknowledged: _gone, ...partial } = jsmAlert(1, { acknowledged: true })
    const scope = mockJsmList(rest(), OPEN, [partial])
    const [reply] = await bot.say('/genie')
    expectDone(scope)
    expect(reply).to.match(/^JSM Operations answered with JSON of an unexpected shape \(acknowledged is not true or false\)\. Nothing was changed/)
  })
})
