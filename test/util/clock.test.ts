// The real clock, the one place that reads the time and waits for real (see one-clock.test.ts). Its
// waits here are of 0 ms: what is checked is what it does, never how long it takes.
import { expect } from 'chai'
import { systemClock } from '../../src/util/clock'

describe('the system clock', () => {
  it('tells the time in epoch milliseconds', () => {
    const before = Date.now()
    const now = systemClock.now()
    expect(now).to.be.within(before, Date.now())
  })

  it('runs a timer without keeping the process alive for it', async () => {
    let ran = false
    const timer = systemClock.setTimeout(() => { ran = true }, 0) as NodeJS.Timeout
    expect(timer.hasRef()).to.equal(false)
    await systemClock.sleep(0)
    expect(ran).to.equal(true)
  })

  it('cancels a timer that has not fired', async () => {
    let ran = false
    systemClock.clearTimeout(systemClock.setTimeout(() => { ran = true }, 0))
    await systemClock.sleep(0)
    expect(ran).to.equal(false)
  })
})
