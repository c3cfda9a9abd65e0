import { expect } from 'chai'
import { actorName, BRAIN_KEY, forgetIdentity, getIdentity, scheduleUsername, setIdentity, verifiedIdentity } from '../../../src/chat/opsgenie/identity'

function fakeBrain (): { get(k: string): unknown, set(k: string, v: unknown): void, data: Record<string, unknown> } {
  const data: Record<string, unknown> = {}
  return { data, get: k => data[k] ?? null, set: (k, v) => { data[k] = v } }
}

const NOW = Date.parse('2026-11-25T00:00:00.000Z')

describe('identity', () => {
  const neo = { username: 'neo@opsgenie.com', fullName: 'Thomas Anderson', setAt: '2026-11-24T00:00:00.000Z' }

  it('stores, reads and forgets one person\'s identity by chat user id under one brain key', () => {
    const brain = fakeBrain()
    setIdentity(brain, 'U1', neo, NOW)
    setIdentity(brain, 'U2', { ...neo, username: 'trinity@opsgenie.com' }, NOW)
    expect(getIdentity(brain, 'U1')).to.deep.equal(neo)
    expect(Object.keys(brain.data)).to.deep.equal([BRAIN_KEY])
    expect(forgetIdentity(brain, 'U1', NOW)).to.equal(true)
    expect(forgetIdentity(brain, 'U1', NOW)).to.equal(false)
    expect(getIdentity(brain, 'U1')).to.equal(undefined)
    expect(getIdentity(brain, 'U2')?.username).to.equal('trinity@opsgenie.com')
  })

  it('orders an identity with no readable setAt by the clock time it was stored at', () => {
    const brain = fakeBrain()
    setIdentity(brain, 'U1', { username: 'neo@opsgenie.com', setAt: 'not a time' }, NOW)
    expect(JSON.stringify(brain.data[BRAIN_KEY])).to.include(`"at":${NOW}`)
  })

  it('acts as the mapped username first, then the chat email, then the chat name', () => {
    expect(actorName({ name: 'neo', email_address: 'n@x.com' }, neo)).to.deep.equal({ name: 'neo@opsgenie.com', from: 'mapped' })
    expect(actorName({ name: 'neo', email_address: 'n@x.com' }, undefined)).to.deep.equal({ name: 'n@x.com', from: 'chat email' })
    expect(actorName({ name: 'neo', email_address: '  ' }, undefined)).to.deep.equal({ name: 'neo', from: 'chat name' })
  })

  it('puts only a real OpsGenie username on call, never a bare chat name', () => {
    expect(scheduleUsername({ email_address: 'n@x.com' }, neo)).to.equal('neo@opsgenie.com')
    expect(scheduleUsername({ email_address: 'n@x.com' }, undefined)).to.equal('n@x.com')
    expect(scheduleUsername({}, undefined)).to.equal(undefined)
  })

  it('gives an identity to act with only when verified, or when the chat email is that very address', () => {
    const brain = fakeBrain()
    setIdentity(brain, 'U1', neo, NOW)
    setIdentity(brain, 'U2', { ...neo, verified: 'admin', recordedBy: 'U9' }, NOW)
    expect(verifiedIdentity(brain, { id: 'U1' })).to.equal(undefined)
    expect(verifiedIdentity(brain, { id: 'U1', email_address: 'mallory@example.com' })).to.equal(undefined)
    expect(verifiedIdentity(brain, { id: 'U1', email_address: ' NEO@opsgenie.com ' })?.username).to.equal('neo@opsgenie.com')
    expect(verifiedIdentity(brain, { id: 'U2' })?.verified).to.equal('admin')
    expect(verifiedIdentity(brain, { id: 'U3' })).to.equal(undefined)
  })
})
