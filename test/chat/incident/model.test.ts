// The incident as the brain keeps it: the timeline bounded (older entries counted, never silently
// lost; a reply shows "+N earlier"), the records read back safely, one open incident per room.
import { expect } from 'chai'
import { TIMELINE_SHOWN, timelineReply } from '../../../src/chat/incident/format'
import { incidentStore, TIMELINE_LIMIT, withEntry, type IncidentRecord } from '../../../src/chat/incident/model'
import type { BrainLike } from '../../../src/util/brain-store'
import { incident, T0 } from './fixtures'

/** A brain as the store sees it: get and set over a map. */
const memoryBrain = (values = new Map<string, unknown>()): BrainLike => ({
  get: (key: string) => values.get(key),
  set: (key: string, value: unknown) => { values.set(key, value) }
})

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

  it('adds an entry to a copy: the record it was given is unchanged', () => {
    const before = incident()
    const after = withEntry(before, { at: T0, who: 'dana', text: 'note: hello' })
    expect(before.timeline).to.deep.equal([])
    expect(after.timeline).to.deep.equal([{ at: T0, who: 'dana', text: 'note: hello' }])
    expect(after.dropped).to.equal(0)
  })

  it('keeps counting on top of what was already dropped', () => {
    let i: IncidentRecord = { ...incident(), dropped: 7 }
    for (let n = 0; n < TIMELINE_LIMIT + 1; n++) i = withEntry(i, { at: T0 + n, text: `line ${n}` })
    expect(i.dropped).to.equal(8)
    expect(i.timeline[0].text).to.equal('line 1')
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

  it('keeps rooms apart, lists a room newest first and finds every room\'s open incident', () => {
    const store = incidentStore(memoryBrain())
    const older: IncidentRecord = { ...incident(), id: 'room1@1', endedAt: T0 + 10 }
    const newer: IncidentRecord = { ...incident(), id: 'room1@2', startedAt: T0 + 20, title: 'Second' }
    const elsewhere: IncidentRecord = { ...incident(), id: 'room2@1', room: 'room2', title: 'Elsewhere' }
    for (const i of [older, newer, elsewhere]) store.save(i, T0 + 30)
    expect(store.inRoom('room1').map(i => i.id)).to.deep.equal(['room1@2', 'room1@1'])
    expect(store.open('room1')?.id).to.equal('room1@2')
    expect(store.open('room2')?.id).to.equal('room2@1')
    expect(store.open('room3')).to.equal(undefined)
    expect(store.allOpen().map(i => i.id).sort()).to.deep.equal(['room1@2', 'room2@1'])
  })

  it('refuses a record whose timeline holds a malformed entry', () => {
    const values = new Map<string, unknown>()
    values.set('hubot-statuspage-opsgenie.incidents', {
      format: 1,
      records: [{ v: 1, id: 'room1@1', at: T0, data: { ...incident(), timeline: [{ at: 'soon', text: 'x' }] } }]
    })
    expect(incidentStore(memoryBrain(values)).inRoom('room1')).to.deep.equal([])
  })
})
