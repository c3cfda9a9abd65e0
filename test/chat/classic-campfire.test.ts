import { expect } from 'chai'
import { classicCampfirePaste, sendReply } from '../../src/chat/classic-campfire'
import type { HubotRobot } from '../../src/chat/hubot'

type Call = [string, string]

/** A robot whose adapter looks like Hubot's built-in classic Campfire adapter (adapter.bot.Room(id).paste). */
type Callback = (err: unknown) => void

function robotWith (
  adapterName: string, answer: (cb: Callback) => void = cb => cb(null)
): { robot: HubotRobot, pasted: Call[] } {
  const pasted: Call[] = []
  const room = (id: string): unknown => ({
    paste: (text: string, cb: Callback) => { pasted.push([id, text]); answer(cb) }
  })
  const adapter = { bot: { Room: room } }
  return { robot: { adapterName, adapter } as unknown as HubotRobot, pasted }
}

describe('classic Campfire replies', () => {
  it('pastes a multi-line reply when the adapter is the built-in Campfire one (Hubot 14 and 3.5 names)', async () => {
    for (const name of ['Campfire', 'campfire']) {
      const { robot, pasted } = robotWith(name)
      const sent: string[] = []
      await sendReply(robot, text => sent.push(text), '7', 'a\nb')
      expect(pasted).to.deep.equal([['7', 'a\nb']])
      expect(sent).to.deep.equal([])
    }
  })

  it('sends one-line replies, and every reply on other adapters, through res.send', async () => {
    const campfire = robotWith('Campfire')
    const sent: string[] = []
    await sendReply(campfire.robot, text => sent.push(text), '7', 'one line')
    expect(campfire.pasted).to.deep.equal([])
    for (const name of ['Shell', 'OnceCampfire', 'Slack']) {
      const other = robotWith(name)
      await sendReply(other.robot, text => sent.push(text), '7', 'a\nb')
      expect(other.pasted).to.deep.equal([])
    }
    expect(sent).to.deep.equal(['one line', 'a\nb', 'a\nb', 'a\nb'])
    expect(classicCampfirePaste({ adapterName: 'Campfire', adapter: {} } as unknown as HubotRobot)).to.equal(undefined)
  })

  it('rejects when Campfire reports an error, so the command layer logs it', async () => {
    const { robot } = robotWith('Campfire', cb => cb(new Error('boom')))
    let error: unknown
    try { await sendReply(robot, () => {}, '7', 'a\nb') } catch (err) { error = err }
    expect((error as Error).message).to.equal('boom')
  })
})
