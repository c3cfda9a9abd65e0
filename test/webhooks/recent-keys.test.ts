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

describe('webhooks: duplicate keys in the brain', () => {
  const KEY = 'hubot-statuspage-opsgenie.webhook-keys'
  function fakeBrain (): { get(k: string): unknown, set(k: string, v: unknown): void, data: Record<string, unknown> } {
    const data: Record<string, unknown> = {}
    return { data, get: k => data[k] ?? null, set: (k, v) => { data[k] = v } }
  }

  it('knows a key seen before a restart (a new process on the same brain) until its TTL ends', () => {
    let t = 1_000
    const brain = fakeBrain()
    const before = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => t, brain })
    expect(before.firstTime('Acknowledge:a1:2026-12-04T01:00:00Z')).to.equal(true)
    expect(brain.data[KEY]).to.equal(undefined) // written in one batch when the receiver posts
    before.save()
    // What Redis holds is a JSON copy; the next process starts with it in a fresh brain.
    const saved = fakeBrain()
    saved.set(KEY, JSON.parse(JSON.stringify(brain.data[KEY])))
    t += 30_000
    const after = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => t, brain: saved })
    expect(after.firstTime('Acknowledge:a1:2026-12-04T01:00:00Z')).to.equal(false)
    expect(after.firstTime('Close:a1:2026-12-04T01:01:00Z')).to.equal(true)
    t += 60_000
    expect(after.firstTime('Acknowledge:a1:2026-12-04T01:00:00Z')).to.equal(true)
  })

  it('keeps keys from both sides when the saved brain arrives after deliveries (hubot-redis-brain\'s late mergeData)', () => {
    const t = 5_000
    const old = fakeBrain()
    const earlier = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => t, brain: old })
    earlier.firstTime('old-key')
    earlier.save()
    const brain = fakeBrain()
    const keys = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => t, brain })
    expect(keys.firstTime('new-key')).to.equal(true)
    keys.save()
    brain.set(KEY, JSON.parse(JSON.stringify(old.data[KEY]))) // mergeData replaces the key
    const fresh = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => t, brain })
    expect(fresh.firstTime('old-key')).to.equal(false)
    expect(fresh.firstTime('new-key')).to.equal(false)
  })

  it('skips malformed saved keys instead of failing the delivery', () => {
    const brain = fakeBrain()
    brain.set(KEY, { format: 1, records: [{ v: 1, id: 'k', at: 1, data: { at: 'soon' } }, { v: 9, id: 'j', at: 1, data: { at: 1 } }] })
    const keys = new RecentKeys({ max: 10, ttlMs: 60_000, now: () => 2, brain })
    expect(keys.firstTime('k')).to.equal(true)
    expect(keys.firstTime('j')).to.equal(true)
  })
})
