// docs/campfire.md's two-terminal recipe: `SANDBOX_CAMPFIRE=1 npm run sandbox` in one terminal, a
// Hubot 14 bot on the hubot-once-campfire adapter (both packed tarballs installed) started with what
// it printed in the other. The P1 alert arrives in its Ops room, and a line typed in the sandbox's
// terminal ("@Hubot /status") is answered there.
import { expect } from 'chai'
import { spawn, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import nock from 'nock'
import { parseExports } from '../../sandbox/paste'
import { PACKAGE_ROOT } from '../support/bots'
import { startAdapterBot, type AdapterBot } from './campfire-bot-process'
import { campfireBot, INSTALL_TIMEOUT_MS } from './campfire-bots'
import { cleanEnv } from './install'
import { freePort } from '../support/free-port'

async function until (what: string, check: () => boolean, output: () => string, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n--- npm run sandbox ---\n${output()}`)
    await new Promise(resolve => setTimeout(resolve, 100))
  }
}

describe('the two-terminal ONCE Campfire recipe (SANDBOX_CAMPFIRE=1 npm run sandbox)', function () {
  this.timeout(INSTALL_TIMEOUT_MS)
  let sandbox: ChildProcess | undefined
  let bot: AdapterBot | undefined
  let printed = ''

  before(() => { nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/) })
  after(async () => {
    await bot?.stop()
    sandbox?.kill('SIGTERM')
    nock.disableNetConnect()
  })

  it('prints the Campfire settings and rooms; the bot started with them gets the alert and answers in Ops', async () => {
    const { folder } = await campfireBot('14')
    const port = await freePort()
    sandbox = spawn(process.execPath, ['--import', 'tsx', path.join(PACKAGE_ROOT, 'scripts', 'sandbox.ts')], {
      cwd: PACKAGE_ROOT,
      env: cleanEnv({ SANDBOX_CAMPFIRE: '1', SANDBOX_BOT_URL: `http://127.0.0.1:${port}` }),
      stdio: ['pipe', 'pipe', 'pipe']
    })
    sandbox.stdout?.on('data', (d: Buffer) => { printed += d.toString() })
    sandbox.stderr?.on('data', (d: Buffer) => { printed += d.toString() })
    await until('the printed settings', () => /^Type here/m.test(printed), () => printed)
    expect(printed).to.match(/Rooms: Ops is room 1 \(alerts and status changes go there\), your direct room with the bot is 2\./)
    const env = parseExports(printed)
    expect(env).to.include({ HUBOT_OPSGENIE_ROOM: '1', HUBOT_STATUSPAGE_ROOM: '1', EXPRESS_PORT: String(port) })
    expect(env).to.have.keys(
      'HUBOT_STATUSPAGE_API_URL', 'HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID', 'HUBOT_OPSGENIE_API_URL',
      'HUBOT_OPSGENIE_API_KEY', 'HUBOT_OPSGENIE_WEBHOOK_SECRET', 'HUBOT_OPSGENIE_ROOM', 'HUBOT_OPSGENIE_WEB_URL',
      'HUBOT_STATUSPAGE_WEBHOOK_SECRET', 'HUBOT_STATUSPAGE_ROOM', 'EXPRESS_BIND_ADDRESS', 'EXPRESS_PORT',
      'HUBOT_ONCE_CAMPFIRE_URL', 'HUBOT_ONCE_CAMPFIRE_BOT_KEY', 'HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH')

    // The start line docs/campfire.md gives for Hubot 14, with everything pasted.
    bot = await startAdapterBot(folder, {
      args: ['--adapter', 'hubot-once-campfire', '--name', 'Hubot', '--alias', '/'],
      env,
      expectListeners: ['statuspage.', 'opsgenie.', 'webhooks.']
    })
    await until('the P1 alert in Ops', () => /^\[Ops\] Hubot: New alert #106 P1: Checkout API/m.test(printed), () => printed)

    sandbox.stdin?.write('@Hubot /status\n')
    await until('the answer in Ops', () => /^\[Ops\] Hubot: Not operational:/m.test(printed), () => printed)
    sandbox.stdin?.write('dm /genie\n')
    await until('the answer in the direct room', () => /^\[direct\] Hubot: OpsGenie: \d+ open alerts/m.test(printed), () => printed)
  })
})
