// The maintenance window's times: what people type, resolved against a fixed clock.
import { expect } from 'chai'
import {
  formatWindow, offsetMinutes, parseTime, parseWindowLength, parseZone, relative, resolveTime, UTC, wallClock,
  zoneLabel,
  type TimeSpec
} from '../../../../src/chat/statuspage/maintenance/time'

const NOW = new Date('2026-11-24T21:00:00Z')
const at = (text: string, now = NOW): string => {
  const spec = parseTime(text)
  if ('why' in spec) throw new Error(spec.why)
  return resolveTime(spec as TimeSpec, now).toISOString()
}
const why = (text: string): string => {
  const spec = parseTime(text)
  if (!('why' in spec)) throw new Error(`parsed ${text}`)
  return spec.why
}

describe('maintenance times', () => {
  it('reads an absolute date and time as UTC by default', () => {
    expect(at('2026-12-01 22:00')).to.equal('2026-12-01T22:00:00.000Z')
    expect(at('2026-12-01T22:00')).to.equal('2026-12-01T22:00:00.000Z')
    expect(at('2026-12-01 22:00:30')).to.equal('2026-12-01T22:00:30.000Z')
  })

  it('reads an explicit zone: UTC, Z, offsets and IANA names (with their daylight saving)', () => {
    expect(at('2026-12-01 22:00 UTC')).to.equal('2026-12-01T22:00:00.000Z')
    expect(at('2026-12-01 22:00 Z')).to.equal('2026-12-01T22:00:00.000Z')
    expect(at('2026-12-01 22:00 +02:00')).to.equal('2026-12-01T20:00:00.000Z')
    expect(at('2026-12-01 22:00 -0530')).to.equal('2026-12-02T03:30:00.000Z')
    expect(at('2026-12-01 22:00 UTC+2')).to.equal('2026-12-01T20:00:00.000Z')
    expect(at('2026-12-01 22:00 Europe/Paris')).to.equal('2026-12-01T21:00:00.000Z')
    expect(at('2026-07-01 22:00 Europe/Paris')).to.equal('2026-07-01T20:00:00.000Z')
    expect(at('2026-12-01 22:00 America/New_York')).to.equal('2026-12-02T03:00:00.000Z')
  })

  it('reads relative forms from the clock handed in', () => {
    expect(at('in 2h')).to.equal('2026-11-24T23:00:00.000Z')
    expect(at('in 90 minutes')).to.equal('2026-11-24T22:30:00.000Z')
    expect(at('in 1h30m')).to.equal('2026-11-24T22:30:00.000Z')
    expect(at('now')).to.equal(NOW.toISOString())
    expect(at('tomorrow 22:00')).to.equal('2026-11-25T22:00:00.000Z')
    expect(at('today 23:30')).to.equal('2026-11-24T23:30:00.000Z')
    // At 21:00 UTC on the 24th it is 06:00 on the 25th in Tokyo (UTC+9): tomorrow there is the 26th.
    expect(at('tomorrow 08:00 Asia/Tokyo')).to.equal('2026-11-25T23:00:00.000Z')
  })

  it('refuses what is not a time, saying what would be', () => {
    expect(why('yesterday')).to.match(/"yesterday" is not a time: say e\.g\. tomorrow 22:00, in 2h, or a date as YYYY-MM-DD HH:MM/)
    // A hint names no calendar date: one would be in the past some day.
    expect(why('yesterday')).not.to.match(/\d{4}-\d{2}-\d{2}/)
    expect(why('2026-13-01 22:00')).to.equal('"2026-13-01 22:00" is not a real date and time')
    expect(why('2026-02-30 22:00')).to.equal('"2026-02-30 22:00" is not a real date and time')
    expect(why('2026-12-01 25:00')).to.equal('"2026-12-01 25:00" is not a real date and time')
    expect(why('2026-12-01')).to.match(/has no time of day/)
    expect(why('tomorrow noon')).to.match(/"noon" is not a time of day/)
    expect(why('in soon')).to.match(/is not a time: say e\.g\. in 2h/)
    expect(why('2026-12-01 22:00 Mars/Olympus')).to.match(/is not a time/)
  })

  it('reads zones and names them', () => {
    expect(parseZone('Europe/Paris')).to.deep.equal({ kind: 'iana', name: 'Europe/Paris' })
    expect(parseZone('+14:00')).to.deep.equal({ kind: 'offset', minutes: 840 })
    expect(parseZone('+15:00')).to.equal(undefined)
    expect(parseZone('tomorrow')).to.equal(undefined)
    expect(zoneLabel(UTC)).to.equal('UTC')
    expect(zoneLabel({ kind: 'offset', minutes: -330 })).to.equal('UTC-05:30')
    expect(offsetMinutes({ kind: 'iana', name: 'Europe/Paris' }, Date.parse('2026-07-01T00:00:00Z'))).to.equal(120)
  })

  it('shows a window with its zone, the end date only when it differs, and its length', () => {
    const from = new Date('2026-12-01T22:00:00Z')
    expect(formatWindow(from, new Date('2026-12-01T23:30:00Z'))).to.equal('2026-12-01 22:00 → 23:30 UTC (1h 30m)')
    expect(formatWindow(from, new Date('2026-12-02T00:00:00Z'))).to.equal('2026-12-01 22:00 → 2026-12-02 00:00 UTC (2h)')
    expect(formatWindow(from, new Date('2026-12-02T00:00:00Z'), { kind: 'iana', name: 'Europe/Paris' })).to.equal('2026-12-01 23:00 → 2026-12-02 01:00 Europe/Paris (2h)')
    expect(wallClock(from, { kind: 'offset', minutes: 120 })).to.equal('2026-12-02 00:00')
    expect(relative(new Date('2026-11-24T23:30:00Z'), NOW)).to.equal('in 2h 30m')
    expect(relative(new Date('2026-11-24T20:00:00Z'), NOW)).to.equal('1h ago')
  })

  it('bounds a window between 1 minute and 30 days', () => {
    expect(parseWindowLength('2h')).to.deep.equal({ ms: 7_200_000 })
    expect(parseWindowLength('31d')).to.deep.equal({ why: '31d is too long: a maintenance must last between 1 minute and 30 days' })
    expect(parseWindowLength('0m')).to.have.property('why').that.matches(/too short/)
    expect(parseWindowLength('a while')).to.deep.equal({ why: '"a while" is not a duration: say e.g. 2h, 90m, 1h30m' })
  })
})
