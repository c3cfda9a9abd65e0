import { expect } from 'chai'
import { PUBLISH_HOLD_MS, PublishHolds } from '../../../src/chat/incident/publish-hold'

describe('PublishHolds', () => {
  const holds = (): PublishHolds => new PublishHolds(() => 'K7QX')

  it('gives the held incident to the same person in the same room with the right code, in time, any case', () => {
    const h = holds()
    expect(h.hold('ops', 'U1', 'inc1', 1000)).to.equal('K7QX')
    expect(h.take('ops', 'U1', ' k7qx ', 1000 + PUBLISH_HOLD_MS)).to.deep.equal({ incidentId: 'inc1' })
  })

  it('has nothing for another person or another room', () => {
    const h = holds()
    h.hold('ops', 'U1', 'inc1', 0)
    expect(h.take('ops', 'U2', 'K7QX', 0)).to.deep.equal({ why: 'none' })
    expect(h.take('other', 'U1', 'K7QX', 0)).to.deep.equal({ why: 'none' })
    expect(h.take('ops', 'U1', 'K7QX', 0)).to.deep.equal({ incidentId: 'inc1' })
  })

  it('runs out after its time', () => {
    const h = holds()
    h.hold('ops', 'U1', 'inc1', 0)
    expect(h.take('ops', 'U1', 'K7QX', PUBLISH_HOLD_MS + 1)).to.deep.equal({ why: 'expired' })
  })

  it('drops the hold after one try, right or wrong: a wrong code publishes nothing, and neither does the right one after it', () => {
    const h = holds()
    h.hold('ops', 'U1', 'inc1', 0)
    expect(h.take('ops', 'U1', 'AAAA', 0)).to.deep.equal({ why: 'mismatch' })
    expect(h.take('ops', 'U1', 'K7QX', 0)).to.deep.equal({ why: 'none' })
  })

  it('keeps only the latest hold of a person in a room', () => {
    let n = 0
    const h = new PublishHolds(() => `C00${++n}`)
    h.hold('ops', 'U1', 'inc1', 0)
    h.hold('ops', 'U1', 'inc2', 0)
    expect(h.take('ops', 'U1', 'C002', 0)).to.deep.equal({ incidentId: 'inc2' })
  })
})
