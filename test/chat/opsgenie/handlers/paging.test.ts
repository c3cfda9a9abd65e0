// genie page / page #id / escalate / assign / priority / teams on OpsGenie, through real Hubot 3.5
// and 14 robots: the request bodies (responders, priority, alias, user, source), the reply only
// after the request status confirmed the create, a resent create carrying the same alias, and
// refusals (unknown names, bad priorities) that send nothing.
import { expect } from 'chai'
import { pageAlias } from '../../../../src/alerting/paging'
import { readHistory } from '../../../../src/chat/audit/store'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { alert, configure, expectDone, fixture, mockAction, mockList, OPEN, opsgenie, uuid } from '../../../support/opsgenie'
import { ESC_DBA, ESC_PLATFORM, mockCreate, mockPageables, TEAM_PLATFORM } from '../../../support/paging'

const ALICE = { name: 'alice', id: 'U1', email_address: 'alice@example.com', room: 'ops' }
const by = (b: any) => b.user === 'alice@example.com' && b.source === 'hubot'

for (const version of HUBOT_VERSIONS) {
  describe(`genie page and the pager's verbs on OpsGenie (Hubot ${version})`, () => {
    const bot = botOn(version, () => configure({ HUBOT_OPSGENIE_CONFIRM_TIMEOUT_MS: '2000' }), { room: 'ops' })

    it('pages a team: one create with the responder, priority, alias, user and source; replies with the #tinyId once confirmed', async () => {
      const scope = mockPageables(opsgenie())
      const create = { bodies: [] as any[], tinyId: 42, pendingFirst: 1 }
      const alertId = mockCreate(scope, create)
      const before = bot.clock.now()
      const replies = await bot.say('/genie page platform P1: API is down in eu-west', ALICE)
      expectDone(scope)
      expect(replies).to.deep.equal(['Paged team Platform: #42 P1 is open, confirmed by OpsGenie.'])
      expect(create.bodies).to.have.length(1)
      const body = create.bodies[0]
      expect(body).to.include({ message: 'API is down in eu-west', priority: 'P1', user: 'alice@example.com', source: 'hubot' })
      expect(body.responders).to.deep.equal([{ type: 'team', name: 'Platform' }])
      expect(body.tags).to.deep.equal(['paged-from-chat'])
      expect([pageAlias('ops', 'API is down in eu-west', before), pageAlias('ops', 'API is down in eu-west', bot.clock.now())]).to.include(body.alias)
      expect(body.description).to.contain('Paged from chat by alice (alice@example.com) in ops').and.contain('API is down in eu-west')
      // The audit entry names the new alert by its id and #tinyId (the incident helper links alerts by it).
      const [entry] = readHistory(bot.robot.brain, 'opsgenie')
      expect(entry.command).to.equal('genie page')
      expect(entry.targets).to.deep.equal([{ id: alertId, name: '#42', action: 'page team Platform P1', outcome: 'done' }])
    })

    it('cuts the message to 130 characters and keeps the whole text in the description; pages a schedule and a user by email', async () => {
      const scope = mockPageables(opsgenie())
      const create = { bodies: [] as any[], tinyId: 7 }
      mockCreate(scope, create)
      const long = 'x'.repeat(200)
      expect(await bot.say(`/genie page Primary: ${long}`, ALICE)).to.deep.equal(['Paged schedule Primary: #7 is open, confirmed by OpsGenie.'])
      expect(create.bodies[0].message).to.equal(`${'x'.repeat(129)}…`)
      expect(create.bodies[0].description).to.contain(long)
      expect(create.bodies[0]).not.to.have.property('priority')
      expect(create.bodies[0].responders).to.deep.equal([{ type: 'schedule', name: 'Primary' }])

      scope.get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      const user = { bodies: [] as any[], tinyId: 8 }
      mockCreate(scope, user)
      expect(await bot.say('/genie page neo@opsgenie.com P2: look at the queue', ALICE)).to.deep.equal(['Paged user neo@opsgenie.com: #8 P2 is open, confirmed by OpsGenie.'])
      expect(user.bodies[0].responders).to.deep.equal([{ type: 'user', username: 'neo@opsgenie.com' }])
      expectDone(scope)
    })

    it('resends a create that got a 503 with the same alias, so OpsGenie deduplicates it, and says so', async () => {
      const scope = mockPageables(opsgenie())
      const create = { bodies: [] as any[], tinyId: 42, failFirst: [503], count: 2 }
      mockCreate(scope, create)
      const [reply] = await bot.say('/genie page Platform_escalation: disk full', ALICE)
      expectDone(scope)
      expect(create.bodies).to.have.length(2)
      expect(create.bodies[1].alias).to.equal(create.bodies[0].alias)
      expect(create.bodies[0].responders).to.deep.equal([{ type: 'escalation', name: 'Platform_escalation' }])
      expect(reply).to.match(/^Paged escalation Platform_escalation: #42 is open, confirmed by OpsGenie\. .*counted it again \(2×\) and notified nobody twice\.$/)
    })

    it('says it may have paged, and how to check, when the create is never confirmed', async () => {
      const scope = mockPageables(opsgenie())
      scope.post('/v2/alerts').times(3).reply(503, { message: 'Service Unavailable', took: 0, requestId: 'x' })
      const [reply] = await bot.say('/genie page Platform: disk full', ALICE)
      expectDone(scope)
      expect(reply).to.match(/^The page to team Platform is not confirmed — .*It may have paged, check with \/genie before paging again/)
    })

    it('refuses a name that matches nothing, with suggestions, and a bad priority, before sending anything', async () => {
      const scope = mockPageables(opsgenie())
      expect(await bot.say('/genie page Platfrom: down', ALICE)).to.deep.equal(
        ['No team, user, schedule or escalation is called "Platfrom". Did you mean: Platform? Nobody was paged.'])
      expectDone(scope)
      expect(await bot.say('/genie page Platform P7: down', ALICE)).to.deep.equal(
        ['Usage: /genie page <team|user|schedule|escalation> [P1-P5]: <message> (priorities are P1 (highest) to P5).'])
      expect(await bot.say('/genie priority 12 P0', ALICE)).to.deep.equal(
        ['Usage: /genie priority #<id> P1 (priorities are P1 (highest) to P5).'])
    })

    it('adds a responder to an alert, escalates it (named, or its team\'s escalation) and sets its priority', async () => {
      const scope = opsgenie()
      const open = [alert(12, { responders: [{ type: 'team', id: TEAM_PLATFORM.id }] })]
      mockList(scope, OPEN, open)
      mockPageables(scope)
      mockAction(scope, uuid(12), { action: 'responders', body: b => by(b) && b.responder.type === 'team' && b.responder.name === 'DBA' })
      expect(await bot.say('/genie page #12 dba', ALICE)).to.deep.equal(['Added team DBA as a responder to #12 (confirmed by OpsGenie).'])

      mockList(scope, OPEN, open)
      scope.get('/v2/escalations').reply(200, fixture('escalations'))
      mockAction(scope, uuid(12), { action: 'escalate', body: b => by(b) && b.escalation.name === ESC_DBA.name })
      expect(await bot.say('/genie escalate #12 to dba_escalation', ALICE)).to.deep.equal([`Escalated #12 to ${ESC_DBA.name} (confirmed by OpsGenie).`])

      mockList(scope, OPEN, open)
      scope.get('/v2/escalations').reply(200, fixture('escalations'))
      mockAction(scope, uuid(12), { action: 'escalate', body: b => b.escalation.name === ESC_PLATFORM.name })
      expect(await bot.say('/genie escalate 12', ALICE)).to.deep.equal([`Escalated #12 to ${ESC_PLATFORM.name} (confirmed by OpsGenie).`])

      mockList(scope, OPEN, open)
      const requestId = 'req-priority-12'
      scope.put(`/v2/alerts/${uuid(12)}/priority`, b => JSON.stringify(b) === '{"priority":"P1"}').query({ identifierType: 'id' })
        .reply(202, { ...fixture('accepted'), requestId })
      scope.get(`/v2/alerts/requests/${requestId}`).reply(200, fixture('request-success'))
      expect(await bot.say('/genie priority #12 p1', ALICE)).to.deep.equal(['#12 is now P1 (confirmed by OpsGenie).'])
      expectDone(scope)
      // Each one a write on the audit trail, named by the alert's #tinyId.
      const targets = readHistory(bot.robot.brain, 'opsgenie').flatMap(e => e.targets)
      expect(targets.map(t => `${t.name} ${t.action} ${t.outcome}`)).to.have.members([
        '#12 add responder team DBA done', `#12 escalate to ${ESC_DBA.name} done`, `#12 escalate to ${ESC_PLATFORM.name} done`, '#12 priority P1 done'
      ])
    })

    it('assigns an alert to me (the chat adapter\'s email, checked) or to someone by email; refuses an unknown person', async () => {
      const scope = opsgenie()
      mockList(scope, OPEN, [alert(12)])
      scope.get('/v2/users/alice@example.com').reply(200, { ...fixture('user'), data: { ...fixture('user').data, username: 'alice@example.com' } })
      mockAction(scope, uuid(12), { action: 'assign', body: b => by(b) && b.owner.username === 'alice@example.com' })
      expect(await bot.say('/genie assign #12 to me', ALICE)).to.deep.equal(['Assigned #12 to alice@example.com (confirmed by OpsGenie).'])

      mockList(scope, OPEN, [alert(12)])
      scope.get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      mockAction(scope, uuid(12), { action: 'assign', body: b => b.owner.username === 'neo@opsgenie.com' })
      expect(await bot.say('/genie assign 12 to neo@opsgenie.com', ALICE)).to.deep.equal(['Assigned #12 to neo@opsgenie.com (confirmed by OpsGenie).'])

      mockList(scope, OPEN, [alert(12)])
      expect(await bot.say('/genie assign 12 to nobody', ALICE)).to.deep.equal(
        ['I don\'t know who "nobody" is in OpsGenie: give an email address, or a chat user who told me (/genie me as). Nothing was changed.'])
      expectDone(scope)
    })

    it('lists the teams and escalations people can page', async () => {
      const scope = opsgenie()
      scope.get('/v2/teams').reply(200, fixture('teams'))
      scope.get('/v2/escalations').reply(200, fixture('escalations'))
      expect(await bot.say('/genie teams', ALICE)).to.deep.equal([
        'Teams: Platform, DBA.\nEscalations: Platform_escalation, DBA_escalation.\n' +
        'Page one: /genie page <name> [P1-P5]: <message> (schedules and users by email too).'])
      expectDone(scope)
    })
  })
}
