// Who a typed name stands for among what can be paged (src/alerting/responders.ts): a team, an
// escalation or a schedule by name, a user by email; the closest names when nothing matches.
import { expect } from 'chai'
import type { AlertingBackend } from '../../src/alerting/backend'
import { byName, escalationFor, findResponder, orNone, suggest } from '../../src/alerting/responders'
import type { UserLookup, UserRef } from '../../src/alerting/types'
import { NotFoundError, UnavailableError } from '../../src/http/errors'
import { OPSGENIE } from '../../src/alerting/opsgenie'

const info = { service: OPSGENIE, method: 'GET', path: '/v2/teams', status: 404 }
const TEAMS = [{ id: 't1', name: 'Platform' }, { id: 't2', name: 'DBA' }]
const ESCALATIONS = [{ id: 'e1', name: 'Platform_escalation', ownerTeamId: 't1' }, { id: 'e2', name: 'DBA_escalation', ownerTeamId: 't2' }]
const SCHEDULES = [{ id: 's1', name: 'Primary', enabled: true }, { id: 's2', name: 'Database', enabled: true }]

function backend (over: Partial<AlertingBackend> = {}): { stub: AlertingBackend, users: UserRef[] } {
  const users: UserRef[] = []
  const stub = {
    listTeams: async () => TEAMS,
    listEscalations: async () => ESCALATIONS,
    listSchedules: async () => SCHEDULES,
    findUser: async (ref: UserRef): Promise<UserLookup> => {
      users.push(ref)
      return 'email' in ref && ref.email === 'neo@opsgenie.com'
        ? { kind: 'found', user: { id: 'u1', username: 'neo@opsgenie.com', fullName: 'Thomas Anderson' } }
        : { kind: 'none' }
    },
    ...over
  } as unknown as AlertingBackend
  return { stub, users }
}

describe('responders: suggestions', () => {
  it('offers names containing the typed one or contained in it first, then the fewest letters off, at most three', () => {
    expect(suggest('plat', ['Platform', 'Platform_escalation', 'Plot', 'Builds'])).to.deep.equal(['Platform', 'Platform_escalation', 'Plot'])
    expect(suggest('Primary schedule', ['Primary', 'Secondary'])).to.deep.equal(['Primary'])
    expect(suggest('dba', ['DBA', 'DBB', 'DCC', 'dba', 'DBA'])).to.deep.equal(['dba', 'DBA', 'DBB'])
    expect(suggest('dba', ['DBA', 'DBB', 'DCC', 'dba'], 2)).to.deep.equal(['dba', 'DBA'])
    expect(suggest('primery', ['Primary', 'Zprimery'])).to.deep.equal(['Zprimery', 'Primary'])
    expect(suggest('db', ['DBA', 'DBB', 'DBC', 'DBD'])).to.deep.equal(['DBA', 'DBB', 'DBC'])
  })

  it('offers nothing too far off: more than two letters, or a third of a long name', () => {
    expect(suggest('abc', ['xyz'])).to.deep.equal([])
    expect(suggest('networking', ['netwerkong', 'notworkinggg'])).to.deep.equal(['netwerkong', 'notworkinggg'])
    expect(suggest('networking', ['nutwurkung'])).to.deep.equal(['nutwurkung'])
    expect(suggest('networking', ['nutwurkunk'])).to.deep.equal([])
  })
})

describe('responders: lookups', () => {
  it('matches a name whatever its case', () => {
    expect(byName(TEAMS, 'platform')).to.equal(TEAMS[0])
    expect(byName(TEAMS, 'Plat')).to.equal(undefined)
  })

  it('reads a list the backend does not have (404) as none, and any other failure as a failure', async () => {
    expect(await orNone(Promise.reject(new NotFoundError(info, 'x')))).to.deep.equal([])
    expect(await orNone(Promise.resolve(TEAMS))).to.equal(TEAMS)
    const down = new UnavailableError({ ...info, status: 503 }, 'x')
    let error: unknown
    try { await orNone(Promise.reject(down)) } catch (err) { error = err }
    expect(error).to.equal(down)
  })

  it('finds a team, then an escalation, then a schedule by its name', async () => {
    const { stub } = backend({ listSchedules: async () => [...SCHEDULES, { id: 's3', name: 'platform', enabled: true }] })
    expect(await findResponder(stub, '  PLATFORM ')).to.deep.equal({ kind: 'found', responder: { type: 'team', id: 't1', name: 'Platform' } })
    expect(await findResponder(stub, 'dba_escalation')).to.deep.equal({ kind: 'found', responder: { type: 'escalation', id: 'e2', name: 'DBA_escalation' } })
    expect(await findResponder(stub, 'database')).to.deep.equal({ kind: 'found', responder: { type: 'schedule', id: 's2', name: 'Database' } })
  })

  it('answers a name that matches nothing with the closest names of every kind', async () => {
    const { stub } = backend()
    expect(await findResponder(stub, 'Databse')).to.deep.equal({ kind: 'none', suggestions: ['Database'] })
    expect(await findResponder(stub, 'DB')).to.deep.equal({ kind: 'none', suggestions: ['DBA', 'DBA_escalation'] })
  })

  it('still finds a schedule where the backend has no teams or escalations (404)', async () => {
    const gone = async (): Promise<never> => { throw new NotFoundError(info, 'x') }
    const { stub } = backend({ listTeams: gone, listEscalations: gone })
    expect(await findResponder(stub, 'primary')).to.deep.equal({ kind: 'found', responder: { type: 'schedule', id: 's1', name: 'Primary' } })
  })

  it('looks an email address up as a user, by account id where there is one', async () => {
    const { stub, users } = backend()
    expect(await findResponder(stub, 'neo@opsgenie.com')).to.deep.equal({ kind: 'found', responder: { type: 'user', id: 'u1', name: 'neo@opsgenie.com' } })
    expect(await findResponder(stub, 'who@opsgenie.com')).to.deep.equal({ kind: 'none', suggestions: [] })
    expect(users).to.deep.equal([{ email: 'neo@opsgenie.com' }, { email: 'who@opsgenie.com' }])
    const jsm = backend({
      findUser: async () => ({ kind: 'found', user: { id: 'ana-row', accountId: 'acc-1', username: 'ana@example.com' } })
    }).stub
    expect(await findResponder(jsm, 'ana@example.com')).to.deep.equal({ kind: 'found', responder: { type: 'user', id: 'acc-1', name: 'ana@example.com' } })
  })
})

describe('responders: the escalation for an alert', () => {
  it('takes its team\'s escalation, else the only one there is, else none', () => {
    expect(escalationFor(ESCALATIONS, ['t2'])).to.equal(ESCALATIONS[1])
    expect(escalationFor(ESCALATIONS, ['t1', 't2'])).to.equal(undefined)
    expect(escalationFor(ESCALATIONS, [])).to.equal(undefined)
    expect(escalationFor([ESCALATIONS[0]], ['t9'])).to.equal(ESCALATIONS[0])
    expect(escalationFor([{ id: 'e3', name: 'Loose' }, ESCALATIONS[1]], ['t2'])).to.deep.equal(ESCALATIONS[1])
  })
})
