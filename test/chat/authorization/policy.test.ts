// The write policy, as pure functions.
import { expect } from 'chai'
import { decide, parseWriters, readWriteRule, roleProvider, type WriteRule } from '../../../src/chat/authorization/policy'
import { GENIE_GATE } from '../../../src/chat/opsgenie/access'
import { STATUS_GATE } from '../../../src/chat/statuspage/access'

const user = (id: string, name = 'someone') => ({ id, name })
const rule = (fields: Partial<WriteRule>): WriteRule =>
  ({ ...STATUS_GATE, userIds: [], roles: [], rooms: [], ...fields })

describe('the write policy', () => {
  it('splits writers into user ids and roles, ignoring spaces and empty entries', () => {
    expect(parseWriters(' U1, role:ops ,,ROLE: incident-commander, 42 ,role:')).to.deep.equal({ userIds: ['U1', '42'], roles: ['ops', 'incident-commander'] })
    expect(parseWriters(undefined)).to.deep.equal({ userIds: [], roles: [] })
  })

  it('reads each service\'s own variables', () => {
    process.env.HUBOT_STATUSPAGE_WRITERS = 'U1'
    process.env.HUBOT_OPSGENIE_WRITE_ROOMS = 'ops, war-room'
    expect(readWriteRule(STATUS_GATE)).to.include({ name: 'Statuspage' }).and.to.deep.include({ userIds: ['U1'], rooms: [] })
    expect(readWriteRule(GENIE_GATE)).to.deep.include({ userIds: [], roles: [], rooms: ['ops', 'war-room'] })
  })

  it('allows everyone everywhere when nothing is configured', async () => {
    expect(await decide(rule({}), user('U9'), 'any', undefined)).to.deep.equal({ allowed: true })
  })

  it('checks the room first, even for a writer, and compares ids as strings', async () => {
    const r = rule({ userIds: ['42'], rooms: ['ops'] })
    expect(await decide(r, user('42'), 'general', undefined)).to.deep.equal({ allowed: false, why: 'room' })
    expect(await decide(r, { id: 42 as unknown as string, name: 'x' }, 'ops', undefined)).to.deep.equal({ allowed: true })
    expect(await decide(r, user('43', '42'), 'ops', undefined)).to.deep.equal({ allowed: false, why: 'writer' })
  })

  it('asks the role plugin for each role, awaiting one that answers with a promise', async () => {
    const asked: string[] = []
    const auth = { hasRole: async (_u: unknown, role: string) => { asked.push(role); return role === 'b' } }
    expect(await decide(rule({ roles: ['a', 'b'] }), user('U1'), 'r', auth)).to.deep.equal({ allowed: true })
    expect(asked).to.deep.equal(['a', 'b'])
    expect(await decide(rule({ roles: ['a'] }), user('U1'), 'r', auth)).to.deep.equal({ allowed: false, why: 'writer' })
  })

  it('takes only a literal true from the plugin as a yes', async () => {
    const auth = { hasRole: () => 'yes' }
    expect(await decide(rule({ roles: ['a'] }), user('U1'), 'r', auth)).to.deep.equal({ allowed: false, why: 'writer' })
  })

  it('says a role plugin is missing only when roles could have let the user in', async () => {
    expect(await decide(rule({ roles: ['ops'] }), user('U1'), 'r', undefined)).to.deep.equal({ allowed: false, why: 'no-role-plugin' })
    expect(await decide(rule({ roles: ['ops'], userIds: ['U1'] }), user('U1'), 'r', undefined)).to.deep.equal({ allowed: true })
  })

  it('finds a role plugin only when it provides hasRole', () => {
    expect(roleProvider({})).to.equal(undefined)
    expect(roleProvider({ auth: { isAdmin: () => true } })).to.equal(undefined)
    const auth = { hasRole: () => true }
    expect(roleProvider({ auth })).to.equal(auth)
  })
})
