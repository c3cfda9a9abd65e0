// genie page and the pager's verbs on JSM Operations, through real Hubot 3.5 and 14 robots: the
// Integration Events API's create (the person as creator) when HUBOT_JSM_INTEGRATION_KEY is set,
// the REST API's create otherwise (responders by id, the token's account as creator), both confirmed
// through their request status; escalate by escalationId, assign by accountId, priority with PATCH.
// Teams and escalations are UNCONFIRMED on JSM: the per-team escalations reading is exercised here.
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../../support/bots'
import {
  ANA, configureJsm, INTEGRATION, INTEGRATION_KEY, integration, jira, jsmAlert, jsmFixture, jsmId, mockJsmList,
  mockRestAction, OPEN, REST, rest
} from '../../support/jsm'
import { expectDone } from '../../support/opsgenie'

const ALICE = { name: 'alice', id: 'U1', email_address: 'ana@example.com' }
const TEAM = jsmFixture('teams').values[0]
const ESC = jsmFixture('team-escalations').values[0]
const TOKEN_NOTE = 'JSM Operations shows the bot\'s API token account as the actor (set HUBOT_JSM_INTEGRATION_KEY to show yours).'
/** Responders, escalate, assign and priority exist only on the REST API: no setting would credit the person. */
const TOKEN_ONLY = 'JSM Operations shows the bot\'s API token account as the actor.'
const LIST = { offset: '0', size: '100' }

/** Teams, escalations (404 on the global list: read per team), schedules. */
function mockPageables (scope: ReturnType<typeof rest>): void {
  scope.get(`${REST}/teams`).query(LIST).reply(200, jsmFixture('teams'))
  scope.get(`${REST}/escalations`).query(LIST).reply(404, jsmFixture('error-404'))
  scope.get(`${REST}/teams`).query(LIST).reply(200, jsmFixture('teams'))
  for (const team of jsmFixture('teams').values) {
    scope.get(`${REST}/teams/${team.id}/escalations`).query(LIST).reply(200, team.id === TEAM.id ? jsmFixture('team-escalations') : { values: [], links: {} })
  }
  scope.get(`${REST}/schedules`).query(LIST).reply(200, jsmFixture('schedules'))
}

