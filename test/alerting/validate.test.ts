// The shapes the genie commands rely on (src/alerting/validate.ts): the contract fixtures fit, and a
// body missing what a command reads is named by its first field that does not fit.
import { expect } from 'chai'
import * as shapes from '../../src/alerting/validate'
import type { Check } from '../../src/http/validate'
import { alert, fixture } from '../support/opsgenie'

const fits = (check: Check, body: unknown): string | undefined => check(body, '')

describe('alerting: response shapes', () => {
  it('takes the contract fixtures as they are', () => {
    expect(fits(shapes.alertList, { ...fixture<object>('list-alerts'), data: [alert(1), alert(2)] })).to.equal(undefined)
    expect(fits(shapes.oneAlert, fixture('get-alert'))).to.equal(undefined)
    expect(fits(shapes.accepted, fixture('accepted'))).to.equal(undefined)
    expect(fits(shapes.requestState, fixture('request-success').data)).to.equal(undefined)
    expect(fits(shapes.requestState, fixture('request-failed').data)).to.equal(undefined)
    expect(fits(shapes.scheduleList, fixture('schedules'))).to.equal(undefined)
    expect(fits(shapes.onCall, fixture('oncall-flat'))).to.equal(undefined)
    expect(fits(shapes.override, fixture('override-created'))).to.equal(undefined)
    expect(fits(shapes.user, fixture('user'))).to.equal(undefined)
    expect(fits(shapes.namedList, fixture('teams'))).to.equal(undefined)
    expect(fits(shapes.namedList, fixture('escalations'))).to.equal(undefined)
  })

  it('takes a tinyId as text or a number, and no paging, report or count at all', () => {
    const bare = { id: 'a1', message: 'm', acknowledged: false }
    expect(fits(shapes.alertList, { data: [{ ...bare, tinyId: 7 }, { ...bare, tinyId: '8' }, bare] })).to.equal(undefined)
    expect(fits(shapes.alertList, { data: [{ ...bare, tinyId: '' }] })).to.equal('data[0].tinyId is empty, not a non-empty text')
  })

  it('names what an alert lacks that a reply or an action path would read', () => {
    expect(fits(shapes.oneAlert, { data: { id: 'a1', acknowledged: true } })).to.equal('data.message is undefined, not text')
    expect(fits(shapes.alertList, { data: [{ id: 'a1', message: 'm' }] })).to.equal('data[0].acknowledged is undefined, not true or false')
    expect(fits(shapes.oneAlert, { data: { id: 'a1', message: 'm', acknowledged: 'yes' } })).to.equal('data.acknowledged is text, not true or false')
    expect(fits(shapes.oneAlert, { data: { id: ' ', message: 'm', acknowledged: true } })).to.equal('data.id is empty, not a non-empty text')
    expect(fits(shapes.oneAlert, { data: { id: 'a1', message: 'm', acknowledged: true, report: { acknowledgedBy: 3 } } }))
      .to.equal('data.report.acknowledgedBy is a number, not text')
    expect(fits(shapes.alertList, { data: {} })).to.equal('data is an object, not a list')
    expect(fits(shapes.alertList, { data: [], paging: { next: 5 } })).to.equal('paging.next is a number, not text')
  })

  it('requires a request state to say whether it succeeded, in either spelling', () => {
    expect(fits(shapes.requestState, { isSuccess: false, status: 'Alert does not exist' })).to.equal(undefined)
    expect(fits(shapes.requestState, { success: true })).to.equal(undefined)
    expect(fits(shapes.requestState, { status: 'done' })).to.equal('isSuccess is undefined, not true or false')
    expect(fits(shapes.requestState, { isSuccess: true, status: 200 })).to.equal('status is a number, not text')
  })

  it('names what schedules, on-calls, overrides, people and teams lack', () => {
    expect(fits(shapes.scheduleList, { data: [{ id: 's1' }] })).to.equal('data[0].name is undefined, not text')
    expect(fits(shapes.onCall, { data: { onCallRecipients: null } })).to.equal(undefined)
    expect(fits(shapes.onCall, { data: { onCallRecipients: ['a@b.c', 7] } })).to.equal('data.onCallRecipients[1] is a number, not text')
    expect(fits(shapes.override, { data: {} })).to.equal('data.alias is undefined, not a non-empty text')
    expect(fits(shapes.user, { data: { id: 'u1', username: 'neo@opsgenie.com', fullName: false } })).to.equal('data.fullName is false, not text')
    expect(fits(shapes.namedList, { data: [{ id: '', name: 'Platform' }] })).to.equal('data[0].id is empty, not a non-empty text')
    expect(fits(shapes.accepted, {})).to.equal('requestId is undefined, not a non-empty text')
  })
})
