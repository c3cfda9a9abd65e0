// The README's install recipes, run as written: the packed tarball (where `npm pack` in a checkout
// puts it) installed into a fresh Hubot bot by the exact lines of its `<!-- recipe:... -->` block,
// then the bot started by the recipe's own start line (with the loopback test adapter in place of
// the Shell adapter, which needs a terminal) and pointed at `npm run sandbox` by pasting what it
// prints. `help` and `/status` must answer there.
import { expect } from 'chai'
import { execFile, spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import nock from 'nock'
import { parseExports } from '../../sandbox/paste'
import { PACKAGE_ROOT } from '../support/bots'
import { startBotProcess, type BotProcess } from './bot-process'
import { cleanEnv, installLoopback, sharedPack, type BotKind } from './install'
import { freePort } from '../support/free-port'

const run = promisify(execFile)

/** The shell lines of the README's `<!-- recipe:<name> -->` block. */
function recipe (readme: string, name: string): string[] {
  const at = readme.indexOf(`<!-- recipe:${name} -->`)
  if (at === -1) throw new Error(`the README has no <!-- recipe:${name} --> block`)
  const block = /```sh\n([\s\S]*?)```/.exec(readme.slice(at))
  if (!block) throw new Error(`no sh block after <!-- recipe:${name} -->`)
  return block[1].split('\n').filter(line => line.trim() !== '')
}

const readme = fs.readFileSync(path.join(PACKAGE_ROOT, 'README.md'), 'utf8')

/** What `npm run sandbox` runs, as its own process; `settings` once it has printed them. */
function startSandboxCli (botPort: number): { child: ChildProcess, settings: Promise<Record<string, string>> } {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, 'scripts', 'sandbox.ts')], {
    cwd: PACKAGE_ROOT,
    env: cleanEnv({ SANDBOX_BOT_URL: `http://127.0.0.1:${botPort}`, SANDBOX_ROOM: 'ops' }),
    stdio: ['ignore', 'pipe', 'pipe']
  })
  let out = ''
  child.stdout?.on('data', (d: Buffer) => { out += d.toString() })
  child.stderr?.on('data', (d: Buffer) => { out += d.toString() })
  const settings = (async () => {
    const deadline = Date.now() + 30_000
    while (!/^export EXPRESS_PORT=/m.test(out)) {
      if (Date.now() > deadline || child.exitCode !== null) { child.kill(); throw new Error(`npm run sandbox did not print its settings:\n${out}`) }
      await new Promise(resolve => setTimeout(resolve, 100))
    }
    return parseExports(out)
  })()
  settings.catch(() => {}) // awaited by the test once the recipe ran; a failed recipe must not leave it unhandled
  return { child, settings }
}

/** The README's recipe for Hubot `kind` (block `<!-- recipe:hubot-<kind> -->`), as written. One file
 * for each (readme-install-14, readme-install-35), so two workers run them side by side. */
export function describeRecipe (kind: BotKind): void {
  const name = `hubot-${kind}`
  describe(`the README's Hubot ${kind} recipe, as written`, function () {
    this.timeout(240_000)
    let workdir: string
    let bot: BotProcess | undefined
    let sandbox: ChildProcess | undefined

    before(async () => {
      nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
      const packed = await sharedPack()
      workdir = fs.mkdtempSync(path.join(os.tmpdir(), `readme-recipe-${name}-`))
      // Where the README's `npm pack` leaves the tarball: in the checkout, next to the bot folder.
      fs.mkdirSync(path.join(workdir, 'hubot-statuspage-opsgenie'))
      fs.copyFileSync(packed.tarball, path.join(workdir, 'hubot-statuspage-opsgenie', path.basename(packed.tarball)))
    })

    after(async () => {
      await bot?.stop()
      sandbox?.kill('SIGTERM')
      if (workdir) fs.rmSync(workdir, { recursive: true, force: true })
      nock.disableNetConnect()
    })

    it('installs and starts with its own lines, then answers help and /status against npm run sandbox', async () => {
      const lines = recipe(readme, name)
      const start = lines.at(-1) ?? ''
      expect(start).to.match(/^npx hubot /)
      // Every line but the start line, exactly as the README says, in one shell (the `cd` carries on).
      // npm's cache keeps it off the network: npm_config_prefer_offline, as any npm setting, via the environment.
      const env = cleanEnv({ npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_loglevel: 'error' })
      // `npm run sandbox` starts meanwhile, as in its own terminal.
      const port = await freePort()
      const standIns = startSandboxCli(port)
      sandbox = standIns.child
      try {
        await run('bash', ['-euo', 'pipefail', '-c', `${lines.slice(0, -1).join('\n')}\npwd`], { cwd: workdir, env, maxBuffer: 16 * 1024 * 1024 })
      } catch (err) {
        const e = err as { stderr?: string, message: string }
        throw new Error(`the README's ${name} recipe failed: ${e.stderr || e.message}`)
      }
      const dir = path.join(workdir, /^mkdir (\S+)/.exec(lines[0])?.[1] ?? '')
      expect(JSON.parse(fs.readFileSync(path.join(dir, 'external-scripts.json'), 'utf8'))).to.include('hubot-statuspage-opsgenie')
      const installed = JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', 'hubot', 'package.json'), 'utf8')).version as string
      expect(installed.split('.')[0]).to.equal(kind === '14' ? '14' : '3')
      if (kind === '3.5') expect(installed).to.match(/^3\.5\./)

      installLoopback(kind, dir)
      const sandboxEnv = await standIns.settings
      const adapter = kind === '14' ? ['--file', './loopback-adapter.mjs'] : ['--adapter', 'loopback']
      bot = await startBotProcess({ kind, dir, installSeconds: 0 }, {
        env: sandboxEnv,
        expectListeners: ['statuspage.', 'opsgenie.', 'webhooks.'],
        args: [...start.replace(/^npx hubot /, '').split(' '), ...adapter]
      })

      const help = await bot.say('hubot help', 'alice', { timeoutMs: 3000 })
      expect(help.replies.join('\n')).to.match(/status components/).and.to.match(/genie ack/)
      const status = await bot.say('/status')
      expect(status.handled).to.not.equal(null)
      expect(status.replies.join('\n')).to.match(/^Not operational:/).and.to.contain('Integrations › GitHub Webhooks: degraded performance')
    })
  })
}
