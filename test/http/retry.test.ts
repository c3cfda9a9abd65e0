import { expect } from 'chai'
import { isRetryable, retryDelayMs, DEFAULT_RETRY_POLICY } from '../../src/http/retry'
import { AuthError, InvalidRequestError, NetworkError, NotFoundError, RateLimitError, TimeoutError, UnavailableError, type ErrorDetails, type RequestInfo } from '../../src/http/errors'
import { STATUSPAGE } from '../../src/statuspage/service'

const info = (status?: number): RequestInfo & ErrorDetails => ({ service: STATUSPAGE, method: 'GET', path: '/x', status })

describe('the retry policy', () => {
  const table: Array<[string, Error, boolean, boolean]> = [
    // name, error, retried when idempotent, retried when not
    ['a 429', new RateLimitError(info(429), ''), true, true],
    ['a 420', new RateLimitError(info(420), ''), true, true],
    ['a 502', new UnavailableError(info(502), ''), true, false],
    ['a 503', new UnavailableError(info(503), ''), true, false],
    ['a 504', new UnavailableError(info(504), ''), true, false],
    ['a 500', new UnavailableError(info(500), ''), false, false],
    ['a timeout', new TimeoutError(info(), ''), true, false],
    ['a reset connection', new NetworkError(info(), ''), true, false],
    ['a 401', new AuthError(info(401), ''), false, false],
    ['a 404', new NotFoundError(info(404), ''), false, false],
    ['a 422', new InvalidRequestError(info(422), ''), false, false],
    ['an error that is not from a service', new Error('bug'), false, false]
  ]
  for (const [name, err, idempotent, other] of table) {
    it(`${idempotent ? 'retries' : 'does not retry'} ${name} on an idempotent request, and ${other ? 'retries' : 'does not retry'} it on one that creates`, () => {
      expect(isRetryable(err, true)).to.equal(idempotent)
      expect(isRetryable(err, false)).to.equal(other)
    })
  }

  it('waits as long as Retry-After asks, and not at all past the cap', () => {
    expect(retryDelayMs(new RateLimitError({ ...info(429), retryAfterMs: 3000 }, ''), 0, DEFAULT_RETRY_POLICY)).to.equal(3000)
    const tooLong = new RateLimitError({ ...info(429), retryAfterMs: 3_600_000 }, '')
    expect(retryDelayMs(tooLong, 0, DEFAULT_RETRY_POLICY)).to.equal(undefined)
  })

  it('grows the backoff with each attempt, jittered between a quarter and all of the step, up to the ceiling', () => {
    const err = new UnavailableError(info(503), '')
    const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 }
    expect(retryDelayMs(err, 0, policy, () => 1)).to.equal(100)
    expect(retryDelayMs(err, 2, policy, () => 1)).to.equal(400)
    expect(retryDelayMs(err, 9, policy, () => 1)).to.equal(1000)
    expect(retryDelayMs(err, 2, policy, () => 0)).to.equal(100)
  })
})
