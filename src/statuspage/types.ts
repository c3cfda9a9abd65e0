// The Statuspage v1 shapes this package reads and writes (see the API contract sheet).

export const COMPONENT_STATUSES = ['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'] as const
export type ComponentStatus = typeof COMPONENT_STATUSES[number]

/** Realtime incident statuses, the ones a person can set from chat. */
export const INCIDENT_STATUSES = ['investigating', 'identified', 'monitoring', 'resolved'] as const
export type RealtimeIncidentStatus = typeof INCIDENT_STATUSES[number]
/** Everything a read may carry: scheduled maintenance statuses and `postmortem` too. */
export type IncidentStatus = RealtimeIncidentStatus | 'postmortem' | 'scheduled' | 'in_progress' | 'verifying' | 'completed'

export type Impact = 'none' | 'maintenance' | 'minor' | 'major' | 'critical'

export interface Component {
  id: string
  page_id: string
  group_id: string | null
  /** True for a component group; its status follows its children. */
  group: boolean
  name: string
  description: string | null
  position: number
  /** The spec also allows "" (unknown). */
  status: ComponentStatus | ''
  showcase?: boolean
  only_show_if_degraded?: boolean
  start_date?: string | null
  created_at?: string
  updated_at?: string
  /** On a group row: the ids of its children. */
  components?: string[]
}

export interface AffectedComponent {
  code: string
  name: string
  old_status: string
  new_status: string
}

export interface IncidentUpdate {
  id: string
  incident_id: string
  status: IncidentStatus
  body: string | null
  created_at: string
  display_at?: string | null
  affected_components?: AffectedComponent[] | null
}

export interface Incident {
  id: string
  name: string
  status: IncidentStatus
  impact: Impact | string
  impact_override?: Impact | null
  shortlink?: string | null
  created_at: string
  updated_at?: string | null
  monitoring_at?: string | null
  resolved_at?: string | null
  scheduled_for?: string | null
  scheduled_until?: string | null
  components?: Component[]
  incident_updates?: IncidentUpdate[]
}

/** Component id → the status to set, in the same call as an incident change. */
export type ComponentStatusMap = Record<string, ComponentStatus>

export interface NewIncident {
  name: string
  status?: RealtimeIncidentStatus
  /** The text of the first update. */
  body?: string
  component_ids?: string[]
  components?: ComponentStatusMap
}

export interface IncidentChange {
  status?: RealtimeIncidentStatus
  /** Adds an update with this text. */
  body?: string
  component_ids?: string[]
  components?: ComponentStatusMap
}

/** Limits from the API reference. */
export const MAX_INCIDENT_NAME = 255
export const MAX_INCIDENT_BODY = 25_000
