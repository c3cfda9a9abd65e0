// Every room-side `incident` reply, built from the record and plain facts: exact text, outside text
// (titles, names, alert messages, notes) made inert, times in UTC.
import { expect } from 'chai'
import {
  alreadyOpenReply, alreadyPublicAsReply, firstAck, historyReply, invalidReply, linkedPublicReply, linkedReply,
  noIncidentReply, noSuchPublicReply, noteReply, quoted, roleReply, showReply, startReply, TIMELINE_SHOWN,
  timelineReply, unknownComponentReply, unknownPersonReply
} from '../../../src/chat/incident/format'
import type { IncidentRecord, LinkedAlert } from '../../../src/chat/incident/model'
import { incident, T0 } from './fixtures'

const MINUTE = 60_000

/** An incident some way in: roles, two linked alerts (one acknowledged), public, one component changed. */
const busy = (): IncidentRecord => ({
  ...incident(),
  severity: 'P2',
  lead: 'eve',
  comms: 'dana',
  components: [
    { id: 'c1', name: 'REST API', before: 'operational', changes: [{ at: T0 + MINUTE, status: 'partial_outage' }] },
    { id: 'c2', name: 'Dashboard', changes: [] }
  ],
  alerts: [
    { id: 'a1', tinyId: '12', priority: 'P1', message: 'Checkout 5xx', acknowledgedAt: T0 + 4 * MINUTE, acknowledgedBy: 'eve' },
    { id: 'a2', tinyId: '13', message: 'Latency', closedAt: T0 + 9 * MINUTE }
  ],
  publicIncident: { id: 'inc1', name: 'Checkout errors', shortlink: 'https://stspg.io/x1' },
  timeline: [
    { at: T0, who: 'dana', text: 'declared the incident (P2 on REST API)' },
    { at: T0 + 4 * MINUTE, who: 'eve', text: 'genie ack: #12 acknowledge (done)' },
    { at: T0 + 6 * MINUTE, text: 'Statuspage: REST API is partial outage' }
  ]
})

