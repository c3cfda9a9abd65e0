// A Statuspage subscriber webhook notification → one event: a component changed state, or an
// incident was created or updated. Anything else (an unknown shape) is ignored with a reason.

import { createHash } from 'node:crypto'
import type { Ignored, StatuspageEvent } from './events'
import { inert } from '../util/inert'

const MAX_TEXT = 400

/** Every field is outside text: made one inert, bounded line (util/inert) before anything formats it. */
const text = (value: unknown): string | undefined => (typeof value === 'string' ? inert(value, MAX_TEXT) || undefined : undefined)

const record = (value: unknown): Record<string, unknown> | undefined =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : undefined

export function parseStatuspageWebhook (body: unknown, raw: string): StatuspageEvent | Ignored {
  const payload = record(body)
  if (!payload) return { ignored: 'the body is not a JSON object' }
  const update = record(payload.component_update)
  const component = record(payload.component)
  if (update || component) {
    const componentId = text(update?.component_id) ?? text(component?.id)
    const newStatus = text(update?.new_status) ?? text(component?.status)
    if (!componentId || !newStatus) return { ignored: 'a component update without a component id or new status' }
    return {
      source: 'statuspage',
      type: 'component',
      componentId,
      name: text(component?.name) ?? componentId,
      oldStatus: text(update?.old_status),
      newStatus,
      key: `component|${text(update?.id) ?? hash(raw)}`
    }
  }
  const incident = record(payload.incident)
  if (incident) {
    const id = text(incident.id)
    if (!id) return { ignored: 'an incident without an id' }
    const listed = Array.isArray(incident.incident_updates) ? incident.incident_updates : []
    const updates = listed.map(record).filter(u => u !== undefined)
    const newest = newestUpdate(updates)
    const status = text(incident.status) ?? text(newest?.status) ?? 'unknown'
    return {
      source: 'statuspage',
      type: 'incident',
      id,
      name: text(incident.name) ?? id,
      status,
      impact: text(incident.impact),
      latest: text(newest?.body),
      shortlink: text(incident.shortlink),
      key: `incident|${id}|${text(newest?.id) ?? text(incident.updated_at) ?? hash(raw)}|${status}`
    }
  }
  return { ignored: 'neither a component update nor an incident' }
}

/** Statuspage lists updates newest first; sort by time anyway, in case an older one leads. */
function newestUpdate (updates: Array<Record<string, unknown>>): Record<string, unknown> | undefined {
  let best: Record<string, unknown> | undefined
  let bestAt = -Infinity
  for (const u of updates) {
    const at = Date.parse(String(u.display_at ?? u.created_at ?? ''))
    const t = Number.isFinite(at) ? at : -Infinity
    if (best === undefined || t > bestAt) { best = u; bestAt = t }
  }
  return best
}

const hash = (raw: string): string => createHash('sha256').update(raw).digest('hex')
