// The audit trail's pieces as pure functions: outcomes, the bounded brain history, the reply, the parser.
import { expect } from 'chai'
import { formatHistory, MAX_LOG_COUNT } from '../../../src/chat/audit/format'
import { parseLogRequest } from '../../../src/chat/audit/parse'
import { appendHistory, AUDIT_KEYS, HISTORY_LIMIT, overallOutcome, readHistory, type AuditEntry } from '../../../src/chat/audit/store'
import { AuditTrail, outcomeOfError } from '../../../src/chat/audit/trail'
import { STATUSPAGE } from '../../../src/statuspage/service'
import { InvalidRequestError, TimeoutError, UnavailableError } from '../../../src/http/errors'

const info = { service: STATUSPAGE, method: 'PATCH', path: '/x' }

class MemoryBrain {
  readonly data = new Map<string, unknown>()
  get (key: string): unknown { return this.data.get(key) }
  set (key: string, value: unknown): void { this.data.set(key, value) }
}

const entry = (n: number): AuditEntry => ({
  time: new Date(Date.UTC(2026, 0, 1, 10, n)).toISOString(),
  user: { id: 'U1', name: 'alice' },
  room: 'ops',
  command: 'status set',
  service: 'Statuspage',
  targets: [{ id: `c${n}`, action: 'major_outage', outcome: 'done' }],
  outcome: 'done'
})

describe('the audit trail', () => {
  it('tells a refusal (nothing happened) from a failure that may have reached the service', () => {
    expect(outcomeOfError(new InvalidRequestError({ ...info, status: 422 }, 'refused'))).to.equal('failed')
    expect(outcomeOfError(new TimeoutError(info, 'timed out'))).to.equal('may-have-happened')
    expect(outcomeOfError(new UnavailableError({ ...info, status: 503 }, 'down'))).to.equal('may-have-happened')
    expect(outcomeOfError(new Error('a bug'))).to.equal('may-have-happened')
  })

  it('keeps an accepted request unconfirmed until it is settled, and ignores unknown request ids', () => {
    const trail = new AuditTrail()
    trail.learn('a1', '#1')
    trail.learn('a2', undefined)
    trail.accepted('OpsGenie', 'r1', 'a1', 'close')
    trail.accepted('OpsGenie', 'r2', 'a2', 'close')
    trail.settle('r1', false)
    trail.settle('nope', true)
    expect(trail.service).to.equal('OpsGenie')
    expect(trail.targets).to.deep.equal([
      { id: 'a1', name: '#1', action: 'close', outcome: 'failed' },
      { id: 'a2', action: 'close', outcome: 'unconfirmed' }
    ])
    expect(overallOutcome(trail.targets)).to.equal('mixed')
  })

  it(`keeps at most ${HISTORY_LIMIT} entries in the brain, dropping the oldest`, () => {
    const brain = new MemoryBrain()
    expect(readHistory(brain, 'statuspage')).to.deep.equal([])
    for (let n = 0; n < HISTORY_LIMIT + 20; n++) appendHistory(brain, 'statuspage', entry(n))
    const kept = readHistory(brain, 'statuspage')
    expect(kept).to.have.length(HISTORY_LIMIT)
    expect(kept[0].targets[0].id).to.equal('c20')
    expect(kept[HISTORY_LIMIT - 1].targets[0].id).to.equal(`c${HISTORY_LIMIT + 19}`)
    expect(readHistory(brain, 'opsgenie')).to.deep.equal([])
    brain.set(AUDIT_KEYS.opsgenie, 'not a list')
    expect(readHistory(brain, 'opsgenie')).to.deep.equal([])
  })

  it('shows the newest entries first, saying how many are kept', () => {
    const reply = formatHistory([entry(1), entry(2), entry(3)], 2, 'Statuspage')
    expect(reply).to.equal([
      'The last 2 Statuspage changes from chat (of 3 kept), newest first:',
      '• 2026-01-01 10:03 UTC alice (U1) in ops: status set → c3 major_outage: done',
      '• 2026-01-01 10:02 UTC alice (U1) in ops: status set → c2 major_outage: done'
    ].join('\n'))
  })

  it('reads log and log <n> only, bounded, so a component named "Log ..." is still a component', () => {
    expect(parseLogRequest(' log')).to.deep.equal({ kind: 'log', count: 10 })
    expect(parseLogRequest('LOG 3 ')).to.deep.equal({ kind: 'log', count: 3 })
    expect(parseLogRequest(' log 0')).to.deep.equal({ kind: 'log', count: 1 })
    expect(parseLogRequest(' log 999999')).to.deep.equal({ kind: 'log', count: MAX_LOG_COUNT })
    for (const text of [undefined, '', ' log shipping down', ' log?', ' logs', ' catalog']) expect(parseLogRequest(text), String(text)).to.equal(undefined)
  })
})
