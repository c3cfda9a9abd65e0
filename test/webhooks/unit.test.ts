// The pure parts of the webhooks: payload parsing, routing rules, duplicate memory, the coalescer in
// virtual time, the room lines and summaries, the secret comparison and the own-change memory.
import { expect } from 'chai'
import { Coalescer } from '../../src/webhooks/coalescer'
import { isIgnored, type AlertEvent, type WebhookEvent } from '../../src/webhooks/events'
import { formatBatch, formatEvent, idList, type FormatContext } from '../../src/webhooks/format'
import { parseAlertWebhook } from '../../src/webhooks/opsgenie-event'
import { componentKey, incidentKey, OwnChanges, rememberWrites } from '../../src/statuspage/own-changes'
import { RecentKeys } from '../../src/webhooks/recent-keys'
import { parseRoutes, roomsFor } from '../../src/webhooks/routes'
import { sameSecret } from '../../src/webhooks/secret'
import { alertLink } from '../../src/webhooks/settings'
import { parseStatuspageWebhook } from '../../src/webhooks/statuspage-event'
import { ACTIONS, alertBody, componentBody, fixture, incidentBody } from './payloads'
import { accounted, VirtualClock } from './support'

const ctx: FormatContext = {
  ack: e => (e.tinyId ? `/genie ack ${e.tinyId}` : undefined),
  link: e => (e.alertId ? `https://app.opsgenie.com/alert/detail/${e.alertId}/details` : undefined)
}

const alert = (body: any): AlertEvent => {
  const event = parseAlertWebhook(body, JSON.stringify(body))
  if (isIgnored(event)) throw new Error(event.ignored)
  return event
}

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

describe('webhooks: routing rules', () => {
  it('reads priority, team and tag rules with several values and rooms', () => {
    const { rules, problems } = parseRoutes('priority:P1,p2=incidents; team:DB=dba ; tag:payments=payments,incidents')
    expect(problems).to.deep.equal([])
    const ev = (priority: string, teams: string[], tags: string[]): AlertEvent => ({ ...alert(alertBody('Create')), priority, teams, tags })
    expect(roomsFor(ev('P1', [], []), rules, 'ops')).to.deep.equal(['incidents'])
    expect(roomsFor(ev('P3', ['db'], []), rules, 'ops')).to.deep.equal(['dba'])
    expect(roomsFor(ev('P2', ['db'], ['Payments']), rules, 'ops')).to.deep.equal(['incidents', 'dba', 'payments'])
    expect(roomsFor(ev('P4', ['web'], ['x']), rules, 'ops')).to.deep.equal(['ops'])
    expect(roomsFor(ev('P4', [], []), rules, undefined)).to.deep.equal([])
  })

  it('reports each bad rule in words and keeps the good ones', () => {
    const { rules, problems } = parseRoutes('priority:P9=x; colour:red=y; team=dba; tag:=z; tag:a=; team:db=dba')
    expect(rules).to.deep.equal([{ field: 'team', values: ['db'], rooms: ['dba'] }])
    expect(problems).to.deep.equal([
      'rule 1 "priority:P9=x" has a priority that is not P1 to P5: P9',
      'rule 2 "colour:red=y" has an unknown field "colour" (use priority, team or tag)',
      'rule 3 "team=dba" is not <field>:<value>=<room> (e.g. priority:P1,P2=incidents)',
      'rule 4 "tag:=z" names no value to match',
      'rule 5 "tag:a=" names no room'
    ])
  })
})

