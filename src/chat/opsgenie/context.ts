// What every genie handler gets: the backend (created on first use, so commands that need no API
// work without a key), the settings, who asked and where, and the robot's brain and clock.

import type { AuditTrail } from '../audit/trail'
import type { AlertingBackend } from '../../alerting/backend'
import type { Actor } from '../../alerting/types'
import type { ConfirmOptions } from '../../alerting/actions'
import type { Clock } from '../../util/clock'
import type { HubotBrain, HubotUser } from '../hubot'
import type { CloseAllStore } from './close-all'
import type { ActionClaims } from '../../alerting/bulk-lock'
import { actorName, verifiedIdentity } from './identity'
import type { GenieSettings } from '../../alerting/settings'

const SOURCE = 'hubot'

export interface GenieContext {
  backend(): AlertingBackend
  /** The backend's name for replies, known without creating it. */
  service: string
  settings: GenieSettings
  user: HubotUser
  room: string
  brain: HubotBrain
  closeAll: CloseAllStore
  /** Actions in flight per alert, shared by every command of this robot: none is sent twice. */
  claims: ActionClaims
  /** The robot's clock: confirmations poll on it. */
  clock: Clock
  now(): number
  /** Epoch ms by which the command should answer with what it knows (a bulk run stops there). */
  deadline?: number
  /** How people address the robot: `/` or `hubot `. */
  prefix: string
  /** The chat users the robot knows, to find the one an identity admin names (`genie <user> is <email>`). */
  chatUser?(nameOrId: string): HubotUser | undefined
  /** Whether this person may record identities for others (HUBOT_OPSGENIE_IDENTITY_ADMINS). */
  mayRecordIdentities?(): Promise<boolean>
  /** The command's audit trail: an identity stored or forgotten (a write the bot keeps) goes on it too. */
  audit?: AuditTrail
}

/** Who an action goes out as: the verified identity of who typed it, else their chat email or name. */
export function actorOf (ctx: Pick<GenieContext, 'user' | 'brain'>): Actor {
  return { user: actorName(ctx.user, verifiedIdentity(ctx.brain, ctx.user)).name, source: SOURCE }
}

export function confirmOptions (ctx: Pick<GenieContext, 'settings' | 'clock'>): ConfirmOptions {
  return { timeoutMs: ctx.settings.confirmTimeoutMs, clock: ctx.clock }
}
