// Statuspage's webhook bodies read into events (src/webhooks/statuspage-event.ts), and their room lines.
import { expect } from 'chai'
import { isIgnored, type WebhookEvent } from '../../src/webhooks/events'
import { formatEvent } from '../../src/webhooks/format'
import { parseStatuspageWebhook } from '../../src/webhooks/statuspage-event'
import { fixture } from './payloads'
import { ctx } from './support'

describe('webhooks: Statuspage payloads', () => {
  it('reads the documented component update: old → new', () => {
    const e = parseStatuspageWebhook(fixture('statuspage-component-docs.json'), '')
    expect(formatEvent(e as WebhookEvent, ctx)).to.equal('Statuspage: Some Component: major outage → operational.')
  })

  it('reads a recorded component update (maintenance)', () => {
    const e = parseStatuspageWebhook(fixture('statuspage-component-zulip.json'), '')
    expect(formatEvent(e as WebhookEvent, ctx)).to.equal('Statuspage: Database component: operational → under maintenance.')
  })

  it('reads the documented incident: name, status, impact, the newest update and the shortlink', () => {
    const e = parseStatuspageWebhook(fixture('statuspage-incident-docs.json'), '')
    expect(formatEvent(e as WebhookEvent, ctx)).to.equal('Statuspage incident Virginia Is Down (lbkhbwn21v5q): monitoring, critical impact. "A fix has been implemented and we are monitoring the results." http://j.mp/18zyDQx')
  })

  it('ignores a body that is neither, with a reason', () => {
    for (const body of [{}, { page: {} }, { incident: { name: 'x' } }, { component_update: {} }, [], 'x']) {
      expect(isIgnored(parseStatuspageWebhook(body, JSON.stringify(body))), JSON.stringify(body)).to.equal(true)
    }
  })
})
