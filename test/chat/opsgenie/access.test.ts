// Which genie commands change alerts or schedules (writes, gated and audited) and which only read.
import { expect } from 'chai'
import { classifyGenie, GENIE_GATE } from '../../../src/chat/opsgenie/access'
import { parseGenie } from '../../../src/chat/opsgenie/parse'

describe('the classes of genie commands', () => {
  const genie = (text: string) => classifyGenie(parseGenie(text))

  it('classes every alert action and taking a shift as a write; me as, whoami, forget me and oncall as reads', () => {
    for (const text of ['ack', 'ack 1', 'unack 1', 'close 1', 'close all', 'confirm ABC', 'note 1 x', 'snooze 1 30m', 'take for 1h']) {
      expect(genie(text).access, text).to.equal('write')
    }
    for (const text of ['', 'status', 'me as a@b.co', 'whoami', 'forget me', 'oncall', 'help', 'ack x!', 'dance']) expect(genie(text).access, text).to.equal('read')
    expect(genie('close all')).to.deep.equal({ label: 'genie close-all', access: 'write' })
  })

  it('classes paging, the pager\'s verbs and the filtered bulk actions as writes', () => {
    const writes = {
      'page platform: db down': 'page',
      'page #12 platform': 'page-responder',
      'escalate #12': 'escalate',
      'assign #12 to me': 'assign',
      'priority #12 P1': 'priority',
      'ack P1': 'ack-filtered',
      'close mine': 'close-filtered'
    }
    for (const [text, kind] of Object.entries(writes)) expect(genie(text), text).to.deep.equal({ label: `genie ${kind}`, access: 'write' })
  })

  it('classes recording someone\'s identity, the teams and the log as reads (the identity record is gated in its handler)', () => {
    expect(genie('neo is neo@opsgenie.com')).to.deep.equal({ label: 'genie identity-record', access: 'read' })
    expect(genie('teams')).to.deep.equal({ label: 'genie teams', access: 'read' })
    expect(classifyGenie({ kind: 'log', count: 10 })).to.deep.equal({ label: 'genie log', access: 'read' })
  })

  it('gates the writes with the OpsGenie variables', () => {
    expect(GENIE_GATE).to.deep.include({ service: 'opsgenie', name: 'OpsGenie', writersVariable: 'HUBOT_OPSGENIE_WRITERS', roomsVariable: 'HUBOT_OPSGENIE_WRITE_ROOMS' })
  })
})