describe('webhooks: coalescing and duplicates', () => {
  it('posts the first event at once and the other 199 of a flood as a handful of summaries that count all 200', () => {
    const clock = new VirtualClock()
    const posted: Array<{ room: string, text: string }> = []
    const coalescer = new Coalescer<WebhookEvent>({
      windowMs: () => 5000,
      clock,
      flush: (room, items, overflow) => { posted.push({ room, text: formatBatch(items, overflow, ctx) }) }
    })
    // 200 events over 15 s: a flapping monitor.
    for (let i = 0; i < 200; i++) {
      const tinyId = String(201 + (i % 40))
      const action = i % 5 === 4 ? 'Close' : 'Create'
      coalescer.add('ops', alert(alertBody(action, { tinyId, priority: 'P3', message: 'disk usage 91% on build-07' })))
      clock.advance(75)
    }
    clock.advance(10_000)
    expect(posted.length).to.be.within(3, 6)
    expect(posted.reduce((n, p) => n + accounted(p.text), 0)).to.equal(200)
    expect(posted[0].text).to.match(/^New alert #201 P3: disk usage 91% on build-07 \[builds\]\. Ack: \/genie ack 201 https:/)
    expect(posted[1].text).to.match(/^\d+ events since the last message:\n\d+ new alerts: #201–#204, #206–#209, .*, P3 "disk usage 91% on build-07" ×\d+\.\n\d+ closed: #205, #210, /)
    expect(coalescer.pending).to.equal(0)
  })

  it('keeps rooms apart, and posts at once again after a quiet window', () => {
    const clock = new VirtualClock()
    const posted: string[] = []
    const coalescer = new Coalescer<string>({ windowMs: () => 1000, clock, flush: (room, items) => { posted.push(`${room}:${items.join(',')}`) } })
    coalescer.add('a', '1')
    coalescer.add('b', '2')
    coalescer.add('a', '3')
    expect(posted).to.deep.equal(['a:1', 'b:2'])
    clock.advance(1000)
    expect(posted).to.deep.equal(['a:1', 'b:2', 'a:3'])
    clock.advance(1000)
    coalescer.add('a', '4')
    expect(posted.at(-1)).to.equal('a:4')
  })

  it('counts what goes over the held-events bound instead of dropping it', () => {
    const clock = new VirtualClock()
    const posted: string[] = []
    const flush = (_room: string, items: WebhookEvent[], overflow: number): void => {
      posted.push(formatBatch(items, overflow, ctx))
    }
    const coalescer = new Coalescer<WebhookEvent>({ windowMs: () => 1000, clock, maxPending: 10, flush })
    for (let i = 0; i < 31; i++) coalescer.add('ops', alert(alertBody('Create', { tinyId: String(i + 1) })))
    clock.advance(1000)
    expect(posted).to.have.length(2)
    expect(posted[1]).to.include('20 more events not itemised')
    expect(accounted(posted[0]) + accounted(posted[1])).to.equal(31)
  })

  it('remembers keys for a while, and only so many', () => {
    let t = 0
    const keys = new RecentKeys({ max: 3, ttlMs: 1000, now: () => t })
    expect(keys.firstTime('a')).to.equal(true)
    expect(keys.firstTime('a')).to.equal(false)
    for (const k of ['b', 'c', 'd']) keys.firstTime(k)
    expect(keys.size).to.equal(3)
    expect(keys.firstTime('a')).to.equal(true)
    t = 5000
    expect(keys.firstTime('d')).to.equal(true)
  })
})

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

describe('webhooks: secrets, links, own changes', () => {
  it('compares secrets exactly, whatever their lengths', () => {
    expect(sameSecret('s3cret-value', 's3cret-value')).to.equal(true)
    expect(sameSecret('s3cret-valuX', 's3cret-value')).to.equal(false)
    expect(sameSecret('s3cret', 's3cret-value')).to.equal(false)
    expect(sameSecret(undefined, 's3cret-value')).to.equal(false)
    expect(sameSecret('', '')).to.equal(false)
    expect(sameSecret('x', undefined)).to.equal(false)
  })

  it('fills the alert link template, and gives none when the id it needs is missing', () => {
    expect(alertLink('https://x.example/a/{alertId}?t={tinyId}', { alertId: 'a b', tinyId: '5' })).to.equal('https://x.example/a/a%20b?t=5')
    expect(alertLink('https://x.example/a/{alertId}', { tinyId: '5' })).to.equal(undefined)
  })

  it('remembers a write from chat once, for its room only, for a few minutes', async () => {
    let t = 0
    const memory = new OwnChanges(() => t)
    const fake: any = {
      updateComponentStatus: async (id: string, status: string) => ({ id, status }),
      createIncident: async () => ({ id: 'i1', status: 'investigating' }),
      updateIncident: async (id: string) => ({ id, status: 'resolved' })
    }
    const client = rememberWrites(fake, 'ops', memory)
    await client.updateComponentStatus('c1', 'major_outage')
    await client.updateIncident('i2', { status: 'resolved', components: { c2: 'operational' } })
    expect(memory.wasOwnChange('other', componentKey('c1', 'major_outage'))).to.equal(false)
    expect(memory.wasOwnChange('ops', componentKey('c1', 'major_outage'))).to.equal(true)
    expect(memory.wasOwnChange('ops', componentKey('c1', 'major_outage'))).to.equal(false)
    expect(memory.wasOwnChange('ops', componentKey('c2', 'operational'))).to.equal(true)
    t = 10 * 60_000
    expect(memory.wasOwnChange('ops', incidentKey('i2', 'resolved'))).to.equal(false)
  })
})
