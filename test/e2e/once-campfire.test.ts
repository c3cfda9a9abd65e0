// End to end through ONCE Campfire: this package and the hubot-once-campfire adapter, each packed
// with `npm pack` and installed with hubot@14.1.0 into a fresh bot folder, started as a user would
// (`hubot -a hubot-once-campfire`), against the ONCE Campfire stand-in and the Statuspage/OpsGenie
// sandbox. People talk in Campfire rooms; the test checks what arrives in which room, how fast,
// what the sandbox saw, that the webhook never answered with anything Campfire would post, and
// that nothing the bot printed carries the bot key or the webhook secret.

import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import nock from 'nock'
import { startSandbox, type Sandbox } from '../../sandbox'
import { startOnceCampfire, type Message, type OnceCampfireStandIn } from '../../packages/hubot-once-campfire/test/stand-in/once-campfire'
import { runUntilExit, startAdapterBot, type AdapterBot } from './campfire-bot-process'
import { campfireBot, INSTALL_TIMEOUT_MS } from './campfire-bots'
import type { BotFolder, Packed } from './install'

const WEBHOOK_PATH = '/once-campfire/5d1f0b8e93a24c7e8b61f2a0c4d9e37a'
/** ONCE Campfire gives up on a webhook after 7 s: every reply must be in the room by then. */
const CAMPFIRE_TIMEOUT_MS = 7000
const ALICE = { id: 42, name: 'Alice' }

