// Who may record someone else's identity (HUBOT_OPSGENIE_IDENTITY_ADMINS), and the chat user an admin names.
import { expect } from 'chai'
import type { HubotBrain, HubotRobot, HubotUser } from '../../../src/chat/hubot'
import { findChatUser, mayRecordIdentities } from '../../../src/chat/opsgenie/identity-admins'

const user = (id: string, name: string): HubotUser => ({ id, name }) as HubotUser
const brainOf = (...users: HubotUser[]): HubotBrain =>
  ({ users: () => Object.fromEntries(users.map(u => [u.id, u])) }) as unknown as HubotBrain
const hasRoleIn = (roles: Record<string, string[]>) =>
  (u: HubotUser, role: string): boolean => (roles[String(u.id)] ?? []).includes(role)
const robotWith = (roles: Record<string, string[]> | undefined): HubotRobot =>
  (roles === undefined ? {} : { auth: { hasRole: hasRoleIn(roles) } }) as unknown as HubotRobot

describe('identity admins', () => {
  beforeEach(() => { delete process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS })
  after(() => { delete process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS })

  it('lets nobody record identities for others when the variable is unset or empty', async () => {
    expect(await mayRecordIdentities(robotWith({ U1: ['ops'] }), user('U1', 'neo'))).to.equal(false)
    process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = ' , '
    expect(await mayRecordIdentities(robotWith({ U1: ['ops'] }), user('U1', 'neo'))).to.equal(false)
  })

  it('lets the listed user ids record them, and nobody else', async () => {
    process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = 'U1, U2'
    expect(await mayRecordIdentities(robotWith(undefined), user('U2', 'trinity'))).to.equal(true)
    expect(await mayRecordIdentities(robotWith(undefined), user('U3', 'U1'))).to.equal(false)
  })

  it('lets a listed role record them when a role plugin says the user has it', async () => {
    process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = 'role:ops'
    expect(await mayRecordIdentities(robotWith({ U1: ['ops'] }), user('U1', 'neo'))).to.equal(true)
    expect(await mayRecordIdentities(robotWith({ U1: ['dev'] }), user('U1', 'neo'))).to.equal(false)
    expect(await mayRecordIdentities(robotWith(undefined), user('U1', 'neo'))).to.equal(false)
  })

  it('takes no notice of the genie write rooms', async () => {
    process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = 'U1'
    process.env.HUBOT_OPSGENIE_WRITE_ROOMS = 'ops'
    try {
      expect(await mayRecordIdentities(robotWith(undefined), user('U1', 'neo'))).to.equal(true)
    } finally {
      delete process.env.HUBOT_OPSGENIE_WRITE_ROOMS
    }
  })
})

describe('finding the chat user an admin names', () => {
  const neo = user('U1', 'Neo')
  const trinity = user('U2', 'trinity')
  const twin = user('U3', 'trinity')
  const numbered = user('U4', 'U1')

  it('takes the user with that id first, then the one with that name in any case', () => {
    const brain = brainOf(neo, numbered)
    expect(findChatUser(brain, 'U1')).to.equal(neo)
    expect(findChatUser(brain, 'neo')).to.equal(neo)
    expect(findChatUser(brain, 'U4')).to.equal(numbered)
  })

  it('finds nobody for a name two users share, or one nobody has', () => {
    expect(findChatUser(brainOf(trinity, twin), 'Trinity')).to.equal(undefined)
    expect(findChatUser(brainOf(neo), 'morpheus')).to.equal(undefined)
    expect(findChatUser({} as unknown as HubotBrain, 'neo')).to.equal(undefined)
  })
})
