// `npm run sandbox`: what to paste into the shell that starts any bot (Hubot 14 or 3.5 with this
// package in external-scripts.json) so it talks to the stand-ins and receives their webhooks. Pure:
// the lines are tested as text, and the end-to-end install test reads them back (parseExports).

export interface PasteFacts {
  /** sandbox.env: the stand-ins' URLs, keys, page id (or JSM's settings). */
  env: Record<string, string>
  /** Where the bot's own HTTP server will listen, e.g. http://127.0.0.1:8080. */
  botUrl: string
  /** The room webhook messages go to (the adapter's room id). */
  room: string
  opsgenieSecret: string
  statuspageSecret: string
  /** The alerting stand-in's origin (alert links open there), and Statuspage's. */
  alertingOrigin?: string
  statuspageOrigin?: string
  alertingName: string
}

/** Quoted for a POSIX shell only when it needs it. */
const shell = (value: string): string => (/^[\w@%+=:,./-]*$/.test(value) ? value : `'${value.replace(/'/g, "'\\''")}'`)

/** The settings as `export NAME=value` lines (also the env a test gives a bot). */
export function pasteSettings (facts: PasteFacts): Record<string, string> {
  const url = new URL(facts.botUrl)
  const settings: Record<string, string> = { ...facts.env }
  if (facts.alertingOrigin) {
    Object.assign(settings, {
      HUBOT_OPSGENIE_WEBHOOK_SECRET: facts.opsgenieSecret,
      HUBOT_OPSGENIE_ROOM: facts.room,
      HUBOT_OPSGENIE_WEB_URL: `${facts.alertingOrigin}/__sandbox/alert/{alertId}`
    })
  }
  if (facts.statuspageOrigin) {
    settings.HUBOT_STATUSPAGE_WEBHOOK_SECRET = facts.statuspageSecret
    settings.HUBOT_STATUSPAGE_ROOM = facts.room
  }
  return { ...settings, EXPRESS_BIND_ADDRESS: url.hostname, EXPRESS_PORT: url.port || '80' }
}

export function pasteLines (facts: PasteFacts): string[] {
  const lines = [
    `hubot-statuspage-opsgenie sandbox: Statuspage and ${facts.alertingName} stand-ins on 127.0.0.1. Nothing real is touched;`,
    '  state is lost when this stops (Ctrl-C).',
    '',
    'Paste these into the shell that starts your bot (Hubot 14 or 3.5, with "hubot-statuspage-opsgenie" in its',
    'external-scripts.json), then start it there, e.g. npx hubot --name hubot --alias /',
    '',
    ...Object.entries(pasteSettings(facts)).map(([name, value]) => `export ${name}=${shell(value)}`),
    ''
  ]
  if (facts.alertingOrigin || facts.statuspageOrigin) {
    lines.push(`Webhooks go to the bot at ${facts.botUrl}/hubot/... once it listens there (room ${facts.room}).`)
  }
  if (facts.alertingOrigin) {
    lines.push('  A new P1 alert arrives as soon as the bot answers. Fire another:')
    lines.push(`  curl -X POST -d '{"message":"Disk full on db-01","priority":"P2"}' ${facts.alertingOrigin}/__sandbox/alerts`)
  }
  if (facts.statuspageOrigin) {
    lines.push('  A colleague changes a component on the web:')
    lines.push(`  curl -X POST -d '{"component":"REST API","status":"partial_outage"}' ${facts.statuspageOrigin}/__sandbox/component`)
  }
  lines.push('Failures: curl -X POST -d \'{"fault":"503,times=2"}\' <stand-in>/__sandbox/fault (DELETE clears it).')
  return lines
}

/** The `export NAME=value` lines of `text` read back (single-quoted values unquoted). */
export function parseExports (text: string): Record<string, string> {
  const env: Record<string, string> = {}
  for (const m of text.matchAll(/^export ([A-Z0-9_]+)=(.*)$/gm)) {
    const raw = m[2]
    env[m[1]] = raw.startsWith("'") ? raw.slice(1, -1).replace(/'\\''/g, "'") : raw
  }
  return env
}
