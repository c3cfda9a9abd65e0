// OpsGenie's webhook bodies read into events (src/webhooks/opsgenie-event.ts), and their room lines.
import { expect } from 'chai'
import { isIgnored } from '../../src/webhooks/events'
import { formatEvent } from '../../src/webhooks/format'
import { parseAlertWebhook } from '../../src/webhooks/opsgenie-event'
import { ACTIONS, alertBody, fixture } from './payloads'
import { alert, ctx } from './support'

describe('webhooks: OpsGenie payloads', () => {
  it('reads the documented Create example: tinyId, message, tags, teams and who', () => {
    const e = alert(fixture('opsgenie-create-docs.json'))
    expect(e).to.include({ kind: 'create', action: 'Create', tinyId: '23', message: 'test alert', user: 'fili@ifountain.com', alertId: '052652ac-5d1c-464a-812a-7dd18bbfba8c' })
    expect(e.tags).to.deep.equal(['tag1', 'tag2'])
    expect(e.teams).to.deep.equal(['team1', 'team2'])
    expect(formatEvent(e, ctx)).to.equal('New alert #23: test alert [tag1, tag2]. Ack: /genie ack 23 https://app.opsgenie.com/alert/detail/052652ac-5d1c-464a-812a-7dd18bbfba8c/details')
  })

  it('reads the documented Acknowledge example and says who acknowledged', () => {
    expect(formatEvent(alert(fixture('opsgenie-acknowledge-docs.json')), ctx)).to.equal('#23 acknowledged by fili@ifountain.com: test alert')
  })

  const expected: Record<string, string> = {
    Create: 'New alert #201 P1: Build queue wait above 10 minutes [builds]. Ack: /genie ack 201 https://app.opsgenie.com/alert/detail/8743a1b2-11da-480e-8493-000000000201/details',
    Acknowledge: '#201 acknowledged by ana@example.com: Build queue wait above 10 minutes',
    UnAcknowledge: '#201 unacknowledged by ana@example.com: Build queue wait above 10 minutes. Ack: /genie ack 201 https://app.opsgenie.com/alert/detail/8743a1b2-11da-480e-8493-000000000201/details',
    AddNote: '#201 note from ana@example.com: "deploying a fix" (Build queue wait above 10 minutes)',
    Close: '#201 closed by ana@example.com: Build queue wait above 10 minutes',
    AssignOwnership: '#201 assigned to ben@example.com by ana@example.com: Build queue wait above 10 minutes',
    TakeOwnership: '#201 taken by ana@example.com: Build queue wait above 10 minutes',
    Snooze: '#201 snoozed until 2026-11-24 08:55 UTC by ana@example.com: Build queue wait above 10 minutes',
    EscalateNext: 'ESCALATED: #201 P1: Build queue wait above 10 minutes went to the next responders (Platform escalation). Ack: /genie ack 201 https://app.opsgenie.com/alert/detail/8743a1b2-11da-480e-8493-000000000201/details',
    Seen: '#201 seen by ana@example.com: Build queue wait above 10 minutes',
    SlaBreached: 'SLA BREACHED: #201 P1: Build queue wait above 10 minutes. Ack: /genie ack 201 https://app.opsgenie.com/alert/detail/8743a1b2-11da-480e-8493-000000000201/details',
    RestartService: '#201 RestartService by ana@example.com: Build queue wait above 10 minutes'
  }
  for (const action of ACTIONS) {
    it(`formats ${action} as one line`, () => {
      expect(formatEvent(alert(alertBody(action)), ctx)).to.equal(expected[action])
    })
  }

  it('never throws on odd fields: numbers for strings, objects for lists, missing alert', () => {
    const odd = [
      null, 42, 'text', [], {}, { action: 'Create' }, { action: 7, alert: {} }, { action: 'Create', alert: [] },
      { action: 'Create', alert: { tinyId: 5, message: { a: 1 }, tags: 'x', teams: [null, 3], priority: 3, username: ['x'] } },
      { action: 'Snooze', alert: { tinyId: '9', snoozeEndDate: 'soon' } }
    ]
    for (const body of odd) {
      const event = parseAlertWebhook(body, JSON.stringify(body))
      if (!isIgnored(event)) expect(() => formatEvent(event, ctx)).not.to.throw()
    }
    expect(isIgnored(parseAlertWebhook({ action: 'Create' }, '{}'))).to.equal(true)
    const numeric = alert({ action: 'Create', alert: { tinyId: 5, message: 'm', tags: 'x', teams: [null, 3] } })
    expect(numeric).to.include({ tinyId: '5' })
    expect(numeric.tags).to.deep.equal([])
    expect(numeric.teams).to.deep.equal(['3'])
  })

  it('gives the same key to the same delivery and a new key to the next action', () => {
    const body = alertBody('Acknowledge')
    expect(alert(body).key).to.equal(alert(JSON.parse(JSON.stringify(body))).key)
    expect(alert(alertBody('Acknowledge')).key).not.to.equal(alert(body).key)
  })
})
