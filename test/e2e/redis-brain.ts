// End to end with the persistent brain Hubot users run: a real redis-server (Debian's, on a free
// loopback port) and hubot-redis-brain beside the packed package in a real Hubot process, 3.x on
// Hubot 14 and 1.x on Hubot 3.5. The bot makes writes, records who someone is, is stopped with
// SIGTERM, and a new process on the same Redis must still know all of it.

import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nock from 'nock'
import { startSandbox, type Sandbox } from '../../sandbox'
import { alertBody } from '../webhooks/payloads'
import { startRedis, type RedisServer } from '../support/redis'
import { startBotProcess, type BotProcess } from './bot-process'
import { installBot, REDIS_BRAIN, sharedPack, type BotKind, type Packed } from './install'
import { freePort } from '../support/free-port'

const INSTALL_TIMEOUT_MS = 5 * 60_000
const DANA = { user: 'dana', email: 'dana@example.com' }
const READS = ['/status log', '/genie log', '/genie whoami', '/incident']
/** The incident's age changes between two asks; everything else must not. */
const steady = (reply: string): string => reply.replace(/, open [^(,]+ \(since /, ', open … (since ')

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

/** The restart story on Hubot `kind`: one file for each (redis-brain-14, redis-brain-35), so two
 * workers run them side by side. */
export function describeRedisBrain (kind: BotKind): void {
  describe(`end to end: the brain on a real Redis survives a restart (Hubot ${kind})`, function () {
    this.timeout(90_000)
    let sandbox: Sandbox
    let workdir: string
    let packed: Packed
    const running: BotProcess[] = []
    const redises: RedisServer[] = []

    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
      workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubot-statuspage-opsgenie-redis-'))
      packed = await sharedPack()
      sandbox = await startSandbox({ alerting: 'opsgenie' })
    })

    after(async () => {
      for (const bot of running.splice(0)) await bot.stop()
      for (const redis of redises.splice(0)) await redis.stop()
      await sandbox?.stop()
      if (workdir) fs.rmSync(workdir, { recursive: true, force: true })
      nock.disableNetConnect()
    })

    const expectedListeners = (): string[] =>
      packed.files.filter(f => /^dist\/scripts\/[^/]+\.js$/.test(f)).map(f => `${path.basename(f, '.js')}.`)

    const ask = async (bot: BotProcess, text: string): Promise<string> => {
      const result = await bot.say(text, DANA.user, { email: DANA.email })
      expect(result.handled, `no answer to ${text}\n${bot.output()}`).to.not.equal(null)
      expect(result.replies, `replies to ${text}`).to.have.length(1)
      return result.replies[0]
    }

    let installed: string | undefined
    it(`Hubot ${kind} with ${REDIS_BRAIN[kind]}: status log, genie log, genie whoami and the open incident are the same after SIGTERM and a new process`, async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      const folder = await installBot(kind, workdir, packed, {
        folder: `bot-redis-${kind.replace('.', '')}`,
        externalScripts: ['hubot-redis-brain', 'hubot-statuspage-opsgenie']
      })
      installed = folder.dir
      const redis = await startRedis()
      redises.push(redis)
      await sandbox.reset()
      const env = { ...sandbox.env, REDIS_URL: redis.url }
      const first = await startBotProcess(folder, { env, expectListeners: expectedListeners() })
      running.push(first)

      // Writes on both services and an identity, verified by the chat email.
      expect(await ask(first, '/genie me as dana@example.com')).to.match(/^OK dana, you are dana@example\.com/)
      const open = sandbox.opsgenie!.state.alerts.find(a => a.status === 'open' && !a.acknowledged)!
      expect(await ask(first, `/genie ack ${open.tinyId}`)).to.match(/acknowledged/i)
      expect(await ask(first, '/status Build Processing major: builds are delayed')).to.match(/major outage/i)
      expect(await ask(first, '/incident start Builds are slow P2 on Build Processing')).to.contain('Builds are slow')
      expect(await ask(first, '/incident lead me')).to.contain('dana')
      const before = []
      for (const read of READS) before.push(steady(await ask(first, read)))
      expect(before[0]).to.contain('Build Processing')
      expect(before[1]).to.contain(`#${open.tinyId}`)
      expect(before[2]).to.match(/^You are dana@example\.com/)
      expect(before[3]).to.match(/^Incident "Builds are slow", P2, open … \(since .*declared by dana\. Lead: dana\./)

      const how = await first.terminate()
      expect(how, first.output()).to.equal('exited with SIGTERM')

      const second = await startBotProcess(folder, { env, expectListeners: expectedListeners() })
      running.push(second)
      // hubot-redis-brain reads Redis after the scripts load: wait (bounded) until its data has
      // arrived, seen in whoami, then read everything once more.
      for (let tries = 0; tries < 50; tries++) {
        if (await ask(second, '/genie whoami') === before[2]) break
        await sleep(200)
      }
      const after: string[] = []
      for (const read of READS) after.push(steady(await ask(second, read)))
      expect(after).to.deep.equal(before)
      await second.stop()
    })

    it(`Hubot ${kind} with ${REDIS_BRAIN[kind]} and Redis down at start: every read command still answers`, async function () {
      if (!installed) this.skip() // the restart test above installs the bot
      const down = await startRedis()
      await down.stop() // a loopback port nobody listens on any more
      await sandbox.reset()
      const bot = await startBotProcess({ kind, dir: installed, installSeconds: 0 }, {
        env: { ...sandbox.env, REDIS_URL: down.url }, expectListeners: expectedListeners()
      })
      running.push(bot)
      const replies: string[] = []
      for (const read of [...READS, '/status', '/genie']) replies.push(await ask(bot, read))
      expect(replies.slice(0, 3)).to.deep.equal([
        'No Statuspage change from chat is recorded yet.',
        'No OpsGenie change from chat is recorded yet.',
        'I have not been told who you are in OpsGenie. Your actions go out as dana@example.com (the email your chat ' +
          'account gives). Say /genie me as <email> to set it.'
      ])
      expect(replies[3]).to.match(/no open incident/i)
      expect(replies[4]).to.match(/^Not operational:\n• Integrations › GitHub Webhooks: degraded performance/)
      expect(replies[5]).to.match(/#\d+/) // the open alerts
      await bot.stop()
    })

    it(`Hubot ${kind}: a webhook event held in its coalescing window at SIGTERM reaches the room before the exit`, async function () {
      if (!installed) this.skip() // the restart test above installs the bot
      const redis = await startRedis()
      redises.push(redis)
      const port = await freePort()
      const secret = 'e2e-held-webhook-secret-4f9Kq2'
      const bot = await startBotProcess({ kind, dir: installed, installSeconds: 0 }, {
        env: {
          ...sandbox.env,
          REDIS_URL: redis.url,
          EXPRESS_PORT: String(port),
          EXPRESS_BIND_ADDRESS: '127.0.0.1',
          HUBOT_OPSGENIE_WEBHOOK_SECRET: secret,
          HUBOT_OPSGENIE_ROOM: 'ops',
          HUBOT_WEBHOOK_COALESCE_MS: '600000' // ten minutes: the second event waits until the bot stops
        },
        expectListeners: expectedListeners(),
        args: kind === '14' ? ['--file', './loopback-adapter.mjs', '--name', 'hubot'] : ['--adapter', 'loopback', '--name', 'hubot']
      })
      running.push(bot)
      const deliver = async (body: unknown): Promise<number> => (await fetch(`http://127.0.0.1:${port}/hubot/opsgenie`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Hubot-Secret': secret },
        body: JSON.stringify(body)
      })).status
      // Hubot 14 registers the endpoints once its HTTP server listens: try for a while (bounded).
      let status = 0
      for (let tries = 0; tries < 50 && status !== 202; tries++) {
        try { status = await deliver(alertBody('Create', { tinyId: '401', message: 'Posted at once' })) } catch { status = 0 }
        if (status !== 202) await sleep(100)
      }
      expect(status, bot.output()).to.equal(202) // accepted: posted now or held
      expect(await deliver(alertBody('Create', { tinyId: '402', message: 'Held when the bot stopped' }))).to.equal(202)
      await sleep(300)
      const posted = (): string[] => [...bot.output().matchAll(/^LOOPBACK_STRAY (.*)$/gm)].map(m => JSON.parse(m[1]) as string)
      expect(posted().join('\n')).to.contain('#401').and.not.to.contain('#402')

      expect(await bot.terminate()).to.equal('exited with SIGTERM')
      expect(posted().join('\n'), bot.output()).to.contain('#402').and.to.contain('Held when the bot stopped')
    })
  })
}
