// The one confirmation-hold store, through both of its uses: a held `genie close all` (CloseAllStore)
// and a held `incident postmortem publish` (PublishHolds). Time is the injected clock's.
import { expect } from 'chai'
import { ConfirmHolds, newCode } from '../../src/chat/confirm-hold'
import { PUBLISH_HOLD_MS, PublishHolds } from '../../src/chat/incident/publish-hold'
import { CloseAllStore } from '../../src/chat/opsgenie/close-all'

describe('ConfirmHolds', () => {
  it('reads the time from the clock it was given, when a code is held and when it is given', () => {
    let clock = 5_000
    const s = new ConfirmHolds<{ n: number }>(() => clock, () => 'K7Q2')
    expect(s.hold('room', 'U1', { n: 1 }, 1_000)).to.deep.equal({ n: 1, code: 'K7Q2', heldAt: 5_000, expiresAt: 6_000 })
    clock = 6_000
    expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: true, held: { n: 1, code: 'K7Q2', heldAt: 5_000, expiresAt: 6_000 } })
    s.hold('room', 'U1', { n: 2 }, 1_000)
    clock = 7_001
    expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'expired' })
  })

  it('makes codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).to.match(/^[A-HJ-NP-Z2-9]{4}$/)
  })

  describe('holding a close all (CloseAllStore)', () => {
    const targets = [{ alertId: 'a', label: '#1' }]
    let clock = 0
    const store = (): CloseAllStore => new CloseAllStore(() => clock, () => 'K7Q2')
    beforeEach(() => { clock = 1_000 })

    it('gives the held alerts to the same person in the same room with the right code, any case', () => {
      const s = store()
      s.hold('room', 'U1', { targets }, 60_000)
      clock += 59_999
      expect(s.take('room', 'U1', 'k7q2')).to.deep.equal({ ok: true, held: { code: 'K7Q2', targets, heldAt: 1_000, expiresAt: 61_000 } })
    })

    it('keeps the filter a filtered close repeats', () => {
      const s = store()
      const filter = { adjective: 'P1' }
      s.hold('room', 'U1', { targets, filter, what: 'genie close P1' }, 60_000)
      expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({
        ok: true, held: { code: 'K7Q2', targets, filter, what: 'genie close P1', heldAt: 1_000, expiresAt: 61_000 }
      })
    })

    it('refuses once the time has run out', () => {
      const s = store()
      s.hold('room', 'U1', { targets }, 60_000)
      clock += 60_001
      expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'expired' })
    })

    it('refuses a wrong code and then forgets the held close all', () => {
      const s = store()
      s.hold('room', 'U1', { targets }, 60_000)
      expect(s.take('room', 'U1', 'AAAA')).to.deep.equal({ ok: false, why: 'mismatch' })
      expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
    })

    it('keeps each person\'s and each room\'s close all apart', () => {
      const s = store()
      s.hold('room', 'U1', { targets }, 60_000)
      expect(s.take('room', 'U2', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
      expect(s.take('other', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
      expect(s.take('room', 'U1', 'K7Q2').ok).to.equal(true)
    })

    it('cancels a held close all', () => {
      const s = store()
      s.hold('room', 'U1', { targets }, 60_000)
      expect(s.cancel('room', 'U1')).to.equal(true)
      expect(s.cancel('room', 'U1')).to.equal(false)
      expect(s.take('room', 'U1', 'K7Q2').ok).to.equal(false)
    })
  })

  describe('holding a postmortem publish (PublishHolds)', () => {
    let clock = 0
    const holds = (): PublishHolds => new PublishHolds(() => clock, () => 'K7QX')
    beforeEach(() => { clock = 0 })

    it('gives the held incident to the same person in the same room with the right code, in time, any case', () => {
      clock = 1000
      const h = holds()
      expect(h.hold('ops', 'U1', { incidentId: 'inc1' }, PUBLISH_HOLD_MS).code).to.equal('K7QX')
      clock = 1000 + PUBLISH_HOLD_MS
      expect(h.take('ops', 'U1', ' k7qx ')).to.deep.equal({
        ok: true, held: { incidentId: 'inc1', code: 'K7QX', heldAt: 1000, expiresAt: 1000 + PUBLISH_HOLD_MS }
      })
    })

    it('has nothing for another person or another room', () => {
      const h = holds()
      h.hold('ops', 'U1', { incidentId: 'inc1' }, PUBLISH_HOLD_MS)
      expect(h.take('ops', 'U2', 'K7QX')).to.deep.equal({ ok: false, why: 'none' })
      expect(h.take('other', 'U1', 'K7QX')).to.deep.equal({ ok: false, why: 'none' })
      expect(h.take('ops', 'U1', 'K7QX')).to.deep.equal({
        ok: true, held: { incidentId: 'inc1', code: 'K7QX', heldAt: 0, expiresAt: PUBLISH_HOLD_MS }
      })
    })

    it('runs out after its time', () => {
      const h = holds()
      h.hold('ops', 'U1', { incidentId: 'inc1' }, PUBLISH_HOLD_MS)
      clock = PUBLISH_HOLD_MS + 1
      expect(h.take('ops', 'U1', 'K7QX')).to.deep.equal({ ok: false, why: 'expired' })
    })

    it('drops the hold after one try, right or wrong: a wrong code publishes nothing, and neither does the right one after it', () => {
      const h = holds()
      h.hold('ops', 'U1', { incidentId: 'inc1' }, PUBLISH_HOLD_MS)
      expect(h.take('ops', 'U1', 'AAAA')).to.deep.equal({ ok: false, why: 'mismatch' })
      expect(h.take('ops', 'U1', 'K7QX')).to.deep.equal({ ok: false, why: 'none' })
    })

    it('keeps only the latest hold of a person in a room', () => {
      let n = 0
      const h = new PublishHolds(() => clock, () => `C00${++n}`)
      h.hold('ops', 'U1', { incidentId: 'inc1' }, PUBLISH_HOLD_MS)
      h.hold('ops', 'U1', { incidentId: 'inc2' }, PUBLISH_HOLD_MS)
      expect(h.take('ops', 'U1', 'C002')).to.deep.equal({
        ok: true, held: { incidentId: 'inc2', code: 'C002', heldAt: 0, expiresAt: PUBLISH_HOLD_MS }
      })
    })
  })
})
