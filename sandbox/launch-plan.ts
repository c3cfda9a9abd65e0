// What `npm start` will talk to, decided per service from the environment: a service whose key is
// set is REAL; one without a key gets the local stand-in. Pure, so the banner is tested as text.

export type Target = 'sandbox' | 'real'

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

export interface BannerFacts {
  statuspageUrl: string
  pageId?: string
  opsgenieUrl: string
}

/** The first lines `npm start` prints: what is real, what is not, and how to switch. */
export function banner (plan: LaunchPlan, facts: BannerFacts): string[] {
  const both = plan.statuspage === plan.opsgenie
  const lines: string[] = []
  if (both && plan.statuspage === 'sandbox') {
    lines.push('hubot-statuspage-opsgenie SANDBOX: Statuspage and OpsGenie are local stand-ins on 127.0.0.1. Nothing real is touched.')
  } else if (both) {
    lines.push('hubot-statuspage-opsgenie LIVE: commands act on your REAL Statuspage page and OpsGenie alerts.')
  } else {
    const real = plan.statuspage === 'real' ? 'Statuspage' : 'OpsGenie'
    const fake = plan.statuspage === 'real' ? 'OpsGenie' : 'Statuspage'
    lines.push(`hubot-statuspage-opsgenie MIXED: ${real} is REAL (commands change it); ${fake} is a local sandbox stand-in.`)
  }
  lines.push(plan.statuspage === 'real'
    ? `  Statuspage: REAL ${facts.statuspageUrl} page ${facts.pageId ?? '(HUBOT_STATUSPAGE_PAGE_ID is not set)'}`
    : `  Statuspage: sandbox ${facts.statuspageUrl} (seeded example page; state is lost on exit)`)
  lines.push(plan.opsgenie === 'real'
    ? `  OpsGenie:   REAL ${facts.opsgenieUrl}`
    : `  OpsGenie:   sandbox ${facts.opsgenieUrl} (seeded alerts and on-call schedules)`)
  if (plan.statuspage === 'sandbox' || plan.opsgenie === 'sandbox') {
    lines.push('  Real accounts: set HUBOT_STATUSPAGE_API_KEY + HUBOT_STATUSPAGE_PAGE_ID (Statuspage) and/or HUBOT_OPSGENIE_API_KEY')
    lines.push('    (OpsGenie; EU accounts also HUBOT_OPSGENIE_API_URL=https://api.eu.opsgenie.com), then npm start again.')
    lines.push('  Sandbox failures: SANDBOX_FAULT=401|403|429|503|slow|html at start, or POST <stand-in>/__sandbox/fault at runtime.')
  }
  lines.push('  Type /status, /status?, genie or "hubot help". Quit with exit (or Ctrl-C).')
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
