// Classic Campfire (campfirenow.com) through Hubot's own built-in adapter, unchanged: Hubot 14
// `-a Campfire` and Hubot 3.5 `-a campfire`, installed from the tarball, their https requests to
// *.campfirenow.com sent to a local stand-in by a preloaded module. A multi-line reply must arrive
// as one paste (type PasteMessage, lines intact); a one-line reply as a plain TextMessage.

import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import nock from 'nock'
import { startSandbox, type Sandbox } from '../../sandbox'
import { campfireBot, INSTALL_TIMEOUT_MS } from './campfire-bots'
import { startAdapterBot, type AdapterBot } from './campfire-bot-process'
import { startClassicCampfire, type ClassicCampfireStandIn } from './classic-campfire'
import type { BotKind } from './install'

const REDIRECT = path.join(__dirname, 'fixtures', 'classic-campfire', 'campfirenow-redirect.cjs')
const ROOM = 7
const ALICE = { id: 42, name: 'Alice', email_address: 'alice@example.com' }

const BUILT_IN: Array<{ kind: BotKind, adapter: string }> = [{ kind: '14', adapter: 'Campfire' }, { kind: '3.5', adapter: 'campfire' }]

for (const { kind, adapter } of BUILT_IN) {
  describe(`classic Campfire: Hubot ${kind} -a ${adapter} (the built-in adapter) against a campfirenow.com stand-in`, function () {
    this.timeout(60_000)
    let sandbox: Sandbox
    let classic: ClassicCampfireStandIn
    let bot: AdapterBot

    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
      const { folder } = await campfireBot(kind)
      fs.copyFileSync(REDIRECT, path.join(folder.dir, path.basename(REDIRECT)))
      sandbox = await startSandbox({ actionDelayMs: 150 })
      classic = await startClassicCampfire()
      bot = await startAdapterBot(folder, {
        args: ['-a', adapter, '-n', 'hubot'],
        env: {
          ...sandbox.env,
          HUBOT_CAMPFIRE_TOKEN: classic.token,
          HUBOT_CAMPFIRE_ROOMS: String(ROOM),
          HUBOT_CAMPFIRE_ACCOUNT: 'acme',
          CLASSIC_CAMPFIRE_STANDIN: classic.address,
          NODE_OPTIONS: `--require ./${path.basename(REDIRECT)}`,
          EXPRESS_PORT: '0',
          EXPRESS_BIND_ADDRESS: '127.0.0.1',
          HUBOT_LOG_LEVEL: 'warn'
        },
        expectListeners: ['statuspage.', 'opsgenie.']
      })
      // The adapter joins the room and opens its stream after /users/me.
      const deadline = Date.now() + 10_000
      while (!classic.listening().includes(ROOM)) {
        if (Date.now() > deadline) throw new Error(`the bot never listened in room ${ROOM}\n${bot.output()}`)
        await new Promise(resolve => setTimeout(resolve, 25))
      }
    })

    after(async () => {
      await bot?.stop()
      await classic?.close()
      await sandbox?.stop()
      nock.disableNetConnect()
    })

    const ask = async (text: string) => {
      const since = classic.spoken.filter(s => s.roomId === ROOM).length
      classic.say(ROOM, ALICE, text)
      const [reply] = await classic.waitForSpoken(ROOM, 1, { since })
      await new Promise(resolve => setTimeout(resolve, 100))
      expect(classic.spoken.filter(s => s.roomId === ROOM).length - since, `one message for ${text}`).to.equal(1)
      return reply
    }

    it('hubot status: the multi-line summary is one paste, its lines intact', async () => {
      const reply = await ask('hubot status')
      expect(reply.type).to.equal('PasteMessage')
      expect(reply.body.split('\n')[0]).to.equal('Not operational:')
      expect(reply.body).to.contain('\n• Integrations / GitHub Webhooks: degraded performance\n')
    })

    it('hubot genie: the alert list is one paste', async () => {
      const reply = await ask('hubot genie')
      expect(reply.type).to.equal('PasteMessage')
      expect(reply.body.split('\n').filter(l => /^#10[1-5] /.test(l))).to.have.length(5)
    })

    it('a one-line reply stays a plain text message', async () => {
      const reply = await ask('hubot status no such thing')
      expect(reply.type).to.equal('TextMessage')
      expect(reply.body).to.match(/^No component is called/)
      expect(reply.body).to.not.contain('\n')
    })
  })
}
