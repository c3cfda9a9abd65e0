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
import { startRedis, type RedisServer } from '../support/redis'
import { startBotProcess, type BotProcess } from './bot-process'
import { installBot, sharedPack, type BotKind, type Packed } from './install'

const INSTALL_TIMEOUT_MS = 5 * 60_000
const DANA = { user: 'dana', email: 'dana@example.com' }
/** The hubot-redis-brain each Hubot takes (see README, Development). */
const REDIS_BRAIN: Record<BotKind, string> = { 14: 'hubot-redis-brain@3.0.1', 3.5: 'hubot-redis-brain@1.0.0' }
const READS = ['/status log', '/genie log', '/genie whoami', '/incident']
/** The incident's age changes between two asks; everything else must not. */
const steady = (reply: string): string => reply.replace(/, open [^(,]+ \(since /, ', open … (since ')

const sleep = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('end to end: the brain on a real Redis survives a restart', function () {
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

  const folders: Partial<Record<BotKind, string>> = {}
  for (const kind of ['14', '3.5'] as BotKind[]) {
    it(`Hubot ${kind} with ${REDIS_BRAIN[kind]}: status log, genie log, genie whoami and the open incident are the same after SIGTERM and a new process`, async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      const folder = await installBot(kind, workdir, packed.tarball, {
        folder: `bot-redis-${kind.replace('.', '')}`,
        packages: [REDIS_BRAIN[kind]],
        externalScripts: ['hubot-redis-brain', 'hubot-statuspage-opsgenie']
      })
      folders[kind] = folder.dir
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
  }

  for (const kind of ['14', '3.5'] as BotKind[]) {
    it(`Hubot ${kind} with ${REDIS_BRAIN[kind]} and Redis down at start: every read command still answers`, async function () {
      if (!folders[kind]) this.skip() // the restart test above installs the bot
      const down = await startRedis()
      await down.stop() // a loopback port nobody listens on any more
      await sandbox.reset()
      const bot = await startBotProcess({ kind, dir: folders[kind]!, installSeconds: 0 }, {
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
  }
})
