// The genie script itself (src/scripts/opsgenie.ts) on real Hubot 14 and 3.5 robots: what it wires
// rather than what the handlers do (test/chat/opsgenie): genie log from the brain's history under the
// service's name, every action reaching that history, and replies that name commands the way this
// robot is addressed. Its header against the help table: test/chat/opsgenie/parity.test.ts.
import { expect } from 'chai'
import { configureJsm } from '../support/jsm'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { alert, configure, expectDone, mockAction, mockList, OPEN, opsgenie, uuid } from '../support/opsgenie'

const ALICE = { name: 'alice', id: 'U1', room: 'ops', email_address: 'alice@example.com' }

for (const version of HUBOT_VERSIONS) {
  describe(`the genie script (Hubot ${version})`, () => {
    let bot: TestBot | undefined
    afterEach(async () => { await bot?.stop(); bot = undefined })

    it('answers genie log from the brain\'s history, with each action taken from chat, newest first', async () => {
      configure()
      bot = await startBot(version, { alias: '/' })
      expect(await bot.say('/genie log', ALICE)).to.deep.equal(['No OpsGenie change from chat is recorded yet.'])
      const scope = opsgenie()
      mockList(scope, OPEN, [alert(1), alert(2)])
      mockAction(scope, uuid(1), { action: 'close' })
      mockList(scope, OPEN, [alert(2)])
      mockAction(scope, uuid(2))
      await bot.say('/genie close 1', ALICE)
      await bot.say('/genie ack 2', ALICE)
      expectDone(scope)
      const [log] = await bot.say('/genie log', ALICE)
      const lines = log.split('\n')
      expect(lines[0]).to.equal('The last 2 OpsGenie changes from chat, newest first:')
      expect(lines.slice(1).map(l => l.replace(/^• .+? UTC alice \(U1\) in \S+: /, ''))).to.deep.equal([
        `genie ack → #2 (${uuid(2)}) acknowledge: done`,
        `genie close → #1 (${uuid(1)}) close: done`
      ])
      expect(await bot.say('/genie log 1', ALICE)).to.have.length(1).and.satisfy((r: string[]) => r[0].startsWith('The last 1 OpsGenie change from chat (of 2 kept), newest first:'))
    })

    it('names JSM Operations in genie log when that is the backend', async () => {
      configureJsm()
      bot = await startBot(version, { alias: '/' })
      expect(await bot.say('/genie log', ALICE)).to.deep.equal(['No JSM Operations change from chat is recorded yet.'])
    })

    it('tells people the next command as this robot is addressed: its alias, else its name', async () => {
      configure()
      bot = await startBot(version, { alias: '/' })
      const scope = opsgenie()
      mockList(scope, OPEN, [alert(1)])
      const [withAlias] = await bot.say('/genie close all', ALICE)
      expect(withAlias).to.match(/To do it, say: \/genie confirm [A-Z0-9]{4} /)
      await bot.stop()
      mockList(scope, OPEN, [alert(1)])
      bot = await startBot(version)
      const [byName] = await bot.say('hubot genie close all', ALICE)
      expect(byName).to.match(/To do it, say: hubot genie confirm [A-Z0-9]{4} /)
      expectDone(scope)
    })
  })
}
