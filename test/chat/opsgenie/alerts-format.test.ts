import { expect } from 'chai'
import { formatNotConfirmed, formatSnoozed, formatUnknownAlert } from '../../../src/chat/opsgenie/alerts-format'

describe('short replies of the alert commands', () => {
  it('says why a close all was not confirmed', () => {
    expect(formatNotConfirmed('expired', 60_000)).to.equal('Too late: the close all waited 1m and expired. Nothing was closed.')
    expect(formatNotConfirmed('none', 1)).to.contain('No close all is waiting')
    expect(formatNotConfirmed('mismatch', 1)).to.contain('the close all is cancelled')
  })

  it('shows a tiny id with #, and a snooze with its end in UTC', () => {
    expect(formatUnknownAlert('42')).to.equal('Unknown: #42 (no such alert). Nothing was changed.')
    expect(formatUnknownAlert('abc-def')).to.equal('Unknown: abc-def (no such alert). Nothing was changed.')
    expect(formatSnoozed('#4', 2 * 3_600_000, Date.parse('2026-11-24T16:30:00Z'), 'OpsGenie'))
      .to.equal('Snoozed #4 for 2h, until 2026-11-24 16:30 UTC (confirmed by OpsGenie).')
  })
})
