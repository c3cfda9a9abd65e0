import { expect } from 'chai'
import { allSettledOrThrow, mapSettled } from '../../src/util/async'

const tick = (ms: number): Promise<void> => new Promise(resolve => setTimeout(resolve, ms))

describe('mapSettled', () => {
  it('never has more than the limit in flight, and keeps the items in order', async () => {
    let inFlight = 0
    let most = 0
    const results = await mapSettled([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], 5, async (n) => {
      inFlight++
      most = Math.max(most, inFlight)
      await tick(5 + (n % 3))
      inFlight--
      return n * 2
    })
    expect(most).to.equal(5)
    expect(results.map(r => (r.ok ? r.value : null))).to.deep.equal([2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24])
  })

  it('settles each item on its own: one failure does not stop the others', async () => {
    const results = await mapSettled(['a', 'b', 'c'], 2, async (s) => {
      if (s === 'b') throw new Error('b failed')
      return s.toUpperCase()
    })
    expect(results.map(r => r.ok)).to.deep.equal([true, false, true])
    const failed = results[1]
    expect(!failed.ok && (failed.error as Error).message).to.equal('b failed')
  })

  it('handles no items and a silly limit', async () => {
    expect(await mapSettled([], 5, async () => 1)).to.deep.equal([])
    expect((await mapSettled([1, 2], 0, async (n) => n)).length).to.equal(2)
  })
})

describe('allSettledOrThrow', () => {
  it('returns every value in order when all succeed', async () => {
    expect(await allSettledOrThrow([Promise.resolve(1), Promise.resolve('two')])).to.deep.equal([1, 'two'])
  })

  it('throws the first failure only after the other calls have finished, so nothing runs on after the reply', async () => {
    let slowFinished = false
    const slow = tick(30).then(() => { slowFinished = true; return 'late' })
    try {
      await allSettledOrThrow([Promise.reject(new Error('first')), slow])
      expect.fail('should have thrown')
    } catch (err) {
      expect((err as Error).message).to.equal('first')
      expect(slowFinished).to.equal(true)
    }
  })
})
