// From what people type to the alerts to act on (src/alerting/resolve.ts): a tinyId among the open
// alerts first (tinyIds roll over), then asked of the backend; actions then go by full id.
import { expect } from 'chai'
import type { AlertingBackend } from '../../src/alerting/backend'
import { findAlert, labelOf, resolveAlerts } from '../../src/alerting/resolve'
import type { Alert, AlertRef } from '../../src/alerting/types'

const alert = (id: string, tinyId?: string, status: Alert['status'] = 'open'): Alert =>
  ({ id, tinyId, message: `alert ${id}`, status, acknowledged: false, count: 1, createdAt: '' })

/** A backend that knows `open` (its open list) and `known` (by id and by tinyId), and says what it was asked. */
function backend (open: Alert[], known: Alert[], supportsTinyIds = true) {
  const asked: string[] = []
  const stub = {
    supportsTinyIds,
    listAlerts: async (filter: { status?: string }) => { asked.push(`list ${filter.status}`); return open },
    getAlert: async (ref: AlertRef) => {
      asked.push(`${ref.kind} ${ref.value}`)
      return known.find(a => (ref.kind === 'tiny' ? a.tinyId === ref.value : a.id === ref.value))
    }
  } as unknown as AlertingBackend
  return { stub, asked }
}

describe('resolving typed alert ids', () => {
  it('labels an alert by its tinyId, or its id when it has none', () => {
    expect(labelOf(alert('a-1', '12'))).to.equal('#12')
    expect(labelOf(alert('a-1'))).to.equal('a-1')
  })

  it('takes a tinyId among the open alerts first, and asks the backend only for the rest', async () => {
    // #7 rolled over: the closed alert that once had it is not the one meant.
    const { stub, asked } = backend([alert('open-7', '7')], [alert('closed-7', '7', 'closed'), alert('old-8', '8', 'closed'), alert('full-id')])
    expect(await resolveAlerts(stub, ['7', '8', 'full-id', 'nope', '99'], 2)).to.deep.equal({
      targets: [{ alertId: 'open-7', label: '#7' }, { alertId: 'old-8', label: '#8' }, { alertId: 'full-id', label: 'full-id' }],
      unknown: ['nope', '99']
    })
    expect(asked).to.deep.equal(['list open', 'tiny 8', 'id full-id', 'id nope', 'tiny 99'])
  })

  it('acts once on an alert typed twice or by both its tinyId and its id', async () => {
    const { stub, asked } = backend([alert('a-3', '3')], [alert('a-3', '3'), alert('old-8', '8', 'closed')])
    expect(await resolveAlerts(stub, ['3', '3', 'a-3'], 5)).to.deep.equal({ targets: [{ alertId: 'a-3', label: '#3' }], unknown: [] })
    expect(await resolveAlerts(stub, ['8', '8'], 5)).to.deep.equal({ targets: [{ alertId: 'old-8', label: '#8' }], unknown: [] })
    expect(asked).to.deep.equal(['list open', 'id a-3', 'list open', 'tiny 8'])
  })

  it('asks only by id where the backend has no tinyIds', async () => {
    const { stub, asked } = backend([], [alert('12')], false)
    expect(await resolveAlerts(stub, ['12', '13'], 1)).to.deep.equal({ targets: [{ alertId: '12', label: '12' }], unknown: ['13'] })
    expect(asked).to.deep.equal(['id 12', 'id 13'])
  })

  it('fails as the backend failed, rather than call the alert unknown', async () => {
    const { stub } = backend([], [])
    stub.getAlert = async () => { throw new Error('OpsGenie is down') }
    let error: unknown
    try { await resolveAlerts(stub, ['5'], 1) } catch (err) { error = err }
    expect(String(error)).to.equal('Error: OpsGenie is down')
  })
})

describe('finding one typed alert', () => {
  it('takes the open alert with that tinyId, else asks by tinyId for a number and by id otherwise', async () => {
    const { stub, asked } = backend([alert('open-7', '7')], [alert('old-8', '8', 'closed'), alert('x-1')])
    expect(await findAlert(stub, '7')).to.deep.include({ id: 'open-7' })
    expect(await findAlert(stub, '8')).to.deep.include({ id: 'old-8' })
    expect(await findAlert(stub, 'x-1')).to.deep.include({ id: 'x-1' })
    expect(await findAlert(stub, '9')).to.equal(undefined)
    expect(asked).to.deep.equal(['list open', 'list open', 'tiny 8', 'list open', 'id x-1', 'list open', 'tiny 9'])
  })

  it('asks by id only where the backend has no tinyIds', async () => {
    const { stub, asked } = backend([alert('open-7', '7')], [alert('7')], false)
    expect(await findAlert(stub, '7')).to.deep.include({ id: '7' })
    expect(asked).to.deep.equal(['id 7'])
  })
})
