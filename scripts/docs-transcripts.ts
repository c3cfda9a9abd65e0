// Transcripts in the docs, recorded from a real Hubot 14 robot (this package's scripts from src/)
// against the sandbox's stand-ins, so the docs show what the bot says today. Each transcript sits
// in its page between `<!-- transcript:<name> -->` and `<!-- end transcript -->`; `npm run docs`
// rewrites them and test/docs/transcripts.test.ts fails while a page and the bot disagree (times,
// ages, ids and ports, which change on every run, are compared as placeholders).

import fs from 'node:fs'
import path from 'node:path'
import { startSandbox } from '../sandbox'
import { systemClock } from '../src/util/clock'
import { startBot } from '../test/support/bots'

export interface Transcript {
  name: string
  /** The page, relative to the project root. */
  page: string
  /** Other pages that show the same recording between the same markers. */
  alsoIn?: string[]
  /**
   * What is typed, in order; `{incident}` is the newest incident's id on the Statuspage stand-in,
   * `{alert}` the tinyId of `alert`, `{code}` the confirmation code the bot asked for last.
   */
  commands: string[]
  /** An alert that arrives from monitoring before the first command. */
  alert?: { message: string, priority: 'P1' | 'P2' | 'P3' | 'P4' | 'P5' }
}

/** A confirmation code where the bot asks for one (`… confirm K7QX`), and the one the page shows for every code. */
export const CODE = /\bconfirm`? `?([A-HJ-NP-Z2-9]{4})\b/
const SHOWN_CODE = 'K7QX'

export const TRANSCRIPTS: Transcript[] = [
  {
    name: 'session',
    page: 'docs/sandbox-transcript.md',
    commands: [
      '/status', '/status Build Processing major: builds are delayed', '/status incidents',
      '/genie', '/genie ack', '/genie note 101 deploying a fix', '/genie oncall',
      '/status update monitoring fix is out', '/status update {incident} monitoring fix is out',
      '/status resolve {incident} all good', '/status', '/status help'
    ]
  },
  {
    name: 'paging',
    page: 'docs/paging.md',
    commands: [
      '/genie teams', '/genie page platform P1: checkout fails for EU customers', '/genie page Platfrom: x',
      '/genie escalate #106', '/genie page #106 Builds', '/genie assign #106 to me', '/genie priority #106 P2',
      '/genie ack P1', '/genie ack mine'
    ]
  },
  {
    name: 'maintenance',
    page: 'docs/statuspage.md',
    commands: [
      '/status maintenance Database upgrade from tomorrow 22:00 for 2h on Dashboard: replicas are upgraded',
      '/status maintenance Switch swap from tomorrow 22:00 Europe/Paris until 23:30 on Billing, Web',
      '/status maintenance',
      '/status maintenance start',
      '/status maintenance complete: done',
      '/status email notifications?'
    ]
  },
  {
    name: 'incident',
    page: 'docs/incidents.md',
    alsoIn: ['README.md'],
    alert: { message: 'Checkout API: error rate above 5% for 5 minutes', priority: 'P1' },
    commands: [
      '/incident start Checkout errors P1 on REST API',
      '/incident lead me',
      '/incident link #{alert}',
      '/genie ack #{alert}',
      '/incident public: We are looking into failed checkouts.',
      '/incident update identified: A bad deploy; we are rolling it back.',
      '/incident note rollback finished on all hosts',
      '/incident',
      '/incident resolve: Checkouts work again.',
      '/incident postmortem publish',
      '/incident confirm {code}',
      '/incident history'
    ]
  }
]

const START = (name: string): string => `<!-- transcript:${name} -->`
const END = '<!-- end transcript -->'

