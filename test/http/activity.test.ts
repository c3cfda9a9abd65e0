import { expect } from 'chai'
import { reportActivity, withActivity, type Activity } from '../../src/http/activity'

const RETRY: Activity = { kind: 'retry', service: 'OpsGenie', attempt: 2, of: 3, reason: 'rate_limited' }
const BULK: Activity = { kind: 'bulk', verb: 'Acknowledging', count: 40 }

describe('what a command is waiting on', () => {
  it('reaches the listener of the command it was reported in, across awaits', async () => {
    const heard: Activity[] = []
    const result = await withActivity(a => { heard.push(a) }, async () => {
      reportActivity(BULK)
      await Promise.resolve()
      await new Promise(resolve => setImmediate(resolve))
      reportActivity(RETRY)
      return 'answer'
    })
    expect(result).to.equal('answer')
    expect(heard).to.deep.equal([BULK, RETRY])
  })

  it('keeps two commands running at once apart', async () => {
    const first: Activity[] = []
    const second: Activity[] = []
    let release!: () => void
    const gate = new Promise<void>(resolve => { release = resolve })
    const one = withActivity(a => { first.push(a) }, async () => { await gate; reportActivity(RETRY) })
    const two = withActivity(a => { second.push(a) }, async () => { reportActivity(BULK); release() })
    await Promise.all([one, two])
    expect(first).to.deep.equal([RETRY])
    expect(second).to.deep.equal([BULK])
  })

  it('goes nowhere outside a command, and a listener that throws never fails the call', async () => {
    expect(() => { reportActivity(RETRY) }).to.not.throw()
    const done = await withActivity(() => { throw new Error('listener broke') }, async () => {
      reportActivity(RETRY)
      return 'still done'
    })
    expect(done).to.equal('still done')
  })
})
