// The memory of delivery keys that drops duplicates (src/webhooks/recent-keys.ts).
import { expect } from 'chai'
import { RecentKeys } from '../../src/webhooks/recent-keys'

describe('webhooks: duplicate keys', () => {
  it('remembers keys for a while, and only so many', () => {
    let t = 0
    const keys = new RecentKeys({ max: 3, ttlMs: 1000, now: () => t })
    expect(keys.firstTime('a')).to.equal(true)
    expect(keys.firstTime('a')).to.equal(false)
    for (const k of ['b', 'c', 'd']) keys.firstTime(k)
    expect(keys.size).to.equal(3)
    expect(keys.firstTime('a')).to.equal(true)
    t = 5000
    expect(keys.firstTime('d')).to.equal(true)
  })
})
