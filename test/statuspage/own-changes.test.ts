// What the bot just changed on Statuspage from chat, so its webhook is not announced again there
// (src/statuspage/own-changes.ts).
import { expect } from 'chai'
import { componentKey, incidentKey, OwnChanges, rememberWrites } from '../../src/statuspage/own-changes'

describe('the bot\'s own Statuspage changes', () => {
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
