// What `npm start` will talk to, decided per service from the environment: a service whose key is
// set is REAL; one without a key gets the local stand-in. Pure, so the banner is tested as text.

import { FAULT_KINDS, faultFromEnv, type Fault } from './faults'

type Target = 'sandbox' | 'real'

export interface LaunchPlan {
  statuspage: Target
  opsgenie: Target
}

const set = (env: NodeJS.ProcessEnv, name: string): boolean => (env[name]?.trim() ?? '') !== ''

export function planLaunch (env: NodeJS.ProcessEnv): LaunchPlan {
  return {
    statuspage: set(env, 'HUBOT_STATUSPAGE_API_KEY') ? 'real' : 'sandbox',
    // JSM Operations is OpsGenie's successor: a token for it also means real alerts.
    opsgenie: set(env, 'HUBOT_OPSGENIE_API_KEY') || set(env, 'HUBOT_JSM_API_TOKEN') ? 'real' : 'sandbox'
  }
}

/** The alerting service's name for the banner: JSM Operations when its token is set or SANDBOX_BACKEND=jsm. */
export function alertingName (env: NodeJS.ProcessEnv): 'OpsGenie' | 'JSM Operations' {
  if (set(env, 'HUBOT_OPSGENIE_API_KEY')) return 'OpsGenie'
  return set(env, 'HUBOT_JSM_API_TOKEN') || env.SANDBOX_BACKEND?.trim().toLowerCase() === 'jsm' ? 'JSM Operations' : 'OpsGenie'
}

export interface BannerFacts {
  statuspageUrl: string
  pageId?: string
  opsgenieUrl: string
  /** Faults switched on at start (SANDBOX_FAULT...), per stand-in. */
  faults?: StartFaults
  /** Default OpsGenie. */
  alertingName?: string
  /** On the JSM stand-in: the person whose email the site hides (genie me as account <id> is for them). */
  hiddenPerson?: { displayName: string, email: string, accountId: string }
}

interface StartFaults { statuspage?: Fault, opsgenie?: Fault }

const SERVICES: Array<{ kind: 'statuspage' | 'opsgenie', name: string }> = [
  { kind: 'statuspage', name: 'Statuspage' },
  { kind: 'opsgenie', name: 'OpsGenie' }
]

/**
 * The faults the environment switches on for the stand-ins that will start, or the one line that
 * says which variable is wrong and what it may be (instead of a stack trace at start).
 */
export type FaultChoice = { ok: true, faults: StartFaults } | { ok: false, message: string }

export function startFaults (env: NodeJS.ProcessEnv, plan: LaunchPlan): FaultChoice {
  const faults: StartFaults = {}
  for (const { kind } of SERVICES) {
    if (plan[kind] !== 'sandbox') continue
    try {
      faults[kind] = faultFromEnv(kind, env)
    } catch (err) {
      const own = `SANDBOX_${kind.toUpperCase()}_FAULT`
      const variable = env[own]?.trim() ? own : 'SANDBOX_FAULT'
      const why = (err as Error).message
      const list = why.includes(FAULT_KINDS.join(', ')) ? '' : ` Faults: ${FAULT_KINDS.join(', ')}.`
      return {
        ok: false,
        message: `npm start: ${variable}=${JSON.stringify(env[variable]?.trim())} is not a sandbox fault: ${why}.${list} ` +
          'Options after a comma: retryAfter=<s>, delayMs=<ms>, times=<n>, path=<text>, method=<verb> ' +
          '(e.g. 429,retryAfter=2,times=3).'
      }
    }
  }
  return { ok: true, faults }
}

/** `503 on every request`, `429 (Retry-After 2 s) on the next 3 requests to /incidents`. */
export function describeFault (fault: Fault): string {
  const what = fault.kind === 'slow'
    ? `a delay of ${fault.delayMs ?? 3000} ms before`
    : fault.kind === 'html'
      ? 'a 502 HTML error page on'
      : `${fault.kind}${fault.kind === '420' || fault.kind === '429' ? ` (Retry-After ${fault.retryAfter ?? 1} s)` : ''} on`
  const which = fault.times === undefined
    ? 'every request'
    : `the next ${fault.times === 1 ? 'request' : `${fault.times} requests`}`
  const where = [fault.method && `${fault.method} only`, fault.path && `to paths containing ${fault.path}`]
    .filter(Boolean).join(', ')
  return `${what} ${which}${where ? ` (${where})` : ''}`
}

