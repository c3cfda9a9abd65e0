// The one rule for "may it have happened?", on the error, and every consumer reading it the same
// way: the reply, the audit trail and a bulk result never disagree about one failure.
import { expect } from 'chai'
import { sendFailure } from '../../src/alerting/actions'
import { outcomeOfError } from '../../src/chat/audit/trail'
import { describeError } from '../../src/chat/describe-error'
import {
  AuthError, BadResponseError, ForbiddenError, InvalidRequestError, mayHaveHappened, NetworkError, NotFoundError,
  RateLimitError, ServiceError, TimeoutError, UnavailableError, type Reached
} from '../../src/http/errors'
import { STATUSPAGE } from '../../src/statuspage/service'

const write = { service: STATUSPAGE, method: 'PATCH', path: '/pages/p/components/c' }
const read = { ...write, method: 'GET' }
const network = (reason: string, info = write): NetworkError => Object.assign(new NetworkError(info, 'x'), { reason })

// name, error, reached, may it have happened
const TABLE: Array<[string, ServiceError, Reached, boolean]> = [
  ['a refused connection on a write', network('ECONNREFUSED'), 'no', false],
  ['an unknown host on a write', network('ENOTFOUND'), 'no', false],
  ['a connection reset after a write was sent', network('ECONNRESET'), 'maybe', true],
  ['a write that timed out', new TimeoutError(write, 'x'), 'maybe', true],
  ['a 503 to a write', new UnavailableError({ ...write, status: 503 }, 'x'), 'yes', true],
  ['an unreadable answer to a write', new BadResponseError({ ...write, status: 200 }, 'x'), 'yes', true],
  ['a 401 to a write', new AuthError({ ...write, status: 401 }, 'x'), 'yes', false],
  ['a 403 to a write', new ForbiddenError({ ...write, status: 403 }, 'x'), 'yes', false],
  ['a 404 to a write', new NotFoundError({ ...write, status: 404 }, 'x'), 'yes', false],
  ['a 422 to a write', new InvalidRequestError({ ...write, status: 422 }, 'x'), 'yes', false],
  ['a 429 to a write', new RateLimitError({ ...write, status: 429 }, 'x'), 'yes', false],
  ['a read that timed out', new TimeoutError(read, 'x'), 'maybe', false],
  ['a read whose connection was reset', network('ECONNRESET', read), 'maybe', false]
]

const MAY_HAVE = /may or may not have been carried out|did not confirm the request/

describe('the one rule: may a failed request have happened?', () => {
  for (const [name, err, reached, may] of TABLE) {
    it(`${may ? 'yes' : 'no'} for ${name} (reached: ${reached}), and the reply, the audit and a bulk result agree`, () => {
      expect(err.reached).to.equal(reached)
      expect(err.mayHaveHappened).to.equal(may)
      expect(mayHaveHappened(err)).to.equal(may)
      expect(outcomeOfError(err)).to.equal(may ? 'may-have-happened' : 'failed')
      expect(sendFailure(err).state).to.equal(may ? 'unconfirmed' : 'failed')
      const reply = describeError(err, { now: 0 })
      if (err.method !== 'GET') expect(reply).to.match(may ? MAY_HAVE : /^(?![\s\S]*may or may not)/)
    })
  }

  it('cannot rule it out after an error that is not the service\'s, and every consumer says so', () => {
    const bug = new TypeError('x is undefined')
    expect(mayHaveHappened(bug)).to.equal(true)
    expect(outcomeOfError(bug)).to.equal('may-have-happened')
    expect(sendFailure(bug).state).to.equal('unconfirmed')
  })

  it('keeps the request (method upper case, path), the wait asked for and the cause on the error', () => {
    const cause = new Error('socket hang up')
    const err = new RateLimitError({ ...write, method: 'patch', status: 429, retryAfterMs: 2500, cause }, 'x')
    expect(err.request).to.deep.equal({ method: 'PATCH', path: '/pages/p/components/c' })
    expect([err.method, err.path]).to.deep.equal(['PATCH', '/pages/p/components/c'])
    expect(err.retryAfterMs).to.equal(2500)
    expect(err.cause).to.equal(cause)
  })
})
