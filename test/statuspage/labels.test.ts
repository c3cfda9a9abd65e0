import { expect } from 'chai'
import { incidentStatusLabel, stateLabel } from '../../src/statuspage/labels'

describe('Statuspage labels', () => {
  it('names every component state as people say it', () => {
    expect(stateLabel('operational')).to.equal('operational')
    expect(stateLabel('degraded_performance')).to.equal('degraded performance')
    expect(stateLabel('partial_outage')).to.equal('partial outage')
    expect(stateLabel('major_outage')).to.equal('major outage')
    expect(stateLabel('under_maintenance')).to.equal('under maintenance')
  })

  it('shows an empty state as unknown and a new one with spaces, never a crash', () => {
    expect(stateLabel('')).to.equal('unknown')
    expect(stateLabel('brand_new_state')).to.equal('brand new state')
  })

  it('names incident statuses with spaces', () => {
    expect(incidentStatusLabel('in_progress')).to.equal('in progress')
    expect(incidentStatusLabel('monitoring')).to.equal('monitoring')
  })
})
