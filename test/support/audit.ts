// Audit entries for the audit suites: entry n is alice's `status set` of component c<n>, <n> minutes after 10:00 UTC.
import type { AuditEntry } from '../../src/chat/audit/store'

export const auditEntry = (n: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 1, 10, n)).toISOString(),
  user: { id: 'U1', name: 'alice' },
  room: 'ops',
  command: 'status set',
  service: 'Statuspage',
  targets: [{ id: `c${n}`, action: 'major_outage', outcome: 'done' }],
  outcome: 'done'
})
