// What "monitoring" does in both alerting stand-ins (OpsGenie and JSM Operations): creates an alert
// now, and sends its Create webhook like the vendor's webhook integration. Also the control
// endpoints that expose it: POST /__sandbox/alerts {"message","priority","tags"} and
// GET /__sandbox/alert/<id> (what the alert link in the room opens in the sandbox).

import type { SandboxReply } from './http-kit'
import { createAlert } from './opsgenie-alerts'
import { PRIORITIES, type Alert, type OpsgenieState, type Priority } from './opsgenie-model'
import { alertWebhook } from './opsgenie-webhooks'
import type { WebhookSender } from './webhook-sender'

export interface NewAlert { message: string, priority?: Priority, tags?: string[], description?: string }

type AlertStore = Pick<OpsgenieState, 'alerts' | 'nextTinyId' | 'schedules'>

export interface AlertFeed {
  /** An alert from monitoring, with its webhook; a string says what was wrong with the input. */
  create(input: Record<string, unknown>): Alert | string
  control(method: string, path: string, body: Record<string, unknown>): SandboxReply | undefined
}

export function alertFeed (state: () => AlertStore, webhooks: WebhookSender): AlertFeed {
  const create = (input: Record<string, unknown>): Alert | string => {
    if (typeof input.message !== 'string' || input.message.trim() === '') return 'message is required'
    if (input.priority !== undefined && !PRIORITIES.includes(input.priority as Priority)) return 'priority must be P1 to P5'
    const outcome = createAlert(state(), { source: 'sandbox monitor', ...input })
    if (!outcome.alert) return outcome.status
    // A repeated alias only raises the count of the open alert: no new Create is sent for it.
    if (outcome.status === 'Created alert') webhooks.send(alertWebhook('Create', outcome.alert, { user: 'System' }))
    return outcome.alert
  }
  return {
    create,
    control: (method, path, body) => {
      const shown = method === 'GET' ? /^\/__sandbox\/alert\/([^/]+)$/.exec(path) : null
      if (shown) {
        const found = state().alerts.find(a => a.id === decodeURIComponent(shown[1]))
        return found ? { status: 200, body: found } : { status: 404, body: { message: 'Alert does not exist' } }
      }
      if (path !== '/__sandbox/alerts' || method !== 'POST') return undefined
      const made = create(body)
      return typeof made === 'string' ? { status: 422, body: { message: made } } : { status: 201, body: { tinyId: made.tinyId, id: made.id } }
    }
  }
}

/** `createAlert` for a stand-in's API: the alert, or an Error naming what was wrong. */
export function createOrThrow (feed: AlertFeed, input: NewAlert): Alert {
  const made = feed.create({ ...input })
  if (typeof made === 'string') throw new Error(made)
  return made
}
