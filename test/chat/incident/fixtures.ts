// What the incident tests build their records from: a start time and a bare incident in room1.
import type { AuditEntry } from '../../../src/chat/audit/store'
import type { IncidentRecord } from '../../../src/chat/incident/model'

/** 2026-12-04 01:00 UTC. */
export const T0 = Date.UTC(2026, 11, 4, 1, 0)

/** "Checkout errors", P1, declared by dana at T0 in room1: nothing linked, nothing on its timeline. */
export const incident = (): IncidentRecord => ({
  id: 'room1@1',
  room: 'room1',
  title: 'Checkout errors',
  severity: 'P1',
  startedAt: T0,
  declaredBy: 'dana',
  components: [],
  alerts: [],
  timeline: [],
  dropped: 0
})

/** A write dana made in room1, as the audit trail records it. */
export const entry = (command: string, targets: AuditEntry['targets'], service = 'OpsGenie'): AuditEntry =>
  ({ time: '', user: { id: 'U7', name: 'dana' }, room: 'room1', command, service, targets, outcome: 'done' })
