// Webhook events about an open incident's linked alerts, its public incident and that incident's
// components, as lines on its timeline; every other event leaves it alone.
import { expect } from 'chai'
import { applyWebhook } from '../../../src/chat/incident/from-webhook'
import type { IncidentRecord } from '../../../src/chat/incident/model'
import { incident, T0 } from './fixtures'

describe('webhook events on the timeline', () => {
  const linked = (): IncidentRecord => ({
    ...incident(),
    alerts: [{ id: 'a1', tinyId: '12' }],
    publicIncident: { id: 'inc1' },
    components: [{ id: 'c1', name: 'REST API', before: 'operational', changes: [{ at: T0, status: 'major_outage' }] }]
  })

  it('keeps events about its linked alerts, public incident and components, and nothing else', () => {
    const ack = applyWebhook(linked(), { source: 'alerts', service: 'OpsGenie', action: 'Acknowledge', alertId: 'a1', user: 'dana@example.com' }, T0 + 1)
    expect(ack!.timeline).to.deep.equal([{ at: T0 + 1, text: 'OpsGenie: #12 Acknowledge by dana@example.com' }])
    const component = applyWebhook(linked(), { source: 'component', componentId: 'c1', name: 'REST API', newStatus: 'partial_outage' }, T0 + 2)
    expect(component!.components[0].changes).to.deep.equal([{ at: T0, status: 'major_outage' }, { at: T0 + 2, status: 'partial_outage' }])
    expect(component!.timeline[0].text).to.equal('Statuspage: REST API is partial outage')
    const update = applyWebhook(linked(), { source: 'incident', id: 'inc1', status: 'monitoring', latest: 'fix is out' }, T0 + 3)
    expect(update!.timeline[0].text).to.equal('Statuspage: the public incident is monitoring: fix is out')
    expect(applyWebhook(linked(), { source: 'alerts', service: 'OpsGenie', action: 'Create', alertId: 'zz', tinyId: '99' }, T0)).to.equal(undefined)
    expect(applyWebhook(linked(), { source: 'component', componentId: 'c9', name: 'Billing', newStatus: 'major_outage' }, T0)).to.equal(undefined)
    expect(applyWebhook(linked(), { source: 'incident', id: 'other', status: 'resolved' }, T0)).to.equal(undefined)
    expect(applyWebhook(incident(), { source: 'incident', id: 'inc1', status: 'resolved' }, T0)).to.equal(undefined)
  })

  it('finds a linked alert by its number too, and writes the note it carried', () => {
    const noted = applyWebhook(linked(), { source: 'alerts', service: 'JSM', action: 'AddNote', tinyId: '12', note: 'db restarted' }, T0 + 4)
    expect(noted!.timeline).to.deep.equal([{ at: T0 + 4, text: 'JSM: #12 AddNote: db restarted' }])
    const byId = applyWebhook({ ...incident(), alerts: [{ id: 'a7' }] }, { source: 'alerts', service: 'OpsGenie', action: 'Close', alertId: 'a7' }, T0)
    expect(byId!.timeline).to.deep.equal([{ at: T0, text: 'OpsGenie: #a7 Close' }])
  })

  it('leaves an incident that is not public alone on Statuspage events, even about a component it lists', () => {
    const notPublic: IncidentRecord = linked()
    delete notPublic.publicIncident
    expect(applyWebhook(notPublic, { source: 'component', componentId: 'c1', name: 'REST API', newStatus: 'operational' }, T0)).to.equal(undefined)
  })
})
