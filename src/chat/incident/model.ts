// An incident declared in a room, as the bot keeps it in the brain: versioned records (one per
// incident, the open one and the room's past ones), bounded, merged with what a persistent brain
// loads late (util/brain-store.ts). Pure helpers: the handlers change a copy and put it back.

import { defineStore, type BrainLike } from '../../util/brain-store'

export const SEVERITIES = ['P1', 'P2', 'P3', 'P4', 'P5'] as const
export type Severity = typeof SEVERITIES[number]

/** Timeline entries kept per incident; older ones are counted in `dropped`, never silently lost. */
export const TIMELINE_LIMIT = 1000
/** Incidents kept (all rooms); the oldest ended ones go first. */
const INCIDENT_LIMIT = 200

export interface TimelineEntry {
  /** Epoch ms. */
  at: number
  /** Who did it (a chat name), when a person did. */
  who?: string
  text: string
}

export interface IncidentComponent {
  id: string
  name: string
  /** Its state before the incident set it. */
  before?: string
  changes: Array<{ at: number, status: string }>
}

export interface LinkedAlert {
  /** The alert's full id at the alerting service. */
  id: string
  tinyId?: string
  message?: string
  priority?: string
  acknowledgedAt?: number
  acknowledgedBy?: string
  closedAt?: number
}

export interface IncidentRecord {
  /** `<room>@<startedAt>`: unique per room and start. */
  id: string
  room: string
  title: string
  severity: Severity
  startedAt: number
  endedAt?: number
  declaredBy: string
  lead?: string
  comms?: string
  components: IncidentComponent[]
  alerts: LinkedAlert[]
  publicIncident?: { id: string, name?: string, shortlink?: string }
  /** When the postmortem draft was written on Statuspage. */
  draftAt?: number
  /** When the postmortem was published. */
  publishedAt?: number
  timeline: TimelineEntry[]
  /** Entries left out of `timeline` by its bound (the oldest). */
  dropped: number
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v)

/** Enough to be read safely: the fields every reply uses, with the right types. */
function isIncident (data: unknown): data is IncidentRecord {
  if (!isObject(data)) return false
  return typeof data.id === 'string' && typeof data.room === 'string' && typeof data.title === 'string' &&
    (SEVERITIES as readonly unknown[]).includes(data.severity) && typeof data.startedAt === 'number' &&
    typeof data.declaredBy === 'string' && Array.isArray(data.components) && Array.isArray(data.alerts) &&
    Array.isArray(data.timeline) && data.timeline.every(e => isObject(e) && typeof e.at === 'number' && typeof e.text === 'string') &&
    typeof data.dropped === 'number'
}

const incidents = defineStore<IncidentRecord>({
  key: 'hubot-statuspage-opsgenie.incidents',
  name: 'incidents',
  version: 1,
  bound: INCIDENT_LIMIT,
  validate: (data, v) => (v === 1 && isIncident(data) ? data : undefined)
})

export interface IncidentStore {
  /** The room's open incident. */
  open(room: string): IncidentRecord | undefined
  /** The room's incidents, newest first. */
  inRoom(room: string): IncidentRecord[]
  save(incident: IncidentRecord, at: number): void
  /** Every room's open incident. */
  allOpen(): IncidentRecord[]
}

export function incidentStore (brain: BrainLike): IncidentStore {
  const handle = incidents.on(brain)
  const inRoom = (room: string): IncidentRecord[] =>
    handle.list().filter(i => i.room === room).sort((a, b) => b.startedAt - a.startedAt)
  return {
    open: room => inRoom(room).find(i => i.endedAt === undefined),
    inRoom,
    save: (incident, at) => { handle.put(incident.id, incident, at) },
    allOpen: () => handle.list().filter(i => i.endedAt === undefined)
  }
}

/** A copy with one more timeline entry; past the bound the oldest are dropped and counted. */
export function withEntry (incident: IncidentRecord, entry: TimelineEntry): IncidentRecord {
  const timeline = [...incident.timeline, entry]
  const over = Math.max(0, timeline.length - TIMELINE_LIMIT)
  return { ...incident, timeline: timeline.slice(over), dropped: incident.dropped + over }
}
