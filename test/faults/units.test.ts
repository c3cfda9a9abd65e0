// The pure parts of #13: response-shape checks, bounds on text and work, the claim registry that
// keeps two commands from acting twice on one alert, and the wording of faults.
import { expect } from 'chai'
import { segment } from '../../src/alerting/shared'
import { ActionClaims } from '../../src/alerting/bulk-lock'
import type { ActionOutcome } from '../../src/alerting/actions'
import * as alerting from '../../src/alerting/validate'
import { boundedList, echo, tooLong } from '../../src/chat/bounds'
import { describeError, mayHaveHappened } from '../../src/chat/describe-error'
import { matchComponent } from '../../src/chat/statuspage/match'
import { parseStatusCommand } from '../../src/chat/statuspage/parse'
import { BadResponseError, NetworkError, TimeoutError } from '../../src/http/errors'
import { redact } from '../../src/http/redact'
import { conform } from '../../src/http/validate'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { createStatuspageClient } from '../../src/statuspage/client'
import { STATUSPAGE } from '../../src/statuspage/service'
import * as statuspage from '../../src/statuspage/validate'
import { componentRow, components } from '../support/statuspage'

const info = { service: OPSGENIE, method: 'GET', path: '/v2/alerts', status: 200 }

/** The problem conform() reports for `body`, or undefined when it fits. */
function problem (body: unknown, check: Parameters<typeof conform>[1]): string | undefined {
  try {
    conform(body, check, info)
    return undefined
  } catch (err) {
    expect(err).to.be.instanceOf(BadResponseError)
    return (err as BadResponseError).shape
  }
}

