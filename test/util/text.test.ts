import { expect } from 'chai'
import { age, plural } from '../../src/util/text'

const NOW = Date.parse('2026-11-24T12:00:00Z')

describe('age', () => {
  it('shows seconds under a minute and whole minutes, hours and days above', () => {
    expect(age(new Date(NOW - 42_500).toISOString(), NOW)).to.equal('42s')
    expect(age(new Date(NOW - 61_900).toISOString(), NOW)).to.equal('1m')
    expect(age(new Date(NOW - 26 * 3600_000 - 59_000).toISOString(), NOW)).to.equal('1d 2h')
    expect(age('not a date', NOW)).to.equal('?')
  })

  it('in words: just now, minutes, hours up to two days, then days; an unknown time said so', () => {
    const now = new Date(NOW)
    const ago = (ms: number): string => new Date(NOW - ms).toISOString()
    expect(age(ago(30_000), now, 'words')).to.equal('just now')
    expect(age(ago(5 * 60_000), now, 'words')).to.equal('5 min ago')
    expect(age(ago(47 * 3600_000), now, 'words')).to.equal('47 h ago')
    expect(age(ago(50 * 3600_000), now, 'words')).to.equal('2 days ago')
    expect(age(null, now, 'words')).to.equal('at an unknown time')
  })
})

describe('plural', () => {
  it('says one in the singular and any other count in the plural', () => {
    expect(plural(1, 'alert')).to.equal('1 alert')
    expect(plural(0, 'alert')).to.equal('0 alerts')
    expect(plural(2, 'person', 'people')).to.equal('2 people')
  })
})
