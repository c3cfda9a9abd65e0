// Everything a genie command needs from the environment, read when the command runs. Chooses the
// backend: JSM Operations as soon as one of its variables is set, OpsGenie otherwise.

import type { AlertingBackend } from './backend'
import { DEFAULT_CONFIRM_TIMEOUT_MS } from './actions'
import { createJsmBackend, JSM_GATEWAY, type JiraNames } from './jsm'
import { JSM } from './jsm/service'
import { createOpsGenieBackend, OPSGENIE, OPSGENIE_DEFAULT_URL } from './opsgenie'
import { DEFAULT_RATE_PER_SECOND } from './rate-policy'
import { DEFAULT_TIMEOUT_MS, type HttpRuntime } from '../http/client'
import { env, intEnv, requireEnv, urlEnv } from '../util/config'

export interface GenieSettings {
  concurrency: number
  timeoutMs: number
  confirmTimeoutMs: number
  closeAllTtlMs: number
  /** Calls per second per rate-limit domain (0: no client-side budget). */
  ratePerSecond: number
  /** How many ids one command may name (ack, unack, close). */
  maxIds: number
}

const DEFAULT_CONCURRENCY = 5
/** Ids one genie command may name, unless HUBOT_OPSGENIE_MAX_IDS says otherwise. */
const DEFAULT_MAX_IDS = 100
const DEFAULT_CLOSE_ALL_TTL_MS = 60_000

/** The variables whose values must never be shown (scrubbed from every reply and log line). */
export const secretVariables = (): Array<string | undefined> =>
  [env('HUBOT_OPSGENIE_API_KEY'), env('HUBOT_JSM_API_TOKEN'), env('HUBOT_JSM_INTEGRATION_KEY')]

export function readSettings (): GenieSettings {
  const service = OPSGENIE.name
  return {
    concurrency: intEnv(service, 'HUBOT_OPSGENIE_CONCURRENCY', { fallback: DEFAULT_CONCURRENCY, min: 1, max: 50 }),
    timeoutMs: intEnv(service, 'HUBOT_OPSGENIE_TIMEOUT_MS', { fallback: DEFAULT_TIMEOUT_MS, min: 1, max: 300_000 }),
    confirmTimeoutMs: intEnv(service, 'HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS', { fallback: DEFAULT_CONFIRM_TIMEOUT_MS, min: 0, max: 300_000 }),
    closeAllTtlMs: intEnv(service, 'HUBOT_OPSGENIE_CLOSE_ALL_TTL_MS', { fallback: DEFAULT_CLOSE_ALL_TTL_MS, min: 1, max: 3_600_000 }),
    ratePerSecond: intEnv(service, 'HUBOT_OPSGENIE_RATE_PER_SECOND', { fallback: DEFAULT_RATE_PER_SECOND, min: 0, max: 10_000 }),
    maxIds: intEnv(service, 'HUBOT_OPSGENIE_MAX_IDS', { fallback: DEFAULT_MAX_IDS, min: 1, max: 1000 })
  }
}

const JSM_VARIABLES = ['HUBOT_JSM_CLOUD_ID', 'HUBOT_JSM_SITE_URL', 'HUBOT_JSM_EMAIL', 'HUBOT_JSM_API_TOKEN'] as const

/** JSM Operations is chosen as soon as one of its variables is set (then all four are required). */
export const usesJsm = (): boolean => JSM_VARIABLES.some(name => env(name) !== undefined)

export const serviceName = (): string => (usesJsm() ? JSM.name : OPSGENIE.name)

/** The alerting backend (JSM Operations or OpsGenie) the commands talk to. */
/** What clients of one robot share: its clock, governors and the display names it looked up. */
export interface AlertingRuntime extends HttpRuntime {
  jiraNames: JiraNames
}

export function createClient (settings: GenieSettings, runtime: AlertingRuntime): AlertingBackend {
  if (usesJsm()) {
    const jsm = requireEnv(JSM.name, JSM_VARIABLES)
    return createJsmBackend({
      cloudId: jsm.HUBOT_JSM_CLOUD_ID,
      email: jsm.HUBOT_JSM_EMAIL,
      apiToken: jsm.HUBOT_JSM_API_TOKEN,
      siteUrl: urlEnv(JSM.name, 'HUBOT_JSM_SITE_URL', ''),
      integrationKey: env('HUBOT_JSM_INTEGRATION_KEY'),
      gatewayUrl: urlEnv(JSM.name, 'HUBOT_JSM_API_URL', JSM_GATEWAY),
      timeoutMs: settings.timeoutMs,
      ratePerSecond: settings.ratePerSecond,
      runtime,
      names: runtime.jiraNames
    })
  }
  const { HUBOT_OPSGENIE_API_KEY: apiKey } = requireEnv(OPSGENIE.name, ['HUBOT_OPSGENIE_API_KEY'])
  return createOpsGenieBackend({
    apiKey,
    baseURL: urlEnv(OPSGENIE.name, 'HUBOT_OPSGENIE_API_URL', OPSGENIE_DEFAULT_URL),
    timeoutMs: settings.timeoutMs,
    ratePerSecond: settings.ratePerSecond,
    runtime
  })
}
