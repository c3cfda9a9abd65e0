// The words of the write gate, as pure functions: the one reply a refused write gets, and the startup line.
import { expect } from 'chai'
import { describeRule, formatRefusal } from '../../../src/chat/authorization/format'
import type { WriteRule } from '../../../src/chat/authorization/policy'
import { GENIE_GATE } from '../../../src/chat/opsgenie/access'
import { STATUS_GATE } from '../../../src/chat/statuspage/access'

const user = (id: string, name = 'someone') => ({ id, name })
const rule = (fields: Partial<WriteRule>): WriteRule =>
  ({ ...STATUS_GATE, userIds: [], roles: [], rooms: [], ...fields })

describe('the write gate\'s words', () => {
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

  it('names every allowed room, and the roles a writer may have instead, with who manages them', () => {
    const genie = { ...GENIE_GATE, userIds: ['U1'], roles: ['ops', 'sre'], rooms: ['ops', 'war-room'] }
    expect(formatRefusal({ why: 'room' }, genie, { label: 'genie ack', user: user('U1'), room: 'general' }))
      .to.equal('"genie ack" changes OpsGenie, which can be changed only from rooms ops, war-room, not from this room (general). Nothing was changed. ' +
        'Run it there, or ask whoever runs the bot to add this room to HUBOT_OPSGENIE_WRITE_ROOMS.')
    expect(formatRefusal({ why: 'writer' }, genie, { label: 'genie ack', user: user('U2'), room: 'ops' }))
      .to.equal('"genie ack" changes OpsGenie: it needs a writer (a user id listed in HUBOT_OPSGENIE_WRITERS or a role: ops, sre), ' +
        'and you (user id U2) are not one. Nothing was changed. Ask whoever runs the bot to add your user id to HUBOT_OPSGENIE_WRITERS, ' +
        'or whoever manages roles to give you one of those roles.')
  })

  it('says roles cannot be checked when no role plugin is loaded, and how to fix it', () => {
    expect(formatRefusal({ why: 'no-role-plugin' }, rule({ roles: ['ops'] }), { label: 'status set', user: user('U7'), room: 'ops' }))
      .to.equal('"status set" changes Statuspage: it needs a writer (a user id listed in HUBOT_STATUSPAGE_WRITERS or a role: ops), ' +
        'but no role plugin is loaded (nothing provides robot.auth.hasRole), so roles cannot be checked. Nothing was changed. ' +
        'Ask whoever runs the bot to load a role plugin (hubot-auth on Hubot 3.5) or to add your user id (U7) to HUBOT_STATUSPAGE_WRITERS.')
  })

  it('describes an open rule with the variables that would limit it', () => {
    expect(describeRule(rule({}), false))
      .to.equal('status set/open/update/resolve/maintenance (changing Statuspage) are open to everyone in every room: ' +
        'set HUBOT_STATUSPAGE_WRITERS and/or HUBOT_STATUSPAGE_WRITE_ROOMS to limit them.')
  })

  it('lists the user ids before the roles, and several rooms', () => {
    expect(describeRule(rule({ userIds: ['U1', '42'], roles: ['ops'], rooms: ['ops', 'war-room'] }), true))
      .to.equal('status set/open/update/resolve/maintenance (changing Statuspage) are allowed for user U1, user 42, role ops, from rooms ops, war-room only.')
  })
})
