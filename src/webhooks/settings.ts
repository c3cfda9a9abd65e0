// The webhook settings, read from the environment on every delivery (so a change needs no restart
// of the script, and a test can set them per case). Problems are reported once per distinct value.

import { env, type IntRange } from '../util/config'
import { usesJsm } from '../alerting/settings'
import { parseRoutes, type RouteRule } from './routes'

const DEFAULT_COALESCE_MS = 5000
const DEFAULT_MAX_BYTES = 256 * 1024
const DEFAULT_ALERT_URL = 'https://app.opsgenie.com/alert/detail/{alertId}/details'

export interface WebhookSettings {
  opsgenieSecret?: string
  statuspageSecret?: string
  opsgenieRoom?: string
  statuspageRoom?: string
  routes: RouteRule[]
  coalesceMs: number
  maxBytes: number
  /** The alert page; `{alertId}` and `{tinyId}` are replaced. */
  alertUrl: string
  /** JSM Operations: chat commands name alerts by id, not tinyId. */
  jsm: boolean
}

/** Every configuration problem, as one log line each (the caller logs each distinct one once). */
export function readWebhookSettings (problems: (line: string) => void): WebhookSettings {
  const routes = parseRoutes(env('HUBOT_OPSGENIE_ROUTES'))
  for (const p of routes.problems) problems(`HUBOT_OPSGENIE_ROUTES: ${p}; that rule is skipped, the other rules and HUBOT_OPSGENIE_ROOM still apply.`)
  return {
    opsgenieSecret: env('HUBOT_OPSGENIE_WEBHOOK_SECRET'),
    statuspageSecret: env('HUBOT_STATUSPAGE_WEBHOOK_SECRET'),
    opsgenieRoom: env('HUBOT_OPSGENIE_ROOM'),
    statuspageRoom: env('HUBOT_STATUSPAGE_ROOM'),
    routes: routes.rules,
    coalesceMs: whole('HUBOT_WEBHOOK_COALESCE_MS', { fallback: DEFAULT_COALESCE_MS, min: 0, max: 600_000 }, problems),
    maxBytes: whole('HUBOT_WEBHOOK_MAX_BYTES', { fallback: DEFAULT_MAX_BYTES, min: 1024, max: 10 * 1024 * 1024 }, problems),
    alertUrl: alertUrl(problems),
    jsm: usesJsm()
  }
}

function whole (name: string, { fallback, min, max }: IntRange, problems: (line: string) => void): number {
  const raw = env(name)
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (Number.isInteger(value) && value >= min && value <= max) return value
  problems(`${name}=${JSON.stringify(raw)} is not a whole number from ${min} to ${max}; using ${fallback}.`)
  return fallback
}

function alertUrl (problems: (line: string) => void): string {
  const raw = env('HUBOT_OPSGENIE_WEB_URL')
  if (raw === undefined) return DEFAULT_ALERT_URL
  if (!/^https?:\/\/\S+$/i.test(raw)) {
    problems(`HUBOT_OPSGENIE_WEB_URL is not an http(s) URL; alert links use ${DEFAULT_ALERT_URL}.`)
    return DEFAULT_ALERT_URL
  }
  return /\{(alertId|tinyId)\}/.test(raw) ? raw : `${raw.replace(/\/+$/, '')}/{alertId}`
}

/** The link to one alert, or undefined when the template needs an id the event lacks. */
export function alertLink (template: string, ids: { alertId?: string, tinyId?: string }): string | undefined {
  let missing = false
  const url = template.replace(/\{(alertId|tinyId)\}/g, (_, name: 'alertId' | 'tinyId') => {
    const value = ids[name]
    if (!value) missing = true
    return encodeURIComponent(value ?? '')
  })
  return missing ? undefined : url
}
