// End to end: the package as users get it (npm pack → npm install into a fresh Hubot bot folder),
// each Hubot running as its own process with a loopback adapter, against the sandbox stand-ins
// running here on loopback ports. After each step the test checks the reply AND the stand-ins'
// state, so a reply that claims something the API never saw fails. The same outage runs on OpsGenie
// and on JSM Operations (its successor), each behind its stand-in.

import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import nock from 'nock'
import { startSandbox, type Sandbox } from '../../sandbox'
import { startBotProcess, type BotProcess, type SayResult } from './bot-process'
import { installBot, sharedPack, type BotFolder, type BotKind, type Packed } from './install'

const INSTALL_TIMEOUT_MS = 5 * 60_000
const ALICE = { user: 'alice', email: 'alice@example.com' }

describe('end to end: the packed package in real Hubot bots', function () {
  this.timeout(60_000)
  let sandbox: Sandbox
  /** The same seeded world with JSM Operations instead of OpsGenie. */
  let jsmSandbox: Sandbox
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
    packed = await sharedPack() // one pack per test run, shared with the Campfire e2e files
    sandbox = await startSandbox({ actionDelayMs: 150, alerting: 'opsgenie' })
    jsmSandbox = await startSandbox({ actionDelayMs: 150, alerting: 'jsm' })
  })

  after(async () => {
    for (const bot of running.splice(0)) await bot.stop()
    await sandbox?.stop()
    await jsmSandbox?.stop()
    if (workdir) fs.rmSync(workdir, { recursive: true, force: true })
    nock.disableNetConnect()
  })

  it('packs only what users need', () => {
    expect(packed.files).to.include.members(['index.js', 'index.d.ts', 'package.json', 'dist/scripts/statuspage.js', 'LICENSE', 'CHANGELOG.md', 'README.md'])
    expect(packed.files.filter(f => f.startsWith('sandbox/') || f.startsWith('src/') || f.startsWith('test/') || f.startsWith('docs/') ||
      f.startsWith('packages/') || f.endsWith('.map') || (f.endsWith('.ts') && f !== 'index.d.ts'))).to.deep.equal([])
  })

  it('keeps each script\'s help header at the top of the compiled file, where Hubot reads it', () => {
    for (const file of packed.files.filter(f => /^dist\/scripts\/[^/]+\.js$/.test(f))) {
      const lines = fs.readFileSync(path.join(packed.contents, file), 'utf8').split('\n')
      expect(lines.slice(0, 2), file).to.deep.equal(['"use strict";', '// Description:'])
      expect(lines, file).to.include('// Commands:')
    }
  })

  const installed: Partial<Record<BotKind, BotFolder>> = {}
  /** Installs a bot of `kind` from the tarball (once per kind) and starts it against a freshly reset sandbox. */
  const boot = async (kind: BotKind, world: () => Sandbox = () => sandbox): Promise<BotProcess> => {
    let folder = installed[kind]
    if (!folder) {
      folder = installed[kind] = await installBot(kind, workdir, packed)
      const pack = packed.cached ? 'npm pack kept from an earlier run' : `npm pack ${packed.seconds.toFixed(1)} s`
      const install = folder.cached ? 'kept from an earlier run' : `${folder.installSeconds.toFixed(1)} s`
      console.log(`      (${pack}; npm install of Hubot ${kind} and the rest ${install})`)
    }
    await world().reset()
    const bot = await startBotProcess(folder, { env: world().env, expectListeners: expectedListeners() })
    running.push(bot)
    return bot
  }

  /** Says `text` as alice and returns the one reply, checking the package answered exactly once. */
  const ask = async (bot: BotProcess, text: string): Promise<string> => {
    const result: SayResult = await bot.say(text, ALICE.user, { email: ALICE.email })
    expect(result.handled, `no answer to ${text}\n${bot.output()}`).to.not.equal(null)
    expect(result.handled!.failed, `${text} failed: ${result.replies.join('\n')}`).to.equal(false)
    expect(result.replies, `replies to ${text}`).to.have.length(1)
    return result.replies[0]
  }

  /**
   * The whole outage on Hubot 14 against `world`'s stand-ins. `ackedByShown`: whether the alert list
   * names who acknowledged (OpsGenie's report does; JSM Operations only says how long after).
   */
  const outage = (title: string, world: () => Sandbox, ackedByShown: boolean): Mocha.Suite => describe(title, () => {
    let bot: BotProcess
    // Readers of the stand-ins' live state.
    const sp = () => world().statuspage!.state
    const component = (name: string) => sp().components.find(c => c.name === name)!
    // Realtime incidents: the seeded maintenances are not among them.
    const unresolved = () => sp().incidents.filter(i => !['resolved', 'completed'].includes(i.status) && !i.scheduled_for)
    const alerting = () => (world().opsgenie ?? world().jsm)!.state
    const alert = (tinyId: string) => alerting().alerts.find(a => a.tinyId === tinyId)!
    let incidentId = ''
    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      bot = await boot('14', world)
    })
    it('before the outage: /status resolve <id> closes the earlier webhook incident, so the page is calm', async () => {
      const seeded = unresolved()
      expect(seeded.map(i => i.name)).to.deep.equal(['Delayed GitHub webhook deliveries'])
      const reply = await ask(bot, `/status resolve ${seeded[0].id} webhooks are back`)
      expect(reply).to.match(/resolved/i).and.to.contain(seeded[0].id)
      expect(unresolved()).to.deep.equal([])
      expect(component('GitHub Webhooks').status).to.equal('operational')
    })

    it('/status says no incident is open, and shows the seeded maintenance in progress and the next one', async () => {
      const reply = await ask(bot, '/status')
      expect(reply).to.contain('No unresolved incidents.')
      expect(reply).to.contain('• Integrations › Email Notifications: under maintenance')
      expect(reply).to.contain('1 maintenance in progress:\n• Email provider switch')
      expect(reply).to.contain('Next maintenance (within 24 h):\n• Dashboard database upgrade')
      expect(sp().components.filter(c => !c.group && !['operational', 'under_maintenance'].includes(c.status))).to.deep.equal([])
    })

    it('/status Build Processing major: builds are delayed sets it and opens an incident', async () => {
      const reply = await ask(bot, '/status Build Processing major: builds are delayed')
      expect(component('Build Processing').status).to.equal('major_outage')
      expect(component('Builds').status).to.equal('major_outage')
      const opened = unresolved().find(i => i.component_ids.includes(component('Build Processing').id))
      expect(opened, 'an unresolved incident about Build Processing').to.not.equal(undefined)
      incidentId = opened!.id
      expect(opened!.status).to.equal('investigating')
      expect(opened!.incident_updates[0].body).to.equal('builds are delayed')
      expect(opened!.incident_updates[0].affected_components).to.deep.include({ code: component('Build Processing').id, name: 'Build Processing', old_status: 'operational', new_status: 'major_outage' })
      expect(reply).to.contain('Build Processing').and.to.match(/major outage/i).and.to.contain(incidentId)
    })

    it('/status incidents lists the incident with its latest update', async () => {
      const reply = await ask(bot, '/status incidents')
      expect(unresolved().map(i => i.id)).to.deep.equal([incidentId])
      expect(reply).to.contain(incidentId).and.to.contain('builds are delayed').and.to.contain('Build Processing')
    })

    it('/genie lists the open alerts, acknowledged or not', async () => {
      const reply = await ask(bot, '/genie')
      for (const tinyId of ['101', '102', '103', '104', '105']) expect(reply).to.contain(`#${tinyId}`)
      expect(reply).to.not.contain('#99') // closed
      if (ackedByShown) expect(reply).to.contain('ana@example.com')
      else expect(reply).to.match(/#102 P2 .*\(acked after 3m,/)
      expect(alerting().actions).to.deep.equal([])
    })

    it('/genie ack acknowledges every open unacknowledged alert as alice, from hubot', async () => {
      const reply = await ask(bot, '/genie ack')
      for (const tinyId of ['101', '103', '104']) {
        expect(reply).to.contain(`#${tinyId}`)
        expect(alert(tinyId).acknowledged, `#${tinyId} acknowledged`).to.equal(true)
        expect(alert(tinyId).report.acknowledgedBy).to.equal(ALICE.email)
        const logged = alert(tinyId).log.find(l => l.action === 'Acknowledge')!
        expect(logged).to.include({ user: ALICE.email, source: 'hubot' })
      }
      // Already acknowledged by others: left alone.
      expect(alert('102').report.acknowledgedBy).to.equal('ana@example.com')
      expect(alert('105').log).to.deep.equal([])
    })

    it('/genie note 101 deploying a fix records the note on the alert', async () => {
      const reply = await ask(bot, '/genie note 101 deploying a fix')
      expect(reply).to.contain('#101')
      const note = alert('101').notes.at(-1)!
      expect(note).to.include({ note: 'deploying a fix', owner: ALICE.email, source: 'hubot' })
    })

    it('/status update monitoring fix is out adds a monitoring update to the only unresolved incident', async () => {
      const reply = await ask(bot, '/status update monitoring fix is out')
      const incident = sp().incidents.find(i => i.id === incidentId)!
      expect(incident.status).to.equal('monitoring')
      expect(incident.incident_updates[0]).to.include({ status: 'monitoring', body: 'fix is out' })
      expect(reply).to.contain(incidentId).and.to.match(/monitoring/i)
    })

    it('/status resolve: all good resolves it and sets Build Processing operational', async () => {
      const reply = await ask(bot, '/status resolve: all good')
      const incident = sp().incidents.find(i => i.id === incidentId)!
      expect(incident.status).to.equal('resolved')
      expect(incident.resolved_at).to.be.a('string')
      expect(incident.incident_updates[0]).to.include({ status: 'resolved', body: 'all good' })
      expect(component('Build Processing').status).to.equal('operational')
      expect(component('Builds').status).to.equal('operational')
      expect(reply).to.match(/resolved/i).and.to.contain(incidentId)
    })

    it('/status shows no incident open again (only the maintenance)', async () => {
      const reply = await ask(bot, '/status')
      expect(reply).to.contain('No unresolved incidents.').and.not.to.contain('Build Processing')
      expect(unresolved()).to.deep.equal([])
    })

    if (!ackedByShown) {
      // JSM only: people are Atlassian accounts, named through the site's Jira user API.
      it('/genie oncall names the people on call from their account ids', async () => {
        const reply = await ask(bot, '/genie oncall')
        const people = world().jsm!.state.people
        const schedules = world().jsm!.state.schedules
        const onCall = await Promise.all(schedules.map(async s => {
          const answer = await fetch(`${world().jsm!.origin}/jsm/ops/api/${world().env.HUBOT_JSM_CLOUD_ID}/v1/schedules/${s.id}/on-calls?flat=true`, {
            headers: { Authorization: `Basic ${Buffer.from(`${world().env.HUBOT_JSM_EMAIL}:${world().env.HUBOT_JSM_API_TOKEN}`).toString('base64')}` }
          })
          return ((await answer.json()) as { onCallUsers: string[] }).onCallUsers
        }))
        for (const id of onCall.flat()) expect(reply).to.contain(people.find(p => p.accountId === id)!.displayName)
        expect(reply).to.not.match(/557058:/)
      })

      it('/genie unack 101 goes through the REST API and says JSM shows the token\'s account', async () => {
        const reply = await ask(bot, '/genie unack 101')
        expect(reply).to.contain('#101').and.to.contain('API token account as the actor')
        expect(alert('101').acknowledged).to.equal(false)
        expect(alert('101').log.at(-1)!.user).to.equal(world().jsm!.state.people.find(p => p.email === world().env.HUBOT_JSM_EMAIL)!.accountId)
      })
    }
  })

  outage('Hubot 14: a whole outage', () => sandbox, true)
  outage('Hubot 14: the same outage on JSM Operations (OpsGenie\'s successor)', () => jsmSandbox, false)

  describe('Hubot 3.5: the short path', () => {
    let bot: BotProcess
    const component = (name: string) => sandbox.statuspage!.state.components.find(c => c.name === name)!
    const alert = (tinyId: string) => sandbox.opsgenie!.state.alerts.find(a => a.tinyId === tinyId)!
    before(async function () {
      this.timeout(INSTALL_TIMEOUT_MS)
      bot = await boot('3.5')
    })

    it('answers /status from the installed package, exactly once', async () => {
      const result = await bot.say('/status', ALICE.user, { email: ALICE.email })
      expect(result.handled, bot.output()).to.not.equal(null)
      expect(result.replies).to.have.length(1)
    })

    describe('with the commands', () => {
      it('/status Build Processing degraded sets the component', async () => {
        const reply = await ask(bot, '/status Build Processing degraded')
        expect(component('Build Processing').status).to.equal('degraded_performance')
        expect(component('Builds').status).to.equal('degraded_performance')
        expect(reply).to.contain('Build Processing').and.to.match(/degraded/i)
      })

      it('/genie lists the open alerts', async () => {
        const reply = await ask(bot, '/genie')
        for (const tinyId of ['101', '102', '103', '104', '105']) expect(reply).to.contain(`#${tinyId}`)
      })

      it('/genie ack acknowledges the unacknowledged alerts as alice', async () => {
        const reply = await ask(bot, '/genie ack')
        for (const tinyId of ['101', '103', '104']) {
          expect(reply).to.contain(`#${tinyId}`)
          expect(alert(tinyId).acknowledged).to.equal(true)
          expect(alert(tinyId).log.at(-1)).to.include({ action: 'Acknowledge', user: ALICE.email, source: 'hubot' })
        }
      })
    })
  })
})
