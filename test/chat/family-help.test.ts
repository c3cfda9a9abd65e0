// `status help` and `genie help` answer with their family's commands on both Hubots, once, with no
// API call (none is mocked: nock refuses any), where people look for help first.
import { expect } from 'chai'
import { startBot, HUBOT_VERSIONS, type TestBot } from '../support/bots'
import { configure as configureStatuspage } from '../support/statuspage'
import { configure as configureOpsgenie } from '../support/opsgenie'
import { STATUSPAGE_HELP } from '../../src/chat/statuspage/help'
import { OPSGENIE_HELP } from '../../src/chat/opsgenie/help'
import { parseStatus } from '../../src/chat/statuspage/parse'

for (const version of HUBOT_VERSIONS) {
  describe(`family help on Hubot ${version}`, () => {
    let bot: TestBot
    beforeEach(async () => {
      configureStatuspage()
      configureOpsgenie()
      bot = await startBot(version, { alias: '/' })
    })
    afterEach(async () => { await bot.stop() })

    it('answers /status help with every status command, not "No component is called help"', async () => {
      const replies = await bot.say('/status help')
      expect(replies).to.have.length(1)
      expect(replies[0]).to.match(/^status commands:\n/)
      for (const entry of STATUSPAGE_HELP) expect(replies[0]).to.contain(`/${entry.usage} - ${entry.description}`)
    })

    it('answers hubot status help and /genie help too', async () => {
      expect(await bot.say('hubot status help')).to.have.length(1)
      const genie = await bot.say('/genie help')
      expect(genie).to.have.length(1)
      for (const entry of OPSGENIE_HELP) expect(genie[0]).to.contain(`/${entry.usage}`)
    })
  })
}

describe('status help parsing', () => {
  it('is help only alone: "status help?" still asks about a component called help', () => {
    expect(parseStatus(' help')).to.deep.equal({ kind: 'help' })
    expect(parseStatus(' HELP ')).to.deep.equal({ kind: 'help' })
    expect(parseStatus(' help?')).to.deep.equal({ kind: 'show', component: 'help' })
  })
})
