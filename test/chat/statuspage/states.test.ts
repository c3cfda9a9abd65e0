// The words people type for component and incident states, as pure functions.
import { expect } from 'chai'
import {
  isClosedIncident, parseIncidentStatus, parseState, severity, STATE_HELP, trailingState
} from '../../../src/chat/statuspage/states'

describe('the state words', () => {
  it('reads every short word and the API\'s own spellings as the state they name', () => {
    const words = {
      operational: 'operational',
      ok: 'operational',
      up: 'operational',
      fixed: 'operational',
      degraded: 'degraded_performance',
      'degraded performance': 'degraded_performance',
      partial: 'partial_outage',
      major: 'major_outage',
      outage: 'major_outage',
      down: 'major_outage',
      maintenance: 'under_maintenance',
      'under maintenance': 'under_maintenance',
      major_outage: 'major_outage',
      degraded_performance: 'degraded_performance'
    }
    for (const [phrase, status] of Object.entries(words)) expect(parseState(phrase), phrase).to.equal(status)
    expect(parseState('Major\tOutage')).to.equal('major_outage')
    expect(parseState('')).to.equal(undefined)
  })

  it('takes the longest state phrase at the end of the words', () => {
    expect(trailingState(['api', 'major', 'outage'])).to.deep.equal({ status: 'major_outage', length: 2 })
    expect(trailingState(['api', 'under', 'maintenance'])).to.deep.equal({ status: 'under_maintenance', length: 2 })
    expect(trailingState(['api', 'down'])).to.deep.equal({ status: 'major_outage', length: 1 })
    expect(trailingState(['down'])).to.deep.equal({ status: 'major_outage', length: 1 })
    expect(trailingState([])).to.equal(undefined)
  })

  it('orders the states worst last, with an unknown state below operational', () => {
    const order = ['operational', 'under_maintenance', 'degraded_performance', 'partial_outage', 'major_outage'] as const
    expect(order.map(severity)).to.deep.equal([0, 1, 2, 3, 4])
    expect(severity('')).to.equal(-1)
  })

  it('reads the four incident statuses in any case, and nothing else', () => {
    expect(['Investigating', 'IDENTIFIED', 'monitoring', 'resolved'].map(parseIncidentStatus))
      .to.deep.equal(['investigating', 'identified', 'monitoring', 'resolved'])
    expect(parseIncidentStatus('postmortem')).to.equal(undefined)
    expect(parseIncidentStatus(undefined)).to.equal(undefined)
  })

  it('counts resolved, postmortem and completed incidents as closed', () => {
    expect(['resolved', 'postmortem', 'completed'].map(isClosedIncident)).to.deep.equal([true, true, true])
    expect(['investigating', 'identified', 'monitoring', 'scheduled', 'in_progress'].map(isClosedIncident)).to.deep.equal([false, false, false, false, false])
  })

  it('lists the states for the help', () => {
    expect(STATE_HELP).to.equal('operational|ok, degraded, partial, major|down, maintenance')
  })
})
