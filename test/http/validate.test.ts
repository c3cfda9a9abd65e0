// Response-shape checks: the contract fixtures fit, and the first field that does not is named.
import { expect } from 'chai'
import * as alerting from '../../src/alerting/validate'
import { OPSGENIE } from '../../src/alerting/opsgenie'
import { describeError } from '../../src/chat/describe-error'
import { BadResponseError } from '../../src/http/errors'
import { conform } from '../../src/http/validate'
import * as statuspage from '../../src/statuspage/validate'
import { componentRow, components } from '../support/statuspage'

/** The time the sentences are said at (only a rate limit's "try again after" reads it). */
const AT = { now: Date.now() }

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
    expect(describeError(shaped, AT)).to.equal('OpsGenie answered with JSON of an unexpected shape (data is undefined, not a list). ' +
      'Nothing was changed: try again in a minute, or use the OpsGenie app.')
    expect(describeError(new BadResponseError(info, 'x'), AT)).to.match(/^OpsGenie answered with something that is not JSON/)
    expect(describeError(shaped, { ...AT, afterChange: true })).to.equal('OpsGenie answered with JSON of an unexpected shape ' +
      '(data is undefined, not a list). Check its state with "genie" before trying again, or use the OpsGenie app.')
    const write = new BadResponseError({ ...info, method: 'POST', path: '/v2/schedules/s1/overrides' }, 'x')
    write.shape = 'data is undefined, not an object'
    expect(describeError(write, AT)).to.equal('OpsGenie answered with JSON of an unexpected shape (data is undefined, not an object), ' +
      'so the request may or may not have been carried out. Check its state with "genie oncall" before trying again, or use the OpsGenie app.')
  })
})
