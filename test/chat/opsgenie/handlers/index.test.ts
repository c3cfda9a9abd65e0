// Each parsed genie command reaches its own handler, through real Hubot 3.5 and 14 robots, and any
// command but genie confirm drops the close all its sender was holding.
import { expect } from 'chai'
import { formatHelp, formatUnknown } from '../../../../src/chat/opsgenie/command-format'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { alert, configure, expectDone, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie, uuid } from '../../../support/opsgenie'

const ALICE = { name: 'alice', id: 'U1', email_address: 'alice@example.com' }
const NOT_WAITING = 'No close all is waiting for your confirmation in this room (a restart of the bot cancels one). Nothing was closed.'

for (const version of HUBOT_VERSIONS) {
  describe(`routing a genie command to its handler (Hubot ${version})`, () => {
    const bot = botOn(version, configure)
    const ask = async (text: string): Promise<string[]> => await bot.say(text, ALICE)

    async function holdCloseAll (): Promise<string> {
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      const [reply] = await ask('/genie close all')
      expectDone(scope)
      const code = /genie confirm ([A-Z0-9]+) /.exec(reply)?.[1]
      if (!code) throw new Error(`no code in ${JSON.stringify(reply)}`)
      return code
    }

    it('answers help, an unknown command, a malformed one and one over its bound from the words alone, calling nothing', async () => {
      expect(await ask('/genie help')).to.deep.equal([formatHelp('/')])
      expect(await ask('/genie dance')).to.deep.equal([formatUnknown('dance', '/')])
      expect(await ask('/genie snooze 1 forever')).to.deep.equal(['Usage: /genie snooze <id> <duration> (give one alert id and a duration such as 30m, 2h or 1d).'])
      expect(await ask(`/genie note 1 ${'x'.repeat(25_001)}`)).to.deep.equal(['That note is too long (25,001 characters; at most 25,000). Nothing was changed.'])
    })

    it('sends acknowledge, unacknowledge and close for the verbs that say so', async () => {
      for (const [verb, action] of [['ack', 'acknowledge'], ['unack', 'unacknowledge'], ['close', 'close']]) {
        const scope = mockList(opsgenie(), OPEN, [alert(1)])
        mockAction(scope, uuid(1), { action })
        const replies = await ask(`/genie ${verb} 1`)
        expectDone(scope)
        expect(replies, verb).to.have.length(1)
        expect(replies[0], verb).to.match(/confirmed by OpsGenie: #1\.$/)
      }
    })

    it('acknowledges every open unacknowledged alert for a bare genie ack', async () => {
      const scope = mockList(opsgenie(), OPEN_UNACKED, [alert(2)])
      mockAction(scope, uuid(2))
      expect(await ask('/genie ack')).to.deep.equal(['Acknowledged 1 alert, confirmed by OpsGenie: #2.'])
      expectDone(scope)
    })

    it('closes the held alerts when the same person confirms first', async () => {
      const code = await holdCloseAll()
      const scope = opsgenie()
      mockAction(scope, uuid(1), { action: 'close' })
      expect(await ask(`/genie confirm ${code}`)).to.deep.equal(['Closed 1 alert, confirmed by OpsGenie: #1.'])
      expectDone(scope)
    })

    it('drops a held close all when its sender says another genie command, even one that calls nothing', async () => {
      const code = await holdCloseAll()
      expect(await ask('/genie whoami')).to.have.length(1)
      expect(await ask(`/genie confirm ${code}`)).to.deep.equal([NOT_WAITING])
    })

    it('drops it for a command that is refused or unknown too', async () => {
      const code = await holdCloseAll()
      expect(await ask('/genie dance')).to.have.length(1)
      expect(await ask(`/genie confirm ${code}`)).to.deep.equal([NOT_WAITING])
    })
  })
}
