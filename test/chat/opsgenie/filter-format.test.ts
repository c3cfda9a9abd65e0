// The reply of a filtered bulk action that found nothing to act on, as a pure function.
import { expect } from 'chai'
import { formatNothingMatches } from '../../../src/chat/opsgenie/filter-format'

describe('a filtered bulk action with nothing to act on', () => {
  it('says which alerts it looked for, with the filter, and that there is nothing to do', () => {
    expect(formatNothingMatches('acknowledge', { adjective: 'P1/P2' }))
      .to.equal('No open unacknowledged P1/P2 alert: there is nothing to acknowledge.')
    expect(formatNothingMatches('close', { suffix: ' tagged db' }))
      .to.equal('No open alert tagged db: there is nothing to close.')
    expect(formatNothingMatches('close', { adjective: 'P3', suffix: ' owned by or assigned to you' }))
      .to.equal('No open P3 alert owned by or assigned to you: there is nothing to close.')
    expect(formatNothingMatches('acknowledge', {})).to.equal('No open unacknowledged alert: there is nothing to acknowledge.')
  })
})
