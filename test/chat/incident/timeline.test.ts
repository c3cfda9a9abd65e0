// The timeline: bounded in the brain (older entries counted), bounded in a reply ("+N earlier"), and
// written by itself from the room's audited writes (alerts acted on are linked, their ack kept).
import { expect } from 'chai'
import { applyAudit } from '../../../src/chat/incident/from-audit'
import { applyWebhook } from '../../../src/chat/incident/from-webhook'
import { TIMELINE_SHOWN, timelineReply } from '../../../src/chat/incident/format'
import { incidentStore, TIMELINE_LIMIT, withEntry, type IncidentRecord } from '../../../src/chat/incident/model'
import type { AuditEntry } from '../../../src/chat/audit/store'

const T0 = Date.UTC(2026, 11, 4, 1, 0)
const incident = (): IncidentRecord => ({
  id: 'room1@1',
  room: 'room1',
  title: 'Checkout errors',
  severity: 'P1',
  startedAt: T0,
  declaredBy: 'dana',
  components: [],
  alerts: [],
  timeline: [],
  dropped: 0
})
const entry = (command: string, targets: AuditEntry['targets'], service = 'OpsGenie'): AuditEntry =>
  ({ time: '', user: { id: 'U7', name: 'dana' }, room: 'room1', command, service, targets, outcome: 'done' })

describe('the incident timeline', () => {
  it('keeps at most TIMELINE_LIMIT entries and counts the ones it dropped', () => {
    let i = incident()
    for (let n = 0; n < TIMELINE_LIMIT + 5; n++) i = withEntry(i, { at: T0 + n * 1000, text: `line ${n}` })
    expect(i.timeline).to.have.length(TIMELINE_LIMIT)
    expect(i.dropped).to.equal(5)
    expect(i.timeline[0].text).to.equal('line 5')
    const shown = timelineReply(i).split('\n')
    expect(shown).to.have.length(TIMELINE_SHOWN + 2)
    expect(shown[1]).to.equal(`+${TIMELINE_LIMIT + 5 - TIMELINE_SHOWN} earlier`)
    expect(shown.at(-1)).to.match(/^01:16 UTC line 1004$/)
  })

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
})

describe('the incident store', () => {
  it('reads back valid records from a brain and skips malformed ones', () => {
    const values = new Map<string, unknown>()
    const good = { ...incident(), id: 'room1@2', startedAt: T0 + 1 }
    values.set('hubot-statuspage-opsgenie.incidents', {
      format: 1,
      records: [
        { v: 1, id: 'room1@1', at: T0, data: { ...incident(), severity: 'P9' } },
        { v: 1, id: 'room1@2', at: T0 + 1, data: good }
      ]
    })
    const brain = {
      get: (key: string) => values.get(key),
      set: (key: string, value: unknown) => values.set(key, value)
    }
    const store = incidentStore(brain)
    expect(store.inRoom('room1')).to.deep.equal([good])
    expect(store.open('room1')).to.deep.equal(good)
    store.save({ ...good, endedAt: T0 + 5 }, T0 + 5)
    expect(store.open('room1')).to.equal(undefined)
    expect(incidentStore(brain).inRoom('room1')[0].endedAt).to.equal(T0 + 5)
  })
})

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
})
