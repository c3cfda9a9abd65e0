import { expect } from 'chai'
import { boundedDuration, formatDuration, parseDuration, SNOOZE_LIMITS, TAKE_LIMITS } from '../../src/util/duration'

describe('parseDuration', () => {
  const cases: Array<[string, number]> = [
    ['30m', 30 * 60_000], ['2h', 7_200_000], ['1d', 86_400_000], ['1h30m', 5_400_000], ['1h 30m', 5_400_000],
    ['90 minutes', 5_400_000], ['2 hours', 7_200_000], ['45s', 45_000], ['1w', 604_800_000], ['2H', 7_200_000]
  ]
  for (const [text, ms] of cases) it(`reads ${text} as ${ms} ms`, () => { expect(parseDuration(text)).to.equal(ms) })

  for (const text of ['', 'soon', '0m', '10', 'm', '5 parsecs', '1h and 2m', '-1h']) {
    it(`refuses ${JSON.stringify(text)}`, () => { expect(parseDuration(text)).to.equal(undefined) })
  }
})

describe('formatDuration', () => {
  it('shows the two largest units', () => {
    expect(formatDuration(93_784_000)).to.equal('1d 2h')
    expect(formatDuration(5_400_000)).to.equal('1h 30m')
    expect(formatDuration(60_000)).to.equal('1m')
    expect(formatDuration(61_000)).to.equal('1m 1s')
  })

  it('shows milliseconds below a second', () => {
    expect(formatDuration(300)).to.equal('300ms')
  })
})

describe('boundedDuration', () => {
  // `genie snooze 4 0m` and `-5m` used to get the bare usage line, and 400d was accepted.
  it('says why a duration outside the limits is refused', () => {
    expect(boundedDuration('0m', SNOOZE_LIMITS)).to.deep.equal({ why: '0m is too short: a snooze must last between 1 minute and 30 days' })
    expect(boundedDuration('-5m', SNOOZE_LIMITS)).to.deep.equal({ why: '-5m is too short: a snooze must last between 1 minute and 30 days' })
    expect(boundedDuration('30s', SNOOZE_LIMITS)).to.deep.equal({ why: '30s is too short: a snooze must last between 1 minute and 30 days' })
    expect(boundedDuration('400d', SNOOZE_LIMITS)).to.deep.equal({ why: '400d is too long: a snooze must last between 1 minute and 30 days' })
    expect(boundedDuration('8d', TAKE_LIMITS)).to.deep.equal({ why: '8d is too long: a take must last between 1 minute and 7 days (longer belongs in the schedule itself)' })
  })

  it('accepts the limits themselves, and leaves what is not a duration to the usage line', () => {
    expect(boundedDuration('1m', SNOOZE_LIMITS)).to.deep.equal({ ms: 60_000 })
    expect(boundedDuration('30d', SNOOZE_LIMITS)).to.deep.equal({ ms: 30 * 86_400_000 })
    expect(boundedDuration('1w', TAKE_LIMITS)).to.deep.equal({ ms: 7 * 86_400_000 })
    expect(boundedDuration('soon', SNOOZE_LIMITS)).to.equal(undefined)
    expect(boundedDuration('-', SNOOZE_LIMITS)).to.equal(undefined)
  })
})
