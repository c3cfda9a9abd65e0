// Without a persistent brain the bot says once, at start, what will not survive a restart.
import { expect } from 'chai'
import { NO_PERSISTENCE_NOTICE, NOTICE_AFTER_MS } from '../../src/chat/persistence-notice'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { FakeClock } from '../support/fake-clock'

for (const version of HUBOT_VERSIONS) {
  describe(`the notice without a persistent brain (Hubot ${version})`, () => {
    let bot: TestBot
    afterEach(async () => { await bot.stop() })

    it('says once at start that history and identities will not survive a restart, and how to keep them', async () => {
      const clock = new FakeClock()
      bot = await startBot(version, { alias: '/', clock })
      await clock.advance(NOTICE_AFTER_MS)
      await clock.advance(NOTICE_AFTER_MS)
      expect(bot.logs.filter(l => l.includes('no persistent brain'))).to.have.length(1)
      expect(bot.logs.find(l => l.includes('no persistent brain'))).to.match(/^warn(ing)?: /).and.contain(NO_PERSISTENCE_NOTICE)
      expect(NO_PERSISTENCE_NOTICE).to.contain('hubot-redis-brain')
    })

    it('says nothing when a brain script saves the brain somewhere', async () => {
      const clock = new FakeClock()
      bot = await startBot(version, { alias: '/', clock })
      bot.robot.brain.on('save', () => {}) // what hubot-redis-brain does when it loads
      await clock.advance(NOTICE_AFTER_MS)
      expect(bot.logs.filter(l => l.includes('no persistent brain'))).to.deep.equal([])
    })
  })
}
