// The write gate as the command wrapper uses it: one call before a write command's handler runs,
// answering the refusal (and logging it) or nothing; and the startup line saying who may write.

import type { CommandClass, Gate } from './policy'
import { decide, readWriteRule, roleProvider } from './policy'
import { describeRule, formatRefusal } from './format'
import type { HubotRobot, HubotUser } from '../hubot'

/**
 * The refusal to send instead of running the command, or undefined when it may run. Logged at info
 * with the user id, the room and the command's class, never the message's text.
 */
export interface WriteAttempt {
  gate: Gate
  /** The listener's id, for the log. */
  listener: string
  command: CommandClass
  user: HubotUser
  room: string
}

export async function refuseWrite (robot: HubotRobot, attempt: WriteAttempt): Promise<string | undefined> {
  const { gate, listener, command, user, room } = attempt
  const rule = readWriteRule(gate)
  const decision = await decide(rule, user, room, roleProvider(robot))
  if (decision.allowed) return undefined
  robot.logger.info(`[${listener}] refused ${command.label} for user ${String(user.id)} in room ${room}: ${decision.why}`)
  return formatRefusal(decision, rule, { label: command.label, user, room })
}

/** Once per listener, at start: who may write (or that everyone may). */
export function announceWriteRule (robot: HubotRobot, gate: Gate, listener: string): void {
  robot.logger.info(`[${listener}] ${describeRule(readWriteRule(gate), roleProvider(robot) !== undefined)}`)
}
