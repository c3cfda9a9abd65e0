// The postmortem draft (src/chat/incident/postmortem-format.ts): what it holds, in UTC, bounded, and
// with every outside text inert.
import { expect } from 'chai'
import { formatPostmortemDraft, type PostmortemInput } from '../../../src/chat/incident/postmortem-format'
import { MAX_POSTMORTEM_DRAFT } from '../../../src/statuspage/types'

const T0 = Date.parse('2026-12-04T01:00:00Z')
const min = (n: number): number => T0 + n * 60_000

const story = (over: Partial<PostmortemInput> = {}): PostmortemInput => ({
  title: 'Checkout down',
  severity: 'P1',
  startedAt: T0,
  endedAt: min(70),
  firstAck: { at: min(4), by: 'alice' },
  roles: { declaredBy: 'bob', lead: 'alice', comms: 'carol' },
  publicIncident: { id: 'x9m2k4p7q1rs', name: 'Checkout down', shortlink: 'https://stspg.io/abc123' },
  components: [{
    name: 'Checkout API',
    before: 'operational',
    changes: [{ at: min(70), status: 'operational' }, { at: min(6), status: 'major_outage' }]
  }],
  timeline: [
    { at: min(0), who: 'bob', text: 'declared the incident (P1)' },
    { at: min(4), who: 'alice', text: 'acknowledged #12 (done)' },
    { at: min(6), who: 'carol', text: 'opened the public incident: investigating (done)' },
    { at: min(70), who: 'alice', text: 'resolved the public incident (done)' }
  ],
  alerts: [{ id: 'a-12', tinyId: '12', message: 'Checkout 5xx rate high', priority: 'P1', acknowledgedAt: min(4), acknowledgedBy: 'alice', closedAt: min(71) }],
  ...over
})

const section = (draft: string, heading: string): string => {
  const start = draft.indexOf(`## ${heading}\n`)
  expect(start, heading).to.be.at.least(0)
  const end = draft.indexOf('\n## ', start + 3)
  return draft.slice(start, end === -1 ? undefined : end)
}

