// How fast the bot may call OpsGenie and JSM (src/alerting/rate-policy.ts).
import { expect } from 'chai'
import { budgetOption, DEFAULT_RATE_PER_SECOND, opsgenieDomain, perSecond } from '../../src/alerting/rate-policy'

describe('the alerting rate policy', () => {
  it('counts each OpsGenie call in its own rate-limit domain', () => {
    expect(opsgenieDomain('GET', '/v2/alerts')).to.equal('search')
    expect(opsgenieDomain('GET', '/v2/users')).to.equal('search')
    expect(opsgenieDomain('POST', '/v2/alerts/abc/acknowledge')).to.equal('alert')
    expect(opsgenieDomain('GET', '/v2/alerts/requests/r1')).to.equal('alert')
    expect(opsgenieDomain('GET', '/v2/schedules/s1/on-calls')).to.equal('schedule-oncalls')
    expect(opsgenieDomain('GET', '/v2/schedules')).to.equal('configuration')
  })

  it('gives a per-second budget, the default when unset, and none for 0', () => {
    expect(perSecond(undefined)).to.deep.equal([{ limit: DEFAULT_RATE_PER_SECOND, windowMs: 1000 }])
    expect(perSecond(5)).to.deep.equal([{ limit: 5, windowMs: 1000 }])
    expect(perSecond(0)).to.equal(undefined)
    expect(budgetOption(undefined)).to.deep.equal({})
    expect(budgetOption(perSecond(5), opsgenieDomain).budget?.domainOf).to.equal(opsgenieDomain)
  })
})
