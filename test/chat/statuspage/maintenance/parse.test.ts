// The maintenance commands as typed: one command each, or one usage reply; no clock needed.
import { expect } from 'chai'
import { parseStatus } from '../../../../src/chat/statuspage/parse'
import { MAINTENANCE_WRITES, parseMaintenanceArgs, parseMaintenanceStatus } from '../../../../src/chat/statuspage/maintenance/parse'

const parse = (text: string) => parseStatus(` ${text}`)
const date = (year: number, month: number, day: number, hour: number, minute: number, zone: object = { kind: 'offset', minutes: 0 }) =>
  ({ kind: 'date', year, month, day, clock: { hour, minute, second: 0 }, zone })

describe('parsing maintenance commands', () => {
  it('reads the required form', () => {
    expect(parse('maintenance Database upgrade from 2026-12-01 22:00 for 2h on Database: replicas are upgraded')).to.deep.equal({
      kind: 'maintenance-create',
      name: 'Database upgrade',
      from: date(2026, 12, 1, 22, 0),
      until: { kind: 'for', ms: 7_200_000 },
      components: 'Database',
      message: 'replicas are upgraded'
    })
  })

  it('reads until, a zone (the end taking the start\'s), no components and no message', () => {
    const paris = { kind: 'iana', name: 'Europe/Paris' }
    expect(parse('maintenance Switch swap from 2026-12-01 22:00 Europe/Paris until 2026-12-01 23:30')).to.deep.equal({
      kind: 'maintenance-create',
      name: 'Switch swap',
      from: date(2026, 12, 1, 22, 0, paris),
      until: { kind: 'until', time: date(2026, 12, 1, 23, 30, paris) }
    })
  })

  it('keeps "from" and colons inside the name and the message, and commas in the components', () => {
    const command = parse('maintenance Migration from MySQL: phase 2 from tomorrow 22:00 for 90m on SMS, Middle East & Africa; Core: step 1: copy')
    expect(command).to.include({ kind: 'maintenance-create', name: 'Migration from MySQL: phase 2', components: 'SMS, Middle East & Africa; Core', message: 'step 1: copy' })
  })

  it('reads relative starts', () => {
    expect(parse('maintenance Reboot from in 2h for 30m')).to.deep.include({ from: { kind: 'in', ms: 7_200_000 }, until: { kind: 'for', ms: 1_800_000 } })
    expect(parse('maintenance Reboot from now for 30m')).to.deep.include({ from: { kind: 'now' } })
  })

  it('lists for "maintenance", "maintenance?", "maintenances" and "maintenance list"', () => {
    for (const text of ['maintenance', 'maintenance?', 'maintenances', 'maintenance list', 'Maintenance']) {
      expect(parse(text), text).to.deep.equal({ kind: 'maintenance-list' })
    }
  })

  it('reads start, complete, cancel and update, with or without an id', () => {
    expect(parse('maintenance start')).to.deep.equal({ kind: 'maintenance-transition', action: 'start', args: '' })
    expect(parse('maintenance complete b5r8tx0wq2mn all done')).to.deep.equal({ kind: 'maintenance-transition', action: 'complete', args: 'b5r8tx0wq2mn all done' })
    expect(parse('maintenance cancel b5r8tx0wq2mn')).to.deep.equal({ kind: 'maintenance-transition', action: 'cancel', args: 'b5r8tx0wq2mn' })
    expect(parse('maintenance update b5r8tx0wq2mn verifying checking')).to.deep.equal({ kind: 'maintenance-update', args: 'b5r8tx0wq2mn verifying checking' })
  })

  it('reads a maintenance whose name begins with an action word as a new one', () => {
    expect(parse('maintenance Update firmware from 2026-12-01 22:00 for 1h')).to.include({ kind: 'maintenance-create', name: 'Update firmware' })
    expect(parse('maintenance update b5r8tx0wq2mn moved from rack 3')).to.include({ kind: 'maintenance-update' })
  })

  it('refuses what it cannot read, saying the form and that nothing was scheduled', () => {
    const form = 'status maintenance <name> from <time> for <duration> [on <components>]: <message>'
    expect(parse('maintenance Database upgrade')).to.deep.equal({
      kind: 'invalid', why: 'Say when (e.g. from tomorrow 22:00 for 2h). Nothing was scheduled. The form:', usage: form
    })
    expect(parse('maintenance Db from 2026-12-01 22:00')).to.have.property('why').that.matches(/^Say how long, after the time: for 2h, or until 23:30 \(/)
    expect(parse('maintenance Db from yesterday 22:00 for 2h')).to.deep.include({ usage: form })
      .and.to.have.property('why').that.matches(/"yesterday 22:00" is not a time.*Nothing was scheduled\. The form:$/)
    expect(parse('maintenance Db from 2026-12-01 22:00 for ages')).to.have.property('why').that.matches(/"ages" is not a duration/)
    expect(parse('maintenance Db from 2026-12-01 22:00 for 40d')).to.have.property('why').that.matches(/40d is too long: a maintenance must last between 1 minute and 30 days/)
    expect(parse('maintenance from 2026-12-01 22:00 for 2h')).to.have.property('why').that.matches(/^Say when/)
    expect(parse(`maintenance ${'x'.repeat(256)} from 2026-12-01 22:00 for 2h`)).to.have.property('why').that.matches(/too long for Statuspage \(255/)
    expect(parse('maintenance update')).to.have.property('kind', 'invalid')
  })

  it('marks every write kind, so an authorization gate can classify them', () => {
    expect(MAINTENANCE_WRITES).to.deep.equal(['maintenance-create', 'maintenance-transition', 'maintenance-update'])
  })

  it('reads an id, a status and a message', () => {
    expect(parseMaintenanceArgs('b5r8tx0wq2mn verifying checking', [], { status: true })).to.deep.equal({ id: 'b5r8tx0wq2mn', status: 'verifying', message: 'checking' })
    expect(parseMaintenanceArgs('verifying checking', [], { status: false })).to.deep.equal({ message: 'verifying checking' })
    expect(parseMaintenanceArgs('maintenanceab all fine', ['maintenanceab'])).to.deep.equal({ id: 'maintenanceab', message: 'all fine' })
    expect(parseMaintenanceStatus('in-progress')).to.equal('in_progress')
    expect(parseMaintenanceStatus('started')).to.equal('in_progress')
    expect(parseMaintenanceStatus('resolved')).to.equal(undefined)
  })
})
