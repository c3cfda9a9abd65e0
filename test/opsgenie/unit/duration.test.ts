import { expect } from 'chai'
import { formatDuration, parseDuration } from '../../../src/chat/opsgenie/duration'

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
