// One runtime per robot (src/chat/runtime.ts): made by the first that asks, with the clock it was
// given then; two robots in one process share nothing.
import { expect } from 'chai'
import type { HubotRobot } from '../../src/chat/hubot'
import { runtimeOf } from '../../src/chat/runtime'
import { systemClock } from '../../src/util/clock'
import { FakeClock } from '../support/fake-clock'

const robot = (): HubotRobot => ({ emit: () => true }) as unknown as HubotRobot

describe('the robot\'s runtime', () => {
  it('is made once per robot, with the clock given by whoever asked first', () => {
    const one = robot()
    const clock = new FakeClock(1000)
    const first = runtimeOf(one, { clock })
    expect(runtimeOf(one)).to.equal(first)
    expect(runtimeOf(one, { clock: systemClock }).clock).to.equal(clock)
    expect(first.clock.now()).to.equal(1000)
  })

  it('shares nothing between two robots, and keeps its stores on its own clock', async () => {
    const clock = new FakeClock(0)
    const a = runtimeOf(robot(), { clock })
    const b = runtimeOf(robot())
    expect(b.clock).to.equal(systemClock)
    for (const part of ['governors', 'pageCaches', 'jiraNames', 'ownChanges', 'closeAll', 'claims', 'room'] as const) {
      expect(a[part], part).not.to.equal(b[part])
    }
    a.ownChanges.remember('ops', 'component|c1|major_outage')
    expect(b.ownChanges.wasOwnChange('ops', 'component|c1|major_outage')).to.equal(false)
    await clock.advance(10 * 60_000)
    expect(a.ownChanges.wasOwnChange('ops', 'component|c1|major_outage')).to.equal(false)
  })
})
