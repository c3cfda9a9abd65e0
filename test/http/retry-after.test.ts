import { expect } from 'chai'
import { parseRetryAfterMs } from '../../src/http/retry-after'

describe('parseRetryAfterMs', () => {
  const now = Date.parse('2026-11-24T10:00:00Z')
  it('reads seconds', () => {
    expect(parseRetryAfterMs('7', now)).to.equal(7000)
    expect(parseRetryAfterMs('0', now)).to.equal(0)
  })
  it('reads an HTTP date relative to now, and a date already past as no wait', () => {
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 10:00:30 GMT', now)).to.equal(30_000)
    expect(parseRetryAfterMs('Tue, 24 Nov 2026 09:59:00 GMT', now)).to.equal(0)
  })
  it('ignores a missing, negative or unreadable value', () => {
    expect(parseRetryAfterMs(undefined, now)).to.equal(undefined)
    expect(parseRetryAfterMs(' ', now)).to.equal(undefined)
    expect(parseRetryAfterMs('-5', now)).to.equal(undefined)
    expect(parseRetryAfterMs('soon', now)).to.equal(undefined)
  })
})
