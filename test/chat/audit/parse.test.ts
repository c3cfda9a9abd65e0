// Which messages ask for the log (src/chat/audit/parse.ts).
import { expect } from 'chai'
import { MAX_LOG_COUNT } from '../../../src/chat/audit/format'
import { parseLogRequest } from '../../../src/chat/audit/parse'

describe('the log request', () => {
  it('reads log and log <n> only, bounded, so a component named "Log ..." is still a component', () => {
    expect(parseLogRequest(' log')).to.deep.equal({ kind: 'log', count: 10 })
    expect(parseLogRequest('LOG 3 ')).to.deep.equal({ kind: 'log', count: 3 })
    expect(parseLogRequest(' log 0')).to.deep.equal({ kind: 'log', count: 1 })
    expect(parseLogRequest(' log 999999')).to.deep.equal({ kind: 'log', count: MAX_LOG_COUNT })
    for (const text of [undefined, '', ' log shipping down', ' log?', ' logs', ' catalog']) expect(parseLogRequest(text), String(text)).to.equal(undefined)
  })
})
