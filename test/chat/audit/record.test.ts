// After a command: what it wrote goes to the log (one structured line, secrets scrubbed), to the
// brain's history of its service, and to the robot as an event; a command that wrote nothing leaves
// no trace. On real Hubot 3.5 and 14 robots.
import { expect } from 'chai'
import { AUDIT_LOG_PREFIX } from '../../../src/chat/audit/format'
import { AUDITED_EVENT, recordAudit, type AuditRecord } from '../../../src/chat/audit/record'
import { readHistory } from '../../../src/chat/audit/store'
import { AuditTrail } from '../../../src/chat/audit/trail'
import { HUBOT_VERSIONS, startBot, type TestBot } from '../../support/bots'

const AT = Date.parse('2026-12-04T05:30:00.000Z')
const SECRET = 'og-Secret-Key-123456'

function record (trail: AuditTrail, fields: Partial<AuditRecord> = {}): AuditRecord {
  return {
    service: 'opsgenie',
    command: { label: 'genie close', access: 'write' },
    user: { id: 'U1', name: 'alice' },
    room: 'ops',
    trail,
    secrets: [SECRET],
    at: AT,
    ...fields
  }
}

for (const version of HUBOT_VERSIONS) {
  describe(`recording a command's writes (Hubot ${version})`, () => {
    let bot: TestBot
    let events: unknown[][]
    beforeEach(async () => {
      bot = await startBot(version)
      events = []
      bot.robot.on(AUDITED_EVENT, (...args: unknown[]) => { events.push(args) })
    })
    afterEach(async () => { await bot.stop() })

    const auditLines = () => bot.logs.filter(l => l.includes(AUDIT_LOG_PREFIX))

    it('logs one line, appends one entry to that service\'s history and tells the robot, with every target\'s outcome', () => {
      const trail = new AuditTrail()
      trail.learn('a1', '#1')
      trail.add('OpsGenie', { id: 'a1', action: 'close', outcome: 'done' })
      trail.add('OpsGenie', { id: 'a2', action: 'close', outcome: 'failed' })
      recordAudit(bot.robot, record(trail))
      const entry = {
        time: '2026-12-04T05:30:00.000Z',
        user: { id: 'U1', name: 'alice' },
        room: 'ops',
        command: 'genie close',
        service: 'OpsGenie',
        targets: [{ id: 'a1', name: '#1', action: 'close', outcome: 'done' }, { id: 'a2', action: 'close', outcome: 'failed' }],
        outcome: 'mixed'
      }
      expect(auditLines()).to.deep.equal([`info: ${AUDIT_LOG_PREFIX} ${JSON.stringify(entry)}`])
      expect(readHistory(bot.robot.brain, 'opsgenie')).to.deep.equal([entry])
      expect(readHistory(bot.robot.brain, 'statuspage')).to.deep.equal([])
      expect(events).to.deep.equal([[entry, AT]])
    })

    it('keeps a copy of the targets, so a later change to the trail does not rewrite the history', () => {
      const trail = new AuditTrail()
      trail.accepted('OpsGenie', 'r1', 'a1', 'acknowledge')
      recordAudit(bot.robot, record(trail))
      trail.settle('r1', true)
      expect(readHistory(bot.robot.brain, 'opsgenie')[0].targets).to.deep.equal([{ id: 'a1', action: 'acknowledge', outcome: 'unconfirmed' }])
    })

    it('scrubs the secrets from the log line', () => {
      const trail = new AuditTrail()
      trail.add('Statuspage', { id: 'cmp1', action: 'major_outage', outcome: 'done' })
      recordAudit(bot.robot, record(trail, { service: 'statuspage', room: `room-${SECRET}` }))
      expect(auditLines()).to.have.length(1)
      expect(auditLines()[0]).to.contain('"room":"room-[REDACTED]"').and.not.to.contain(SECRET)
      expect(readHistory(bot.robot.brain, 'statuspage')).to.have.length(1)
    })

    it('records nothing for a command that wrote nothing', () => {
      recordAudit(bot.robot, record(new AuditTrail()))
      expect(auditLines()).to.deep.equal([])
      expect(readHistory(bot.robot.brain, 'opsgenie')).to.deep.equal([])
      expect(events).to.deep.equal([])
    })
  })
}
