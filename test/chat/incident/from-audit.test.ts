// The room's audited writes on its open incident's timeline: who, when and the real outcome; alerts
// acted on from the room are linked by themselves, their first ack and their close kept.
import { expect } from 'chai'
import { applyAudit } from '../../../src/chat/incident/from-audit'
import { entry, incident, T0 } from './fixtures'

describe('the incident timeline from the audit trail', () => {
  it('writes the room\'s writes on it, links alerts acted on and keeps the first ack with who and when', () => {
    const acked = applyAudit(incident(), entry('genie ack', [{ id: 'a1', name: '#12', action: 'acknowledge', outcome: 'done' }]), T0 + 240_000)
    expect(acked.alerts).to.deep.equal([{ id: 'a1', tinyId: '12', acknowledgedAt: T0 + 240_000, acknowledgedBy: 'dana' }])
    expect(acked.timeline).to.deep.equal([{ at: T0 + 240_000, who: 'dana', text: 'genie ack: #12 acknowledge (done)' }])
    const closed = applyAudit(acked, entry('genie close', [{ id: 'a1', name: '#12', action: 'close', outcome: 'unconfirmed' }]), T0 + 300_000)
    expect(closed.alerts[0].closedAt).to.equal(undefined)
    expect(closed.timeline.at(-1)!.text).to.equal('genie close: #12 close (unconfirmed)')
    const failed = applyAudit(incident(), entry('genie ack', [{ id: 'a2', name: '#13', action: 'acknowledge', outcome: 'failed' }]), T0)
    expect(failed.alerts).to.deep.equal([])
    const status = applyAudit(incident(), entry('status set', [{ id: 'c1', name: 'API', action: 'major_outage', outcome: 'done' }], 'Statuspage'), T0)
    expect(status.alerts).to.deep.equal([])
    expect(status.timeline[0].text).to.equal('status set: API major_outage (done)')
    expect(applyAudit(incident(), entry('incident public', [{ id: 'x', action: 'incident', outcome: 'done' }], 'Statuspage'), T0).timeline).to.deep.equal([])
  })

  it('links an alert noted or paged from the room, and keeps an ack or a close only once, the first', () => {
    const noted = applyAudit(incident(), entry('genie note', [{ id: 'a3', name: '#14', action: 'note', outcome: 'done' }]), T0)
    expect(noted.alerts).to.deep.equal([{ id: 'a3', tinyId: '14' }])
    const paged = applyAudit(incident(), entry('genie page', [{ id: 'a4', action: 'page ops', outcome: 'unconfirmed' }]), T0)
    expect(paged.alerts).to.deep.equal([{ id: 'a4' }])
    expect(paged.timeline).to.deep.equal([{ at: T0, who: 'dana', text: 'genie page: a4 page ops (unconfirmed)' }])
    const acked = applyAudit(noted, entry('genie ack', [{ id: 'a3', name: '#14', action: 'acknowledge', outcome: 'done' }]), T0 + 1)
    const again = applyAudit(acked, entry('genie ack', [{ id: 'a3', name: '#14', action: 'acknowledge', outcome: 'done' }]), T0 + 2)
    expect(again.alerts).to.deep.equal([{ id: 'a3', tinyId: '14', acknowledgedAt: T0 + 1, acknowledgedBy: 'dana' }])
    const closed = applyAudit(again, entry('genie close', [{ id: 'a3', name: '#14', action: 'close', outcome: 'done' }]), T0 + 3)
    const closedAgain = applyAudit(closed, entry('genie close', [{ id: 'a3', name: '#14', action: 'close', outcome: 'done' }]), T0 + 4)
    expect(closedAgain.alerts[0].closedAt).to.equal(T0 + 3)
    expect(closedAgain.timeline.map(e => e.text)).to.deep.equal([
      'genie note: #14 note (done)', 'genie ack: #14 acknowledge (done)', 'genie ack: #14 acknowledge (done)',
      'genie close: #14 close (done)', 'genie close: #14 close (done)'
    ])
  })

  it('does not link an alert only looked at or unacknowledged, but writes the line', () => {
    const unacked = applyAudit(incident(), entry('genie unack', [{ id: 'a5', name: '#15', action: 'unacknowledge', outcome: 'done' }]), T0)
    expect(unacked.alerts).to.deep.equal([])
    expect(unacked.timeline).to.deep.equal([{ at: T0, who: 'dana', text: 'genie unack: #15 unacknowledge (done)' }])
  })
})
