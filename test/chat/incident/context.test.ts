// What the incident handlers share: `save` puts the changed incident back in the brain at the
// context's time and hands the same record back.
import { expect } from 'chai'
import { save, type IncidentContext } from '../../../src/chat/incident/context'
import { incidentStore } from '../../../src/chat/incident/model'
import { incident, T0 } from './fixtures'

describe('the incident context (context.ts)', () => {
  it('saves the incident in the room\'s store at the context\'s time and returns it', () => {
    const values = new Map<string, unknown>()
    const store = incidentStore({ get: key => values.get(key), set: (key, value) => values.set(key, value) })
    // Only what save reads: the store and the clock.
    const ctx = { store, now: () => T0 + 42 } as unknown as IncidentContext
    const record = { ...incident(), lead: 'eve' }
    expect(save(ctx, record)).to.equal(record)
    expect(store.open('room1')).to.deep.equal(record)
    expect(values.get('hubot-statuspage-opsgenie.incidents')).to.deep.equal({
      format: 1,
      records: [{ v: 1, id: 'room1@1', at: T0 + 42, data: record }]
    })
  })
})
