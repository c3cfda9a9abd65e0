// The sandbox: local stand-ins for Statuspage and OpsGenie (or its successor JSM Operations, with
// SANDBOX_BACKEND=jsm), seeded, on loopback ports, for `npm start` and the tests. Nothing here
// talks to the real services.
//
//   const sandbox = await startSandbox()
//   sandbox.env            // HUBOT_STATUSPAGE_* / HUBOT_OPSGENIE_* pointing at the stand-ins
//   sandbox.statuspage.state.components, sandbox.opsgenie.state.alerts   // live state, readable
//   await sandbox.stop()

import { faultFromEnv, type Fault } from './faults'
import { seedJsm } from './jsm-model'
import { startJsm, type JsmStandIn } from './jsm-server'
import { startOpsgenie, SANDBOX_OPSGENIE_KEY, type OpsgenieStandIn } from './opsgenie-server'
import { seedOpsgenie, seedStatuspage, SANDBOX_PAGE_ID } from './seed'
import { startStatuspage, SANDBOX_STATUSPAGE_KEY, type StatuspageStandIn } from './statuspage-server'

export { SANDBOX_OPSGENIE_KEY, SANDBOX_STATUSPAGE_KEY, SANDBOX_PAGE_ID }
export { SANDBOX_JSM_CLOUD_ID, SANDBOX_JSM_EMAIL, SANDBOX_JSM_INTEGRATION_KEY, SANDBOX_JSM_TOKEN } from './jsm-server'
export type { Fault } from './faults'
export type { StatuspageStandIn } from './statuspage-server'
export type { OpsgenieStandIn } from './opsgenie-server'
export type { JsmStandIn } from './jsm-server'

export type AlertingKind = 'opsgenie' | 'jsm'

/** Which alerting stand-in SANDBOX_BACKEND asks for (default opsgenie). */
export function alertingFromEnv (env: NodeJS.ProcessEnv = process.env): AlertingKind {
  const raw = env.SANDBOX_BACKEND?.trim().toLowerCase() ?? ''
  if (raw === '' || raw === 'opsgenie') return 'opsgenie'
  if (raw === 'jsm') return 'jsm'
  throw new Error(`SANDBOX_BACKEND must be opsgenie or jsm, not ${JSON.stringify(env.SANDBOX_BACKEND)}`)
}

export interface SandboxOptions {
  /** Which stand-ins to start (default both). */
  statuspage?: boolean
  opsgenie?: boolean
  /** Which alerting stand-in runs when `opsgenie` is on: OpsGenie, or JSM Operations (default SANDBOX_BACKEND). */
  alerting?: AlertingKind
  /** Fixed ports; 0 (default) picks free ones. */
  statuspagePort?: number
  opsgeniePort?: number
  /** Faults at start; default from SANDBOX_FAULT / SANDBOX_<SERVICE>_FAULT. */
  statuspageFault?: Fault
  opsgenieFault?: Fault
  /** OpsGenie action processing delay; default SANDBOX_OPSGENIE_DELAY_MS or 150 ms. */
  actionDelayMs?: number
  /** Statuspage's one-unpaginated-list-a-minute limit; default 60 s, 0 turns it off. */
  unpaginatedLimitMs?: number
}

export interface Sandbox {
  statuspage?: StatuspageStandIn
  opsgenie?: OpsgenieStandIn
  jsm?: JsmStandIn
  /** The variables that point the package at the stand-ins that were started. */
  env: Record<string, string>
  /** Back to the seed state, faults cleared (what POST /__sandbox/reset does). */
  reset(): Promise<void>
  stop(): Promise<void>
}

export async function startSandbox (options: SandboxOptions = {}): Promise<Sandbox> {
  const env: Record<string, string> = {}
  let statuspage: StatuspageStandIn | undefined
  let opsgenie: OpsgenieStandIn | undefined
  let jsm: JsmStandIn | undefined
  const alerting = options.alerting ?? alertingFromEnv()
  try {
    if (options.statuspage !== false) {
      statuspage = await startStatuspage({
        state: seedStatuspage(),
        reseed: () => seedStatuspage(),
        fault: options.statuspageFault ?? faultFromEnv('statuspage'),
        port: options.statuspagePort,
        unpaginatedLimitMs: options.unpaginatedLimitMs
      })
      Object.assign(env, {
        HUBOT_STATUSPAGE_API_URL: statuspage.url,
        HUBOT_STATUSPAGE_API_KEY: SANDBOX_STATUSPAGE_KEY,
        HUBOT_STATUSPAGE_PAGE_ID: SANDBOX_PAGE_ID
      })
    }
    if (options.opsgenie !== false && alerting === 'jsm') {
      jsm = await startJsm({
        state: seedJsm(),
        reseed: () => seedJsm(),
        fault: options.opsgenieFault ?? faultFromEnv('jsm'),
        port: options.opsgeniePort,
        actionDelayMs: options.actionDelayMs ?? delayFromEnv()
      })
      Object.assign(env, jsm.env)
    } else if (options.opsgenie !== false) {
      opsgenie = await startOpsgenie({
        state: seedOpsgenie(),
        reseed: () => seedOpsgenie(),
        fault: options.opsgenieFault ?? faultFromEnv('opsgenie'),
        port: options.opsgeniePort,
        actionDelayMs: options.actionDelayMs ?? delayFromEnv()
      })
      Object.assign(env, { HUBOT_OPSGENIE_API_URL: opsgenie.url, HUBOT_OPSGENIE_API_KEY: SANDBOX_OPSGENIE_KEY })
    }
  } catch (err) {
    await Promise.all([statuspage?.close(), opsgenie?.close(), jsm?.close()])
    throw err
  }
  return {
    statuspage,
    opsgenie,
    jsm,
    env,
    reset: async () => {
      for (const standIn of [statuspage, opsgenie, jsm]) {
        if (standIn) await fetch(`${standIn.origin}/__sandbox/reset`, { method: 'POST' })
      }
    },
    stop: async () => { await Promise.all([statuspage?.close(), opsgenie?.close(), jsm?.close()]) }
  }
}

function delayFromEnv (): number | undefined {
  const raw = process.env.SANDBOX_OPSGENIE_DELAY_MS
  if (raw === undefined || raw.trim() === '') return undefined
  const ms = Number(raw)
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`SANDBOX_OPSGENIE_DELAY_MS must be a whole number of milliseconds, not ${JSON.stringify(raw)}`)
  return ms
}
