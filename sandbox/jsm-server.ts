// A local stand-in for JSM Operations (OpsGenie's successor): its REST API (Basic email:API token,
// under /jsm/ops/api/{cloudId}/v1), its Integration Events API (GenieKey, /jsm/ops/integration/v2)
// and the Jira user API of the site (/rest/api/3/user...), all on one loopback origin, which the
// package is pointed at with HUBOT_JSM_API_URL and HUBOT_JSM_SITE_URL. Seeded with the same outage as
// the OpsGenie stand-in.

import { alertFeed, createOrThrow, type NewAlert } from './alert-feed'
import { FaultSwitch, type Fault } from './faults'
import { keyFrom, Router, startStandIn, type SandboxReply, type SandboxRequest, type StandIn } from './http-kit'
import { jsmAlertRoutes, jsmError, jsmFail } from './jsm-alerts'
import {
  SANDBOX_JSM_CLOUD_ID, SANDBOX_JSM_EMAIL, SANDBOX_JSM_INTEGRATION_KEY, SANDBOX_JSM_TOKEN, type JsmState
} from './jsm-model'
import { jsmPeopleRoutes } from './jsm-people'
import type { Alert } from './opsgenie-model'
import { jsmPagingRoutes } from './jsm-paging'
import { alertWebhook } from './opsgenie-webhooks'
import { WebhookSender } from './webhook-sender'

export { SANDBOX_JSM_CLOUD_ID, SANDBOX_JSM_EMAIL, SANDBOX_JSM_INTEGRATION_KEY, SANDBOX_JSM_TOKEN }
const DEFAULT_JSM_ACTION_DELAY_MS = 150

export interface JsmStandInOptions {
  state: JsmState
  reseed: () => JsmState
  fault?: Fault
  port?: number
  actionDelayMs?: number
}

export interface JsmStandIn extends StandIn {
  readonly state: JsmState
  faults: FaultSwitch
  actionDelayMs: number
  /** The variables that point the package at this stand-in. */
  env: Record<string, string>
  /** Delivers an alert webhook for every action (like JSM's outgoing webhook) once pointed at the bot. */
  webhooks: WebhookSender
  /** Creates an alert at once, as a monitoring tool would (also POST /__sandbox/alerts). */
  createAlert(input: NewAlert): Alert
}

const BASIC = `${SANDBOX_JSM_EMAIL}:${SANDBOX_JSM_TOKEN}`

export async function startJsm (options: JsmStandInOptions): Promise<JsmStandIn> {
  let state = options.state
  const faults = new FaultSwitch('jsm', options.fault)
  const timers = new Set<NodeJS.Timeout>()
  const config = { actionDelayMs: options.actionDelayMs ?? DEFAULT_JSM_ACTION_DELAY_MS }
  const router = new Router()
  const rest = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest): SandboxReply => {
    const basic = keyFrom(req.headers, 'Basic')
    if (!basic || Buffer.from(basic, 'base64').toString('utf8') !== BASIC) return { status: 401, body: { code: 401, message: 'Unauthorized' } }
    if (req.params.cloudId !== undefined && req.params.cloudId !== SANDBOX_JSM_CLOUD_ID) return jsmFail(404, `No site with cloud id ${req.params.cloudId}`)
    return handler(req)
  }
  const integration = (handler: (req: SandboxRequest) => SandboxReply) => (req: SandboxRequest): SandboxReply =>
    keyFrom(req.headers, 'GenieKey') === SANDBOX_JSM_INTEGRATION_KEY ? handler(req) : { status: 401, body: { message: 'Key format is not valid!', took: 0.001 } }

  const webhooks = new WebhookSender()
  const onAction = (action: string, alert: Alert, body: Record<string, unknown>): void => {
    webhooks.send(alertWebhook(action, alert, body))
  }
  const alertOptions = { state: () => state, actionDelayMs: () => config.actionDelayMs, timers, onAction }
  jsmAlertRoutes(router, rest, integration, alertOptions)
  jsmPagingRoutes(router, rest, integration, alertOptions)
  const feed = alertFeed(() => state, webhooks)
  jsmPeopleRoutes(router, rest, () => state)

  const standIn = await startStandIn({
    name: 'JSM Operations',
    router,
    faults,
    errorBody: jsmError,
    snapshot: () => state,
    reset: () => { state = options.reseed() },
    port: options.port,
    // POST /__sandbox/alerts and GET /__sandbox/alert/<id>, as on the OpsGenie stand-in.
    control: feed.control
  })
  return {
    ...standIn,
    get state () { return state },
    faults,
    get actionDelayMs () { return config.actionDelayMs },
    set actionDelayMs (ms: number) { config.actionDelayMs = ms },
    env: {
      HUBOT_JSM_CLOUD_ID: SANDBOX_JSM_CLOUD_ID,
      HUBOT_JSM_SITE_URL: standIn.origin,
      HUBOT_JSM_API_URL: standIn.origin,
      HUBOT_JSM_EMAIL: SANDBOX_JSM_EMAIL,
      HUBOT_JSM_API_TOKEN: SANDBOX_JSM_TOKEN,
      HUBOT_JSM_INTEGRATION_KEY: SANDBOX_JSM_INTEGRATION_KEY
    },
    webhooks,
    createAlert: (input) => createOrThrow(feed, input),
    close: async () => {
      for (const t of timers) clearTimeout(t)
      timers.clear()
      await standIn.close()
    }
  }
}
