// The command wrapper on its own, with a minimal robot: a bug in a handler becomes one reply and one
// 'error' event with the key scrubbed; a reply that cannot be sent is logged, never thrown into Hubot.
import { expect } from 'chai'
import { EventEmitter } from 'node:events'
import { respond } from '../../src/chat/command'
import { HANDLED_EVENT } from '../../src/chat/room'
import type { HubotResponse } from '../../src/chat/hubot'
import { STATUS_GATE } from '../../src/chat/statuspage/access'

const KEY = 'key-Secret-42'

function fakeRobot () {
  const events = new EventEmitter()
  // As Hubot does: its robot always listens for 'error' (and runs the error handlers).
  events.on('error', () => {})
  const logs: string[] = []
  let listener: ((res: HubotResponse) => unknown) | undefined
  const robot = {
    name: 'hubot',
    logger: { debug () {}, info: (t: string) => logs.push(`info: ${t}`), error: (t: string) => logs.push(`error: ${t}`) },
    brain: { get: () => undefined, set () {} },
    respond: (_p: RegExp, _o: unknown, cb: (res: HubotResponse) => unknown) => { listener = cb },
    emit: (event: string, ...args: unknown[]) => events.emit(event, ...args)
  }
  const say = async (send: (text: string) => unknown): Promise<void> => {
    const handled = new Promise(resolve => events.once(HANDLED_EVENT, resolve))
    const user = { id: 'U1', name: 'alice' }
    await listener?.({ match: ['status x', ' x'] as unknown as RegExpMatchArray, message: { user, room: 'r' }, envelope: { user }, send, reply: send })
    await handled
  }
  return { robot, events, logs, say }
}

describe('the command wrapper', () => {
  it('turns a bug in a handler into one reply and one scrubbed error event', async () => {
    const { robot, events, logs, say } = fakeRobot()
    const errors: Error[] = []
    events.on('error', (err: Error) => errors.push(err))
    respond(robot, { id: 't.cmd', pattern: /x/, secrets: () => [KEY], parse: () => 'x', classify: () => ({ label: 't', access: 'read' }), gate: STATUS_GATE },
      async () => { throw new Error(`boom ${KEY}`) })
    const sent: string[] = []
    await say(text => sent.push(text))
    expect(sent).to.have.length(1)
    expect(sent[0]).to.match(/^Something went wrong inside the bot: boom \[REDACTED\]/)
    expect(errors.map(e => e.message)).to.deep.equal(['boom [REDACTED]'])
    expect(logs.join('\n')).not.to.contain(KEY)
  })

  it('logs a reply that could not be sent instead of throwing it back into Hubot', async () => {
    const { robot, logs, say } = fakeRobot()
    respond(robot, { id: 't.cmd', pattern: /x/, secrets: () => [], parse: () => 'x', classify: () => ({ label: 't', access: 'read' }), gate: STATUS_GATE },
      async () => 'hello')
    await say(() => { throw new Error('adapter is down') })
    expect(logs).to.include('error: [t.cmd] adapter is down')
  })
})
