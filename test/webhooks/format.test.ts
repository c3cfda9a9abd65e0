// The room lines and summaries of webhook events (src/webhooks/format.ts).
import { expect } from 'chai'
import type { WebhookEvent } from '../../src/webhooks/events'
import { formatBatch, idList } from '../../src/webhooks/format'
import { parseStatuspageWebhook } from '../../src/webhooks/statuspage-event'
import { alertBody, componentBody, incidentBody } from './payloads'
import { alert, ctx } from './support'

describe('webhooks: summaries', () => {
  it('lists escalations one by one with their ack commands, first', () => {
    const events = [alert(alertBody('Create', { tinyId: '7' })), alert(alertBody('EscalateNext', { tinyId: '5', message: 'API down' }))]
    const text = formatBatch(events, 0, ctx)
    expect(text.split('\n')[1]).to.equal('1 ESCALATED alert: #5 P1 "API down" (/genie ack 5)')
    expect(text.split('\n')[2]).to.equal('1 new alert: #7, P1 "Build queue wait above 10 minutes". Ack: /genie ack 7')
  })

  it('writes id ranges and bounds them', () => {
    const events = ['3', '1', '2', '9', '11', '12'].map(tinyId => alert(alertBody('Create', { tinyId })))
    expect(idList(events)).to.equal('#1–#3, #9, #11–#12')
    const many = Array.from({ length: 40 }, (_, i) => alert(alertBody('Create', { tinyId: String(i * 2) })))
    expect(idList(many)).to.match(/, \+28 more$/)
  })

  it('puts Statuspage changes in the same summary when they share a room', () => {
    const c = parseStatuspageWebhook(componentBody('c1', 'API', 'operational', 'major_outage'), '') as WebhookEvent
    const i = parseStatuspageWebhook(incidentBody('i1', 'API down', 'investigating', 'Looking into it'), '') as WebhookEvent
    const text = formatBatch([c, i, alert(alertBody('Close'))], 0, ctx)
    expect(text).to.equal([
      '3 events since the last message:',
      '1 closed: #201 (by ana@example.com)',
      '1 component change: API: operational → major outage',
      '1 incident update: API down (i1): investigating, minor impact. "Looking into it" https://stspg.io/abc123'
    ].join('\n'))
  })
})
