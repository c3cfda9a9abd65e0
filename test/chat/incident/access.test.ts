// How each `incident` command is classed: the reads, and the writes (gated by Statuspage's writers and
// rooms, recorded on its audit trail), each with the label logs give it.
import { expect } from 'chai'
import { classifyIncident, INCIDENT_GATE } from '../../../src/chat/incident/access'
import type { IncidentCommand } from '../../../src/chat/incident/parse'

/** One command of every kind. */
const EVERY_KIND: IncidentCommand[] = [
  { kind: 'show' },
  { kind: 'help' },
  { kind: 'timeline' },
  { kind: 'history', count: 5 },
  { kind: 'invalid', usage: 'incident help', why: 'no' },
  { kind: 'start', title: 'Checkout errors', severity: 'P1', components: [] },
  { kind: 'role', role: 'lead', who: 'me' },
  { kind: 'note', text: 'hello' },
  { kind: 'link-alerts', tinyIds: ['12'] },
  { kind: 'link-public', incidentId: 'inc1' },
  { kind: 'public' },
  { kind: 'update', message: 'fix is out' },
  { kind: 'resolve' },
  { kind: 'publish' },
  { kind: 'draft' },
  { kind: 'confirm', code: 'K7QX' }
]

describe('incident access (access.ts)', () => {
  it('classes only show, help, timeline, history and bad input as reads; every other kind writes', () => {
    expect(EVERY_KIND.map(classifyIncident)).to.deep.equal([
      { label: 'incident show', access: 'read' },
      { label: 'incident help', access: 'read' },
      { label: 'incident timeline', access: 'read' },
      { label: 'incident history', access: 'read' },
      { label: 'incident invalid', access: 'read' },
      { label: 'incident start', access: 'write' },
      { label: 'incident role', access: 'write' },
      { label: 'incident note', access: 'write' },
      { label: 'incident link-alerts', access: 'write' },
      { label: 'incident link-public', access: 'write' },
      { label: 'incident public', access: 'write' },
      { label: 'incident update', access: 'write' },
      { label: 'incident resolve', access: 'write' },
      { label: 'incident publish', access: 'write' },
      { label: 'incident draft', access: 'write' },
      { label: 'incident confirm', access: 'write' }
    ])
  })

  it('gates the writes as Statuspage\'s, with its variables', () => {
    expect(INCIDENT_GATE).to.deep.equal({
      service: 'statuspage',
      name: 'Statuspage',
      writersVariable: 'HUBOT_STATUSPAGE_WRITERS',
      roomsVariable: 'HUBOT_STATUSPAGE_WRITE_ROOMS',
      writes: 'incident start/lead/comms/note/link/public/update/resolve/postmortem'
    })
  })
})
