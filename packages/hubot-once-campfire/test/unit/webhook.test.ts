import { expect } from 'chai'
import { addressToRobot, keyInRoomPath, parseCall } from '../../src/webhook'

const CALL = {
  user: { id: 42, name: 'Alice' },
  room: { id: 3, name: 'Ops', path: '/rooms/3/9-AbCdEf123456/messages' },
  message: { id: 1001, body: { html: '<div>...</div>', plain: 'status Build Processing degraded' }, path: '/rooms/3/@1001' }
}

describe('hubot-once-campfire webhook calls', () => {
  it('reads a call as ONCE Campfire sends it', () => {
    expect(parseCall(CALL)).to.deep.equal({
      ok: true,
      call: {
        user: { id: '42', name: 'Alice' },
        room: { id: '3', name: 'Ops', path: '/rooms/3/9-AbCdEf123456/messages', direct: false },
        message: { id: '1001', plain: 'status Build Processing degraded' }
      }
    })
  })

  it('takes a room without a name for a direct room', () => {
    const parsed = parseCall({ ...CALL, room: { ...CALL.room, name: null } })
    expect(parsed.ok && parsed.call.room.direct).to.equal(true)
  })

  it('refuses what is not a call, with a reason', () => {
    expect(parseCall(null)).to.deep.equal({ ok: false, reason: 'the body is not a JSON object' })
    expect(parseCall([])).to.include({ ok: false })
    expect(parseCall({ ...CALL, user: { name: 'x' } })).to.deep.equal({ ok: false, reason: 'user.id or user.name is missing' })
    expect(parseCall({ ...CALL, room: { id: 'ops' } })).to.deep.equal({ ok: false, reason: 'room.id is missing' })
    expect(parseCall({ ...CALL, message: { id: 1, body: {} } })).to.deep.equal({ ok: false, reason: 'message.id or message.body.plain is missing' })
  })

  it('addresses the text to the robot unless it already starts with its name or alias', () => {
    expect(addressToRobot('status', 'hubot', '/')).to.equal('hubot status')
    expect(addressToRobot('  status  ', 'hubot')).to.equal('hubot status')
    expect(addressToRobot('/status', 'hubot', '/')).to.equal('/status')
    expect(addressToRobot('Hubot: status', 'hubot')).to.equal('Hubot: status')
    expect(addressToRobot('@hubot status', 'hubot')).to.equal('@hubot status')
    expect(addressToRobot('hubotics rock', 'hubot')).to.equal('hubot hubotics rock')
    expect(addressToRobot('', 'hubot')).to.equal('hubot')
  })

  it('finds the bot key in a room path', () => {
    expect(keyInRoomPath('/rooms/3/9-AbCdEf123456/messages')).to.equal('9-AbCdEf123456')
    expect(keyInRoomPath('/rooms/3/@1001')).to.equal(undefined)
  })
})
