import { expect } from 'chai'
import { botForEachTest } from '../../support/bots'
import { alert, configure, expectDone, fixture, mockList, OPEN, opsgenie } from '../../support/opsgenie'

describe('alert ids are echoed exactly as typed (Hubot 3.5)', () => {
  const bot = botForEachTest(configure)

  it('names a huge id as typed, never as a rounded number', async () => {
    const scope = mockList(opsgenie(), OPEN, [alert(1)])
    for (const id of ['99999999999999999999999999', '2']) {
      scope.get(`/v2/alerts/${id}`).query({ identifierType: 'tiny' }).reply(404, fixture('error-404-alert'))
    }
    const [reply] = await bot.say('/genie ack 99999999999999999999999999 2')
    expectDone(scope)
    expect(reply).to.include('#99999999999999999999999999').and.not.include('e+')
  })
})
