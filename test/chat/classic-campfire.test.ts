// Multi-line texts go through classic Campfire's paste call, only on Hubot's built-in Campfire adapter,
// and a paste Campfire never confirms gives up on the robot's clock.
import { expect } from 'chai'
import { classicCampfirePaste } from '../../src/chat/classic-campfire'
import type { HubotRobot } from '../../src/chat/hubot'
import { FakeClock } from '../support/fake-clock'

type Callback = (err: unknown) => void

/** A robot whose adapter looks like the built-in Campfire adapter: adapter.bot.Room(id).paste(text, cb). */
function campfire (
  adapterName: string, answer: (cb: Callback) => void = cb => cb(null)
): { robot: HubotRobot, pasted: Array<[string, string]> } {
  const pasted: Array<[string, string]> = []
  const Room = (id: string) => ({ paste: (text: string, cb: Callback) => { pasted.push([id, text]); answer(cb) } })
  return { robot: { adapterName, adapter: { bot: { Room } } } as unknown as HubotRobot, pasted }
}

describe('the classic Campfire paste', () => {
  it('pastes to the room given, on the adapter named Campfire in any case (Hubot 14 and 3.5)', async () => {
    for (const name of ['Campfire', 'campfire', 'CAMPFIRE']) {
      const { robot, pasted } = campfire(name)
      const paste = classicCampfirePaste(robot, new FakeClock(0))
      expect(paste, name).to.be.a('function')
      await paste!('42', 'a\nb')
      expect(pasted).to.deep.equal([['42', 'a\nb']])
    }
  })

  it('is not used on any other adapter, nor on a Campfire adapter without the paste call', () => {
    const clock = new FakeClock(0)
    for (const name of ['Shell', 'OnceCampfire', 'campfire2', '']) expect(classicCampfirePaste(campfire(name).robot, clock), name).to.equal(undefined)
    expect(classicCampfirePaste({ adapterName: 'Campfire', adapter: {} } as unknown as HubotRobot, clock)).to.equal(undefined)
    const noPaste = { adapterName: 'Campfire', adapter: { bot: { Room: () => ({}) } } } as unknown as HubotRobot
    expect(classicCampfirePaste(noPaste, clock)).to.equal(undefined)
  })

  it('rejects with Campfire\'s error, as an Error even when it is not one, and leaves no timer behind', async () => {
    const clock = new FakeClock(0)
    const failed = classicCampfirePaste(campfire('Campfire', cb => { const notAnError: unknown = 'HTTP 500'; cb(notAnError) }).robot, clock)!
    const message = await failed('1', 'a\nb').then(() => 'pasted', (err: unknown) => (err instanceof Error ? err.message : 'not an Error'))
    expect(message).to.equal('HTTP 500')
    expect(clock.pending).to.equal(0)
  })

  it('gives up after 15 s on the robot\'s clock when Campfire never calls back', async () => {
    const clock = new FakeClock(0)
    const paste = classicCampfirePaste(campfire('Campfire', () => {}).robot, clock)!
    let settled = 'waiting'
    const done = paste('1', 'a\nb').then(() => { settled = 'pasted' }, (err: Error) => { settled = err.message })
    await clock.advance(14_999)
    expect(settled).to.equal('waiting')
    await clock.advance(1)
    await done
    expect(settled).to.equal('Campfire did not confirm the paste within 15 s')
  })

  it('clears its timer once Campfire confirms', async () => {
    const clock = new FakeClock(0)
    await classicCampfirePaste(campfire('Campfire').robot, clock)!('1', 'a\nb')
    expect(clock.pending).to.equal(0)
  })
})
