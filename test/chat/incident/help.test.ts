// `incident help`: every incident command as the room types it, one a line, in the table's order.
import { expect } from 'chai'
import { formatIncidentHelp, INCIDENT_HELP } from '../../../src/chat/incident/help'

describe('incident help (help.ts)', () => {
  it('lists every incident command with the room\'s prefix, one a line', () => {
    expect(formatIncidentHelp('/')).to.equal([
      'incident commands:',
      '/incident start <title> [P1-P5] [on <components>] - Declare an incident in this room (nothing public yet)',
      '/incident - The room\'s open incident: severity, age, roles, alerts, public incident, latest timeline',
      '/incident lead <me|name> - Who leads the incident',
      '/incident comms <me|name> - Who handles communications',
      '/incident link #<alert> [#<alert> ...] - Link alerts (or a Statuspage incident id) to the incident',
      '/incident note <text> - A line on the timeline',
      '/incident timeline - The whole timeline (UTC), newest last',
      '/incident public[: <message>] - Open the Statuspage incident, its components set by severity',
      '/incident update [investigating|identified|monitoring]: <message> - Update the public incident and note the linked open alerts',
      '/incident resolve[: <message>] - Resolve the public incident, end the incident, write the postmortem draft',
      '/incident postmortem draft - Write the postmortem draft again from the timeline (after a failed write)',
      '/incident postmortem publish - Publish the postmortem draft, after incident confirm <code>',
      '/incident confirm <code> - Confirm your postmortem publish',
      '/incident history [<n>] - The room\'s recent incidents: duration, time to first ack',
      '/incident help - The incident commands, one a line'
    ].join('\n'))
    expect(formatIncidentHelp('hubot ').split('\n')[1]).to.equal(
      'hubot incident start <title> [P1-P5] [on <components>] - Declare an incident in this room (nothing public yet)')
  })

  it('gives every command its own id', () => {
    const ids = INCIDENT_HELP.map(h => h.id)
    expect(new Set(ids).size).to.equal(ids.length)
  })
})
