// The claim registry that keeps two commands from acting twice on one alert.
import { expect } from 'chai'
import type { ActionOutcome } from '../../src/alerting/actions'
import { ActionClaims } from '../../src/alerting/bulk-lock'

describe('ActionClaims', () => {
  const t = (n: number) => ({ alertId: `a${n}`, label: `#${n}` })
  const run = (who: string) => ({ who, what: 'genie ack', startedAt: 0 })
  const ok: ActionOutcome = { state: 'confirmed' }

  it('lets a second command join what the first is acting on, and act only on the rest', async () => {
    let clock = 100
    const claims = new ActionClaims(() => clock)
    const first = claims.claim({ backend: 'OpsGenie', action: 'acknowledge', targets: [t(1), t(2)], run: run('alice'), listedAt: 100 })
    const second = claims.claim({ backend: 'OpsGenie', action: 'acknowledge', targets: [t(2), t(3)], run: run('bob'), listedAt: 100 })
    expect(first.mine.map(x => x.label)).to.deep.equal(['#1', '#2'])
    expect(second.mine.map(x => x.label)).to.deep.equal(['#3'])
    expect(second.joined.map(j => [j.target.label, j.run.who])).to.deep.equal([['#2', 'alice']])
    // Another action, or another backend, is not the same claim.
    expect(claims.claim({ backend: 'OpsGenie', action: 'close', targets: [t(1)], run: run('carol'), listedAt: 100 }).mine).to.have.length(1)
    expect(claims.claim({ backend: 'JSM Operations', action: 'acknowledge', targets: [t(1)], run: run('carol'), listedAt: 100 }).mine).to.have.length(1)
    first.finish([{ target: t(1), outcome: ok }])
    expect(await second.joined[0].outcome).to.deep.include({ state: 'unconfirmed' })
    clock = 200
    // Finished before a command listed its alerts: that command acts again; finished after: it joins.
    expect(claims.claim({ backend: 'OpsGenie', action: 'acknowledge', targets: [t(1)], run: run('dan'), listedAt: 201 }).mine).to.have.length(1)
    expect(claims.claim({ backend: 'OpsGenie', action: 'acknowledge', targets: [t(2)], run: run('erin'), listedAt: 50 }).joined).to.have.length(1)
  })

  it('forgets finished claims after a while', async () => {
    let clock = 0
    const claims = new ActionClaims(() => clock, 1000)
    const first = claims.claim({ backend: 'OpsGenie', action: 'close', targets: [t(1)], run: run('alice'), listedAt: 0 })
    first.finish([{ target: t(1), outcome: ok }])
    first.finish([])
    await Promise.resolve()
    clock = 5000
    expect(claims.claim({ backend: 'OpsGenie', action: 'close', targets: [t(1)], run: run('bob'), listedAt: 0 }).mine).to.have.length(1)
  })
})
