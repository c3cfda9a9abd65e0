// The sentences for failures whose wording depends on what was asked and what was tried.
import { expect } from 'chai'
import { describeError } from '../../src/chat/describe-error'
import {
  BadResponseError, ForbiddenError, mayHaveHappened, NetworkError, RateLimitError, TimeoutError
} from '../../src/http/errors'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { STATUSPAGE } from '../../src/statuspage/service'
import { readHistory, type AuditEntry } from '../../src/chat/audit/store'
import { botOn } from '../support/bots'
import { FakeClock } from '../support/fake-clock'
import * as sp from '../support/statuspage'

const AT = { now: Date.parse('2026-11-24T14:05:00Z') }

describe('describeError: refusals (403)', () => {
  const refused = (method: string, path: string, code?: number): string =>
    describeError(new ForbiddenError({ service: OPSGENIE, method, path, status: 403, code, apiMessage: 'Forbidden' }, 'x'), AT)

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
    const retryAfterMs = retryAfterSeconds === undefined ? undefined : retryAfterSeconds * 1000
    const err = new RateLimitError({ service: STATUSPAGE, method: 'GET', path: '/x', status: 429, retryAfterMs }, 'x')
    err.attempts = attempts
    return describeError(err, AT)
  }

  it('says the service asked to wait, and until when (on the robot\'s clock), when nothing was retried', () => {
    expect(limited(90, 1)).to.equal('Statuspage is rate limiting us (429) and asked us to wait 90 s. Try again after 14:06:30 UTC.')
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
  })

  it('cannot rule it out after an error that is not the service\'s (a bug between the call and its answer)', () => {
    expect(mayHaveHappened(new Error('bug'))).to.equal(true)
  })

  it('says a refused connection could not reach the service, even for a write', () => {
    expect(describeError(network('ECONNREFUSED'), AT)).to.equal("Could not reach Statuspage (ECONNREFUSED). Check the bot's network and the API URL setting, then try again.")
  })
})

describe('one failure, one meaning, through a robot (Hubot 3.5)', () => {
  const bot = botOn('3.5', () => sp.configure({ HUBOT_STATUSPAGE_CACHE_SECONDS: '0' }), {
    clock: () => new FakeClock(Date.now(), { sleepsAdvance: true })
  })
  const history = (): AuditEntry[] => readHistory(bot.robot.brain, 'statuspage')

  it('answers a refused connection on a write "could not reach", and audits it as not happened', async () => {
    const scope = sp.getUnresolved(sp.getComponents(sp.api()))
    // Retried as an idempotent PATCH, refused every time: it never left the bot.
    scope.patch(`${sp.PAGE}/components/cmpdoc000001`).times(3)
      .replyWithError(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:443'), { code: 'ECONNREFUSED' }))
    const [reply] = await bot.say('/status Docs down')
    scope.done()
    expect(reply).to.equal("Could not reach Statuspage (ECONNREFUSED). Check the bot's network and the API URL setting, then try again.")
    expect(history().map(e => [e.outcome, e.targets.map(t => t.outcome)])).to.deep.equal([['failed', ['failed']]])
  })

  it('never says "Nothing was changed" in a reply that reports a change (401 on the incident check after the PATCH)', async () => {
    const scope = sp.getComponents(sp.api())
    scope.get(`${sp.PAGE}/incidents/unresolved`).query(true).reply(401, { error: 'expired' })
    scope.patch(`${sp.PAGE}/components/cmpdoc000001`).reply(200, sp.patched('cmpdoc000001', 'major_outage'))
    const [reply] = await bot.say('/status Docs down')
    scope.done()
    expect(reply).to.contain('operational → major outage')
    expect(reply).to.contain('rejected the API key (401)')
    expect(reply).not.to.contain('Nothing was changed')
  })
})
