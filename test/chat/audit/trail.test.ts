// What one command wrote, collected while it runs (src/chat/audit/trail.ts).
import { expect } from 'chai'
import { overallOutcome } from '../../../src/chat/audit/store'
import { AuditTrail, outcomeOfError } from '../../../src/chat/audit/trail'
import { STATUSPAGE } from '../../../src/statuspage/service'
import { InvalidRequestError, TimeoutError, UnavailableError } from '../../../src/http/errors'

describe('the audit trail', () => {
  const info = { service: STATUSPAGE, method: 'PATCH', path: '/x' }

  it('tells a refusal (nothing happened) from a failure that may have reached the service', () => {
    expect(outcomeOfError(new InvalidRequestError({ ...info, status: 422 }, 'refused'))).to.equal('failed')
    expect(outcomeOfError(new TimeoutError(info, 'timed out'))).to.equal('may-have-happened')
    expect(outcomeOfError(new UnavailableError({ ...info, status: 503 }, 'down'))).to.equal('may-have-happened')
    expect(outcomeOfError(new Error('a bug'))).to.equal('may-have-happened')
  })

  it('keeps an accepted request unconfirmed until it is settled, and ignores unknown request ids', () => {
    const trail = new AuditTrail()
    trail.learn('a1', '#1')
    trail.learn('a2', undefined)
    trail.accepted('OpsGenie', 'r1', 'a1', 'close')
    trail.accepted('OpsGenie', 'r2', 'a2', 'close')
    trail.settle('r1', false)
    trail.settle('nope', true)
    expect(trail.service).to.equal('OpsGenie')
    expect(trail.targets).to.deep.equal([
      { id: 'a1', name: '#1', action: 'close', outcome: 'failed' },
      { id: 'a2', action: 'close', outcome: 'unconfirmed' }
    ])
    expect(overallOutcome(trail.targets)).to.equal('mixed')
  })
})
