// The bodies a Statuspage webhook subscriber receives (Atlassian's "Enable webhook notifications":
// {meta, page, component_update, component} or {meta, page, incident}), built from the stand-in's state.

import { statuspageId } from './ids'
import type { StatuspageState } from './statuspage-model'

const meta = (): Record<string, string> => ({
  unsubscribe: 'http://127.0.0.1/?unsubscribe=sandbox',
  documentation: 'https://support.atlassian.com/statuspage/docs/enable-webhook-notifications/',
  generated_at: new Date().toISOString()
})

const page = (state: StatuspageState): Record<string, string> => ({
  id: state.page.id,
  status_indicator: 'minor',
  status_description: 'Partially Degraded Service'
})

/** Non-group component id → status, to compare before and after a change. */
export const componentStatuses = (state: StatuspageState): Map<string, string> =>
  new Map(state.components.filter(c => !c.group).map(c => [c.id, c.status]))

/** One notification per component whose status differs from `before`. */
export function componentNotifications (state: StatuspageState, before: Map<string, string>): unknown[] {
  const out: unknown[] = []
  for (const c of state.components) {
    const old = before.get(c.id)
    if (c.group || old === undefined || old === c.status) continue
    out.push({
      meta: meta(),
      page: page(state),
      component_update: {
        created_at: c.updated_at, new_status: c.status, old_status: old, id: statuspageId(), component_id: c.id
      },
      component: { ...c }
    })
  }
  return out
}

export function incidentNotification (state: StatuspageState, incident: unknown): unknown {
  return { meta: meta(), page: page(state), incident }
}