describe('formatPostmortemDraft', () => {
  it('holds the summary, the impact over time, the timeline, the linked alerts and the headings left to write', () => {
    const draft = formatPostmortemDraft(story())
    expect(draft.startsWith('# Postmortem: Checkout down\n')).to.equal(true)
    expect(section(draft, 'Summary')).to.equal([
      '## Summary',
      '- Severity: P1',
      '- Started: 2026-12-04 01:00 UTC',
      '- Ended: 2026-12-04 02:10 UTC',
      '- Duration: 1h 10m',
      '- Time to first acknowledgement: 4m (alice, 2026-12-04 01:04 UTC)',
      '- Declared by: bob',
      '- Lead: alice',
      '- Communications: carol',
      '- Public incident: Checkout down (x9m2k4p7q1rs) https://stspg.io/abc123',
      ''
    ].join('\n'))
    expect(section(draft, 'Impact')).to.equal(
      '## Impact\n- Checkout API: operational → major outage (2026-12-04 01:06 UTC) → operational (2026-12-04 02:10 UTC)\n')
    expect(section(draft, 'Timeline')).to.equal([
      '## Timeline',
      '- 2026-12-04 01:00 UTC: bob: declared the incident (P1)',
      '- 2026-12-04 01:04 UTC: alice: acknowledged #12 (done)',
      '- 2026-12-04 01:06 UTC: carol: opened the public incident: investigating (done)',
      '- 2026-12-04 02:10 UTC: alice: resolved the public incident (done)',
      ''
    ].join('\n'))
    expect(section(draft, 'Linked alerts')).to.equal(
      '## Linked alerts\n- #12 [P1] Checkout 5xx rate high: acknowledged by alice at 2026-12-04 01:04 UTC; closed at 2026-12-04 02:11 UTC\n')
    expect(draft).to.contain('## Root cause\n(to be written)\n')
    expect(draft.endsWith('## Follow-up actions\n- (to be written)\n')).to.equal(true)
  })

  it('says what is missing instead of leaving it out: still open, no ack, no roles, nothing public, nothing linked', () => {
    const nothing: Partial<PostmortemInput> = { endedAt: undefined, firstAck: undefined, publicIncident: undefined }
    const draft = formatPostmortemDraft(story({ ...nothing, roles: {}, components: [], timeline: [], alerts: [] }))
    expect(draft).to.contain(
      '- Ended: not yet (still open when this draft was written)\n- Time to first acknowledgement: no linked alert was acknowledged\n')
    expect(draft).not.to.contain('Duration')
    expect(draft).to.contain('- Declared by: unknown\n- Lead: nobody took the role\n- Communications: nobody took the role\n')
    expect(draft).to.contain('- Public incident: none (nothing was posted on the status page)')
    expect(section(draft, 'Impact')).to.equal('## Impact\nNo component was marked on the status page.\n')
    expect(section(draft, 'Timeline')).to.equal('## Timeline\nNothing was recorded.\n')
    expect(section(draft, 'Linked alerts')).to.equal('## Linked alerts\nNo alert was linked.\n')
  })

  it('sorts the timeline by time, keeping the given order for entries at the same moment, and notes entries no longer kept', () => {
    const draft = formatPostmortemDraft(story({
      droppedEntries: 1,
      timeline: [{ at: min(5), text: 'b' }, { at: min(1), text: 'a' }, { at: min(5), text: 'c' }]
    }))
    expect(section(draft, 'Timeline')).to.equal([
      '## Timeline',
      '- (1 earlier entry no longer kept)',
      '- 2026-12-04 01:01 UTC: a',
      '- 2026-12-04 01:05 UTC: b',
      '- 2026-12-04 01:05 UTC: c',
      ''
    ].join('\n'))
  })

  it('makes outside text inert: one line each, no mentions, no HTML, links or images, no heading of its own', () => {
    const evil = 'x\n## Root cause\n@here <script>alert(1)</script> [click](https://evil.example) ![i](https://evil.example/p.png) <!channel>\u202e'
    const draft = formatPostmortemDraft(story({
      title: evil,
      roles: { declaredBy: evil, lead: evil, comms: evil },
      publicIncident: { id: 'x1', name: evil, shortlink: 'javascript:alert(1)' },
      components: [{ name: evil, before: evil, changes: [{ at: min(1), status: evil }] }],
      timeline: [{ at: min(1), who: evil, text: evil }],
      alerts: [{ id: evil, message: evil, acknowledgedBy: evil, acknowledgedAt: min(2) }],
      firstAck: { at: min(2), by: evil }
    }))
    expect(draft.match(/^## Root cause$/gm)).to.have.length(1)
    expect(draft).not.to.match(/[<>\u202e]|@here|\]\(|!\[|javascript:/)
    for (const line of draft.split('\n')) expect(line.length, line).to.be.at.most(1500)
  })

  it('stays under the draft bound with everything at its largest: the first entries, a gap that counts, and the newest', () => {
    const long = 'w'.repeat(5000)
    const timeline = Array.from({ length: 1000 }, (_, i) => ({ at: min(i), who: long, text: `entry ${i} ${long}` }))
    const draft = formatPostmortemDraft(story({
      title: long,
      components: Array.from({ length: 80 }, (_, i) => ({
        name: `${i}${long}`, before: 'operational', changes: Array.from({ length: 30 }, (_, j) => ({ at: min(j), status: 'partial_outage' }))
      })),
      alerts: Array.from({ length: 90 }, (_, i) => ({ id: `a${i}`, tinyId: String(i), message: long, acknowledgedBy: long, acknowledgedAt: min(i) })),
      timeline
    }))
    expect(draft.length).to.be.at.most(MAX_POSTMORTEM_DRAFT)
    const lines = section(draft, 'Timeline').split('\n').filter(l => l.startsWith('- '))
    expect(lines[0]).to.match(/: entry 0 w+…$/)
    expect(lines.at(-1)).to.match(/: entry 999 w+…$/)
    const gap = lines.find(l => /left out here/.test(l))
    const shown = lines.length - 1
    expect(gap).to.equal(`- … ${(1000 - shown).toLocaleString('en-US')} entries left out here …`)
    expect(draft).to.contain('- +60 more components')
    expect(draft).to.contain('- +60 more alerts')
    expect(draft).to.contain('→ +24 more changes')
    expect(draft.endsWith('## Follow-up actions\n- (to be written)\n')).to.equal(true)
  })

  it('keeps a long timeline of short entries to 200 lines, the first 20 and the newest', () => {
    const timeline = Array.from({ length: 500 }, (_, i) => ({ at: min(i), text: `e${i}` }))
    const lines = section(formatPostmortemDraft(story({ timeline })), 'Timeline').split('\n').filter(l => l.startsWith('- '))
    expect(lines).to.have.length(200)
    expect(lines[19]).to.match(/: e19$/)
    expect(lines[20]).to.equal('- … 301 entries left out here …')
    expect(lines[21]).to.match(/: e321$/)
    expect(lines[199]).to.match(/: e499$/)
  })
})
