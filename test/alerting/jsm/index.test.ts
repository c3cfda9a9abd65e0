// The JSM Operations backend (src/alerting/jsm/index.ts) on its own, its HTTP stood in by nock.
import { expect } from 'chai'
import nock from 'nock'
import { createJsmBackend, onCallAccounts } from '../../../src/alerting/jsm'
import { BadResponseError } from '../../../src/http/errors'
import { CLOUD, EMAIL, jsmFixture, REST, rest, SITE, TOKEN } from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'
import { HurriedClock } from '../../support/fake-clock'

describe('the JSM Operations backend', () => {
  const backend = () => createJsmBackend({ cloudId: CLOUD, email: EMAIL, apiToken: TOKEN, siteUrl: SITE })
  afterEach(() => { nock.cleanAll() })

  it('reads people on call from both on-call shapes, teams\' nested participants included, once each', () => {
    expect(onCallAccounts(jsmFixture('oncall-flat'))).to.deep.equal(['5b10ac8d82e05b22cc7d4ef5'])
    expect(onCallAccounts(jsmFixture('oncall-participants')))
      .to.deep.equal(['557058:f58131cb-b67d-43c7-b30d-6b58d40bd077', '5b10ac8d82e05b22cc7d4ef5'])
    expect(onCallAccounts({ onCallParticipants: [{ id: 'a', type: 'user' }, { id: 'a', type: 'user' }, { id: 'e', type: 'escalation' }] })).to.deep.equal(['a'])
    expect(onCallAccounts({ data: { onCallRecipients: ['x@y.z'] } })).to.deep.equal([])
    expect(onCallAccounts(undefined)).to.deep.equal([])
  })

  it('stops paging before offset + size would pass the 20,000 window', async () => {
    const page = Array.from({ length: 100 }, (_, i) => ({ ...jsmFixture('alert'), id: `id-${i}` }))
    const scope = rest().get(`${REST}/alerts`).query(q => Number(q.offset) + Number(q.size) <= 20_000 && q.size === '100' && q.limit === undefined)
      .times(200).reply(200, { values: page, links: { next: '/v1/alerts?offset=x' }, count: 30_000 })
    // 200 pages at the default 20 calls a second: the budget waits on a clock that does not wait for real.
    const runtime = { clock: new HurriedClock() }
    const paced = createJsmBackend({ cloudId: CLOUD, email: EMAIL, apiToken: TOKEN, siteUrl: SITE, runtime })
    expect(await paced.listAlerts({ status: 'open' })).to.have.length(20_000)
    expectDone(scope)
  })

  it('treats a note answered 200/201 with the note as done, and any other action without a requestId as unreadable', async () => {
    const scope = rest()
    scope.post(`${REST}/alerts/a1/notes`).reply(201, jsmFixture('note-created'))
    scope.post(`${REST}/alerts/a1/close`).reply(200, { result: 'ok' })
    expect(await backend().act('a1', { name: 'note', note: 'x' }, { user: 'u', source: 'hubot' })).to.deep.equal({ kind: 'done' })
    let error: unknown
    try { await backend().act('a1', { name: 'close' }, { user: 'u', source: 'hubot' }) } catch (err) { error = err }
    expect(error).to.be.instanceOf(BadResponseError)
    expectDone(scope)
  })

  it('credits the person only for what the Integration Events API offers, and only with its key', () => {
    const withKey = createJsmBackend({ cloudId: CLOUD, email: EMAIL, apiToken: TOKEN, siteUrl: SITE, integrationKey: 'k' })
    expect(withKey.attribution('acknowledge')).to.deep.equal({ by: 'person' })
    expect(withKey.attribution('note')).to.deep.equal({ by: 'person' })
    expect(withKey.attribution('unacknowledge')).to.deep.equal({ by: 'token' })
    expect(backend().attribution('close')).to.deep.equal({ by: 'token', remedy: 'integration-key' })
    expect(backend().attribution('snooze')).to.deep.equal({ by: 'token' })
  })
})
