import { expect } from 'chai'
import { botForEachTest, startBot } from '../../../support/bots'
import { BRAIN_KEY } from '../../../../src/chat/opsgenie/identity'
import { alert, configure, expectDone, fixture, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie, uuid } from '../../../support/opsgenie'

const SCHEDULES = fixture('schedules').data
const PRIMARY = SCHEDULES[0]
const DATABASE = SCHEDULES[1]
const NEO = { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' }

function onCallBody (schedule: { id: string, name: string }, recipients: string[]): any {
  const body = fixture('oncall-flat')
  body.data._parent = { id: schedule.id, name: schedule.name, enabled: true }
  body.data.onCallRecipients = recipients
  return body
}

function mockOnCall (scope: any, schedule: { id: string, name: string }, recipients: string[]): void {
  scope.get(`/v2/schedules/${schedule.id}/on-calls`).query({ scheduleIdentifierType: 'id', flat: 'true' }).reply(200, onCallBody(schedule, recipients))
}

describe('genie identity and on-call commands on Hubot 3.5', () => {
  const bot = botForEachTest(configure)

  describe('genie me as, whoami, forget me', () => {
    it('stores who the chat user is after OpsGenie knows the address, verified by the chat email, and shows it', async () => {
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      expect(await bot.say('/genie me as neo@opsgenie.com', NEO))
        .to.deep.equal(['OK neo, you are neo@opsgenie.com (Thomas Anderson) in OpsGenie. Your actions from chat will show that name.'])
      expectDone(scope)
      expect(await bot.say('/genie whoami', NEO))
        .to.deep.equal(['You are neo@opsgenie.com (Thomas Anderson) in OpsGenie (set with /genie me as).'])
    })

    it('explains a 403 on the user lookup as a key that may not read users, not as an alert-action key', async () => {
      const body = { message: 'To perform this action, use an API key from an API integration.', code: 40301, took: 0, requestId: 'r' }
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(403, body)
      expect(await bot.say('/genie me as neo@opsgenie.com', { name: 'neo', id: 'U1' })).to.deep.equal([
        'OpsGenie refused: this key may not look up users, so the address could not be checked and was not stored ' +
        '(keys from an API integration often cannot read users). Nothing was changed.'])
      expectDone(scope)
      expect(bot.robot.brain.get(BRAIN_KEY)).to.equal(null)
    })

    it('says an address OpsGenie does not know is unknown and stores nothing', async () => {
      const scope = opsgenie().get('/v2/users/nobody@example.com').reply(404, { message: 'No user exists with username [nobody@example.com]', took: 0, requestId: 'r' })
      expect(await bot.say('/genie me as nobody@example.com', { name: 'neo', id: 'U1' }))
        .to.deep.equal(['OpsGenie has no user nobody@example.com. Nothing was stored; check the address you log in with.'])
      expectDone(scope)
      expect(bot.robot.brain.get(BRAIN_KEY)).to.equal(null)
    })

    it('sends the verified username as user on every action', async () => {
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      await bot.say('/genie me as neo@opsgenie.com', { ...NEO, email_address: 'Neo@OpsGenie.com' })
      mockList(scope, OPEN_UNACKED, [alert(1)])
      mockAction(scope, uuid(1), { body: b => b.user === 'neo@opsgenie.com' && b.source === 'hubot' })
      expect(await bot.say('/genie ack', { ...NEO, email_address: 'Neo@OpsGenie.com' }))
        .to.deep.equal(['Acknowledged 1 alert, confirmed by OpsGenie: #1.'])
      expectDone(scope)
    })

    it('keeps a claim the chat email does not back as unverified: shown, never used to act in that name', async () => {
      const mallory = { name: 'mallory', id: 'U6', email_address: 'mallory@example.com' }
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      expect(await bot.say('/genie me as neo@opsgenie.com', mallory)).to.deep.equal([
        'Noted, mallory: you say you are neo@opsgenie.com (Thomas Anderson) in OpsGenie, but I cannot verify it ' +
        '(your chat account\'s email is mallory@example.com, not that address). Until it is verified your actions go out as ' +
        'mallory@example.com and /genie take will not put you on call. To verify it, use a chat account whose email is ' +
        'that address, or ask an identity admin (HUBOT_OPSGENIE_IDENTITY_ADMINS) to say /genie <your chat name> is <email>.'])
      expect(await bot.say('/genie whoami', mallory)).to.deep.equal([
        'You said you are neo@opsgenie.com (Thomas Anderson) in OpsGenie (set with /genie me as), but that is not ' +
        'verified, so it is not used: your actions go out as mallory@example.com. To verify it, use a chat account whose ' +
        'email is that address, or ask an identity admin (HUBOT_OPSGENIE_IDENTITY_ADMINS) to say /genie <your chat name> is <email>.'])
      mockList(scope, OPEN_UNACKED, [alert(1)])
      mockAction(scope, uuid(1), { body: b => b.user === 'mallory@example.com' })
      expect(await bot.say('/genie ack', mallory)).to.deep.equal(['Acknowledged 1 alert, confirmed by OpsGenie: #1.'])
      expectDone(scope)
    })

    it('treats an identity stored before verification existed as an unverified claim, and says so', async () => {
      bot.robot.brain.set(BRAIN_KEY, { U1: { username: 'neo@opsgenie.com', fullName: 'Thomas Anderson', setAt: '2026-11-01T00:00:00.000Z' } })
      const [reply] = await bot.say('/genie whoami', { name: 'neo', id: 'U1' })
      expect(reply).to.match(/^You said you are neo@opsgenie\.com .* but that is not verified, so it is not used: your actions go out as neo\./)
      const scope = mockList(opsgenie(), OPEN, [alert(1)])
      mockAction(scope, uuid(1), { body: b => b.user === 'neo' })
      await bot.say('/genie ack 1', { name: 'neo', id: 'U1' })
      expectDone(scope)
      // The same old record is used once the chat adapter gives that very address.
      mockList(scope, OPEN, [alert(2)])
      mockAction(scope, uuid(2), { body: b => b.user === 'neo@opsgenie.com' })
      await bot.say('/genie ack 2', NEO)
      expectDone(scope)
    })

    it('falls back to the chat email, then the chat name, as user on actions', async () => {
      const scope = mockList(opsgenie(), OPEN, [alert(1), alert(2)])
      mockAction(scope, uuid(1), { action: 'close', body: b => b.user === 'trinity@example.com' && b.source === 'hubot' })
      await bot.say('/genie close 1', { name: 'trinity', id: 'U2', email_address: 'trinity@example.com' })
      mockList(scope, OPEN, [alert(2)])
      mockAction(scope, uuid(2), { action: 'close', body: b => b.user === 'morpheus' && b.source === 'hubot' })
      await bot.say('/genie close 2', { name: 'morpheus', id: 'U3' })
      expectDone(scope)
    })

    it('forgets the mapping, after which actions go out under the chat name again', async () => {
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      await bot.say('/genie me as neo@opsgenie.com', NEO)
      expect(await bot.say('/genie forget me', { name: 'neo', id: 'U1' })).to.deep.equal(['Forgotten: I no longer know who you are in OpsGenie.'])
      expect(await bot.say('/genie forget me', { name: 'neo', id: 'U1' })).to.deep.equal(['I had nothing stored for you, so there is nothing to forget.'])
      expect(await bot.say('/genie whoami', { name: 'neo', id: 'U1' }))
        .to.deep.equal(['I have not been told who you are in OpsGenie. Your actions go out as neo (your chat name, which OpsGenie may not know). Say /genie me as <email> to set it.'])
      mockList(scope, OPEN, [alert(1)])
      mockAction(scope, uuid(1), { body: b => b.user === 'neo' })
      await bot.say('/genie ack 1', { name: 'neo', id: 'U1' })
      expectDone(scope)
    })

    it('keeps the mapping across a brain save and a load into a new robot', async () => {
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      await bot.say('/genie me as neo@opsgenie.com', NEO)
      let saved: unknown
      bot.robot.brain.on('save', (data: unknown) => { saved = JSON.parse(JSON.stringify(data)) })
      bot.robot.brain.save()
      expect(saved).to.be.an('object')
      const second = await startBot('3.5', { alias: '/' })
      try {
        second.robot.brain.mergeData(saved)
        expect(await second.say('/genie whoami', { name: 'neo', id: 'U1' }))
          .to.deep.equal(['You are neo@opsgenie.com (Thomas Anderson) in OpsGenie (set with /genie me as).'])
        mockList(scope, OPEN, [alert(3)])
        mockAction(scope, uuid(3), { body: b => b.user === 'neo@opsgenie.com' })
        await second.say('/genie ack 3', { name: 'neo', id: 'U1' })
        expectDone(scope)
      } finally {
        await second.stop()
      }
    })

    it('lets an identity admin record who someone is (verified), and nobody else', async () => {
      process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = 'U9, role:identity'
      bot.robot.brain.userForId('U1', { name: 'neo', room: 'room1' }) // adapters keep the users they see in the brain
      const admin = { name: 'oracle', id: 'U9' }
      const mallory = { name: 'mallory', id: 'U6' }
      expect(await bot.say('/genie neo is mallory@example.com', mallory)).to.deep.equal([
        'Only identity admins (HUBOT_OPSGENIE_IDENTITY_ADMINS) may record who someone else is. Nothing was stored.'])
      expect(bot.robot.brain.get(BRAIN_KEY)).to.equal(null)
      expect(await bot.say('/genie nobody-here is neo@opsgenie.com', admin)).to.deep.equal([
        'I know no chat user called nobody-here. Nothing was stored; give their chat name or id as the bot sees it.'])
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').reply(200, fixture('user'))
      expect(await bot.say('/genie @neo is neo@opsgenie.com', admin)).to.deep.equal([
        'Recorded: neo is neo@opsgenie.com (Thomas Anderson) in OpsGenie (verified by you). Their actions from chat will show that name.'])
      expect(await bot.say('/genie whoami', { name: 'neo', id: 'U1' }))
        .to.deep.equal(['You are neo@opsgenie.com (Thomas Anderson) in OpsGenie (recorded by an identity admin).'])
      mockList(scope, OPEN, [alert(1)])
      mockAction(scope, uuid(1), { body: b => b.user === 'neo@opsgenie.com' })
      await bot.say('/genie ack 1', { name: 'neo', id: 'U1' })
      expectDone(scope)
    })

    it('puts every identity stored or forgotten on genie log: who typed it, for whom, which account, verified or a claim', async () => {
      process.env.HUBOT_OPSGENIE_IDENTITY_ADMINS = 'U9'
      bot.robot.brain.userForId('U1', { name: 'neo', room: 'room1' })
      const mallory = { name: 'mallory', id: 'U6', email_address: 'mallory@example.com' }
      const scope = opsgenie().get('/v2/users/neo@opsgenie.com').times(3).reply(200, fixture('user'))
      await bot.say('/genie me as neo@opsgenie.com', mallory)
      await bot.say('/genie neo is neo@opsgenie.com', { name: 'oracle', id: 'U9' })
      await bot.say('/genie me as neo@opsgenie.com', NEO)
      await bot.say('/genie forget me', NEO)
      await bot.say('/genie forget me', NEO) // nothing stored: nothing to record
      expectDone(scope)
      const [log] = await bot.say('/genie log')
      expect(log.replace(/\d{4}-\d\d-\d\d \d\d:\d\d UTC/g, '<time>').split('\n')).to.deep.equal([
        'The last 4 OpsGenie changes from chat, newest first:',
        '• <time> neo (U1) in room1: genie forget-me → neo (U1) forget identity: done',
        '• <time> neo (U1) in room1: genie me-as → neo (U1) identity neo@opsgenie.com (verified: chat email): done',
        '• <time> oracle (U9) in room1: genie identity-record → neo (U1) identity neo@opsgenie.com (verified: admin): done',
        '• <time> mallory (U6) in room1: genie me-as → mallory (U6) identity neo@opsgenie.com (claim, unverified): done'
      ])
    })

    it('refuses an address that is not an email without asking OpsGenie', async () => {
      expect(await bot.say('/genie me as neo')).to.deep.equal(['Usage: /genie me as <email> (give your OpsGenie login, an email address).'])
    })
  })

  describe('genie oncall', () => {
    it('shows who is on call in every schedule in one reply', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      mockOnCall(scope, PRIMARY, ['neo@opsgenie.com', 'trinity@opsgenie.com'])
      mockOnCall(scope, DATABASE, [])
      expect(await bot.say('/genie oncall')).to.deep.equal(['On call now:\nPrimary: neo@opsgenie.com, trinity@opsgenie.com\nDatabase: nobody'])
      expectDone(scope)
    })

    it('shows one schedule by name, also as genie who is on call', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      mockOnCall(scope, DATABASE, ['smith@opsgenie.com'])
      expect(await bot.say('/genie who is on call database?')).to.deep.equal(['On call now — Database: smith@opsgenie.com'])
      expectDone(scope)
    })

    it('says so when nobody is on call', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      mockOnCall(scope, PRIMARY, [])
      mockOnCall(scope, DATABASE, [])
      expect(await bot.say('/genie oncall')).to.deep.equal(['Nobody is on call right now (2 schedules checked).'])
      expectDone(scope)
    })

    it('names the schedules when the one asked for does not exist', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      expect(await bot.say('/genie oncall Network')).to.deep.equal(['There is no schedule called "Network". Schedules: Primary, Database.'])
      expectDone(scope)
    })
  })

  describe('genie take', () => {
    it('creates an override with exactly the body the contract gives', async () => {
      const before = bot.clock.now() // the robot's clock: what its requests are timed on
      let body: any
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      scope.post(`/v2/schedules/${PRIMARY.id}/overrides`, (b: any) => { body = b; return true })
        .query({ scheduleIdentifierType: 'id' })
        .reply(201, fixture('override-created'))
      const [reply] = await bot.say('/genie take primary for 2h', { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' })
      expectDone(scope)
      expect(Object.keys(body)).to.deep.equal(['user', 'startDate', 'endDate'])
      expect(body.user).to.deep.equal({ type: 'user', username: 'neo@opsgenie.com' })
      expect(Date.parse(body.startDate)).to.be.within(before - 1000, bot.clock.now() + 1000)
      expect(Date.parse(body.endDate) - Date.parse(body.startDate)).to.equal(2 * 3600_000)
      expect(reply).to.match(/^You \(neo@opsgenie\.com\) are on call for Primary from now until .+ UTC \(2h; override e3a1b2c3-0000-4a6b-8c7d-9e0f1a2b3c4d\)\.$/)
    })

    it('leaves the schedule out when there is only one', async () => {
      const one = fixture('schedules')
      one.data = [PRIMARY]
      const scope = opsgenie().get('/v2/schedules').reply(200, one)
      scope.post(`/v2/schedules/${PRIMARY.id}/overrides`, (b: any) => b.user.username === 'neo@opsgenie.com')
        .query({ scheduleIdentifierType: 'id' })
        .reply(201, fixture('override-created'))
      const [reply] = await bot.say('/genie take for 30m', { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' })
      expectDone(scope)
      expect(reply).to.contain('on call for Primary')
    })

    it('lists the schedules and asks when there are several and none was named', async () => {
      const scope = opsgenie().get('/v2/schedules').reply(200, fixture('schedules'))
      expect(await bot.say('/genie take for 1h', { name: 'neo', id: 'U1', email_address: 'neo@opsgenie.com' }))
        .to.deep.equal(['Which schedule? Say /genie take <schedule> for 1h, with one of: Primary, Database.'])
      expectDone(scope)
    })

    it('refuses to put an unverified claim on call, with the reason, and sends nothing', async () => {
      const scope = opsgenie().get('/v2/users/dana@opsgenie.com').reply(200, { data: { id: 'd', username: 'dana@opsgenie.com', fullName: 'Dana' }, took: 0, requestId: 'r' })
      const mallory = { name: 'mallory', id: 'U6', email_address: 'mallory@example.com' }
      await bot.say('/genie me as dana@opsgenie.com', mallory)
      expectDone(scope)
      expect(await bot.say('/genie take Primary for 1h', mallory)).to.deep.equal([
        'You said you are dana@opsgenie.com in OpsGenie, but that is not verified, so I will not put it on call; ' +
        'nobody was put on call. To verify it, use a chat account whose email is that address, or ask an identity admin ' +
        '(HUBOT_OPSGENIE_IDENTITY_ADMINS) to say /genie <your chat name> is <email>.'])
    })

    it('asks who you are before putting a chat name on call', async () => {
      expect(await bot.say('/genie take for 1h', { name: 'neo', id: 'U1' }))
        .to.deep.equal(["I don't know who you are in OpsGenie. Say /genie me as <email> first; nobody was put on call."])
    })
  })

  it('refuses a take longer than 7 days, saying why', async () => {
    expect(await bot.say('/genie take Primary for 30d')).to.deep.equal([
      'Usage: /genie take [<schedule>] for <duration> (30d is too long: a take must last between 1 minute and 7 days (longer belongs in the schedule itself)).'
    ])
  })
})
