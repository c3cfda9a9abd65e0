// A JSM Operations alert read into the shared Alert shape, a JSM list page, and a bare or wrapped
// object (src/alerting/jsm/alerts.ts), on the contract fixtures.
import { expect } from 'chai'
import { listValues, toJsmAlert, unwrap } from '../../../src/alerting/jsm/alerts'
import { BadResponseError } from '../../../src/http/errors'
import { jsmFixture } from '../../support/jsm'

const where = { method: 'GET', path: '/alerts' }

describe('JSM Operations alerts', () => {
  it('reads JSM\'s spellings: tinyId, seen, lastOccuredAt, ackTime at the top level, no report', () => {
    expect(toJsmAlert({ ...jsmFixture('alert'), tinyId: 13, acknowledged: true, seen: true, ackTime: 60_000 }, where)).to.deep.equal({
      id: 'aaaaaaaa-bbbb-4ccc-8ddd-1724857097467',
      tinyId: '13',
      message: 'Disk usage 87% on artifact-store-02',
      status: 'open',
      acknowledged: true,
      ackTimeMs: 60_000,
      priority: 'P3',
      count: 3,
      createdAt: '2026-11-24T05:00:00.000Z',
      lastOccurredAt: '2026-11-24T06:00:00.000Z',
      snoozed: false,
      seen: true,
      // An empty owner is no owner; tags and the teams among the responders (genie ack tag:, genie escalate).
      tags: ['storage'],
      teamIds: ['0a6b5c6e-93f4-4a65-b2c4-39e3c6c1a001']
    })
  })

  it('refuses an alert without an id rather than put undefined in a path', () => {
    expect(() => toJsmAlert({ message: 'no id' }, where)).to.throw(BadResponseError, /without an id/)
    expect(() => toJsmAlert({ id: '' }, where)).to.throw(BadResponseError)
  })

  it('refuses an alert without acknowledged rather than show it as not acknowledged', () => {
    let error: unknown
    try { toJsmAlert({ ...jsmFixture('alert'), acknowledged: undefined }, where) } catch (err) { error = err }
    expect(error).to.be.instanceOf(BadResponseError)
    expect((error as BadResponseError).shape).to.equal('acknowledged is not true or false')
    expect(() => toJsmAlert({ ...jsmFixture('alert'), acknowledged: 'true' }, where)).to.throw(BadResponseError, /without acknowledged/)
  })

  it('reads a closed alert, and fills what a bare alert leaves out', () => {
    expect(toJsmAlert({ id: 'a1', acknowledged: false, status: 'closed' }, where)).to.deep.equal({
      id: 'a1',
      tinyId: undefined,
      message: '',
      status: 'closed',
      acknowledged: false,
      ackTimeMs: undefined,
      priority: undefined,
      count: 1,
      createdAt: '',
      lastOccurredAt: undefined,
      snoozed: undefined,
      seen: undefined
    })
    expect(toJsmAlert({ id: 'a1', acknowledged: false, status: 'resolved?' }, where).status).to.equal('open')
  })
})

describe('JSM Operations list pages', () => {
  it('gives the values and whether a next page is linked', () => {
    expect(listValues({ ...jsmFixture('list-alerts'), values: [1, 2] }, where)).to.deep.equal({ items: [1, 2], hasNext: true })
    expect(listValues({ values: [3], links: {}, count: 1 }, where)).to.deep.equal({ items: [3], hasNext: false })
    expect(listValues({ values: [3], links: { next: '' } }, where)).to.deep.equal({ items: [3], hasNext: false })
    expect(listValues(undefined, where)).to.deep.equal({ items: [], hasNext: false })
  })

  it('refuses a page whose values are not a list', () => {
    expect(() => listValues({ values: { id: 'a1' } as unknown as unknown[] }, where)).to.throw(BadResponseError, /values are not a list/)
  })
})

describe('JSM Operations objects', () => {
  it('reads an object bare, as the spec gives it, or inside data, as OpsGenie does', () => {
    expect(unwrap({ id: 'a1' })).to.deep.equal({ id: 'a1' })
    expect(unwrap({ data: { id: 'a1' } })).to.deep.equal({ id: 'a1' })
    expect(unwrap(undefined)).to.equal(undefined)
    expect(unwrap('')).to.equal('')
  })
})
