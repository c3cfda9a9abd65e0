// incident commands in npm run bench: the API calls each command of a whole incident makes, in story
// order, through a Hubot 3.5 robot against the sandbox's stand-ins (Statuspage and OpsGenie, which
// keep a log of every request they answer). Real time: the OpsGenie stand-in processes actions on
// real timers. `incident public` opens the Statuspage incident with its components in one POST: the
// component ids were found by `incident start … on <component>`, so it reads nothing (target: one call).

import { startSandbox, type Sandbox } from '../../sandbox'
import { systemClock } from '../../src/util/clock'
import { startBot, type TestBot } from '../../test/support/bots'
import { CODE } from '../docs-transcripts'

interface Step {
  /** Typed as is, after `{tinyId}` (the arrived alert) and `{code}` (the last confirmation code) are filled in. */
  command: string
  /** The most calls this command may make (its target), when it has one. */
  atMost?: number
}

const STEPS: Step[] = [
  { command: '/incident start Checkout errors P1 on REST API' },
  { command: '/incident lead me' },
  { command: '/incident link #{tinyId}' },
  { command: '/genie ack #{tinyId}' },
  { command: '/incident public: we are looking into checkout errors', atMost: 1 },
  { command: '/incident update identified: a bad deploy, rolling back' },
  { command: '/incident note rollback done at 01:20' },
  { command: '/incident' },
  { command: '/incident timeline' },
  { command: '/incident resolve: checkout works again' },
  { command: '/incident postmortem publish' },
  { command: '/incident confirm {code}' },
  { command: '/incident history' }
]

/** The calls a step made, per method and path shape (ids replaced): `2× POST /v2/alerts/:id/notes`. */
function describeCalls (calls: ReadonlyArray<{ method: string, path: string }>): string {
  const counts = new Map<string, number>()
  for (const c of calls) {
    const path = c.path.replace(/\/pages\/[^/]+/, '/pages/:page').replace(/\/alerts\/requests\/[^/]+/, '/alerts/requests/:id')
      .replace(/\/(incidents|components|alerts)\/(?!requests\/)[^/]+/g, '/$1/:id')
    const shape = `${c.method} ${path}`
    counts.set(shape, (counts.get(shape) ?? 0) + 1)
  }
  return [...counts].map(([shape, n]) => `${n}× ${shape}`).join(', ') || 'none'
}

const logsOf = (sandbox: Sandbox): Array<ReadonlyArray<{ method: string, path: string }>> =>
  [sandbox.statuspage?.requests ?? [], sandbox.opsgenie?.requests ?? []]

async function runStory (bot: TestBot, sandbox: Sandbox, tinyId: string): Promise<string[]> {
  const misses: string[] = []
  let code = ''
  for (const step of STEPS) {
    const command = step.command.replace('{tinyId}', tinyId).replace('{code}', code)
    const before = logsOf(sandbox).map(log => log.length)
    const replies = await bot.say(command, { name: 'dana', id: 'U7', email_address: 'dana@example.com' })
    // Requests a step started late (a confirmation poll answered after its reply) are waited for first.
    await new Promise(resolve => setTimeout(resolve, 300))
    const calls = logsOf(sandbox).flatMap((log, i) => log.slice(before[i]))
    const reply = replies.at(-1) ?? ''
    code = CODE.exec(reply)?.[1] ?? code
    const label = command
    const miss = step.atMost !== undefined && calls.length > step.atMost
    if (miss) misses.push(`${label}: ${calls.length} calls (target ${step.atMost})`)
    console.log(`${label.slice(0, 58).padEnd(58)} ${String(calls.length).padStart(5)}  ${describeCalls(calls)}${miss ? '  MISSED' : ''}`)
    console.log(`${''.padEnd(58)}        → ${reply.split('\n')[0].slice(0, 90)}`)
  }
  return misses
}

export async function benchIncident (): Promise<boolean> {
  console.log('\nincident: API calls per command of one whole incident (sandbox stand-ins, Hubot 3.5)\n')
  console.log(`${'command'.padEnd(58)} calls  which`)
  const sandbox = await startSandbox({ actionDelayMs: 20, alerting: 'opsgenie' })
  const saved = { ...process.env }
  for (const name of Object.keys(process.env)) if (/^HUBOT_/.test(name)) delete process.env[name]
  Object.assign(process.env, sandbox.env, { HUBOT_LOG_LEVEL: 'error' })
  const bot = await startBot('3.5', { alias: '/', clock: systemClock, handleTimeoutMs: 60_000 })
  let misses: string[] = []
  try {
    const alert = sandbox.opsgenie!.createAlert({ message: 'Checkout API: error rate above 5% for 5 minutes', priority: 'P1' })
    misses = await runStory(bot, sandbox, alert.tinyId)
  } finally {
    await bot.stop()
    await sandbox.stop()
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
  console.log('target: incident public is one call, the POST (component ids are kept from incident start: no page read, warm or cold)')
  for (const miss of misses) console.log(`  MISSED: ${miss}`)
  return misses.length === 0
}
