// The reply to `hubot webhooks`: which endpoints are on, where they post, and what arrived since
// start. Never the secrets: only whether each is set.

import { plural } from '../util/text'
import type { HelpEntry } from '../util/help'
import type { ReceiverStats } from './receiver'
import type { WebhookSettings } from './settings'

// Keep in the same order and words as the `// Commands:` header of src/scripts/webhooks.ts.
export const WEBHOOKS_HELP: HelpEntry[] = [
  { id: 'webhooks.status', usage: 'webhooks', description: 'Which webhook endpoints are on, where they post, and what arrived since start' }
]

export const WEBHOOKS_PATTERN = /webhooks:?\s*$/i

export function formatWebhookStatus (settings: WebhookSettings, stats: ReceiverStats, listening: boolean): string {
  const lines: string[] = []
  if (!listening) lines.push('Hubot\'s HTTP server is off, so no webhook endpoint is listening (start Hubot without --disable-httpd).')
  const routes = settings.routes.length > 0 ? `, ${plural(settings.routes.length, 'routing rule')}` : ''
  lines.push(settings.opsgenieSecret
    ? `Alerts (OpsGenie / JSM): on at POST /hubot/opsgenie; default room ${settings.opsgenieRoom ?? 'not set (HUBOT_OPSGENIE_ROOM)'}${routes}.`
    : 'Alerts (OpsGenie / JSM): off (set HUBOT_OPSGENIE_WEBHOOK_SECRET and HUBOT_OPSGENIE_ROOM).')
  lines.push(settings.statuspageSecret
    ? `Statuspage: on at POST /hubot/statuspage/<secret>; room ${settings.statuspageRoom ?? 'not set (HUBOT_STATUSPAGE_ROOM)'}.`
    : 'Statuspage: off (set HUBOT_STATUSPAGE_WEBHOOK_SECRET and HUBOT_STATUSPAGE_ROOM).')
  lines.push(`At most one message per room every ${settings.coalesceMs / 1000}s. Since start: ${counts('alert event', stats.alerts)}; ${counts('Statuspage event', stats.statuspage)}; ${plural(stats.messages, 'message')} posted; ${plural(stats.refused, 'call')} refused (wrong or missing secret).`)
  return lines.join('\n')
}

function counts (what: string, by: Record<string, number>): string {
  const total = Object.values(by).reduce((a, b) => a + b, 0)
  const parts = Object.entries(by).filter(([k, n]) => k !== 'queued' && n > 0).map(([k, n]) => `${n} ${k}`)
  return `${plural(total, what)}${parts.length > 0 ? ` (${parts.join(', ')})` : ''}`
}
