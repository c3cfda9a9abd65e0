// Filtered bulk actions through real Hubot 3.5 and 14 robots: genie ack P1 / P1,P2 / mine /
// tag:<tag> touch exactly the matching open alerts (a stray request fails the test), the filter is
// repeated in the count, and genie close with a filter waits for genie confirm like close all.
import { expect } from 'chai'
import { setIdentity } from '../../../../src/chat/opsgenie/identity'
import { botOn, HUBOT_VERSIONS } from '../../../support/bots'
import { alert, configure, expectDone, mockAction, mockList, OPEN, OPEN_UNACKED, opsgenie, uuid } from '../../../support/opsgenie'
import { configureJsm, jsmAlert, jsmId, mockJsmList, mockRestAction, OPEN_UNACKED as JSM_OPEN_UNACKED, rest } from '../../../support/jsm'

const ALICE = { name: 'alice', id: 'U1', email_address: 'alice@example.com' }
/** Alerts of every kind: only some match each filter. */
const MIX = [
  alert(12, { priority: 'P1', tags: ['db'] }),
  alert(13, { priority: 'P2', owner: 'alice@example.com' }),
  alert(14, { priority: 'P1', owner: 'neo@opsgenie.com' }),
  alert(15, { priority: 'P3', tags: ['DB', 'eu'] })
]

for (const version of HUBOT_VERSIONS) {
  describe(`filtered genie ack and close on OpsGenie (Hubot ${version})`, () => {
    const bot = botOn(version, () => configure())

    it('acknowledges exactly the P1 alerts and says so in the count', async () => {
      const scope = mockList(opsgenie(), OPEN_UNACKED, MIX)
      mockAction(scope, uuid(12))
      mockAction(scope, uuid(14))
      expect(await bot.say('/genie ack P1', ALICE)).to.deep.equal(['Acknowledged 2 P1 alerts, all confirmed by OpsGenie: #12, #14.'])
      expectDone(scope)
    })

    it('acknowledges P1 and P2 alerts together', async () => {
      const scope = mockList(opsgenie(), OPEN_UNACKED, MIX)
      for (const n of [12, 13, 14]) mockAction(scope, uuid(n))
      expect(await bot.say('/genie ack p1,P2', ALICE)).to.deep.equal(['Acknowledged 3 P1/P2 alerts, all confirmed by OpsGenie: #12–#14.'])
      expectDone(scope)
    })

    it('acknowledges the alerts owned by me (my verified identity) and those tagged db (any case)', async () => {
      setIdentity(bot.robot.brain, 'U1', { username: 'alice@example.com', setAt: new Date().toISOString(), verified: 'admin', recordedBy: 'U9' }, Date.parse('2026-12-01T00:00:00.000Z'))
      const scope = mockList(opsgenie(), OPEN_UNACKED, MIX)
      mockAction(scope, uuid(13))
      expect(await bot.say('/genie ack mine', { ...ALICE, email_address: '' })).to.deep.equal(
        ['Acknowledged 1 alert owned by or assigned to you, confirmed by OpsGenie: #13.'])
      mockList(scope, OPEN_UNACKED, MIX)
      mockAction(scope, uuid(12))
      mockAction(scope, uuid(15))
      expect(await bot.say('/genie ack tag:db', ALICE)).to.deep.equal(['Acknowledged 2 alerts tagged db, all confirmed by OpsGenie: #12, #15.'])
      expectDone(scope)
    })

    it('refuses genie ack mine from someone whose identity is not verified, before any request', async () => {
      setIdentity(bot.robot.brain, 'U2', { username: 'neo@opsgenie.com', setAt: new Date().toISOString() }, Date.parse('2026-12-01T00:00:00.000Z'))
      const [reply] = await bot.say('/genie ack mine', { name: 'mallory', id: 'U2' })
      expect(reply).to.equal('I don\'t know who you are in OpsGenie: say /genie me as <email> first. Nothing was changed.')
    })

    it('says when no alert matches, and refuses a bad priority without a request', async () => {
      const scope = mockList(opsgenie(), OPEN_UNACKED, MIX)
      expect(await bot.say('/genie ack P5', ALICE)).to.deep.equal(['No open unacknowledged P5 alert: there is nothing to acknowledge.'])
      expectDone(scope)
      expect(await bot.say('/genie ack P9', ALICE)).to.deep.equal(['Usage: /genie ack P1[,P2] (priorities are P1 (highest) to P5).'])
    })

    it('closes the P1 alerts only after genie confirm, repeating the filter in the prompt and the count', async () => {
      const scope = mockList(opsgenie(), OPEN, MIX)
      const [prompt] = await bot.say('/genie close P1', ALICE)
      expect(prompt).to.match(/^This would close 2 open P1 alerts: #12, #14\. To do it, say: \/genie confirm ([A-Z0-9]{4}) /)
      const code = /confirm ([A-Z0-9]{4})/.exec(prompt)![1]
      mockAction(scope, uuid(12), { action: 'close' })
      mockAction(scope, uuid(14), { action: 'close' })
      expect(await bot.say(`/genie confirm ${code}`, ALICE)).to.deep.equal(['Closed 2 P1 alerts, all confirmed by OpsGenie: #12, #14.'])
      expectDone(scope)
    })
  })
}

describe('filtered genie ack on JSM Operations (Hubot 3.5)', () => {
  const bot = botOn('3.5', () => configureJsm())

  it('acknowledges exactly the alerts with the tag', async () => {
    const scope = mockJsmList(rest(), JSM_OPEN_UNACKED, [jsmAlert(1, { tags: ['db'] }), jsmAlert(2, { tags: [] }), jsmAlert(3, { tags: ['db'] })])
    mockRestAction(scope, jsmId(1), 'acknowledge', () => true)
    mockRestAction(scope, jsmId(3), 'acknowledge', () => true)
    const [reply] = await bot.say('/genie ack tag:db', ALICE)
    expectDone(scope)
    expect(reply.split('\n')[0]).to.equal('Acknowledged 2 alerts tagged db, all confirmed by JSM Operations: #1, #3.')
  })
})
