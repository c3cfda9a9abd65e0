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

interface AffectedComponent {
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
  /** When the incident began (may be earlier than created_at when it was opened late). */
  started_at?: string | null
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

/** Scheduled maintenance statuses, in the order a maintenance goes through them. */
export const MAINTENANCE_STATUSES = ['scheduled', 'in_progress', 'verifying', 'completed'] as const
export type MaintenanceStatus = typeof MAINTENANCE_STATUSES[number]

/**
 * A scheduled maintenance as chat creates it: an incident with `scheduled_for`/`scheduled_until`
 * and the auto-transition switches of the API reference. (The client adds the notification
 * switches: deliver_notifications, scheduled_remind_prior and the auto-transition notifications.)
 */
export interface NewMaintenance {
  name: string
  status: 'scheduled'
  body?: string
  /** ISO 8601. */
  scheduled_for: string
  scheduled_until: string
  /** Moves to in_progress at scheduled_for / to completed at scheduled_until by itself. */
  scheduled_auto_in_progress: boolean
  scheduled_auto_completed: boolean
  /** Linked components go to under_maintenance when it starts, and back to operational when it ends. */
  auto_transition_to_maintenance_state: boolean
  auto_transition_to_operational_state: boolean
  component_ids: string[]
}

export interface MaintenanceChange {
  status?: MaintenanceStatus
  body?: string
  components?: ComponentStatusMap
}

/** Limits from the API reference. */
export const MAX_INCIDENT_NAME = 255
export const MAX_INCIDENT_BODY = 25_000

/**
 * An incident's postmortem as read, drafted or published (`…/incidents/{id}/postmortem`). The contract
 * sheet gives the request bodies, not the answer: every field is optional, and an empty answer reads `{}`.
 */
export interface Postmortem {
  body_draft?: string | null
  /** The published text. */
  body?: string | null
  published_at?: string | null
  preview_key?: string | null
  body_draft_updated_at?: string | null
  updated_at?: string | null
}

/** How a publish notifies: subscribers and Twitter per HUBOT_STATUSPAGE_NOTIFY unless set; a custom tweet if given. */
export interface PostmortemPublishOptions {
  notifySubscribers?: boolean
  notifyTwitter?: boolean
  customTweet?: string
}

/** This package's bound on a draft it writes (the API's own is UNCONFIRMED; an incident body allows 25,000). */
export const MAX_POSTMORTEM_DRAFT = 25_000
