// The room port (src/chat/room.ts): every text redacted, a multi-line one pasted on classic
// Campfire (src/chat/classic-campfire.ts), sent in answer to a message or to the room otherwise.
import { expect } from 'chai'
import { classicCampfirePaste } from '../../src/chat/classic-campfire'
import type { HubotResponse, HubotRobot } from '../../src/chat/hubot'
import { HANDLED_EVENT, roomPort } from '../../src/chat/room'
import { systemClock } from '../../src/util/clock'
import { FakeClock } from '../support/fake-clock'

type Call = [string, string]

/** A robot whose adapter looks like Hubot's built-in classic Campfire adapter (adapter.bot.Room(id).paste). */
type Callback = (err: unknown) => void

function robotWith (
  adapterName: string, answer: (cb: Callback) => void = cb => cb(null)
): { robot: HubotRobot, pasted: Call[], posted: Call[], events: unknown[][] } {
  const pasted: Call[] = []
  const posted: Call[] = []
  const events: unknown[][] = []
  const room = (id: string): unknown => ({
    paste: (text: string, cb: Callback) => { pasted.push([id, text]); answer(cb) }
  })
  const adapter = { bot: { Room: room } }
  const robot = {
    adapterName,
    adapter,
    messageRoom: (id: string, text: string) => { posted.push([id, text]) },
    emit: (...args: unknown[]) => { events.push(args) }
  }
  return { robot: robot as unknown as HubotRobot, pasted, posted, events }
}

const answering = (sent: string[]): HubotResponse =>
  ({ send: (text: string) => { sent.push(text) } }) as unknown as HubotResponse

describe('the room port', () => {
  it('pastes a multi-line text when the adapter is the built-in Campfire one (Hubot 14 and 3.5 names)', async () => {
    for (const name of ['Campfire', 'campfire']) {
      const { robot, pasted, posted } = robotWith(name)
      const sent: string[] = []
      const port = roomPort(robot, systemClock)
      await port.say('7', 'a\nb', { answering: answering(sent) })
      await port.say('8', 'c\nd')
      expect(pasted).to.deep.equal([['7', 'a\nb'], ['8', 'c\nd']])
      expect([sent, posted]).to.deep.equal([[], []])
    }
  })

  it('sends one-line texts, and every text on other adapters, in answer to the message or to the room', async () => {
    const campfire = robotWith('Campfire')
    const sent: string[] = []
    await roomPort(campfire.robot, systemClock).say('7', 'one line', { answering: answering(sent) })
    expect(campfire.pasted).to.deep.equal([])
    for (const name of ['Shell', 'OnceCampfire', 'Slack']) {
      const other = robotWith(name)
      await roomPort(other.robot, systemClock).say('7', 'a\nb', { answering: answering(sent) })
      await roomPort(other.robot, systemClock).say('9', 'x\ny')
      expect(other.pasted).to.deep.equal([])
      expect(other.posted).to.deep.equal([['9', 'x\ny']])
    }
    expect(sent).to.deep.equal(['one line', 'a\nb', 'a\nb', 'a\nb'])
    expect(classicCampfirePaste({ adapterName: 'Campfire', adapter: {} } as unknown as HubotRobot, systemClock)).to.equal(undefined)
  })

  it('redacts the package\'s keys and the caller\'s secrets from every text, pasted or not', async () => {
    process.env.HUBOT_STATUSPAGE_API_KEY = 'spk-Room-Secret-123'
    const { robot, pasted, posted } = robotWith('Campfire')
    const port = roomPort(robot, systemClock)
    await port.say('7', 'key spk-Room-Secret-123\nand hook-Secret-456', { secrets: ['hook-Secret-456'] })
    await port.say('7', 'one line spk-Room-Secret-123')
    expect(pasted).to.deep.equal([['7', 'key [REDACTED]\nand [REDACTED]']])
    expect(posted).to.deep.equal([['7', 'one line [REDACTED]']])
  })

  it('tells the robot a command has answered', () => {
    const { robot, events } = robotWith('Shell')
    roomPort(robot, systemClock).handled({ id: 't.cmd', failed: false, room: '7' })
    expect(events).to.deep.equal([[HANDLED_EVENT, { id: 't.cmd', failed: false, room: '7' }]])
  })

  it('rejects when Campfire reports an error, so the caller logs it', async () => {
    const { robot } = robotWith('Campfire', cb => cb(new Error('boom')))
    let error: unknown
    try { await roomPort(robot, systemClock).say('7', 'a\nb') } catch (err) { error = err }
    expect((error as Error).message).to.equal('boom')
  })

  it('gives up on a paste Campfire never confirms, on the robot\'s clock', async () => {
    const clock = new FakeClock(0)
    const { robot } = robotWith('Campfire', () => {})
    const said = roomPort(robot, clock).say('7', 'a\nb').then(() => 'sent', (err: Error) => err.message)
    await clock.advance(15_000)
    expect(await said).to.equal('Campfire did not confirm the paste within 15 s')
  })
})
