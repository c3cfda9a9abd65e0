// The bug this guards against: hubot-redis-brain reads Redis after the scripts have loaded and calls
// robot.brain.mergeData(data), which replaced this package's keys: 500 audit entries became 0.
// Now both sides are kept, on both Hubots, and old or broken data is skipped with one log line.
import { expect } from 'chai'
import { appendHistory, AUDIT_KEYS, HISTORY_LIMIT, readHistory, type AuditEntry } from '../../src/chat/audit/store'
import { BRAIN_KEY, getIdentity, setIdentity } from '../../src/chat/opsgenie/identity'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../support/bots'
import * as og from '../support/opsgenie'
import * as sp from '../support/statuspage'

const entry = (n: number, who = 'alice'): AuditEntry => ({
  time: new Date(Date.UTC(2026, 10, 1, 9, 0, n)).toISOString(),
  user: { id: who, name: who },
  room: 'ops',
  command: 'status set',
  service: 'Statuspage',
  targets: [{ id: `c${n}`, name: `C${n}`, action: 'major_outage', outcome: 'done' }],
  outcome: 'done'
})

for (const version of HUBOT_VERSIONS) {
  describe(`data arriving late from a persistent brain (Hubot ${version})`, () => {
    let bot: TestBot
    beforeEach(async () => {
      sp.configure()
      og.configure()
      bot = await startBot(version, { alias: '/' })
    })
    afterEach(async () => { await bot.stop() })

    it('keeps what was written before Redis answered and what Redis held: history and identities', async () => {
      // What an earlier process saved: 500 entries and an identity, in the format before versions.
      const saved = Array.from({ length: HISTORY_LIMIT }, (_, n) => entry(n, 'bob'))
      // Written in this process before Redis answered.
      appendHistory(bot.robot.brain, 'statuspage', entry(HISTORY_LIMIT + 1))
      setIdentity(bot.robot.brain, 'U2', { username: 'trinity@opsgenie.com', setAt: '2026-11-02T00:00:00.000Z' }, Date.parse('2026-12-01T00:00:00.000Z'))
      bot.robot.brain.mergeData({
        _private: {
          [AUDIT_KEYS.statuspage]: saved,
          [BRAIN_KEY]: { U1: { username: 'neo@opsgenie.com', fullName: 'Thomas Anderson', setAt: '2026-11-01T00:00:00.000Z' } }
        }
      })
      const history = readHistory(bot.robot.brain, 'statuspage')
      expect(history).to.have.length(HISTORY_LIMIT) // bounded: the oldest saved one made room
      expect(history[0].targets[0].id).to.equal('c1')
      expect(history[HISTORY_LIMIT - 1].user.name).to.equal('alice')
      expect(getIdentity(bot.robot.brain, 'U1')?.username).to.equal('neo@opsgenie.com')
      expect(getIdentity(bot.robot.brain, 'U2')?.username).to.equal('trinity@opsgenie.com')
      const [log] = await bot.say('/status log 2')
      expect(log.split('\n')).to.have.length(3)
      expect(log).to.contain(`alice (alice) in ops: status set → C${HISTORY_LIMIT + 1}`)
      expect(await bot.say('/genie whoami', { name: 'neo', id: 'U1' })).to.have.length(1)
      expect((await bot.say('/genie whoami', { name: 'neo', id: 'U1' }))[0]).to.contain('neo@opsgenie.com')
      // The merged data is in the brain itself, so the next save to Redis holds both sides.
      expect(JSON.stringify(bot.robot.brain.data._private)).to.contain('trinity@opsgenie.com').and.contain('neo@opsgenie.com')
    })

    it('answers every read with broken or newer data in the brain, and logs once what it skipped', async () => {
      bot.robot.brain.mergeData({
        _private: {
          [AUDIT_KEYS.statuspage]: { format: 1, records: [{ v: 1, id: 'x', at: 1, data: { time: 'never' } }, { v: 7, id: 'y', at: 2, data: {} }] },
          [AUDIT_KEYS.opsgenie]: 'garbage',
          [BRAIN_KEY]: { U1: { username: 42 } }
        }
      })
      expect(await bot.say('/status log')).to.deep.equal(['No Statuspage change from chat is recorded yet.'])
      const [genieLog] = await bot.say('/genie log')
      expect(genieLog).to.match(/^No .* change from chat is recorded yet\.$/)
      const [whoami] = await bot.say('/genie whoami', { name: 'neo', id: 'U1' })
      expect(whoami).not.to.contain('Something went wrong')
      const skipped = bot.logs.filter(l => l.includes('skipped'))
      expect(skipped).to.have.length(3)
      expect(skipped.find(l => l.includes(AUDIT_KEYS.statuspage))).to.contain('1 malformed record, records of version 7')
      expect(skipped.find(l => l.includes(AUDIT_KEYS.opsgenie))).to.contain('a value in an unknown format')
      expect(skipped.find(l => l.includes(BRAIN_KEY))).to.contain('1 malformed record')
    })
  })
}
