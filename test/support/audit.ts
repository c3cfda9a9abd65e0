// Audit entries for the audit suites: entry n is alice's `status set` of component c<n>, at 10:<n> UTC.
import type { AuditEntry } from '../../src/chat/audit/store'

export const auditEntry = (n: number): AuditEntry => ({
  time: `2026-01-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`,
  user: { id: 'U1', name: 'alice' },
  room: 'ops',
  command: 'status set',
  service: 'Statuspage',
  targets: [{ id: `c${n}`, action: 'major_outage', outcome: 'done' }],
  outcome: 'done'
})
