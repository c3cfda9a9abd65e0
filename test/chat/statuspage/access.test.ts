// Which status commands are writes (gated and audited) and which only read, and the gate they pass.
import { expect } from 'chai'
import { classifyStatus, STATUS_GATE } from '../../../src/chat/statuspage/access'
import { parseStatus } from '../../../src/chat/statuspage/parse'

describe('the classes of status commands', () => {
  const status = (text: string) => classifyStatus(parseStatus(` ${text}`))

  it('classes every Statuspage change as a write and everything else as a read', () => {
    for (const text of ['Docs down', 'Docs down: broken', 'open Outage', 'update p31zjtct2jer fixed', 'resolve']) expect(status(text).access, text).to.equal('write')
    for (const text of ['', '?', 'components', 'incidents', 'Docs?', 'open']) expect(status(text).access, text).to.equal('read')
    expect(status('Docs down')).to.deep.equal({ label: 'status set', access: 'write' })
    expect(classifyStatus({ kind: 'log', count: 10 })).to.deep.equal({ label: 'status log', access: 'read' })
  })

  it('classes scheduling and changing a maintenance as writes, listing them as a read', () => {
    expect(status('maintenance')).to.deep.equal({ label: 'status maintenance-list', access: 'read' })
    expect(status('maintenance DB upgrade from 2026-12-01 22:00 for 2h on Docs').access).to.equal('write')
    expect(status('maintenance start p31zjtct2jer')).to.deep.include({ access: 'write' })
  })

  it('gates the writes with the Statuspage variables', () => {
    expect(STATUS_GATE).to.deep.equal({
      service: 'statuspage',
      name: 'Statuspage',
      writersVariable: 'HUBOT_STATUSPAGE_WRITERS',
      roomsVariable: 'HUBOT_STATUSPAGE_WRITE_ROOMS',
      writes: 'status set/open/update/resolve/maintenance'
    })
  })
})
