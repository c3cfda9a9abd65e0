// The routing rules (src/webhooks/routes.ts): which room an alert goes to.
import { expect } from 'chai'
import type { AlertEvent } from '../../src/webhooks/events'
import { parseRoutes, roomsFor } from '../../src/webhooks/routes'
import { alertBody } from './payloads'
import { alert } from './support'

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
