// status log / genie log (src/chat/audit/format.ts): newest first, bounded.
import { expect } from 'chai'
import { formatHistory } from '../../../src/chat/audit/format'
import { auditEntry } from '../../support/audit'

describe('the audit log reply', () => {
  it('shows the newest entries first, saying how many are kept', () => {
    const reply = formatHistory([auditEntry(1), auditEntry(2), auditEntry(3)], 2, 'Statuspage')
    expect(reply).to.equal([
      'The last 2 Statuspage changes from chat (of 3 kept), newest first:',
      '• 2026-01-01 10:03 UTC alice (U1) in ops: status set → c3 major_outage: done',
      '• 2026-01-01 10:02 UTC alice (U1) in ops: status set → c2 major_outage: done'
    ].join('\n'))
  })
})
