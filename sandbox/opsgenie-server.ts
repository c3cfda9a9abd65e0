// A local stand-in for the OpsGenie REST API v2: GenieKey auth,
// alert search with paging, asynchronous alert actions with request status, schedules, on-calls,
// overrides and users.

import { Router, keyFrom, startStandIn, type SandboxReply, type SandboxRequest, type StandIn } from './http-kit'
import { FaultSwitch, type Fault } from './faults'
import { alertFeed, createOrThrow, type NewAlert } from './alert-feed'
import { pagingRoutes } from './opsgenie-paging'
import { alertRoutes } from './opsgenie-alerts'
import { fail, opsgenieError, SANDBOX_OPSGENIE_KEY } from './opsgenie-envelope'
import type { Alert, OpsgenieState } from './opsgenie-model'
import { alertWebhook } from './opsgenie-webhooks'
import { scheduleRoutes } from './opsgenie-schedules'
import { WebhookSender } from './webhook-sender'

export { SANDBOX_OPSGENIE_KEY }
const DEFAULT_ACTION_DELAY_MS = 150

export interface OpsgenieStandInOptions {
  state: OpsgenieState
  reseed: () => OpsgenieState
  fault?: Fault
  port?: number
  /** How long an action stays "not processed" before it is applied (default 150 ms). */
  actionDelayMs?: number
}

export interface OpsgenieStandIn extends StandIn {
  /** Base URL to give the package (the /v2 paths follow it). */
  url: string
  readonly state: OpsgenieState
  faults: FaultSwitch
  actionDelayMs: number
  /** Delivers an alert webhook for every action (like OpsGenie's webhook integration) once pointed at the bot. */
  webhooks: WebhookSender
  /** Creates an alert at once, as a monitoring tool would (also POST /__sandbox/alerts). */
  createAlert(input: NewAlert): Alert
}

export async function startOpsgenie (options: OpsgenieStandInOptions): Promise<OpsgenieStandIn> {
  let state = options.state
  const faults = new FaultSwitch('opsgenie', options.fault)
  const timers = new Set<NodeJS.Timeout>()
  const config = { actionDelayMs: options.actionDelayMs ?? DEFAULT_ACTION_DELAY_MS }
  const router = new Router()
  const guarded = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest): SandboxReply =>
    keyFrom(req.headers, 'GenieKey') === SANDBOX_OPSGENIE_KEY ? handler(req) : fail(401, 'Could not authenticate')

  const webhooks = new WebhookSender()
  const onAction = (action: string, alert: Alert, body: Record<string, unknown>, status: string): void => {
    // A repeated alias only raises the count of the open alert: OpsGenie sends no new Create for it.
    if (action === 'Create' && status !== 'Created alert') return
    webhooks.send(alertWebhook(action, alert, body))
  }
  const alertOptions = { state: () => state, actionDelayMs: () => config.actionDelayMs, timers, onAction }
  alertRoutes(router, guarded, alertOptions)
  pagingRoutes(router, guarded, alertOptions)
  const feed = alertFeed(() => state, webhooks)
  scheduleRoutes(router, guarded, () => state)

  const standIn = await startStandIn({
    name: 'OpsGenie',
    router,
    faults,
    errorBody: opsgenieError,
    snapshot: () => state,
    reset: () => { state = options.reseed() },
    port: options.port,
    // POST /__sandbox/alerts and GET /__sandbox/alert/<id> (sandbox/alert-feed.ts).
    control: feed.control
  })
  return {
    ...standIn,
    url: standIn.origin,
    get state () { return state },
    faults,
    get actionDelayMs () { return config.actionDelayMs },
    set actionDelayMs (ms: number) { config.actionDelayMs = ms },
    webhooks,
    createAlert: (input) => createOrThrow(feed, input),
    close: async () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await standIn.close()
    }
  }
}
