// After a command: whatever it wrote goes to the log (one structured line) and to the brain's
// bounded history. Nothing is recorded for a command that reached no service with a write.

import type { CommandClass, GuardedService } from '../authorization/policy'
import type { HubotRobot, HubotUser } from '../hubot'
import { redact } from '../../http/redact'
import { auditLogLine } from './format'
import { appendHistory, overallOutcome, type AuditEntry } from './store'
import type { AuditTrail } from './trail'

/** Emitted on the robot with `(entry, at)` once a command's writes are recorded (the incident timeline listens). */
export const AUDITED_EVENT = 'hubot-statuspage-opsgenie:audited'

export interface AuditRecord {
  /** Which history it goes to. */
  service: GuardedService
  command: CommandClass
  user: HubotUser
  room: string
  /** What the command wrote, and how each write ended. */
  trail: AuditTrail
  /** Scrubbed from the log line. */
  secrets: ReadonlyArray<string | undefined>
  /** When the command finished (epoch ms, the robot's clock). */
  at: number
}

export function recordAudit (robot: HubotRobot, record: AuditRecord): void {
  const { service, command, user, room, trail, secrets } = record
  if (trail.targets.length === 0 || !trail.service) return
  const entry: AuditEntry = {
    time: new Date(record.at).toISOString(),
    user: { id: String(user.id), name: String(user.name) },
    room,
    command: command.label,
    service: trail.service,
    targets: trail.targets.map(t => ({ ...t })),
    outcome: overallOutcome(trail.targets)
  }
  robot.logger.info(redact(auditLogLine(entry), secrets))
  appendHistory(robot.brain, service, entry)
  robot.emit(AUDITED_EVENT, entry, record.at)
}