/** The transcript's commands through a fresh robot and sandbox: the fenced block the page shows. */
export async function record (transcript: Transcript): Promise<string> {
  const sandbox = await startSandbox({ actionDelayMs: 20, alerting: 'opsgenie' })
  const saved = { ...process.env }
  for (const name of Object.keys(process.env)) if (/^HUBOT_/.test(name)) delete process.env[name]
  Object.assign(process.env, sandbox.env)
  // Real time: the stand-ins process requests on real timers, which a hurried clock's polling could outrun.
  const bot = await startBot('14', { alias: '/', clock: systemClock })
  const lines: string[] = []
  // Codes are random: each is shown as SHOWN_CODE, in the reply that asks for it and where it is typed.
  let code = ''
  try {
    const alert = transcript.alert ? sandbox.opsgenie!.createAlert(transcript.alert).tinyId : ''
    for (const typed of transcript.commands) {
      const incident = sandbox.statuspage?.state.incidents.find(i => !i.scheduled_for)?.id ?? ''
      const used = code
      const command = typed.replace('{incident}', incident).replace('{alert}', alert).replace('{code}', used)
      const said = await bot.say(command, { name: 'you', id: 'U01YOU', email_address: 'dana@example.com' })
      const asked = CODE.exec(said.at(-1) ?? '')?.[1]
      code = asked ?? (typed.includes('{code}') ? '' : code)
      const hide = (text: string): string =>
        [used, asked].reduce<string>((t, c) => (c ? t.split(c).join(SHOWN_CODE) : t), text)
      // A progress line ("Still waiting for OpsGenie…") comes only when the machine is slow: left out.
      const replies = said.filter((reply, i) => i === said.length - 1 || !reply.endsWith('…'))
      lines.push(`you>   ${hide(command)}`)
      for (const reply of replies) {
        const [first, ...rest] = hide(reply).split('\n')
        lines.push(`hubot> ${first}`, ...rest.map(line => `       ${line}`))
      }
    }
  } finally {
    await bot.stop()
    await sandbox.stop()
    for (const name of Object.keys(process.env)) if (!(name in saved)) delete process.env[name]
    Object.assign(process.env, saved)
  }
  return ['```', ...lines, '```'].join('\n')
}

/** The block between the transcript's markers in `page`. */
export function transcriptIn (page: string, name: string): string {
  const a = page.indexOf(START(name))
  const b = page.indexOf(END, a)
  if (a === -1 || b === -1) throw new Error(`the page has no ${START(name)} ... ${END}`)
  return page.slice(a + START(name).length, b).trim()
}

export function withTranscript (page: string, name: string, block: string): string {
  transcriptIn(page, name)
  const a = page.indexOf(START(name)) + START(name).length
  return `${page.slice(0, a)}\n${block}\n${page.slice(page.indexOf(END, a))}`
}

/**
 * What may differ between two recordings of the same replies: links, ids, clock times and dates,
 * durations (`1d 11h` one hour, `23h` the next), other numbers. Everything else, the wording, must be
 * the same.
 */
export const normalize = (block: string): string =>
  block
    .replace(/https?:\/\/\S+/g, '<link>')
    .replace(/\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g, '<id>')
    .replace(/\b[0-9a-f]{12}\b/g, '<id>')
    .replace(/\b\d{4}-\d{2}-\d{2} \d{2}:\d{2}\b/g, '<time>')
    .replace(/\b\d{2}:\d{2}\b/g, '<time>')
    .replace(/\b\d+(?:ms|d|h|m|s)\b(?: \d+(?:ms|d|h|m|s)\b)*/g, '<duration>')
    .replace(/\d+/g, '#')

export async function writeTranscripts (root: string): Promise<string[]> {
  const written: string[] = []
  for (const transcript of TRANSCRIPTS) {
    const block = await record(transcript)
    for (const shown of [transcript.page, ...(transcript.alsoIn ?? [])]) {
      const file = path.join(root, shown)
      fs.writeFileSync(file, withTranscript(fs.readFileSync(file, 'utf8'), transcript.name, block))
      written.push(shown)
    }
  }
  return written
}
