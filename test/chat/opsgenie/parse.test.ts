import { expect } from 'chai'
import { parseGenie, parseIds } from '../../../src/chat/opsgenie/parse'

describe('parseGenie', () => {
  const cases: Array<[string, unknown]> = [
    ['', { kind: 'status' }],
    ['status', { kind: 'status' }],
    ['ALERTS', { kind: 'status' }],
    ['ack', { kind: 'ack-all' }],
    ['ack 12', { kind: 'ack', ids: ['12'] }],
    ['ack 12 13', { kind: 'ack', ids: ['12', '13'] }],
    ['ack 12,13, #14', { kind: 'ack', ids: ['12', '13', '14'] }],
    ['unack #7', { kind: 'unack', ids: ['7'] }],
    ['close 3 4', { kind: 'close', ids: ['3', '4'] }],
    ['close all', { kind: 'close-all' }],
    ['close ALL', { kind: 'close-all' }],
    ['confirm k7q2', { kind: 'confirm', code: 'K7Q2' }],
    ['note 12 looking into it: db', { kind: 'note', id: '12', text: 'looking into it: db' }],
    ['snooze 12 30m', { kind: 'snooze', id: '12', durationMs: 30 * 60_000 }],
    ['snooze #12 for 2h', { kind: 'snooze', id: '12', durationMs: 2 * 3600_000 }],
    ['me as neo@opsgenie.com', { kind: 'me-as', email: 'neo@opsgenie.com' }],
    ['me as <mailto:neo@opsgenie.com|neo@opsgenie.com>', { kind: 'me-as', email: 'neo@opsgenie.com' }],
    ['dana is dana@example.com', { kind: 'identity-record', who: 'dana', email: 'dana@example.com' }],
    ['@U042 is <mailto:dana@example.com|dana@example.com>', { kind: 'identity-record', who: 'U042', email: 'dana@example.com' }],
    ['who is on call', { kind: 'oncall' }],
    ['me as account 5b10ac8d82e05b22cc7d4ef5', { kind: 'me-as-account', accountId: '5b10ac8d82e05b22cc7d4ef5' }],
    ['me as account 557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', { kind: 'me-as-account', accountId: '557058:f58131cb-b67d-43c7-b30d-6b58d40bd077' }],
    ['whoami', { kind: 'whoami' }],
    ['who am i', { kind: 'whoami' }],
    ['forget me', { kind: 'forget-me' }],
    ['oncall', { kind: 'oncall' }],
    ['oncall Primary DB', { kind: 'oncall', schedule: 'Primary DB' }],
    ['who is on call', { kind: 'oncall' }],
    ["who's on call for Database?", { kind: 'oncall', schedule: 'Database' }],
    ['on-call', { kind: 'oncall' }],
    ['take for 2h', { kind: 'take', durationMs: 2 * 3600_000 }],
    ['take Primary DB for 1d', { kind: 'take', schedule: 'Primary DB', durationMs: 86_400_000 }],
    ['help', { kind: 'help' }],
    ['frobnicate now', { kind: 'unknown', text: 'frobnicate now' }]
  ]
  for (const [text, expected] of cases) {
    it(`reads "genie ${text}" as ${JSON.stringify(expected)}`, () => {
      expect(parseGenie(text)).to.deep.equal(expected)
    })
  }

  it('collapses runs of spaces and trims the text before reading it', () => {
    expect(parseGenie('   ack   1    2  ')).to.deep.equal({ kind: 'ack', ids: ['1', '2'] })
  })

  for (const text of ['unack', 'close', 'ack 1; drop', 'note 12', 'snooze 12', 'snooze 12 soon', 'me as neo', 'me as account <x>', 'me', 'take Primary', 'take for ever', 'confirm', 'confirm a-b']) {
    it(`answers "genie ${text}" with the right usage instead of guessing`, () => {
      const command = parseGenie(text)
      expect(command.kind).to.equal('invalid')
    })
  }
})

describe('parseIds', () => {
  it('accepts tinyIds with or without # and full ids, separated by spaces or commas', () => {
    expect(parseIds('1, #2 70413a06-38d6-4c85-92b8-5ebc900d42e2')).to.deep.equal(['1', '2', '70413a06-38d6-4c85-92b8-5ebc900d42e2'])
  })

  it('refuses anything that is not an id', () => {
    expect(parseIds('1 two!')).to.equal(undefined)
  })

  it('takes a plain word for neither a tinyId nor a full id, and keeps hyphenated full ids', () => {
    expect(parseIds('abc')).to.equal(undefined)
    expect(parseIds('#abc')).to.equal(undefined)
    expect(parseIds('jsm-alert-1 70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200954034'))
      .to.deep.equal(['jsm-alert-1', '70413a06-38d6-4c85-92b8-5ebc900d42e2-1568200954034'])
  })
})

describe('an alert id that is not one', () => {
  const NOT_AN_ID = 'is not an alert id: tinyIds are numbers such as 12 or #12, full ids look like 70413a06-38d6-4c85-92b8-5ebc900d42e2'
  for (const [text, usage] of [
    ['ack abc', 'genie ack <id> [<id> ...]'],
    ['close 12 abc', 'genie close <id> [<id> ...]'],
    ['note abc hello', 'genie note <id> <text>'],
    ['snooze abc 2h', 'genie snooze <id> <duration>']
  ]) {
    it(`answers "genie ${text}" with "abc is not an alert id", asking nothing of the backend`, () => {
      expect(parseGenie(text)).to.deep.equal({ kind: 'invalid', usage, why: `abc ${NOT_AN_ID}` })
    })
  }

  it('shortens a very long word it echoes', () => {
    const command = parseGenie(`ack ${'x'.repeat(3000)}`)
    expect(command).to.deep.equal({ kind: 'invalid', usage: 'genie ack <id> [<id> ...]', why: `${'x'.repeat(40)}… ${NOT_AN_ID}` })
  })
})