/** The first lines `npm start` prints: what is real, what is not, and how to switch. */
export function banner (plan: LaunchPlan, facts: BannerFacts): string[] {
  const alerting = facts.alertingName ?? 'OpsGenie'
  const both = plan.statuspage === plan.opsgenie
  const lines: string[] = []
  if (both && plan.statuspage === 'sandbox') {
    lines.push(`hubot-statuspage-opsgenie SANDBOX: Statuspage and ${alerting} are local stand-ins on 127.0.0.1. Nothing real is touched.`)
  } else if (both) {
    lines.push(`hubot-statuspage-opsgenie LIVE: commands act on your REAL Statuspage page and ${alerting} alerts.`)
  } else {
    const real = plan.statuspage === 'real' ? 'Statuspage' : alerting
    const fake = plan.statuspage === 'real' ? alerting : 'Statuspage'
    lines.push(`hubot-statuspage-opsgenie MIXED: ${real} is REAL (commands change it); ${fake} is a local sandbox stand-in.`)
  }
  lines.push(plan.statuspage === 'real'
    ? `  Statuspage: REAL ${facts.statuspageUrl} page ${facts.pageId ?? '(HUBOT_STATUSPAGE_PAGE_ID is not set)'}`
    : `  Statuspage: sandbox ${facts.statuspageUrl} (seeded example page; state is lost on exit)`)
  const label = `${alerting}:`.padEnd(11)
  lines.push(plan.opsgenie === 'real'
    ? `  ${label} REAL ${facts.opsgenieUrl}`
    : `  ${label} sandbox ${facts.opsgenieUrl} (seeded alerts and on-call schedules)`)
  if (plan.statuspage === 'sandbox' || plan.opsgenie === 'sandbox') {
    if (alerting === 'JSM Operations') {
      lines.push('  Real accounts: set HUBOT_STATUSPAGE_API_KEY + HUBOT_STATUSPAGE_PAGE_ID (Statuspage) and/or HUBOT_JSM_CLOUD_ID +')
      lines.push('    HUBOT_JSM_SITE_URL + HUBOT_JSM_EMAIL + HUBOT_JSM_API_TOKEN (JSM Operations; HUBOT_JSM_INTEGRATION_KEY too, to')
      lines.push('    show people as the actor), then npm start again.')
    } else {
      lines.push('  Real accounts: set HUBOT_STATUSPAGE_API_KEY + HUBOT_STATUSPAGE_PAGE_ID (Statuspage) and/or HUBOT_OPSGENIE_API_KEY')
      lines.push('    (OpsGenie; EU accounts also HUBOT_OPSGENIE_API_URL=https://api.eu.opsgenie.com), then npm start again.')
    }
    lines.push(`  Sandbox failures: SANDBOX_FAULT=${FAULT_KINDS.join('|')} at start, ` +
      'or POST <stand-in>/__sandbox/fault at runtime.')
    if (plan.opsgenie === 'sandbox') {
      lines.push(alerting === 'JSM Operations'
        ? '  Alerting: the JSM Operations stand-in (SANDBOX_BACKEND=jsm); without it, npm start runs the OpsGenie stand-in.'
        : '  JSM Operations (OpsGenie\'s successor) instead: SANDBOX_BACKEND=jsm npm start.')
    }
  }
  for (const { kind, name } of SERVICES) {
    const fault = facts.faults?.[kind]
    if (!fault) continue
    const origin = new URL(kind === 'statuspage' ? facts.statuspageUrl : facts.opsgenieUrl).origin
    lines.push(`  FAULT ON: the ${kind === 'opsgenie' ? alerting : name} stand-in answers with ${describeFault(fault)}.`)
    lines.push(`    Clear it with: curl -X DELETE ${origin}/__sandbox/fault`)
  }
  const hidden = plan.opsgenie === 'sandbox' ? facts.hiddenPerson : undefined
  if (hidden) {
    lines.push(`  People: ${hidden.displayName} hides the email ${hidden.email} on the sandbox site, so /genie me as ${hidden.email}`)
    lines.push(`    cannot find them: /genie me as account ${hidden.accountId} can.`)
  }
  lines.push('  Type /status, /genie, /status help, or "hubot help" for every command. Quit with exit (or Ctrl-C).')
  return lines
}

export interface WebhookFacts {
  /** The bot's own HTTP server, e.g. http://127.0.0.1:40123. */
  botUrl: string
  /** The OpsGenie stand-in's origin, when it runs (its control endpoint fires alerts). */
  opsgenieOrigin?: string
  /** The Statuspage stand-in's origin, when it runs. */
  statuspageOrigin?: string
}

/** How the sandbox's webhooks reach the bot, and how to fire one by hand. */
export function webhookBanner (facts: WebhookFacts): string[] {
  const lines = [`  Webhooks: the stand-ins post alerts and status changes to the bot at ${facts.botUrl}/hubot/... by themselves.`]
  if (facts.opsgenieOrigin) {
    lines.push('    A new P1 alert arrives a few seconds after start. Fire another:')
    lines.push(`    curl -X POST -d '{"message":"Disk full on db-01","priority":"P2"}' ${facts.opsgenieOrigin}/__sandbox/alerts`)
  }
  if (facts.statuspageOrigin) {
    lines.push('    A colleague changes a component on the web:')
    lines.push(`    curl -X POST -d '{"component":"REST API","status":"partial_outage"}' ${facts.statuspageOrigin}/__sandbox/component`)
  }
  return lines
}