describe('response shapes', () => {
  it('accepts the contract fixtures and names the first field that does not fit', () => {
    expect(problem(components(), statuspage.components)).to.equal(undefined)
    expect(problem({}, statuspage.components)).to.equal('the answer is an object, not a list')
    expect(problem([componentRow('c1', 'API'), { ...componentRow('c2', 'Web'), name: null }], statuspage.components))
      .to.equal('[1].name is null, not text')
    expect(problem({ id: 'abc', name: 'X', status: 'investigating', components: [{ id: null, name: 'API' }] }, statuspage.incident))
      .to.equal('components[0].id is null, not a non-empty text')
  })

  it('requires what the genie commands rely on: ids, acknowledged, a request state that says whether it succeeded', () => {
    expect(problem({ data: [{ id: null, message: 'm', acknowledged: false }] }, alerting.alertList)).to.equal('data[0].id is null, not a non-empty text')
    expect(problem({ data: [{ id: 'a', message: 'm' }] }, alerting.alertList)).to.equal('data[0].acknowledged is undefined, not true or false')
    expect(problem({ data: [{ id: 'a', tinyId: 7, message: 'm', acknowledged: true }] }, alerting.alertList)).to.equal(undefined)
    expect(problem({}, alerting.requestState)).to.equal('isSuccess is undefined, not true or false')
    expect(problem({ success: true, status: null }, alerting.requestState)).to.equal(undefined)
    expect(problem({ requestId: '' }, alerting.accepted)).to.equal('requestId is empty, not a non-empty text')
    expect(problem({ requestId: 7 }, alerting.accepted)).to.equal('requestId is a number, not a non-empty text')
    expect(problem({ data: { id: 'u1' } }, alerting.user)).to.equal('data.username is undefined, not a non-empty text')
  })

  it('tells JSON of the wrong shape apart from a body that is not JSON, for reads and for writes', () => {
    const shaped = new BadResponseError(info, 'x')
    shaped.shape = 'data is undefined, not a list'
    expect(describeError(shaped)).to.equal('OpsGenie answered with JSON of an unexpected shape (data is undefined, not a list). ' +
      'Nothing was changed: try again in a minute, or use the OpsGenie app.')
    expect(describeError(new BadResponseError(info, 'x'))).to.match(/^OpsGenie answered with something that is not JSON/)
    expect(describeError(shaped, [], { afterChange: true })).to.equal('OpsGenie answered with JSON of an unexpected shape ' +
      '(data is undefined, not a list). Check its state with "genie" before trying again, or use the OpsGenie app.')
    const write = new BadResponseError({ ...info, method: 'POST', path: '/v2/schedules/s1/overrides' }, 'x')
    write.shape = 'data is undefined, not an object'
    expect(describeError(write)).to.equal('OpsGenie answered with JSON of an unexpected shape (data is undefined, not an object), ' +
      'so the request may or may not have been carried out. Check its state with "genie oncall" before trying again, or use the OpsGenie app.')
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

describe('redact keeps the sentence around a value', () => {
  it('keeps the ). after [REDACTED]', () => {
    expect(redact('failed (Authorization: GenieKey abc123xyz).')).to.equal('failed (Authorization: GenieKey [REDACTED]).')
    expect(redact('failed (key GenieKey og-secret-key-1).', ['og-secret-key-1'])).to.equal('failed (key GenieKey [REDACTED]).')
    expect(redact('sent Bearer a.b.c.')).to.equal('sent Bearer [REDACTED].')
  })
})

describe('bounds', () => {
  it('echoes at most a bounded prefix, on one line, with an ellipsis', () => {
    expect(echo('short  name')).to.equal('short name')
    const long = echo('x'.repeat(3000))
    expect(long).to.have.length(80)
    expect(long.endsWith('…')).to.equal(true)
  })

  it('lists a bounded number of items, then how many more', () => {
    expect(boundedList(['#1', '#2', '#3'], 2)).to.equal('#1, #2 +1 more')
    expect(boundedList(['#1'], 2)).to.equal('#1')
  })

  it('says how long a text is and what is allowed', () => {
    expect(tooLong('note', 'x'.repeat(2001), 2000)).to.equal('That note is too long (2,001 characters; at most 2,000). Nothing was changed.')
    expect(tooLong('note', 'x', 2000)).to.equal(undefined)
  })
})

describe('the work of matching one message is bounded', () => {
  const all = components()
  const cellsFor = (query: string): number => {
    const work = { cells: 0 }
    matchComponent(query, all, { work })
    return work.cells
  }

  it('compares a bounded number of words typed with the names, however long the message', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i % 97}x`).join(' ')
    const short = cellsFor(words(20))
    const long = cellsFor(words(400))
    expect(short).to.be.greaterThan(0)
    // 20 words or 400 (2,000 characters, the longest name accepted): the same work.
    expect(long).to.equal(short)
    expect(long).to.be.below(50_000)
  })

  it('skips edit distances whose lengths alone rule out a suggestion', () => {
    expect(cellsFor('a'.repeat(2000))).to.equal(0)
  })

  it('refuses names and messages over their bound before any matching', () => {
    expect(parseStatusCommand(` ${'x'.repeat(3000)} down`)).to.deep.equal({ kind: 'invalid', why: 'That component name is too long (3,000 characters; at most 2,000). Nothing was changed.' })
    expect(parseStatusCommand(` ${'x'.repeat(30_000)}`)).to.deep.include({ kind: 'invalid' })
  })

  it('looks for the "<component> <state>:" colon only in a bounded prefix of the message', () => {
    // 20,000 colons cost one bounded scan; the colon after the longest possible name is message text.
    const colons = parseStatusCommand(` API down: ${':'.repeat(20_000)}`)
    expect(colons).to.deep.include({ kind: 'set', component: 'API', status: 'major_outage' })
    const late = parseStatusCommand(` ${'y '.repeat(1100)}API down: message`)
    expect(late.kind).to.equal('invalid')
    // A message too long to be a name: what comes before its first colon is the name meant.
    expect(parseStatusCommand(` API degarded: ${'a '.repeat(10_000)}`)).to.deep.equal({ kind: 'show', component: 'API degarded' })
  })
})

describe('ActionClaims', () => {
  const t = (n: number) => ({ alertId: `a${n}`, label: `#${n}` })
  const run = (who: string) => ({ who, what: 'genie ack', startedAt: 0 })
  const ok: ActionOutcome = { state: 'confirmed' }

  it('lets a second command join what the first is acting on, and act only on the rest', async () => {
    let clock = 100
    const claims = new ActionClaims(() => clock)
    const first = claims.claim('OpsGenie', 'acknowledge', [t(1), t(2)], run('alice'), 100)
    const second = claims.claim('OpsGenie', 'acknowledge', [t(2), t(3)], run('bob'), 100)
    expect(first.mine.map(x => x.label)).to.deep.equal(['#1', '#2'])
    expect(second.mine.map(x => x.label)).to.deep.equal(['#3'])
    expect(second.joined.map(j => [j.target.label, j.run.who])).to.deep.equal([['#2', 'alice']])
    // Another action, or another backend, is not the same claim.
    expect(claims.claim('OpsGenie', 'close', [t(1)], run('carol'), 100).mine).to.have.length(1)
    expect(claims.claim('JSM Operations', 'acknowledge', [t(1)], run('carol'), 100).mine).to.have.length(1)
    first.finish([{ target: t(1), outcome: ok }])
    expect(await second.joined[0].outcome).to.deep.include({ state: 'unconfirmed' })
    clock = 200
    // Finished before a command listed its alerts: that command acts again; finished after: it joins.
    expect(claims.claim('OpsGenie', 'acknowledge', [t(1)], run('dan'), 201).mine).to.have.length(1)
    expect(claims.claim('OpsGenie', 'acknowledge', [t(2)], run('erin'), 50).joined).to.have.length(1)
  })

  it('forgets finished claims after a while', async () => {
    let clock = 0
    const claims = new ActionClaims(() => clock, 1000)
    const first = claims.claim('OpsGenie', 'close', [t(1)], run('alice'), 0)
    first.finish([{ target: t(1), outcome: ok }])
    first.finish([])
    await Promise.resolve()
    clock = 5000
    expect(claims.claim('OpsGenie', 'close', [t(1)], run('bob'), 0).mine).to.have.length(1)
  })
})

describe('ids in request paths', () => {
  it('are never empty, null or undefined', async () => {
    expect(() => segment('')).to.throw('an empty id would go into a request path')
    expect(() => segment(null as unknown as string)).to.throw('an empty id')
    const refuse = async (): Promise<never> => { throw new Error('no request expected') }
    const http = { service: STATUSPAGE, request: refuse, get: refuse }
    const client = createStatuspageClient({ http, pageId: 'p1' })
    let error: unknown
    try { await client.getIncident(undefined as unknown as string) } catch (err) { error = err }
    expect(String(error)).to.contain('an empty id would go into a request path')
  })
})
