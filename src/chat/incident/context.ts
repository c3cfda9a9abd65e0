// What every incident handler gets: the room's store, who asked and where, the clock, and the two
// services' clients (audited, created on first use, so commands that need no API work without keys).

import type { ConfirmOptions } from '../../alerting/actions'
import type { AlertingBackend } from '../../alerting/backend'
import type { Actor } from '../../alerting/types'
import type { StatuspageClient } from '../../statuspage/client'
import type { CloseAllStore } from '../opsgenie/close-all'
import type { IncidentRecord, IncidentStore } from './model'
import type { PublishHolds } from './publish-hold'

export interface IncidentContext {
  store: IncidentStore
  room: string
  /** Who asked: their chat id and name (names go on the timeline). */
  user: { id: string, name: string }
  now(): number
  /** How people address the robot: `/` or `hubot `. */
  prefix: string
  statuspage(): StatuspageClient
  alerting(): AlertingBackend
  /** The alerting service's name for replies, known without creating its client. */
  alertingName: string
  /** Who the alerting service should show for notes (the person, as genie commands name them). */
  actor(): Actor
  confirm(): ConfirmOptions
  /** A chat user's name, if the robot knows someone by that name (or id). */
  knownPerson(nameOrId: string): string | undefined
  /** Held `incident postmortem publish`es, per room and person. */
  holds: PublishHolds
  /** Held closes of linked alerts: `genie confirm <code>` runs them (the genie close all store). */
  closeAll: CloseAllStore
  /** How long a held close waits for `genie confirm`. */
  closeTtlMs: number
  /** Whether Statuspage notifies subscribers (HUBOT_STATUSPAGE_NOTIFY). */
  notify: boolean
  /** A failure in words, as every reply says it (after a step that did happen). */
  describe(err: unknown): string
}

/** Puts the changed incident back in the brain; returns it. */
export function save (ctx: IncidentContext, incident: IncidentRecord): IncidentRecord {
  ctx.store.save(incident, ctx.now())
  return incident
}
