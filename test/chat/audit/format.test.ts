// status log / genie log (src/chat/audit/format.ts): newest first, bounded.
import { expect } from 'chai'
import { formatHistory } from '../../../src/chat/audit/format'
import { type AuditEntry } from '../../../src/chat/audit/store'

describe('the audit log reply', () => {
  const entry = (n: number): AuditEntry => ({
    time: `2026-01-01T10:${String(n % 60).padStart(2, '0')}:00.000Z`,
    user: { id: 'U1', name: 'alice' },
    room: 'ops',
    command: 'status set',
    service: 'Statuspage',
    targets: [{ id: `c${n}`, action: 'major_outage', outcome: 'done' }],
    outcome: 'done'
  })

  it('shows the newest entries first, saying how many are kept', () => {
    const reply = formatHistory([entry(1), entry(2), entry(3)], 2, 'Statuspage')
    expect(reply).to.equal([
      'The last 2 Statuspage changes from chat (of 3 kept), newest first:',
      '• 2026-01-01 10:03 UTC alice (U1) in ops: status set → c3 major_outage: done',
      '• 2026-01-01 10:02 UTC alice (U1) in ops: status set → c2 major_outage: done'
    ].join('\n'))
  })
})
