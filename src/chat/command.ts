// Every chat command goes through here: one listener, one reply, errors turned into words,
// nothing thrown back into Hubot (so no unhandled rejection, whatever the API does).

import { sendReply } from './classic-campfire'
import { ConfigError } from './config'
import { describeError } from './describe-error'
import { ServiceError } from '../http/errors'
import { redact } from '../http/redact'
import type { HubotResponse, HubotRobot, HubotUser } from './hubot'

/** Emitted on the robot once a command has sent its reply (tests and middleware wait on it). */
export const HANDLED_EVENT = 'hubot-statuspage-opsgenie:handled'

export interface CommandContext {
  robot: HubotRobot
  res: HubotResponse
  match: RegExpMatchArray
  user: HubotUser
  room: string
}

export interface CommandSpec {
  /** Listener id, scoped by module: `statuspage.status`, `opsgenie.genie`. */
  id: string
  pattern: RegExp
  /** Values to scrub from replies and logs even if they slipped in (the API keys). */
  secrets: () => Array<string | undefined>
}

/** Registers a respond listener whose handler returns the single reply for the message. */
export function respond (robot: HubotRobot, spec: CommandSpec, handler: (ctx: CommandContext) => Promise<string>): void {
  robot.respond(spec.pattern, { id: spec.id }, (res) => run(robot, spec, res, handler))
}

async function run (robot: HubotRobot, spec: CommandSpec, res: HubotResponse, handler: (ctx: CommandContext) => Promise<string>): Promise<void> {
  const user = res.message.user
  const room = res.message.room ?? res.envelope.room ?? user.room ?? ''
  let reply: string
  let failed = false
  try {
    reply = await handler({ robot, res, match: res.match, user, room })
  } catch (err) {
    failed = true
    reply = describeError(err, spec.secrets())
    logFailure(robot, spec, err)
  }
  try {
    await sendReply(robot, (text) => res.send(text), room, redact(reply, spec.secrets()))
  } catch (err) {
    logFailure(robot, spec, err)
  }
  robot.emit(HANDLED_EVENT, { id: spec.id, failed, room })
}

function logFailure (robot: HubotRobot, spec: CommandSpec, err: unknown): void {
  const text = err instanceof Error ? err.message : String(err)
  robot.logger.error(`[${spec.id}] ${redact(text, spec.secrets())}`)
  // Only the unexpected (a bug, not an API answer or missing setting) goes to Hubot's error handlers.
  if (!(err instanceof ServiceError) && !(err instanceof ConfigError) && err instanceof Error) {
    const safe = new Error(redact(err.message, spec.secrets()))
    safe.stack = redact(err.stack ?? '', spec.secrets())
    robot.emit('error', safe)
  }
}
