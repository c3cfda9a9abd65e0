// Every genie command on JSM Operations, through a real robot, against bodies shaped as the JSM
// Operations OpenAPI spec and recorded live answers show (test/fixtures/jsm): the values/links list
// paged by size/offset, tinyIds found by query, on-call participants as account ids with names from
// the Jira user API, the override's responder, notes answered at once or queued, request status 404
// while queued, the Integration Events API for attribution, and scope refusals.
import { expect } from 'chai'
import nock from 'nock'
import { BRAIN_KEY, getIdentity } from '../../../src/chat/opsgenie/identity'
import { botForEachTest } from '../../support/bots'
import {
  ANA, BEN, configureJsm, INTEGRATION, INTEGRATION_KEY, integration, jira, jsmAlert, jsmFixture, jsmId,
  mockIntegrationAction, mockJsmList, mockRestAction, mockTiny, OPEN, OPEN_UNACKED, REST, rest, TOKEN
} from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'

const TOKEN_NOTE = 'JSM Operations shows the bot\'s API token account as the actor (set HUBOT_JSM_INTEGRATION_KEY to show yours).'
const ALICE = { name: 'alice', id: 'U1', email_address: 'ana@example.com' }
const empty = (b: any) => JSON.stringify(b) === '{}'

describe('genie on JSM Operations (Hubot 3.5)', () => {
  const bot = botForEachTest(configureJsm, bot => {
    const all = [...bot.sent, ...bot.logs].join('\n')
    expect(all).not.to.contain(TOKEN)
    expect(all).not.to.contain(INTEGRATION_KEY)
  })

  describe('genie (status)', () => {
    it('lists open alerts with their tinyIds across pages of the values/links envelope, paged by size and offset', async () => {
      const alerts = Array.from({ length: 101 }, (_, i) => jsmAlert(i + 1))
      alerts[1] = jsmAlert(2, { acknowledged: true, seen: true, ackTime: 180_000 })
      alerts[2] = jsmAlert(3, { snoozed: true })
      const scope = mockJsmList(rest(), OPEN, alerts)
      const [reply] = await bot.say('/genie')
      expectDone(scope)
      const lines = reply.split('\n')
      expect(lines[0]).to.equal('JSM Operations: 101 open alerts, 1 acknowledged, 100 not.')
      expect(lines[1]).to.equal('#1 P3 JSM alert 1 (NOT acked, 1m old, 3×)')
      expect(lines[2]).to.equal('#2 P3 JSM alert 2 (acked after 3m, 2m old, 3×)')
      expect(lines[3]).to.equal('#3 P3 JSM alert 3 (NOT acked, 3m old, 3×, snoozed)')
      expect(lines.at(-1)).to.equal('+86 more')
    })

    it('names the missing scope when the token may not read alerts (the errors[] shape)', async () => {
      const scope = rest().get(`${REST}/alerts`).query(true).reply(401, jsmFixture('error-401-scope-errors'))
      const [reply] = await bot.say('/genie')
      expectDone(scope)
      expect(reply).to.contain('JSM refused (401): the API token lacks the scope read:ops-alert (listing alerts needs it)')
      expect(reply).to.contain('Unauthorized; scope does not match').and.to.contain('Nothing was changed.')
    })
  })

  describe('genie ack / unack / close on the REST API (no integration key)', () => {
    it('acknowledges every open unacknowledged alert, confirms while queued, and says who JSM shows as the actor', async () => {
      const scope = mockJsmList(rest(), OPEN_UNACKED, [jsmAlert(1), jsmAlert(2)])
      mockRestAction(scope, jsmId(1), 'acknowledge', empty, 1)
      mockRestAction(scope, jsmId(2), 'acknowledge', empty)
      const replies = await bot.say('/genie ack', ALICE)
      expectDone(scope)
      expect(replies).to.deep.equal([`Acknowledged 2 alerts, all confirmed by JSM Operations: #1, #2.\n${TOKEN_NOTE}`])
    })

    it('finds "13" and "#14" by tinyId through the alert query (the REST API looks alerts up by id only)', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(14)])
      mockTiny(scope, 13, [jsmAlert(13, { status: 'closed' }), jsmAlert(13)])
      mockRestAction(scope, jsmId(13), 'close', empty)
      mockRestAction(scope, jsmId(14), 'close', empty)
      const replies = await bot.say('/genie close 13 #14', ALICE)
      expectDone(scope)
      expect(replies).to.deep.equal([`Closed 2 alerts, all confirmed by JSM Operations: #13, #14.\n${TOKEN_NOTE}`])
    })

    it('says a tinyId no alert has is unknown, without sending anything', async () => {
      const scope = mockJsmList(rest(), OPEN, [])
      mockTiny(scope, 77, [])
      expect(await bot.say('/genie ack 77', ALICE)).to.deep.equal(['Nothing to acknowledge.\nUnknown: #77 (no such alert).'])
      expectDone(scope)
    })

    it('takes a full id that is not a number as the id', async () => {
      const scope = mockJsmList(rest(), OPEN, [])
      scope.get(`${REST}/alerts/${jsmId(5)}`).reply(200, jsmAlert(5))
      mockRestAction(scope, jsmId(5), 'unacknowledge', empty)
      expect(await bot.say(`/genie unack ${jsmId(5)}`, ALICE))
        .to.deep.equal(['Unacknowledged 1 alert, confirmed by JSM Operations: #5.\nJSM Operations shows the bot\'s API token account as the actor.'])
      expectDone(scope)
    })

    it('reports a request JSM processed as failed with its own words', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(1)])
      scope.post(`${REST}/alerts/${jsmId(1)}/acknowledge`).reply(202, { ...jsmFixture('accepted'), requestId: 'r-fail' })
      scope.get(`${REST}/alerts/requests/r-fail`).reply(200, { ...jsmFixture('request-success'), isSuccess: false, success: false, status: 'Alert is already closed' })
      expect(await bot.say('/genie ack 1', ALICE))
        .to.deep.equal(['Nothing was acknowledged.\nFailed: #1 — Alert is already closed.'])
      expectDone(scope)
    })
  })

  describe('with HUBOT_JSM_INTEGRATION_KEY: the Integration Events API keeps attribution', () => {
    beforeEach(() => { process.env.HUBOT_JSM_INTEGRATION_KEY = INTEGRATION_KEY })

    it('acknowledges with user and source through the GenieKey API and confirms its request there', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      const events = integration()
      mockIntegrationAction(events, jsmId(13), 'acknowledge', b => b.user === 'ana@example.com' && b.source === 'hubot', 2)
      expect(await bot.say('/genie ack 13', ALICE)).to.deep.equal(['Acknowledged 1 alert, confirmed by JSM Operations: #13.'])
      expectDone(scope, events)
    })

    it('closes all after genie confirm, each through the Integration Events API', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(1), jsmAlert(2)])
      const [prompt] = await bot.say('/genie close all', ALICE)
      const code = /genie confirm (\w+)/.exec(prompt)![1]
      const events = integration()
      mockIntegrationAction(events, jsmId(1), 'close', b => b.user === 'ana@example.com')
      mockIntegrationAction(events, jsmId(2), 'close', b => b.user === 'ana@example.com')
      expect(await bot.say(`/genie confirm ${code}`, ALICE)).to.deep.equal(['Closed 2 alerts, all confirmed by JSM Operations: #1, #2.'])
      expectDone(scope, events)
    })

    it('adds a note with user, source and note, confirmed through its request', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      const events = integration()
      mockIntegrationAction(events, jsmId(13), 'notes', b => b.note === 'deploying a fix' && b.user === 'ana@example.com' && b.source === 'hubot')
      expect(await bot.say('/genie note 13 deploying a fix', ALICE)).to.deep.equal(['Added your note to #13 (confirmed by JSM Operations).'])
      expectDone(scope, events)
    })

    it('unacknowledges on the REST API, which has no user: says JSM shows the token\'s account', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      mockRestAction(scope, jsmId(13), 'unacknowledge', empty)
      expect(await bot.say('/genie unack 13', ALICE))
        .to.deep.equal(['Unacknowledged 1 alert, confirmed by JSM Operations: #13.\nJSM Operations shows the bot\'s API token account as the actor.'])
      expectDone(scope)
    })

    it('says on genie me as which actions will show the person and which the token\'s account', async () => {
      const scope = jira().get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      expect(await bot.say('/genie me as ana@example.com', { name: 'ana', id: 'U7', email_address: 'ana@example.com' })).to.deep.equal([
        'OK ana, you are ana@example.com (Ana Lima) in JSM Operations. Acknowledge, close and notes from chat will show that name; ' +
        'for unacknowledge and snooze JSM Operations shows the bot\'s API token account.'
      ])
      expectDone(scope)
    })

    it('says the integration key was rejected, once, naming its variable', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(1), jsmAlert(2)])
      const events = integration()
      events.post(`${INTEGRATION}/alerts/${jsmId(1)}/acknowledge`).query(true).reply(401, jsmFixture('integration-error-401'))
      events.post(`${INTEGRATION}/alerts/${jsmId(2)}/acknowledge`).query(true).reply(401, jsmFixture('integration-error-401'))
      const [reply] = await bot.say('/genie ack 1 2', ALICE)
      expectDone(scope, events)
      expect(reply).to.equal('JSM Operations rejected the integration key (401) (JSM Operations says: Key format is not valid!). ' +
        'Check HUBOT_JSM_INTEGRATION_KEY: it must be the API key of an API integration in JSM Operations, enabled. Nothing was changed.')
    })
  })

  describe('genie note and snooze on the REST API', () => {
    it('counts a note answered at once (201 with the note) as confirmed, asking nothing more', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      scope.post(`${REST}/alerts/${jsmId(13)}/notes`, { note: 'deploying a fix' }).reply(201, jsmFixture('note-created'))
      expect(await bot.say('/genie note 13 deploying a fix', ALICE))
        .to.deep.equal([`Added your note to #13 (confirmed by JSM Operations).\n${TOKEN_NOTE}`])
      expectDone(scope)
    })

    it('confirms a note answered 202 + requestId through the request status', async () => {
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      mockRestAction(scope, jsmId(13), 'notes', b => b.note === 'rolled back', 1)
      expect(await bot.say('/genie note #13 rolled back', ALICE))
        .to.deep.equal([`Added your note to #13 (confirmed by JSM Operations).\n${TOKEN_NOTE}`])
      expectDone(scope)
    })

    it('snoozes with endTime and confirms it', async () => {
      const before = bot.clock.now() // the robot's clock: what its requests are timed on
      const scope = mockJsmList(rest(), OPEN, [jsmAlert(13)])
      let end = 0
      mockRestAction(scope, jsmId(13), 'snooze', b => { end = Date.parse(b.endTime); return Object.keys(b).join() === 'endTime' })
      const [reply] = await bot.say('/genie snooze 13 30m', ALICE)
      expectDone(scope)
      expect(end - before).to.be.within(30 * 60_000, 30 * 60_000 + 5_000)
      expect(reply).to.match(/^Snoozed #13 for 30m, until .* UTC \(confirmed by JSM Operations\)\.\nJSM Operations shows the bot's API token account as the actor\.$/)
    })
  })

  describe('people: genie me as, whoami, oncall, take', () => {
    it('finds the account for an email through the Jira user API and keeps its account id', async () => {
      const scope = jira().get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      expect(await bot.say('/genie me as ana@example.com', { name: 'ana', id: 'U7', email_address: 'ana@example.com' })).to.deep.equal([
        `OK ana, you are ana@example.com (Ana Lima) in JSM Operations. Note: ${TOKEN_NOTE}`
      ])
      expectDone(scope)
      expect(getIdentity(bot.robot.brain, 'U7')).to.include({ username: 'ana@example.com', accountId: ANA.accountId, service: 'JSM Operations' })
      expect(await bot.say('/genie whoami', { name: 'ana', id: 'U7' }))
        .to.deep.equal([`You are ana@example.com (Ana Lima) in JSM Operations (set with /genie me as, account ${ANA.accountId}).`])
    })

    it('says when the site hides emails and offers genie me as account, then takes the account id', async () => {
      const scope = jira().get('/rest/api/3/user/search').query({ query: 'ben@example.com' }).reply(200, jsmFixture('jira-user-search-hidden'))
      expect(await bot.say('/genie me as ben@example.com', { name: 'ben', id: 'U8' })).to.deep.equal([
        'The Atlassian site hides email addresses, so I cannot confirm which account is ben@example.com. ' +
        `It matched: Ben Okafor (/genie me as account ${BEN.accountId}). If one is you, say that command. Nothing was stored.`
      ])
      expect(bot.robot.brain.get(BRAIN_KEY)).to.equal(null)
      scope.get('/rest/api/3/user').query({ accountId: BEN.accountId }).reply(200, jsmFixture('jira-user'))
      // Verified: the chat email, searched on the site, finds exactly this account (its address hidden).
      scope.get('/rest/api/3/user/search').query({ query: 'ben@example.com' }).reply(200, jsmFixture('jira-user-search-hidden'))
      const [reply] = await bot.say(`/genie me as account ${BEN.accountId}`, { name: 'ben', id: 'U8', email_address: 'ben@example.com' })
      expect(reply).to.match(/^OK ben, you are Ben Okafor in JSM Operations\./)
      expectDone(scope)
      expect(getIdentity(bot.robot.brain, 'U8')).to.include({ username: 'Ben Okafor', accountId: BEN.accountId, verified: 'chat email' })
    })

    it('keeps an account id the chat email does not resolve to as an unverified claim', async () => {
      const scope = jira().get('/rest/api/3/user').query({ accountId: BEN.accountId }).reply(200, jsmFixture('jira-user'))
      scope.get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      const [reply] = await bot.say(`/genie me as account ${BEN.accountId}`, { name: 'ana', id: 'U7', email_address: 'ana@example.com' })
      expectDone(scope)
      expect(reply).to.match(/^Noted, ana: you say you are Ben Okafor in JSM Operations, but I cannot verify it/)
      expect(getIdentity(bot.robot.brain, 'U7')).to.not.have.property('verified')
    })

    it('says an address with no account is unknown and points at genie me as account', async () => {
      const scope = jira().get('/rest/api/3/user/search').query({ query: 'nobody@example.com' }).reply(200, [])
      expect(await bot.say('/genie me as nobody@example.com')).to.deep.equal([
        'JSM Operations has no user nobody@example.com. Nothing was stored; check the address you log in with. ' +
        'If your site hides email addresses, say /genie me as account <accountId> (the id at the end of your Atlassian profile\'s address).'
      ])
      expectDone(scope)
    })

    it('names the people on call from their account ids (both on-call shapes), and caches the names', async () => {
      const scope = rest().get(`${REST}/schedules`).query({ offset: '0', size: '100' }).reply(200, jsmFixture('schedules'))
      const [platform, builds] = jsmFixture('schedules').values
      scope.get(`${REST}/schedules/${platform.id}/on-calls`).query({ flat: 'true' }).reply(200, jsmFixture('oncall-participants'))
      scope.get(`${REST}/schedules/${builds.id}/on-calls`).query({ flat: 'true' }).reply(200, jsmFixture('oncall-flat'))
      const people = jira()
      people.get('/rest/api/3/user').query({ accountId: ANA.accountId }).reply(200, { ...jsmFixture('jira-user'), accountId: ANA.accountId, displayName: ANA.name })
      people.get('/rest/api/3/user').query({ accountId: BEN.accountId }).reply(200, jsmFixture('jira-user'))
      expect(await bot.say('/genie oncall')).to.deep.equal(['On call now:\nPlatform On-Call: Ana Lima, Ben Okafor\nBuilds On-Call: Ben Okafor'])
      expectDone(scope, people)
      // Names come from the cache the second time: only the JSM calls are made.
      scope.get(`${REST}/schedules`).query(true).reply(200, jsmFixture('schedules'))
      scope.get(`${REST}/schedules/${builds.id}/on-calls`).query({ flat: 'true' }).reply(200, jsmFixture('oncall-flat'))
      expect(await bot.say('/genie oncall builds')).to.deep.equal(['On call now — Builds On-Call: Ben Okafor'])
      expectDone(scope)
    })

    it('says which scope is missing when schedules are refused (the {message} shape)', async () => {
      const scope = rest().get(`${REST}/schedules`).query(true).reply(401, jsmFixture('error-401-scope'))
      const [reply] = await bot.say('/genie oncall')
      expectDone(scope)
      expect(reply).to.match(/^JSM refused \(401\): the API token lacks the scope read:ops-config \(schedules and on-call need it\)/)
    })

    it('puts the stored account on call with the responder body', async () => {
      const before = bot.clock.now() // the robot's clock: what its requests are timed on
      const people = jira().get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      await bot.say('/genie me as ana@example.com', { name: 'ana', id: 'U7', email_address: 'ana@example.com' })
      const [platform] = jsmFixture('schedules').values
      let body: any
      const scope = rest().get(`${REST}/schedules`).query(true).reply(200, jsmFixture('schedules'))
      scope.post(`${REST}/schedules/${platform.id}/overrides`, (b: any) => { body = b; return true }).reply(201, jsmFixture('override-created'))
      const [reply] = await bot.say('/genie take platform for 2h', { name: 'ana', id: 'U7', email_address: 'ana@example.com' })
      expectDone(scope, people)
      expect(Object.keys(body)).to.deep.equal(['responder', 'startDate', 'endDate'])
      expect(body.responder).to.deep.equal({ type: 'user', id: ANA.accountId })
      expect(Date.parse(body.endDate) - Date.parse(body.startDate)).to.equal(2 * 3_600_000)
      expect(Date.parse(body.startDate)).to.be.at.least(before - 1000)
      expect(reply).to.match(/^You \(ana@example.com\) are on call for Platform On-Call from now until .* UTC \(2h; override 8e0f1c1a-3b8a-4c5f-9d3e-7b6a5c4d3e2f\)\.$/)
    })

    it('finds the chat email\'s account for genie take when nobody said genie me as', async () => {
      const people = jira().get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      const [platform] = jsmFixture('schedules').values
      const scope = rest().get(`${REST}/schedules`).query(true).reply(200, jsmFixture('schedules'))
      scope.post(`${REST}/schedules/${platform.id}/overrides`, (b: any) => b.responder.id === ANA.accountId).reply(201, jsmFixture('override-created'))
      const [reply] = await bot.say('/genie take platform for 1h', ALICE)
      expectDone(scope, people)
      expect(reply).to.contain('on call for Platform On-Call')
    })

    it('names the write scope when an override is refused (403)', async () => {
      const people = jira().get('/rest/api/3/user/search').query(true).reply(200, jsmFixture('jira-user-search'))
      const [platform] = jsmFixture('schedules').values
      const scope = rest().get(`${REST}/schedules`).query(true).reply(200, jsmFixture('schedules'))
      scope.post(`${REST}/schedules/${platform.id}/overrides`).reply(403, jsmFixture('error-403'))
      const [reply] = await bot.say('/genie take platform for 1h', ALICE)
      expectDone(scope, people)
      expect(reply).to.match(/^JSM refused \(403\): the API token lacks the scope write:ops-config \(genie take \(schedule overrides\) needs it\)/)
    })

    it('looks an identity stored on OpsGenie up again on JSM before using it, and stores the account', async () => {
      bot.robot.brain.set(BRAIN_KEY, { U7: { username: 'ana@example.com', fullName: 'Ana L.', setAt: '2026-01-01T00:00:00.000Z' } })
      const people = jira().get('/rest/api/3/user/search').query({ query: 'ana@example.com' }).reply(200, jsmFixture('jira-user-search'))
      expect(await bot.say('/genie whoami', { name: 'ana', id: 'U7', email_address: 'ana@example.com' })).to.deep.equal([
        `You are ana@example.com (Ana Lima) in JSM Operations (looked up again in JSM Operations: you had set it on OpsGenie, account ${ANA.accountId}).`
      ])
      expectDone(people)
      expect(getIdentity(bot.robot.brain, 'U7')).to.include({ accountId: ANA.accountId, service: 'JSM Operations' })
    })

    it('says an identity from OpsGenie that JSM cannot find must be set again, and puts nobody on call', async () => {
      bot.robot.brain.set(BRAIN_KEY, { U9: { username: 'gone@example.com', setAt: '2026-01-01T00:00:00.000Z' } })
      const people = jira().get('/rest/api/3/user/search').query({ query: 'gone@example.com' }).reply(200, [])
      expect(await bot.say('/genie take for 1h', { name: 'gone', id: 'U9' })).to.deep.equal([
        'You set gone@example.com while the bot used OpsGenie, and JSM Operations could not find that account. ' +
        'Say /genie me as <email> (or /genie me as account <accountId>) again.'
      ])
      expectDone(people)
    })
  })

  it('names every JSM variable that is missing once one of them is set', async () => {
    delete process.env.HUBOT_JSM_EMAIL
    delete process.env.HUBOT_JSM_API_TOKEN
    delete process.env.HUBOT_JSM_SITE_URL
    const [reply] = await bot.say('/genie')
    expect(reply).to.contain('HUBOT_JSM_SITE_URL and HUBOT_JSM_EMAIL and HUBOT_JSM_API_TOKEN')
  })

  afterEach(() => { nock.cleanAll() })
})
