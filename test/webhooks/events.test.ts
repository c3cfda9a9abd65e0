import { expect } from 'chai'
import { isIgnored } from '../../src/webhooks/events'

describe('webhooks: events', () => {
  it('tells a payload that could not be used from an event', () => {
    expect(isIgnored({ ignored: 'no alert in the body' })).to.equal(true)
    expect(isIgnored({ source: 'alerts', kind: 'create', action: 'Create', tags: [], teams: [], key: 'k' })).to.equal(false)
    expect(isIgnored(null)).to.equal(false)
    expect(isIgnored(undefined)).to.equal(false)
    expect(isIgnored('ignored')).to.equal(false)
  })
})
