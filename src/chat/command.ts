// Every chat command goes through here: one listener, one reply, errors turned into words,
// nothing thrown back into Hubot (so no unhandled rejection, whatever the API does).
//
// The write gate and the audit trail live here too, after parsing and before any client is made,
// so no listener middleware, script load order or other script can let a write past them: a
// command classed as a write runs only if its writers and rooms allow it, and whatever it wrote
// is recorded however it ended.

import { recordAudit } from './audit/record'
import { AuditTrail } from './audit/trail'
import { announceWriteRule, refuseWrite } from './authorization/gate'
import type { CommandClass, Gate } from './authorization/policy'
import { ConfigError } from '../util/config'
import { describeError } from './describe-error'
import { ServiceError } from '../http/errors'
import { redact } from '../http/redact'
import type { HubotResponse, HubotRobot, HubotUser } from './hubot'
import { deadlineMs, deadlineReply, withProgress, type SlowWords } from './progress'
import { runtimeOf, type Runtime } from './runtime'

interface CommandContext<C> {
  robot: HubotRobot
  res: HubotResponse
  match: RegExpMatchArray
  user: HubotUser
  room: string
  /** Epoch ms by which the command should answer with what it knows (see progress.ts). */
  deadline: number
  /** The parsed command. */
  command: C
  /** Where the service clients record every write this command makes (see audit/clients.ts). */
  audit: AuditTrail
  /** The robot's clock, caches and stores (see runtime.ts). */
  runtime: Runtime
}

export interface CommandSpec<C> {
  /** Listener id, scoped by module: `statuspage.status`, `opsgenie.genie`. */
  id: string
  pattern: RegExp
  /** Values to scrub from replies and logs even if they slipped in (the API keys). */
  secrets: () => Array<string | undefined>
  /** The service a slow command waits on and the command that shows its state (progress line, deadline). */
  slow?: SlowWords
  /** Pure: the message's match → the command. */
  parse: (match: RegExpMatchArray) => C
  /** Read or write, and the command's name for logs. Every command is classed: writes are gated. */
  classify: (command: C) => CommandClass
  /** Whose writers and rooms gate the writes, and which audit history they go to. */
  gate: Gate
}

/** What people type before a command to address the bot: its alias (`/`) or its name and a space. */
export const addressPrefix = (robot: HubotRobot): string => robot.alias || `${robot.name} `

type Handler<C> = (ctx: CommandContext<C>) => Promise<string>

const STOPPING_REPLY = 'I am stopping (a restart or deploy), so I did not start that. Ask again in a minute.'
const stoppedReply = (words: SlowWords): string =>
  'I am stopping (a restart or deploy) before this finished. What you asked may or may not have happened: ' +
  `check with ${words.check} once I am back.`

/** Registers a respond listener whose handler returns the single reply for the message. */
export function respond<C> (robot: HubotRobot, spec: CommandSpec<C>, handler: Handler<C>): void {
  announceWriteRule(robot, spec.gate, spec.id)
  robot.respond(spec.pattern, { id: spec.id }, (res) => run(robot, spec, res, handler))
}

async function run<C> (robot: HubotRobot, spec: CommandSpec<C>, res: HubotResponse,
  handler: Handler<C>): Promise<void> {
  const user = res.message.user
  const room = res.message.room ?? res.envelope.room ?? user.room ?? ''
  const runtime = runtimeOf(robot)
  const slow = spec.slow ?? { service: 'the service', check: 'the service' }
  const say = (line: string): Promise<void> => runtime.room.say(room, line, { answering: res, secrets: spec.secrets() })
  // One answer, whoever gives it: the command, or a stopping bot for a command it cannot wait for.
  let answered = false
  const answer = async (text: string, failed: boolean): Promise<void> => {
    if (answered) return
    answered = true
    await safely(robot, spec, () => say(text))
    runtime.room.handled({ id: spec.id, failed, room })
  }
  if (runtime.shutdown.stopping) return await answer(STOPPING_REPLY, true)
  const whole = execute({ robot, spec, res, handler, user, room, runtime, slow, say })
    .then(async ({ reply, failed }) => { await answer(reply, failed) })
  runtime.shutdown.track(whole, () => answer(stoppedReply(slow), true))
  await whole
}

interface Execution<C> {
  robot: HubotRobot
  spec: CommandSpec<C>
  res: HubotResponse
  handler: Handler<C>
  user: HubotUser
  room: string
  runtime: Runtime
  slow: SlowWords
  say: (line: string) => Promise<void>
}

/** Parses, gates, runs and audits one command; resolves with its reply (never rejects). */
async function execute<C> (x: Execution<C>): Promise<{ reply: string, failed: boolean }> {
  const { robot, spec, res, handler, user, room, runtime, slow, say } = x
  const { clock } = runtime
  const audit = new AuditTrail()
  let kind: CommandClass | undefined
  let reply: string
  let failed = false
  try {
    const command = spec.parse(res.match)
    kind = spec.classify(command)
    const attempt = { gate: spec.gate, listener: spec.id, command: kind, user, room }
    const refusal = kind.access === 'write' ? await refuseWrite(robot, attempt) : undefined
    // A slow handler posts one progress line; past the deadline the room is told what is known.
    const work = (deadline: number): Promise<string> =>
      handler({ robot, res, match: res.match, user, room, command, audit, deadline, runtime })
    const late = ({ error }: { error?: unknown }): void => { if (error) logFailure(robot, spec, error) }
    const outcome = refusal === undefined
      ? await withProgress({ work, words: slow, say, late, clock })
      : { done: true as const, value: refusal }
    reply = outcome.done ? outcome.value : deadlineReply(Math.round(deadlineMs() / 1000), slow)
  } catch (err) {
    failed = true
    reply = describeError(err, { secrets: spec.secrets(), prefix: addressPrefix(robot), now: clock.now() })
    logFailure(robot, spec, err)
  }
  // Whatever reached a service is recorded, failed and unconfirmed writes too.
  const classed = kind
  if (classed) {
    const record = { service: spec.gate.service, command: classed, user, room, trail: audit, secrets: spec.secrets() }
    await safely(robot, spec, () => recordAudit(robot, { ...record, at: clock.now() }))
  }
  return { reply, failed }
}

/**
 * Ordinary answers are the person's business, not the operator's: a missing setting (said on every
 * command until it is set), a 404 for a mistyped id, a request the service refused as invalid. They
 * are logged at info; everything else (the service failing, a bug) stays an error.
 */
function isOrdinaryAnswer (err: unknown): boolean {
  if (err instanceof ConfigError) return true
  return err instanceof ServiceError && (err.kind === 'not_found' || err.kind === 'invalid')
}

/** Runs a step after the handler; a failure is logged, never thrown back into Hubot. */
async function safely<C> (robot: HubotRobot, spec: CommandSpec<C>, step: () => unknown): Promise<void> {
  try {
    await step()
  } catch (err) {
    logFailure(robot, spec, err)
  }
}

function logFailure<C> (robot: HubotRobot, spec: CommandSpec<C>, err: unknown): void {
  const text = err instanceof Error ? err.message : String(err)
  const line = `[${spec.id}] ${redact(text, spec.secrets())}`
  if (isOrdinaryAnswer(err)) robot.logger.info(line)
  else robot.logger.error(line)
  // Only the unexpected (a bug, not an API answer or missing setting) goes to Hubot's error handlers.
  if (!(err instanceof ServiceError) && !(err instanceof ConfigError) && err instanceof Error) {
    const safe = new Error(redact(err.message, spec.secrets()))
    safe.stack = redact(err.stack ?? '', spec.secrets())
    robot.emit('error', safe)
  }
}
