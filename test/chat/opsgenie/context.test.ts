// Who a genie action goes out as, and how long it waits for a confirmation, read from the context,
// with identities kept in a real Hubot brain.
import { expect } from 'chai'
import type { GenieSettings } from '../../../src/alerting/settings'
import { actorOf, confirmOptions } from '../../../src/chat/opsgenie/context'
import { setIdentity } from '../../../src/chat/opsgenie/identity'
import { startBot, type TestBot } from '../../support/bots'
import { FakeClock } from '../../support/fake-clock'

describe('the genie context', () => {
  let bot: TestBot
  beforeEach(async () => { bot = await startBot('14') })
  afterEach(async () => { await bot.stop() })

  const NEO = { id: 'U1', name: 'neo', email_address: 'thomas@example.com' }
  const claim = { username: 'neo@opsgenie.com', setAt: '2026-11-01T10:00:00.000Z' }

  it('sends an action as the verified identity of who typed it, from hubot', () => {
    setIdentity(bot.robot.brain, 'U1', { ...claim, verified: 'admin' }, 0)
    expect(actorOf({ user: NEO, brain: bot.robot.brain })).to.deep.equal({ user: 'neo@opsgenie.com', source: 'hubot' })
  })

  it('sends it as the chat email, not an unverified claim, and as the chat name when there is no email', () => {
    setIdentity(bot.robot.brain, 'U1', claim, 0)
    expect(actorOf({ user: NEO, brain: bot.robot.brain })).to.deep.equal({ user: 'thomas@example.com', source: 'hubot' })
    expect(actorOf({ user: { id: 'U1', name: 'neo' }, brain: bot.robot.brain })).to.deep.equal({ user: 'neo', source: 'hubot' })
  })

  it('takes a claim whose address is the chat email as verified', () => {
    setIdentity(bot.robot.brain, 'U1', claim, 0)
    expect(actorOf({ user: { ...NEO, email_address: 'NEO@opsgenie.com' }, brain: bot.robot.brain }).user).to.equal('neo@opsgenie.com')
  })

  it('waits for a confirmation as long as the settings say, on the robot\'s clock', () => {
    const clock = new FakeClock(0)
    const settings = { confirmTimeoutMs: 2_000 } as GenieSettings
    expect(confirmOptions({ settings, clock })).to.deep.equal({ timeoutMs: 2_000, clock })
  })
})
