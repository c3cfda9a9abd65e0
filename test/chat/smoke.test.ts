import { expect } from 'chai'
import path from 'node:path'
import { startBot, HUBOT_VERSIONS, type TestBot } from '../support/bots'

for (const version of HUBOT_VERSIONS) {
  describe(`smoke on Hubot ${version}`, () => {
    let bot: TestBot
    afterEach(async () => { await bot?.stop() })
    it('answers status with the missing variables', async () => {
      bot = await startBot(version, { alias: '/', scripts: version === '3.5' ? [require.resolve('hubot-help/src/help.js')] : [] })
      const replies = await bot.say('/status')
      expect(replies).to.have.length(1)
      expect(replies[0]).to.contain('HUBOT_STATUSPAGE_API_KEY')
      const help = await bot.sayAndWait('hubot help', 'alice', 300)
      console.log(help)
    })
  })
}
void path