describe('end to end: ONCE Campfire → hubot-once-campfire → Hubot 14 → this package', function () {
  this.timeout(60_000)
  let adapterPack: Packed
  let folder: BotFolder
  let sandbox: Sandbox
  let campfire: OnceCampfireStandIn
  let bot: AdapterBot
  let ops: number
  let direct: number

  before(async function () {
    this.timeout(INSTALL_TIMEOUT_MS)
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
    ;({ folder, adapterPack } = await campfireBot('14'))
    sandbox = await startSandbox({ actionDelayMs: 150 })
    campfire = await startOnceCampfire({ botName: 'Hubot' })
    ops = campfire.addRoom('Ops').id
    direct = campfire.addRoom(null).id
    bot = await startAdapterBot(folder, {
      args: ['-a', 'hubot-once-campfire', '-n', 'hubot'],
      env: { ...sandbox.env, ...campfireEnv(), EXPRESS_PORT: '0', EXPRESS_BIND_ADDRESS: '127.0.0.1', HUBOT_LOG_LEVEL: 'debug' },
      expectListeners: ['statuspage.', 'opsgenie.', 'e2e.']
    })
    campfire.setWebhookUrl(`http://127.0.0.1:${bot.port}${WEBHOOK_PATH}`)
  })

  after(async () => {
    await bot?.stop()
    await campfire?.close()
    await sandbox?.stop()
    nock.disableNetConnect()
  })

  const campfireEnv = (): Record<string, string> => ({
    HUBOT_ONCE_CAMPFIRE_URL: campfire.url,
    HUBOT_ONCE_CAMPFIRE_BOT_KEY: campfire.botKey,
    HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: WEBHOOK_PATH
  })

  const component = (name: string) => sandbox.statuspage!.state.components.find(c => c.name === name)!
  const alert = (tinyId: string) => sandbox.opsgenie!.state.alerts.find(a => a.tinyId === tinyId)!

  /** Alice says `text` in `room`; the one reply, which must arrive there within Campfire's 7 s. */
  const ask = async (room: number, text: string): Promise<Message> => {
    const others = campfire.rooms.filter(r => r.id !== room).map(r => [r.id, campfire.botMessages(r.id).length])
    const since = campfire.botMessages(room).length
    const started = Date.now()
    const { delivery } = await campfire.say(room, ALICE, text)
    expect(delivery, `Campfire called the bot for ${text}`).to.not.equal(undefined)
    const [reply] = await campfire.waitForBotMessages(room, 1, { since, timeoutMs: CAMPFIRE_TIMEOUT_MS })
    expect(reply.at - started, `reply to ${text} within 7 s`).to.be.below(CAMPFIRE_TIMEOUT_MS)
    expect(reply.via).to.equal('api')
    await new Promise(resolve => setTimeout(resolve, 100)) // a second reply, or one in another room, would show now
    expect(campfire.botMessages(room).length - since, `one reply to ${text}`).to.equal(1)
    expect(campfire.rooms.filter(r => r.id !== room).map(r => [r.id, campfire.botMessages(r.id).length]), 'nothing in other rooms').to.deep.equal(others)
    return reply
  }

  /** The body's lines as a person sees them: <br> or <pre> keep them. */
  const lines = (html: string): string[] => {
    const pre = /^<pre>([\s\S]*)<\/pre>$/.exec(html)
    if (pre) return pre[1].split('\n')
    expect(html, 'outside <pre>, a raw line break would be lost').to.not.contain('\n')
    return html.split('<br>')
  }

  it('installs from the tarball: only the compiled adapter, its declarations, README, changelog and license ship', () => {
    expect(adapterPack.files.sort()).to.include.members(['README.md', 'CHANGELOG.md', 'LICENSE', 'dist/index.js', 'dist/index.d.ts', 'dist/adapter.js', 'package.json'])
    expect(adapterPack.files.filter(f => !/^(dist\/.*\.(js|d\.ts)|README\.md|CHANGELOG\.md|LICENSE|package\.json)$/.test(f))).to.deep.equal([])
    const manifest = JSON.parse(fs.readFileSync(path.join(folder.dir, 'node_modules', 'hubot-once-campfire', 'package.json'), 'utf8'))
    expect(manifest.dependencies ?? {}).to.deep.equal({})
  })

  it('@Hubot status: the summary, as lines, in the Ops room', async () => {
    const reply = await ask(ops, '@Hubot status')
    const shown = lines(reply.body)
    expect(shown[0]).to.equal('Not operational:')
    expect(shown.join('\n')).to.contain('GitHub Webhooks: degraded performance').and.to.contain('1 unresolved incident')
    expect(shown.length).to.be.above(2)
  })

  it('@Hubot status Build Processing major: builds are delayed sets it and opens the incident', async () => {
    const reply = await ask(ops, '@Hubot status Build Processing major: builds are delayed')
    expect(component('Build Processing').status).to.equal('major_outage')
    const incident = sandbox.statuspage!.state.incidents.find(i => i.component_ids.includes(component('Build Processing').id) && i.status === 'investigating')!
    expect(incident.incident_updates[0].body).to.equal('builds are delayed')
    expect(lines(reply.body).join('\n')).to.contain('Build Processing').and.to.contain('major outage').and.to.contain(incident.id)
  })

  it('@Hubot genie lists the open alerts, one a line', async () => {
    const shown = lines((await ask(ops, '@Hubot genie')).body)
    expect(shown[0]).to.match(/^OpsGenie: 5 open alerts/)
    for (const tinyId of ['101', '102', '103', '104', '105']) expect(shown.some(l => l.startsWith(`#${tinyId} `)), `#${tinyId} on its own line`).to.equal(true)
  })

  it('@Hubot genie ack acknowledges the unacknowledged alerts as the Campfire user', async () => {
    const reply = await ask(ops, '@Hubot genie ack')
    for (const tinyId of ['101', '103', '104']) {
      expect(reply.body).to.contain(`#${tinyId}`)
      expect(alert(tinyId).acknowledged).to.equal(true)
      // ONCE Campfire sends no email: the Campfire name is who acted (or a mapped identity).
      expect(alert(tinyId).log.find(l => l.action === 'Acknowledge')).to.include({ user: 'Alice', source: 'hubot' })
    }
  })

  it('a direct-room message without a mention is answered in the direct room only', async () => {
    const reply = await ask(direct, 'status Build Processing?')
    expect(lines(reply.body).join('\n')).to.contain('Build Processing').and.to.contain('major outage')
  })

  it('a room message without a mention never reaches the bot', async () => {
    const { delivery } = await campfire.say(ops, ALICE, 'status is fine, thanks')
    expect(delivery).to.equal(undefined)
  })

  it('a reply longer than 10,000 characters arrives whole, as lines', async () => {
    const reply = await ask(ops, '@Hubot e2e long')
    expect(reply.body.length).to.be.above(10_000)
    const shown = lines(reply.body)
    expect(shown).to.have.length(400)
    expect(shown[399]).to.equal(`line 400: ${'x'.repeat(30)}`)
  })

  it('HTML typed in Campfire comes back escaped, never as markup', async () => {
    const reply = await ask(ops, '@Hubot status <script>alert(1)</script>')
    expect(reply.body).to.not.contain('<script>')
    expect(reply.body).to.contain('&lt;script&gt;alert(1)&lt;/script&gt;')
  })

  it('a wrong bot key: nothing is posted, the log says to check HUBOT_ONCE_CAMPFIRE_BOT_KEY, and it recovers with the right key', async () => {
    const rightToken = campfire.botKey.split('-')[1]
    const outputBefore = bot.output().length
    campfire.regenerateKey()
    try {
      const since = campfire.botMessages(ops).length
      await campfire.say(ops, ALICE, '@Hubot status')
      await waitUntil(() => /refused the bot key.*HUBOT_ONCE_CAMPFIRE_BOT_KEY/.test(bot.output().slice(outputBefore)), 'the bad-key error in the log')
      expect(campfire.botMessages(ops).length).to.equal(since)
    } finally {
      campfire.regenerateKey(rightToken)
    }
    await ask(ops, '@Hubot status')
  })

  it('Campfire down: the reply is lost with a clear log line, the bot stays up and answers once Campfire is back', async () => {
    const outputBefore = bot.output().length
    await campfire.say(ops, ALICE, '@Hubot genie')
    await campfire.down()
    try {
      await waitUntil(() => /could not reach ONCE Campfire at .*ECONNREFUSED.*HUBOT_ONCE_CAMPFIRE_URL/.test(bot.output().slice(outputBefore)), 'the unreachable error in the log', 10_000)
    } finally {
      await campfire.up()
    }
    await ask(ops, '@Hubot status')
  })

  it('the webhook never posted anything itself, and no output line carries the bot key or the webhook secret', () => {
    expect(campfire.deliveries.length).to.be.above(8)
    for (const d of campfire.deliveries) {
      expect([d.status, d.contentType, d.body, d.outcome], `webhook answer to message ${d.messageId}`).to.deep.equal([204, undefined, '', 'nothing'])
    }
    expect(campfire.messages.filter(m => m.via === 'webhook-answer' || m.via === 'webhook-timeout')).to.deep.equal([])
    const output = bot.output()
    expect(output).to.contain('hubot-once-campfire') // it did log (at debug level, everything)
    for (const secret of [campfire.botKey, campfire.botKey.split('-')[1], WEBHOOK_PATH.split('/')[2]]) {
      expect(output.includes(secret), 'a secret in the bot\'s output').to.equal(false)
    }
  })

  it('a missing setting stops the real Hubot 14 with one line naming it', async () => {
    const { HUBOT_ONCE_CAMPFIRE_BOT_KEY: _key, ...rest } = campfireEnv()
    const { code, output } = await runUntilExit(folder, { args: ['-a', 'hubot-once-campfire', '-n', 'hubot'], env: { ...rest, EXPRESS_PORT: '0', EXPRESS_BIND_ADDRESS: '127.0.0.1' } })
    expect(code).to.equal(1)
    expect(output).to.contain('HUBOT_ONCE_CAMPFIRE_BOT_KEY is not set')
    expect(output).to.not.contain(WEBHOOK_PATH.split('/')[2])
  })
})