for (const version of HUBOT_VERSIONS) {
  describe(`genie page on JSM Operations (Hubot ${version})`, () => {
    describe('with an integration key', () => {
      const bot = botOn(version, () => configureJsm({ HUBOT_JSM_INTEGRATION_KEY: INTEGRATION_KEY, HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '2000' }), { room: 'ops' })

      it('creates the alert through the Integration Events API with the person as user, confirmed there, and replies with its #tinyId', async () => {
        const scope = rest()
        mockPageables(scope)
        const events = integration()
        const bodies: any[] = []
        events.post(`${INTEGRATION}/alerts`, b => { bodies.push(b); return true }).reply(202, { ...jsmFixture('accepted'), requestId: 'int-create-1' })
        events.get(`${INTEGRATION}/alerts/requests/int-create-1`).reply(404, jsmFixture('error-404'))
        events.get(`${INTEGRATION}/alerts/requests/int-create-1`).reply(200, { data: { ...jsmFixture('request-success'), action: 'Create', alertId: jsmId(21) } })
        scope.get(`${REST}/alerts/${jsmId(21)}`).reply(200, jsmAlert(21, { priority: 'P2', count: 1 }))
        const replies = await bot.say('/genie page platform P2: builds stuck', ALICE)
        expectDone(scope, events)
        expect(replies).to.deep.equal(['Paged team Platform: #21 P2 is open, confirmed by JSM Operations.'])
        expect(bodies).to.have.length(1)
        expect(bodies[0]).to.include({ message: 'builds stuck', priority: 'P2', user: 'ana@example.com', source: 'hubot' })
        expect(bodies[0].responders).to.deep.equal([{ type: 'team', name: 'Platform' }])
        expect(bodies[0].alias).to.match(/^chat-page-[0-9a-f]{32}$/)
      })
    })

    describe('on the REST API alone', () => {
      const bot = botOn(version, () => configureJsm({ HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '2000' }), { room: 'ops' })

      it('creates the alert with responders by id and no user, confirms it, and says whose name JSM shows', async () => {
        const scope = rest()
        mockPageables(scope)
        const bodies: any[] = []
        scope.post(`${REST}/alerts`, b => { bodies.push(b); return true }).reply(202, { ...jsmFixture('accepted'), requestId: 'rest-create-1' })
        scope.get(`${REST}/alerts/requests/rest-create-1`).reply(200, { ...jsmFixture('request-success'), action: 'Create', alertId: jsmId(22) })
        scope.get(`${REST}/alerts/${jsmId(22)}`).reply(200, jsmAlert(22, { count: 1 }))
        const replies = await bot.say('/genie page Platform escalation: builds stuck', ALICE)
        expectDone(scope)
        expect(replies).to.deep.equal([`Paged escalation Platform escalation: #22 is open, confirmed by JSM Operations.\n${TOKEN_NOTE}`])
        expect(bodies[0].responders).to.deep.equal([{ type: 'escalation', id: ESC.id }])
        expect(bodies[0]).not.to.have.property('user')
        expect(bodies[0]).to.include({ message: 'builds stuck', source: 'hubot' })
      })

      it('resends a create that got a 503 with the same alias, so JSM deduplicates it', async () => {
        const scope = rest()
        mockPageables(scope)
        const bodies: any[] = []
        scope.post(`${REST}/alerts`, b => { bodies.push(b); return true }).reply(503, jsmFixture('error-404'))
        scope.post(`${REST}/alerts`, b => { bodies.push(b); return true }).reply(202, { ...jsmFixture('accepted'), requestId: 'rest-create-2' })
        scope.get(`${REST}/alerts/requests/rest-create-2`).reply(200, { ...jsmFixture('request-success'), action: 'Create', alertId: jsmId(23) })
        scope.get(`${REST}/alerts/${jsmId(23)}`).reply(200, jsmAlert(23, { count: 2 }))
        const [reply] = await bot.say('/genie page Builds: queue stuck', ALICE)
        expectDone(scope)
        expect(bodies).to.have.length(2)
        expect(bodies[1].alias).to.equal(bodies[0].alias)
        expect(reply).to.match(/^Paged team Builds: #23 is open, confirmed by JSM Operations\. .*counted it again \(2×\)/)
      })

      it('refuses an unknown name with suggestions before anything is created', async () => {
        const scope = rest()
        mockPageables(scope)
        expect(await bot.say('/genie page Bulds: x', ALICE)).to.deep.equal(
          ['No team, user, schedule or escalation is called "Bulds". Did you mean: Builds? Nobody was paged.'])
        expectDone(scope)
      })

      it('adds a responder by id, escalates by escalationId, assigns by accountId and sets the priority with PATCH', async () => {
        const scope = rest()
        const open = [jsmAlert(13)]
        mockJsmList(scope, OPEN, open)
        mockPageables(scope)
        mockRestAction(scope, jsmId(13), 'responders', b => JSON.stringify(b) === JSON.stringify({ responder: { type: 'team', id: TEAM.id } }))
        expect((await bot.say('/genie page #13 platform', ALICE))[0]).to.equal(`Added team Platform as a responder to #13 (confirmed by JSM Operations).\n${TOKEN_ONLY}`)

        // No escalation named: the one of the alert's team (fixture: Platform's).
        mockJsmList(scope, OPEN, open)
        scope.get(`${REST}/escalations`).query(LIST).reply(404, jsmFixture('error-404'))
        scope.get(`${REST}/teams`).query(LIST).reply(200, jsmFixture('teams'))
        for (const team of jsmFixture('teams').values) {
          scope.get(`${REST}/teams/${team.id}/escalations`).query(LIST).reply(200, team.id === TEAM.id ? jsmFixture('team-escalations') : { values: [], links: {} })
        }
        mockRestAction(scope, jsmId(13), 'escalate', b => JSON.stringify(b) === JSON.stringify({ escalationId: ESC.id }))
        expect((await bot.say('/genie escalate 13', ALICE))[0]).to.equal(`Escalated #13 to Platform escalation (confirmed by JSM Operations).\n${TOKEN_ONLY}`)

        mockJsmList(scope, OPEN, open)
        const people = jira().get('/rest/api/3/user/search').query({ query: ANA.email }).reply(200, jsmFixture('jira-user-search'))
        mockRestAction(scope, jsmId(13), 'assign', b => JSON.stringify(b) === JSON.stringify({ accountId: ANA.accountId }))
        expect((await bot.say('/genie assign 13 to me', ALICE))[0]).to.equal(`Assigned #13 to ana@example.com (confirmed by JSM Operations).\n${TOKEN_ONLY}`)

        mockJsmList(scope, OPEN, open)
        scope.patch(`${REST}/alerts/${jsmId(13)}/priority`, b => JSON.stringify(b) === '{"priority":"P1"}').reply(202, { ...jsmFixture('accepted'), requestId: 'rest-priority-1' })
        scope.get(`${REST}/alerts/requests/rest-priority-1`).reply(200, jsmFixture('request-success'))
        expect((await bot.say('/genie priority 13 P1', ALICE))[0]).to.equal(`#13 is now P1 (confirmed by JSM Operations).\n${TOKEN_ONLY}`)
        expectDone(scope, people)
      })
    })
  })
}
