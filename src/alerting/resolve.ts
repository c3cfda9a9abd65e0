// Turns the ids people type into the alerts to act on. tinyIds roll over (OpsGenie reuses small
// numbers), so a tinyId is looked up among the OPEN alerts first, the ones people are looking at,
// and only then asked of the backend directly. Actions then go by full id, never by tinyId.

import { mapSettled } from '../util/async'
import type { AlertingBackend } from './backend'
import type { Target } from './bulk'
import type { Alert } from './types'

export interface Resolved {
  targets: Target[]
  /** What was typed and matched no alert. */
  unknown: string[]
}

export const labelOf = (alert: Alert): string => (alert.tinyId ? `#${alert.tinyId}` : alert.id)

export async function resolveAlerts (
  backend: AlertingBackend, typed: readonly string[], concurrency: number
): Promise<Resolved> {
  const wanted = [...new Set(typed)]
  const byTiny = new Map<string, Alert>()
  if (backend.supportsTinyIds) {
    for (const alert of await backend.listAlerts({ status: 'open' })) if (alert.tinyId) byTiny.set(alert.tinyId, alert)
  }
  const looked = await mapSettled(wanted, concurrency, async (value): Promise<Alert | undefined> => {
    const open = byTiny.get(value)
    if (open) return open
    if (!backend.supportsTinyIds) return backend.getAlert({ kind: 'id', value })
    if (/^\d+$/.test(value)) return backend.getAlert({ kind: 'tiny', value })
    return backend.getAlert({ kind: 'id', value })
  })
  const targets: Target[] = []
  const unknown: string[] = []
  for (const l of looked) {
    if (!l.ok) throw l.error
    if (l.value) {
      if (!targets.some(t => t.alertId === l.value!.id)) targets.push({ alertId: l.value.id, label: labelOf(l.value) })
    } else unknown.push(l.item)
  }
  return { targets, unknown }
}

/** One alert as typed: among the open ones first (tinyIds roll over), else asked of the backend. */
export async function findAlert (backend: AlertingBackend, typed: string): Promise<Alert | undefined> {
  if (backend.supportsTinyIds) {
    const open = (await backend.listAlerts({ status: 'open' })).find(a => a.tinyId === typed)
    if (open) return open
    if (/^\d+$/.test(typed)) return backend.getAlert({ kind: 'tiny', value: typed })
  }
  return backend.getAlert({ kind: 'id', value: typed })
}
