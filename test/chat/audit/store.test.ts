// The audit history in the brain (src/chat/audit/store.ts): bounded, oldest dropped first.
import { expect } from 'chai'
import { appendHistory, AUDIT_KEYS, HISTORY_LIMIT, readHistory } from '../../../src/chat/audit/store'
import { auditEntry } from '../../support/audit'

describe('the audit history', () => {
  class MemoryBrain {
    readonly data = new Map<string, unknown>()
    get (key: string): unknown { return this.data.get(key) }
    set (key: string, value: unknown): void { this.data.set(key, value) }
  }

  it(`keeps at most ${HISTORY_LIMIT} entries in the brain, dropping the oldest`, () => {
    const brain = new MemoryBrain()
    expect(readHistory(brain, 'statuspage')).to.deep.equal([])
    for (let n = 0; n < HISTORY_LIMIT + 20; n++) appendHistory(brain, 'statuspage', auditEntry(n))
    const kept = readHistory(brain, 'statuspage')
    expect(kept).to.have.length(HISTORY_LIMIT)
    expect(kept[0].targets[0].id).to.equal('c20')
    expect(kept[HISTORY_LIMIT - 1].targets[0].id).to.equal(`c${HISTORY_LIMIT + 19}`)
    expect(readHistory(brain, 'opsgenie')).to.deep.equal([])
    brain.set(AUDIT_KEYS.opsgenie, 'not a list')
    expect(readHistory(brain, 'opsgenie')).to.deep.equal([])
  })
})
