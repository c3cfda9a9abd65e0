import { expect } from 'chai'
import { CloseAllStore, newCode } from '../../../src/chat/opsgenie/close-all'

describe('CloseAllStore', () => {
  const targets = [{ alertId: 'a', label: '#1' }]
  let clock = 0
  const store = (): CloseAllStore => new CloseAllStore(() => clock, () => 'K7Q2')
  beforeEach(() => { clock = 1_000 })

  it('gives the held alerts to the same person in the same room with the right code, any case', () => {
    const s = store()
    s.hold('room', 'U1', targets, 60_000)
    clock += 59_999
    expect(s.take('room', 'U1', 'k7q2')).to.deep.equal({ ok: true, pending: { code: 'K7Q2', targets, heldAt: 1_000, expiresAt: 61_000 } })
  })

  it('refuses once the time has run out', () => {
    const s = store()
    s.hold('room', 'U1', targets, 60_000)
    clock += 60_001
    expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'expired' })
  })

  it('refuses a wrong code and then forgets the held close all', () => {
    const s = store()
    s.hold('room', 'U1', targets, 60_000)
    expect(s.take('room', 'U1', 'AAAA')).to.deep.equal({ ok: false, why: 'mismatch' })
    expect(s.take('room', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
  })

  it('keeps each person\'s and each room\'s close all apart', () => {
    const s = store()
    s.hold('room', 'U1', targets, 60_000)
    expect(s.take('room', 'U2', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
    expect(s.take('other', 'U1', 'K7Q2')).to.deep.equal({ ok: false, why: 'none' })
    expect(s.take('room', 'U1', 'K7Q2').ok).to.equal(true)
  })

  it('cancels a held close all', () => {
    const s = store()
    s.hold('room', 'U1', targets, 60_000)
    expect(s.cancel('room', 'U1')).to.equal(true)
    expect(s.take('room', 'U1', 'K7Q2').ok).to.equal(false)
  })

  it('makes codes without look-alike characters', () => {
    for (let i = 0; i < 200; i++) expect(newCode()).to.match(/^[A-HJ-NP-Z2-9]{4}$/)
  })
})