describe('incident replies (format.ts)', () => {
  it('names the incident by its title in quotes, made inert', () => {
    expect(quoted(incident())).to.equal('"Checkout errors"')
    expect(quoted({ ...incident(), title: 'Down\n@here <!channel>' })).to.equal('"Down ＠here ‹!channel›"')
    expect(quoted({ ...incident(), title: 'x'.repeat(200) })).to.equal(`"${'x'.repeat(119)}…"`)
  })

  it('says there is no open incident, and what to type after bad input', () => {
    expect(noIncidentReply('/')).to.equal('No open incident in this room. Declare one: /incident start <title> [P1-P5] [on <components>].')
    expect(invalidReply('alerts are given by their number, e.g. #12', 'incident link #<alert>', 'hubot '))
      .to.equal('alerts are given by their number, e.g. #12. Try: hubot incident link #<alert>')
  })

  it('refuses a second incident, saying which one is open and since when', () => {
    expect(alreadyOpenReply(incident(), T0 + 5 * MINUTE, '/')).to.equal('This room already has an open incident: "Checkout errors" ' +
      '(P1, declared by dana 5m ago). Nothing new was declared. End it first with /incident resolve.')
  })

  it('declares an incident, with its components when it has some', () => {
    expect(startReply(incident(), '/')).to.equal('Incident "Checkout errors" declared (P1) by dana. Nothing is public yet.\n' +
      'Next: /incident lead me, /incident link #<alert>, /incident public: <message> to open it on Statuspage.')
    expect(startReply(busy(), 'hubot ').split('\n')[0]).to.equal(
      'Incident "Checkout errors" declared (P2 on REST API, Dashboard) by dana. Nothing is public yet.')
  })

  it('refuses a component the page does not have, with the closest names when there are some', () => {
    expect(unknownComponentReply('REST APU', [{ name: 'REST API' }, { name: 'REST <@U1>' }], '/')).to.equal(
      'No component is called "REST APU" (did you mean: REST API, REST ‹@U1›?). Nothing was declared. See /status components.')
    expect(unknownComponentReply('@everyone', [], '/')).to.equal(
      'No component is called "＠everyone". Nothing was declared. See /status components.')
  })

  it('names the roles, and refuses a person the chat does not know', () => {
    expect(roleReply(incident(), 'lead', 'eve')).to.equal('Lead of "Checkout errors": eve.')
    expect(roleReply(incident(), 'comms', 'dana')).to.equal('Communications of "Checkout errors": dana.')
    expect(unknownPersonReply('bobb', 'comms', '/')).to.equal(
      'I know nobody in this chat called "bobb". Nothing was changed. Try /incident comms me, or their chat name.')
  })

  it('counts a note among every entry, the dropped ones too', () => {
    expect(noteReply({ ...busy(), dropped: 2 })).to.equal('Noted on the timeline of "Checkout errors" (5 entries).')
    expect(noteReply({ ...incident(), timeline: [{ at: T0, text: 'x' }] })).to.equal('Noted on the timeline of "Checkout errors" (1 entry).')
  })

  it('says which alerts were linked, which already were and which are unknown, in one reply', () => {
    const linked: LinkedAlert[] = [
      { id: 'a1', tinyId: '12', priority: 'P1', message: 'Checkout <!here>' },
      { id: 'a9', acknowledgedAt: T0, acknowledgedBy: 'eve' }
    ]
    expect(linkedReply(incident(), linked, ['13'], ['99', '98'])).to.equal('Linked to "Checkout errors": #12 P1 not acknowledged: ' +
      'Checkout ‹!here›; #a9 acknowledged by eve. Already linked: #13. No open or known alert #99, #98: not linked.')
    expect(linkedReply(incident(), [], ['13'], [])).to.equal('Already linked: #13.')
  })

  it('answers linking a Statuspage incident: linked, already public, or not on Statuspage', () => {
    expect(linkedPublicReply(busy(), 'identified')).to.equal('Linked Statuspage incident Checkout errors (identified) to "Checkout errors".')
    expect(linkedPublicReply({ ...incident(), publicIncident: { id: 'inc9' } }, 'resolved')).to.equal(
      'Linked Statuspage incident inc9 (resolved) to "Checkout errors".')
    expect(alreadyPublicAsReply(busy(), 'inc1')).to.equal('"Checkout errors" is already public as Statuspage incident inc1. Nothing was changed.')
    expect(noSuchPublicReply('zz\nzz')).to.equal('Statuspage has no incident zz zz. Nothing was linked.')
  })

  it('shows the open incident: age, roles, alerts, public incident, components and the latest lines', () => {
    expect(showReply(busy(), T0 + 75 * MINUTE)).to.equal([
      'Incident "Checkout errors", P2, open 1h 15m (since 2026-12-04 01:00 UTC), declared by dana. Lead: eve. Comms: dana.',
      'Alerts: #12 P1 acknowledged by eve: Checkout 5xx; #13 closed: Latency.',
      'Public: Statuspage incident Checkout errors https://stspg.io/x1.',
      'Components: REST API partial outage, Dashboard operational.',
      'Latest:',
      '  01:00 UTC dana: declared the incident (P2 on REST API)',
      '  01:04 UTC eve: genie ack: #12 acknowledge (done)',
      '  01:06 UTC Statuspage: REST API is partial outage'
    ].join('\n'))
    expect(showReply(incident(), T0 + 30_000)).to.equal([
      'Incident "Checkout errors", P1, open 30s (since 2026-12-04 01:00 UTC), declared by dana. Lead: nobody yet. Comms: nobody yet.',
      'Alerts: none linked.',
      'Not public yet.',
      'Components: none given.',
      'Latest: nothing yet.'
    ].join('\n'))
  })

  it('shows only the latest five lines, and a public incident\'s link only when it is https', () => {
    const many = { ...busy(), publicIncident: { id: 'inc1', shortlink: 'javascript:alert(1)' } }
    many.timeline = Array.from({ length: 8 }, (_, n) => ({ at: T0 + n * MINUTE, text: `line ${n}` }))
    const lines = showReply(many, T0).split('\n')
    expect(lines[2]).to.equal('Public: Statuspage incident inc1.')
    expect(lines.slice(4)).to.deep.equal(['Latest:', '  01:03 UTC line 3', '  01:04 UTC line 4', '  01:05 UTC line 5',
      '  01:06 UTC line 6', '  01:07 UTC line 7'])
  })

  it('writes the timeline with its date, every line inert', () => {
    const i = { ...busy(), timeline: [...busy().timeline, { at: T0 + 7 * MINUTE, who: 'dana', text: 'note: call <!channel>\nnow' }] }
    expect(timelineReply(i)).to.equal([
      'Timeline of "Checkout errors" (UTC, 2026-12-04):',
      '01:00 UTC dana: declared the incident (P2 on REST API)',
      '01:04 UTC eve: genie ack: #12 acknowledge (done)',
      '01:06 UTC Statuspage: REST API is partial outage',
      '01:07 UTC dana: note: call ‹!channel› now'
    ].join('\n'))
    const long = { ...incident(), dropped: 3, timeline: Array.from({ length: TIMELINE_SHOWN + 1 }, (_, n) => ({ at: T0, text: `l${n}` })) }
    expect(timelineReply(long).split('\n').slice(0, 3)).to.deep.equal(['Timeline of "Checkout errors" (UTC, 2026-12-04):', '+4 earlier', '01:00 UTC l1'])
  })

  it('finds the first acknowledgement of a linked alert, with who when known', () => {
    expect(firstAck(incident())).to.equal(undefined)
    const two = { ...incident(), alerts: [{ id: 'a', acknowledgedAt: T0 + 9 }, { id: 'b', acknowledgedAt: T0 + 3, acknowledgedBy: 'eve' }] }
    expect(firstAck(two)).to.deep.equal({ at: T0 + 3, by: 'eve' })
    expect(firstAck({ ...incident(), alerts: [{ id: 'a', acknowledgedAt: T0 + 9 }] })).to.deep.equal({ at: T0 + 9 })
  })

  it('lists the room\'s recent incidents: how long each lasted and its first ack', () => {
    expect(historyReply([], 5, T0)).to.equal('No incidents in this room yet.')
    const ended = { ...busy(), endedAt: T0 + 95 * MINUTE }
    const open = { ...incident(), title: 'Builds slow', severity: 'P4' as const, startedAt: T0 + 120 * MINUTE }
    expect(historyReply([open, ended], 5, T0 + 150 * MINUTE)).to.equal([
      'The last 2 incidents in this room:',
      '2026-12-04 03:00 UTC "Builds slow" P4: still open after 30m, no linked alert acknowledged.',
      '2026-12-04 01:00 UTC "Checkout errors" P2: resolved after 1h 35m, first ack after 4m.'
    ].join('\n'))
    expect(historyReply([open, ended], 1, T0 + 150 * MINUTE).split('\n')[0]).to.equal('The last 1 incident in this room:')
  })
})
