// What the postmortem draft is built from: the incident as the bot kept it, field for field, with the
// first acknowledgement of a linked alert; what the incident does not have is left out, not empty.
import { expect } from 'chai'
import type { IncidentRecord } from '../../../src/chat/incident/model'
import { postmortemInput } from '../../../src/chat/incident/postmortem-input'
import { incident, T0 } from './fixtures'

describe('the postmortem input (postmortem-input.ts)', () => {
  it('takes everything from an ended public incident, the first ack among its alerts', () => {
    const ended: IncidentRecord = {
      ...incident(),
      endedAt: T0 + 3_600_000,
      lead: 'eve',
      comms: 'dana',
      components: [{ id: 'c1', name: 'REST API', before: 'operational', changes: [{ at: T0 + 60_000, status: 'major_outage' }] }],
      alerts: [
        { id: 'a1', tinyId: '12', acknowledgedAt: T0 + 600_000, acknowledgedBy: 'eve' },
        { id: 'a2', tinyId: '13', acknowledgedAt: T0 + 300_000 }
      ],
      publicIncident: { id: 'inc1', name: 'Checkout errors', shortlink: 'https://stspg.io/x1' },
      timeline: [{ at: T0, who: 'dana', text: 'declared the incident (P1)' }],
      dropped: 3
    }
    expect(postmortemInput(ended)).to.deep.equal({
      title: 'Checkout errors',
      severity: 'P1',
      startedAt: T0,
      endedAt: T0 + 3_600_000,
      firstAck: { at: T0 + 300_000 },
      roles: { declaredBy: 'dana', lead: 'eve', comms: 'dana' },
      publicIncident: { id: 'inc1', name: 'Checkout errors', shortlink: 'https://stspg.io/x1' },
      components: [{ name: 'REST API', before: 'operational', changes: [{ at: T0 + 60_000, status: 'major_outage' }] }],
      timeline: [{ at: T0, who: 'dana', text: 'declared the incident (P1)' }],
      droppedEntries: 3,
      alerts: ended.alerts
    })
  })

  it('leaves out the end, the first ack and the public incident when there are none', () => {
    const input = postmortemInput(incident())
    expect(input).to.deep.equal({
      title: 'Checkout errors',
      severity: 'P1',
      startedAt: T0,
      roles: { declaredBy: 'dana', lead: undefined, comms: undefined },
      components: [],
      timeline: [],
      droppedEntries: 0,
      alerts: []
    })
    expect(input).not.to.have.any.keys('endedAt', 'firstAck', 'publicIncident')
  })
})
