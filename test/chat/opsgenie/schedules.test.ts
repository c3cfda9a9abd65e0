// Finding the schedule a person named, as a pure function.
import { expect } from 'chai'
import type { Schedule } from '../../../src/alerting/types'
import { pickSchedule, scheduleNames } from '../../../src/chat/opsgenie/schedules'

const schedule = (id: string, name: string): Schedule => ({ id, name, enabled: true })
const PRIMARY = schedule('s1', 'Primary')
const PRIMARY_DB = schedule('s2', 'Primary DB')
const SECONDARY = schedule('s3', 'Secondary')
const ALL = [PRIMARY, PRIMARY_DB, SECONDARY]

describe('picking a schedule by name', () => {
  it('takes the exact name in any case, or the id, even when it is also part of other names', () => {
    expect(pickSchedule(ALL, ' primary ')).to.deep.equal({ ok: true, schedule: PRIMARY })
    expect(pickSchedule(ALL, 's3')).to.deep.equal({ ok: true, schedule: SECONDARY })
  })

  it('takes a part of a name when only one schedule has it', () => {
    expect(pickSchedule(ALL, 'DB')).to.deep.equal({ ok: true, schedule: PRIMARY_DB })
    expect(pickSchedule(ALL, 'second')).to.deep.equal({ ok: true, schedule: SECONDARY })
  })

  it('gives the schedules that share the part when several do, and all of them when none does', () => {
    expect(pickSchedule(ALL, 'ary')).to.deep.equal({ ok: false, why: 'ambiguous', candidates: ALL })
    expect(pickSchedule(ALL, 'prim')).to.deep.equal({ ok: false, why: 'ambiguous', candidates: [PRIMARY, PRIMARY_DB] })
    expect(pickSchedule(ALL, 'weekend')).to.deep.equal({ ok: false, why: 'none', candidates: ALL })
  })

  it('lists the names for a reply', () => {
    expect(scheduleNames(ALL)).to.equal('Primary, Primary DB, Secondary')
    expect(scheduleNames([])).to.equal('')
  })
})
