// The replies of the people commands (genie me as, whoami, forget me, oncall, take), as pure functions.
import { expect } from 'chai'
import {
  formatEmailsHidden, formatForgotten, formatIdentitySet, formatNoSchedule, formatNoSchedules, formatNoSuchAccount,
  formatNoSuchUser, formatStaleIdentity, formatTakeWhoAreYou, formatTaken, formatWhichSchedule, formatWhoami,
  formatWhoamiUnset, tokenActorNote, verifyHint
} from '../../../src/chat/opsgenie/people-format'

const NEO = { id: 'u1', username: 'neo@opsgenie.com', fullName: 'Neo' }
const PERSON = { by: 'person' } as const
const TOKEN = { by: 'token' } as const

describe('the people replies', () => {
  describe('genie me as', () => {
    it('says who you are and that your actions show that name when every action is credited to you', () => {
      expect(formatIdentitySet({ chatName: 'neo', user: NEO, service: 'OpsGenie', ack: PERSON, other: PERSON }))
        .to.equal('OK neo, you are neo@opsgenie.com (Neo) in OpsGenie. Your actions from chat will show that name.')
    })

    it('says which actions show the bot\'s token account instead', () => {
      expect(formatIdentitySet({ chatName: 'neo', user: { id: 'u1', username: 'Neo' }, service: 'JSM', ack: PERSON, other: TOKEN }))
        .to.equal('OK neo, you are Neo in JSM. Acknowledge, close and notes from chat will show that name; ' +
          'for unacknowledge and snooze JSM shows the bot\'s API token account.')
      expect(formatIdentitySet({ chatName: 'neo', user: NEO, service: 'JSM', ack: { by: 'token', remedy: 'integration-key' }, other: TOKEN }))
        .to.equal('OK neo, you are neo@opsgenie.com (Neo) in JSM. Note: JSM shows the bot\'s API token account as the actor ' +
          '(set HUBOT_JSM_INTEGRATION_KEY to show yours).')
    })

    it('notes the token account only when the person is not credited', () => {
      expect(tokenActorNote('OpsGenie', PERSON)).to.equal('')
      expect(tokenActorNote('JSM', TOKEN)).to.equal('JSM shows the bot\'s API token account as the actor.')
    })

    it('says nothing was stored for an unknown address or account, and how to use an account id', () => {
      expect(formatNoSuchUser('x@y.z', 'OpsGenie', false, '/'))
        .to.equal('OpsGenie has no user x@y.z. Nothing was stored; check the address you log in with.')
      expect(formatNoSuchUser('x@y.z', 'JSM', true, 'hubot '))
        .to.equal('JSM has no user x@y.z. Nothing was stored; check the address you log in with. If your site hides email addresses, ' +
          'say hubot genie me as account <accountId> (the id at the end of your Atlassian profile\'s address).')
      expect(formatNoSuchAccount('5b10ac', 'JSM'))
        .to.equal('JSM has no account 5b10ac. Nothing was stored; copy the id from the end of your Atlassian profile\'s address.')
    })

    it('lists at most three accounts a hidden email matched, with the command for each', () => {
      const candidates = ['Ann', 'Bob', 'Cy', 'Di', 'Ed'].map((name, i) => ({ id: `u${i}`, username: name, fullName: `${name} A.`, accountId: `acc${i}` }))
      expect(formatEmailsHidden('a@b.c', candidates, '/'))
        .to.equal('The Atlassian site hides email addresses, so I cannot confirm which account is a@b.c. It matched: ' +
          'Ann A. (/genie me as account acc0); Bob A. (/genie me as account acc1); Cy A. (/genie me as account acc2) and 2 more. ' +
          'If one is you, say that command. Nothing was stored.')
      expect(formatEmailsHidden('a@b.c', [{ id: 'u9', username: 'Zed' }], '/', 'Nobody was put on call.'))
        .to.equal('The Atlassian site hides email addresses, so I cannot confirm which account is a@b.c. It matched: ' +
          'Zed (/genie me as account u9). If one is you, say that command. Nobody was put on call.')
    })
  })

  describe('genie whoami and forget me', () => {
    const identity = { username: 'neo@opsgenie.com', fullName: 'Neo', setAt: '2026-11-01T10:00:00.000Z', verified: 'chat email' as const }

    it('says who you are and how it was set', () => {
      expect(formatWhoami(identity, { service: 'OpsGenie', prefix: '/' }))
        .to.equal('You are neo@opsgenie.com (Neo) in OpsGenie (set with /genie me as).')
      expect(formatWhoami({ ...identity, verified: 'admin', accountId: 'acc1' }, { service: 'JSM', prefix: '/' }))
        .to.equal('You are neo@opsgenie.com (Neo) in JSM (recorded by an identity admin, account acc1).')
      expect(formatWhoami(identity, { service: 'JSM', prefix: '/', reresolvedFrom: '2026-11-01' }))
        .to.equal('You are neo@opsgenie.com (Neo) in JSM (looked up again in JSM: you had set it on 2026-11-01).')
    })

    it('says an unverified claim is not used, whose name is used instead, and how to verify it', () => {
      expect(formatWhoami({ ...identity, verified: undefined }, { service: 'OpsGenie', prefix: '/', unverifiedActor: 'neo' }))
        .to.equal('You said you are neo@opsgenie.com (Neo) in OpsGenie (set with /genie me as), but that is not verified, so it is not used: ' +
          `your actions go out as neo. ${verifyHint('/')}`)
      expect(verifyHint('hubot ')).to.equal('To verify it, use a chat account whose email is that address, or ask an identity admin ' +
        '(HUBOT_OPSGENIE_IDENTITY_ADMINS) to say hubot genie <your chat name> is <email>.')
    })

    it('says whose name actions go out under when nothing is stored', () => {
      expect(formatWhoamiUnset({ name: 'neo@example.com', from: 'chat email' }, 'OpsGenie', '/'))
        .to.equal('I have not been told who you are in OpsGenie. Your actions go out as neo@example.com (the email your chat account gives). ' +
          'Say /genie me as <email> to set it.')
      expect(formatWhoamiUnset({ name: 'neo', from: 'chat name' }, 'JSM', '/'))
        .to.contain('Your actions go out as neo (your chat name, which JSM may not know).')
    })

    it('asks to set an identity again when this backend cannot find it', () => {
      expect(formatStaleIdentity(identity, 'OpsGenie', 'JSM', '/'))
        .to.equal('You set neo@opsgenie.com while the bot used OpsGenie, and JSM could not find that account. ' +
          'Say /genie me as <email> (or /genie me as account <accountId>) again.')
    })

    it('says whether there was anything to forget', () => {
      expect(formatForgotten(true, 'OpsGenie')).to.equal('Forgotten: I no longer know who you are in OpsGenie.')
      expect(formatForgotten(false, 'OpsGenie')).to.equal('I had nothing stored for you, so there is nothing to forget.')
    })
  })

  describe('genie oncall and take', () => {
    it('says there are no schedules, or that a name matched none or several', () => {
      expect(formatNoSchedules('OpsGenie')).to.equal('OpsGenie has no schedules.')
      expect(formatNoSchedule('weekend', 'none', 'Primary, Secondary')).to.equal('There is no schedule called "weekend". Schedules: Primary, Secondary.')
      expect(formatNoSchedule('ary', 'ambiguous', 'Primary, Secondary')).to.equal('"ary" matches several schedules: Primary, Secondary. Say which.')
    })

    it('asks who you are, or which schedule, before putting anyone on call', () => {
      expect(formatTakeWhoAreYou('OpsGenie', '/'))
        .to.equal('I don\'t know who you are in OpsGenie. Say /genie me as <email> first; nobody was put on call.')
      expect(formatWhichSchedule(90 * 60_000, 'Primary, Secondary', '/'))
        .to.equal('Which schedule? Say /genie take <schedule> for 1h 30m, with one of: Primary, Secondary.')
    })

    it('says who is on call for which schedule until when, with the override\'s alias', () => {
      const end = Date.parse('2026-12-04T08:30:00Z')
      expect(formatTaken({ username: 'neo@opsgenie.com', schedule: 'Primary', end, durationMs: 2 * 3_600_000, alias: 'ov-1' }))
        .to.equal('You (neo@opsgenie.com) are on call for Primary from now until 2026-12-04 08:30 UTC (2h; override ov-1).')
      expect(formatTaken({ username: 'neo', schedule: 'Primary', end, durationMs: 60_000, alias: '' })).to.contain('(1m; override created).')
    })
  })
})
