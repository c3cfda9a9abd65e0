// The webhooks script speaks through the room port like every command (src/chat/room.ts): on classic
// Campfire a multi-line summary is pasted, not flattened into one line; a one-line post is sent as is.
import { expect } from 'chai'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import { FakeClock } from '../support/fake-clock'
import { allowLoopback } from '../sandbox/http'
import { alertBody } from '../webhooks/payloads'

const SECRET = 'og-hook-Secret-5Tr8Yu2Io0'

/** Makes the robot look like Hubot's classic Campfire adapter; returns what it pasted. */
function asClassicCampfire (bot: TestBot): Array<[string, string]> {
  const pasted: Array<[string, string]> = []
  bot.robot.adapterName = 'Campfire'
  bot.robot.adapter.bot = {
    Room: (id: string) => ({
      paste: (text: string, cb: (err: unknown) => void) => { pasted.push([id, text]); cb(null) }
    })
  }
  return pasted
}

for (const version of HUBOT_VERSIONS) {
  describe(`webhook posts on classic Campfire (Hubot ${version})`, () => {
    allowLoopback()
    let bot: TestBot
    afterEach(async () => { await bot.stop() })

    it('pastes a multi-line summary and sends a one-line post as it is', async () => {
      Object.assign(process.env, { HUBOT_OPSGENIE_WEBHOOK_SECRET: SECRET, HUBOT_OPSGENIE_ROOM: '42', HUBOT_WEBHOOK_COALESCE_MS: '5000' })
      const clock = new FakeClock()
      bot = await startBot(version, { http: true, alias: '/', clock })
      const pasted = asClassicCampfire(bot)
      const deliver = async (tinyId: string): Promise<void> => {
        const res = await fetch(`${bot.url!}/hubot/opsgenie`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'X-Hubot-Secret': SECRET },
          body: JSON.stringify(alertBody('Create', { tinyId }))
        })
        expect(res.status).to.equal(202)
      }
      await deliver('301') // a quiet room: posted at once, one line
      await deliver('302') // held for the window...
      await deliver('303')
      await clock.advance(5000) // ...and posted as one summary
      const posts = bot.posts.filter(p => p.room === '42').map(p => p.text)
      expect(posts).to.have.length(1)
      expect(posts[0]).not.to.contain('\n')
      expect(pasted).to.have.length(1)
      expect(pasted[0][0]).to.equal('42')
      expect(pasted[0][1]).to.match(/^2 events since the last message:\n/)
    })
  })
}
