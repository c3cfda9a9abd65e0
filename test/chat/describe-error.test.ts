// The sentences for failures whose wording depends on what was asked and what was tried.
import { expect } from 'chai'
import { describeError, mayHaveHappened } from '../../src/chat/describe-error'
import { BadResponseError, ForbiddenError, NetworkError, RateLimitError, TimeoutError } from '../../src/http/errors'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { STATUSPAGE } from '../../src/statuspage/service'

describe('describeError: refusals (403)', () => {
  const refused = (method: string, path: string, code?: number): string =>
    describeError(new ForbiddenError({ service: OPSGENIE, method, path, status: 403, code, apiMessage: 'Forbidden' }, 'x'))

  it('gives the integration-key advice for an alert action refused with 40301', () => {
    expect(refused('POST', '/v2/alerts/abc/acknowledge', 40301)).to.contain('alert actions need a key from an API integration')
  })
  it('says a user lookup was refused as a user lookup, whatever the code', () => {
    for (const code of [40301, undefined]) {
      const text = refused('GET', '/v2/users/neo@opsgenie.com', code)
      expect(text).to.contain('this key may not look up users')
      expect(text).not.to.contain('alert actions')
    }
  })
  it('uses the usual wording for any other refusal', () => {
    expect(refused('GET', '/v2/schedules', 40301)).to.equal('OpsGenie refused (403): this key is not allowed to do that (OpsGenie says: Forbidden). Nothing was changed.')
  })
})

describe('describeError: rate limits', () => {
  const limited = (retryAfterSeconds: number | undefined, attempts: number): string => {
    const err = new RateLimitError({ service: STATUSPAGE, method: 'GET', path: '/x', status: 429 }, 'x')
    err.retryAfterSeconds = retryAfterSeconds
    err.attempts = attempts
    return describeError(err)
  }

  it('says the service asked to wait, and until when, when nothing was retried', () => {
    const before = Date.now()
    const text = limited(90, 1)
    const shape = /^Statuspage is rate limiting us \(429\) and asked us to wait 90 s\. Try again after (\d\d):(\d\d):(\d\d) UTC\.$/
    const m = shape.exec(text)
    expect(m, text).not.to.equal(null)
    const at = new Date(before + 90_000)
    const [h, min, sec] = [m![1], m![2], m![3]].map(Number)
    const said = Date.UTC(at.getUTCFullYear(), at.getUTCMonth(), at.getUTCDate(), h, min, sec)
    expect(Math.abs(said - (before + 90_000))).to.be.below(3000)
  })
  it('does not claim retries that did not happen when no Retry-After came', () => {
    expect(limited(undefined, 1)).to.equal('Statuspage is rate limiting us (429). Try again in a minute.')
  })
  it('says the retries ran out only when there were some', () => {
    expect(limited(2, 3)).to.equal('Statuspage is rate limiting us (429) and the retries ran out. Try again in 2 s.')
  })
})

describe('may it have happened?', () => {
  const post = { service: STATUSPAGE, method: 'POST', path: '/pages/p/incidents' }
  const network = (reason: string, method = 'POST'): NetworkError => Object.assign(new NetworkError({ ...post, method }, 'x'), { reason })

  it('yes after a reset, a timeout or an unreadable answer to a write; no for a refused connection or a read', () => {
    expect(mayHaveHappened(network('ECONNRESET'))).to.equal(true)
    expect(mayHaveHappened(new TimeoutError(post, 'x'))).to.equal(true)
    expect(mayHaveHappened(new BadResponseError(post, 'x'))).to.equal(true)
    expect(mayHaveHappened(network('ECONNREFUSED'))).to.equal(false)
    expect(mayHaveHappened(network('ECONNRESET', 'GET'))).to.equal(false)
    expect(mayHaveHappened(new Error('bug'))).to.equal(false)
  })

  it('says a refused connection could not reach the service, even for a write', () => {
    expect(describeError(network('ECONNREFUSED'))).to.equal("Could not reach Statuspage (ECONNREFUSED). Check the bot's network and the API URL setting, then try again.")
  })
})
