// The write policy and the commands' classes, as pure functions.
import { expect } from 'chai'
import { describeRule, formatRefusal } from '../../../src/chat/authorization/format'
import { decide, parseWriters, readWriteRule, roleProvider, type WriteRule } from '../../../src/chat/authorization/policy'
import { classifyGenie, GENIE_GATE } from '../../../src/chat/opsgenie/access'
import { parseGenie } from '../../../src/chat/opsgenie/parse'
import { classifyStatus, STATUS_GATE } from '../../../src/chat/statuspage/access'
import { parseStatus } from '../../../src/chat/statuspage/parse'

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

  it('words the refusals by room and by writer', () => {
    expect(formatRefusal({ why: 'room' }, rule({ rooms: ['ops'] }), { label: 'status set', user: user('U1'), room: 'general' }))
      .to.equal('"status set" changes Statuspage, which can be changed only from room ops, not from this room (general). Nothing was changed. ' +
        'Run it there, or ask whoever runs the bot to add this room to HUBOT_STATUSPAGE_WRITE_ROOMS.')
    expect(formatRefusal({ why: 'writer' }, rule({ userIds: ['U1'] }), { label: 'status set', user: user('U2'), room: 'ops' }))
      .to.equal('"status set" changes Statuspage: it needs a writer (a user id listed in HUBOT_STATUSPAGE_WRITERS), and you (user id U2) are not one. ' +
        'Nothing was changed. Ask whoever runs the bot to add your user id to HUBOT_STATUSPAGE_WRITERS.')
  })

  it('describes the rule at start, warning when roles have no plugin to check them', () => {
    expect(describeRule(rule({ rooms: ['ops'] }), false))
      .to.equal('status set/open/update/resolve/maintenance (changing Statuspage) are allowed for everyone, from room ops only.')
    expect(describeRule(rule({ roles: ['ops'] }), false)).to.equal('status set/open/update/resolve/maintenance (changing Statuspage) are allowed for role ops, ' +
      'from any room. No role plugin (robot.auth.hasRole) is loaded yet: until one is, only the listed user ids can write.')
    expect(describeRule(rule({ roles: ['ops'] }), true)).not.to.contain('No role plugin')
  })
})

describe('the classes of commands', () => {
  const status = (text: string) => classifyStatus(parseStatus(` ${text}`))
  const genie = (text: string) => classifyGenie(parseGenie(text))

  it('classes every Statuspage change as a write and everything else as a read', () => {
    for (const text of ['Docs down', 'Docs down: broken', 'open Outage', 'update p31zjtct2jer fixed', 'resolve']) expect(status(text).access, text).to.equal('write')
    for (const text of ['', '?', 'components', 'incidents', 'Docs?', 'open']) expect(status(text).access, text).to.equal('read')
    expect(status('Docs down')).to.deep.equal({ label: 'status set', access: 'write' })
    expect(classifyStatus({ kind: 'log', count: 10 })).to.deep.equal({ label: 'status log', access: 'read' })
  })

  it('classes every alert action and taking a shift as a write; me as, whoami, forget me and oncall as reads', () => {
    for (const text of ['ack', 'ack 1', 'unack 1', 'close 1', 'close all', 'confirm ABC', 'note 1 x', 'snooze 1 30m', 'take for 1h']) {
      expect(genie(text).access, text).to.equal('write')
    }
    for (const text of ['', 'status', 'me as a@b.co', 'whoami', 'forget me', 'oncall', 'help', 'ack x!', 'dance']) expect(genie(text).access, text).to.equal('read')
    expect(genie('close all')).to.deep.equal({ label: 'genie close-all', access: 'write' })
  })
})
