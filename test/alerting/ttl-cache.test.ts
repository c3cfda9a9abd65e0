// The small map that forgets (src/alerting/ttl-cache.ts).
import { expect } from 'chai'
import { TtlCache } from '../../src/alerting/ttl-cache'

describe('TtlCache', () => {
  it('forgets after the time to live and keeps at most maxEntries, the oldest written going first', () => {
    let now = 0
    const cache = new TtlCache<string>(2, 100, () => now)
    cache.set('a', 'A')
    cache.set('b', 'B')
    cache.set('c', 'C')
    expect([cache.get('a'), cache.get('b'), cache.get('c'), cache.size]).to.deep.equal([undefined, 'B', 'C', 2])
    now = 100
    expect(cache.get('b')).to.equal(undefined)
  })
})
