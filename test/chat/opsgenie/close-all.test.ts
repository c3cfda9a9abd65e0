import { expect } from 'chai'
import { botForEachTest, startBot } from '../../support/bots'
import { FakeClock } from '../../support/fake-clock'
import { alert, configure, expectDone, mockAction, mockList, OPEN, opsgenie, uuid } from '../../support/opsgenie'

const codeOf = (reply: string): string => {
  const m = /genie confirm ([A-Z0-9]+) /.exec(reply)
  if (!m) throw new Error(`no code in ${JSON.stringify(reply)}`)
  return m[1]
}

describe('genie close all and its confirmation on Hubot 3.5', () => {
  const bot = botForEachTest(configure)

  async function holdCloseAll (user = 'alice'): Promise<string> {
    const scope = mockList(opsgenie(), OPEN, [alert(1), alert(2)])
    const [reply] = await bot.say('/genie close all', user)
    expectDone(scope)
    expect(reply).to.match(/^This would close 2 open alerts: #1, #2\. To do it, say: \/genie confirm [A-Z0-9]{4} \(you, in this room, within 1m\)\. Anything else and nothing is closed\.$/)
    return codeOf(reply)
  }

  it('closes every open alert it named once the same person confirms with the right code', async () => {
    const code = await holdCloseAll()
    const scope = opsgenie()
    mockAction(scope, uuid(1), { action: 'close' })
    mockAction(scope, uuid(2), { action: 'close' })
    expect(await bot.say(`/genie confirm ${code.toLowerCase()}`)).to.deep.equal(['Closed 2 alerts, all confirmed by OpsGenie: #1, #2.'])
    expectDone(scope)
  })

  it('closes nothing on a wrong code, and the right code afterwards no longer works', async () => {
    const code = await holdCloseAll()
    const wrong = code === 'AAAA' ? 'BBBB' : 'AAAA'
    expect(await bot.say(`/genie confirm ${wrong}`)).to.deep.equal(['That is not the code. Nothing was closed, and the close all is cancelled.'])
    expect(await bot.say(`/genie confirm ${code}`)).to.deep.equal(['No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'])
  })

  it('closes nothing when another person gives the code', async () => {
    const code = await holdCloseAll('alice')
    expect(await bot.say(`/genie confirm ${code}`, 'mallory')).to.deep.equal(['No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'])
  })

  it('closes nothing once the time has run out (on the robot\'s clock)', async () => {
    configure({ HUBOT_OPSGENIE_CLOSE_ALL_TTL_MS: '50' })
    const clock = new FakeClock()
    const timed = await startBot('3.5', { alias: '/', clock })
    try {
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      const [reply] = await timed.say('/genie close all')
      expectDone(scope)
      await clock.advance(51)
      expect(await timed.say(`/genie confirm ${codeOf(reply)}`)).to.deep.equal(['Too late: the close all waited 50ms and expired. Nothing was closed.'])
    } finally {
      await timed.stop()
    }
  })

  it('drops the held close all when the person says any other genie command first', async () => {
    const code = await holdCloseAll()
    const scope = mockList(opsgenie(), OPEN, [alert(1), alert(2)])
    await bot.say('/genie')
    expectDone(scope)
    expect(await bot.say(`/genie confirm ${code}`)).to.deep.equal(['No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'])
  })

  it('keeps a held close all to its room (Hubot 14, whose messages carry the user\'s room)', async () => {
    const bot14 = await startBot('14', { alias: '/' })
    try {
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      const [reply] = await bot14.say('/genie close all', { name: 'alice', room: 'ops' })
      expectDone(scope)
      expect(await bot14.say(`/genie confirm ${codeOf(reply)}`, { name: 'alice', room: 'random' }))
        .to.deep.equal(['No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'])
    } finally {
      await bot14.stop()
    }
  })

  it('forgets a held close all on a restart: the code then closes nothing', async () => {
    const first = await startBot('3.5', { alias: '/' })
    let second
    try {
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      const [reply] = await first.say('/genie close all')
      expectDone(scope)
      await first.stop()
      second = await startBot('3.5', { alias: '/' })
      expect(await second.say(`/genie confirm ${codeOf(reply)}`)).to.deep.equal(
        ['No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'])
    } finally {
      await second?.stop()
    }
  })

  it('says there is nothing to close when no alert is open', async () => {
    const scope = mockList(opsgenie(), OPEN, [])
    expect(await bot.say('/genie close all')).to.deep.equal(['There is no open alert to close.'])
    expectDone(scope)
  })
})
