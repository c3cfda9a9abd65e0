// The names people see for Statuspage's states, in every reply and webhook post alike.

import type { ComponentStatus, IncidentStatus } from './types'

const LABELS: Record<ComponentStatus, string> = {
  operational: 'operational',
  degraded_performance: 'degraded performance',
  partial_outage: 'partial outage',
  major_outage: 'major outage',
  under_maintenance: 'under maintenance'
}

/** The name people see for a component state ("" from the API shows as unknown). */
export const stateLabel = (status: ComponentStatus | '' | string): string =>
  (LABELS as Record<string, string>)[status] ?? (status === '' ? 'unknown' : status.replace(/_/g, ' '))

export const incidentStatusLabel = (status: IncidentStatus | string): string => status.replace(/_/g, ' ')
