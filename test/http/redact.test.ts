import { expect } from 'chai'
import { redact } from '../../src/http/redact'
import { describeError } from '../../src/chat/describe-error'
import { ConfigError } from '../../src/util/config'
import { AuthError, BadResponseError, ForbiddenError, NetworkError, RateLimitError, TimeoutError, UnavailableError } from '../../src/http/errors'
import { JSM } from '../../src/alerting/jsm/service'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { STATUSPAGE } from '../../src/statuspage/service'

/** The time the sentences are said at (only a rate limit's "try again after" reads it). */
const AT = { now: Date.now() }

const KEY = 'a1b2c3d4-e5f6-7890-abcd-ef0123456789'

describe('redact', () => {
  it('removes a known secret wherever it appears', () => {
    expect(redact(`bad key ${KEY} (again: ${KEY})`, [KEY])).to.equal('bad key [REDACTED] (again: [REDACTED])')
  })
  it('removes the value of anything that looks like an Authorization header', () => {
    expect(redact('Authorization: GenieKey abc123xyz, then OAuth zzz999 and Basic dXNlcjpwYXNz')).to.equal('Authorization: GenieKey [REDACTED], then OAuth [REDACTED] and Basic [REDACTED]')
  })
  it('leaves short values alone so ordinary words are not blanked', () => {
    expect(redact('an ok reply', ['ok'])).to.equal('an ok reply')
  })
})

describe('describeError', () => {
  const info = { service: OPSGENIE, method: 'POST', path: '/v2/alerts/x/acknowledge' }

  it('tells a missing setting by name', () => {
    expect(describeError(new ConfigError('OpsGenie', ['HUBOT_OPSGENIE_API_KEY'], 'is not configured'), AT))
      .to.equal("OpsGenie is not configured: set HUBOT_OPSGENIE_API_KEY in the bot's environment and restart it.")
  })
  it('explains that alert actions need an API integration key (40301)', () => {
    expect(describeError(new ForbiddenError({ ...info, status: 403, code: 40301 }, 'x'), AT)).to.contain('API integration')
  })
  it('names the variable to check when a key is rejected', () => {
    expect(describeError(new AuthError({ ...info, status: 401 }, 'x'), AT)).to.contain('HUBOT_OPSGENIE_API_KEY')
  })
  it('says when to try again after a rate limit', () => {
    const err = new RateLimitError({ ...info, status: 429, retryAfterMs: 30_000 }, 'x')
    err.attempts = 3
    expect(describeError(err, AT)).to.equal('OpsGenie is rate limiting us (429) and the retries ran out. Try again in 30 s.')
  })
  it('scrubs the key from anything it says, even from an unexpected error', () => {
    expect(describeError(new Error(`crashed with ${KEY}`), { ...AT, secrets: [KEY] })).not.to.contain(KEY)
    const network = new NetworkError(info, `could not be reached (GenieKey ${KEY})`)
    network.reason = `GenieKey ${KEY}`
    expect(describeError(network, { ...AT, secrets: [KEY] })).not.to.contain(KEY)
  })
  it('names the socket error of a failed connection', () => {
    const network = new NetworkError(info, 'could not be reached (ECONNREFUSED)')
    network.reason = 'ECONNREFUSED'
    expect(describeError(network, AT)).to.equal("Could not reach OpsGenie (ECONNREFUSED). Check the bot's network and the API URL setting, then try again.")
  })
  // A write that may have happened used to say "check its state before trying again" without saying how.
  it('names the command that shows the state after a write that may have happened', () => {
    const statuspage = { service: STATUSPAGE, method: 'PATCH', path: '/v1/pages/p/incidents/i' }
    expect(describeError(new TimeoutError(statuspage, 'x'), AT)).to.equal(
      'Statuspage did not answer in time. The request may or may not have been carried out: check its state with "status" or "status incidents" before trying again.')
    expect(describeError(new UnavailableError({ ...statuspage, status: 503 }, 'x'), AT)).to.equal(
      'Statuspage is having trouble (503) and did not confirm the request. Check its state with "status" or "status incidents" before trying again, or use https://manage.statuspage.io.')
    expect(describeError(new TimeoutError(info, 'x'), AT)).to.equal(
      'OpsGenie did not answer in time. The request may or may not have been carried out: check its state with "genie" before trying again.')
    expect(describeError(new UnavailableError({ ...info, status: 502 }, 'x'), AT)).to.equal(
      'OpsGenie is having trouble (502) and did not confirm the request. Check its state with "genie" before trying again, or use the OpsGenie app.')
    expect(describeError(new BadResponseError({ ...info, service: JSM, status: 200 }, 'x'), AT)).to.equal(
      'JSM Operations answered with something that is not JSON (a proxy or maintenance page?), so the request may or may not have been carried out. Check its state with "genie" before trying again, or use Jira Service Management.')
  })
  it('says "in a moment" for a Retry-After of zero', () => {
    const err = new RateLimitError({ ...info, status: 429, retryAfterMs: 0 }, 'x')
    expect(describeError(err, AT)).to.contain('Try again in a moment')
  })
})

describe('redact keeps the sentence around a value', () => {
  it('keeps the ). after [REDACTED]', () => {
    expect(redact('failed (Authorization: GenieKey abc123xyz).')).to.equal('failed (Authorization: GenieKey [REDACTED]).')
    expect(redact('failed (key GenieKey og-secret-key-1).', ['og-secret-key-1'])).to.equal('failed (key GenieKey [REDACTED]).')
    expect(redact('sent Bearer a.b.c.')).to.equal('sent Bearer [REDACTED].')
  })
})