async function waitUntil (check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise(resolve => setTimeout(resolve, 25))
  }
}

describe('end to end: hubot-once-campfire on a real Hubot 3.5 (hubot -a once-campfire)', function () {
  this.timeout(60_000)
  let sandbox: Sandbox
  let campfire: OnceCampfireStandIn
  let bot: AdapterBot

  before(async function () {
    this.timeout(INSTALL_TIMEOUT_MS)
    nock.enableNetConnect(/^(127\.0\.0\.1|localhost)(:\d+)?$/)
    const { folder } = await campfireBot('3.5')
    sandbox = await startSandbox({ actionDelayMs: 150 })
    campfire = await startOnceCampfire({ botName: 'Hubot' })
    campfire.addRoom('Ops')
    bot = await startAdapterBot(folder, {
      args: ['-a', 'once-campfire', '-n', 'hubot'],
      env: {
        ...sandbox.env,
        HUBOT_ONCE_CAMPFIRE_URL: campfire.url,
        HUBOT_ONCE_CAMPFIRE_BOT_KEY: campfire.botKey,
        HUBOT_ONCE_CAMPFIRE_WEBHOOK_PATH: WEBHOOK_PATH,
        EXPRESS_PORT: '0',
        EXPRESS_BIND_ADDRESS: '127.0.0.1'
      },
      expectListeners: ['statuspage.', 'opsgenie.']
    })
    campfire.setWebhookUrl(`http://127.0.0.1:${bot.port}${WEBHOOK_PATH}`)
  })

  after(async () => {
    await bot?.stop()
    await campfire?.close()
    await sandbox?.stop()
    nock.disableNetConnect()
  })

  it('@Hubot genie: the alert list arrives in the room as lines, the webhook answering an empty 204', async () => {
    const { delivery } = await campfire.say(1, ALICE, '@Hubot genie')
    expect([delivery!.status, delivery!.contentType, delivery!.body]).to.deep.equal([204, undefined, ''])
    const [reply] = await campfire.waitForBotMessages(1, 1, { timeoutMs: CAMPFIRE_TIMEOUT_MS })
    const shown = reply.body.split('<br>')
    expect(shown[0]).to.match(/^OpsGenie: 5 open alerts/)
    expect(shown.filter(l => /^#10[1-5] /.test(l))).to.have.length(5)
    expect(bot.output()).to.not.contain(campfire.botKey)
  })
})
