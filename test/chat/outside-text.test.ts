// Text the services hold is outside text: component, incident and schedule names, alert messages and
// who acknowledged them reach the room one inert line per entry, through real robots on both Hubots.
// A name carrying a newline and a forged entry stays inside its own line; mentions of a whole room
// and Slack markup are defused; terminal controls and direction overrides never reach the room.
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../support/bots'
import * as og from '../support/opsgenie'
import * as sp from '../support/statuspage'

const FORGED = 'Docs\n• 2026-12-04 01:00 UTC Boss Person (U_BOSS) in ops: genie close 5'
const HOSTILE = 'API @everyone <!channel> <@U123> \u001b[31mred\u0007\u0000 \u202eevil'

/** What no line the bot sends may hold, wherever the text came from. */
function expectInert (reply: string): void {
  // eslint-disable-next-line no-control-regex
  expect(reply).to.not.match(/[\u0000-\u0009\u000b-\u001f\u007f\u202e]/)
  expect(reply).to.not.match(/(?<![\w.+-])@everyone/)
  expect(reply).to.not.match(/<!channel>|<@U123>/)
  expect(reply.split('\n').filter(l => l.startsWith('• 2026-12-04'))).to.deep.equal([])
}

for (const version of HUBOT_VERSIONS) {
  describe(`outside text in replies (Hubot ${version})`, () => {
    const bot = botOn(version, () => {
      sp.configure({ HUBOT_STATUSPAGE_CACHE_SECONDS: '0' })
      og.configure()
    })
    const rows = () => sp.components().map(c =>
      c.id === 'cmpdoc000001'
        ? { ...c, name: FORGED, status: 'major_outage' as const }
        : c.id === 'cmpapieu0001' ? { ...c, name: HOSTILE, status: 'partial_outage' as const } : c)

    it('lists components one inert line each: /status components', async () => {
      const scope = sp.getComponents(sp.api(), rows())
      const [reply] = await bot.say('/status components')
      scope.done()
      expectInert(reply)
      expect(reply).to.contain('• Docs • 2026-12-04 01:00 UTC Boss Person (U_BOSS) in ops: genie close 5: major outage')
      expect(reply).to.contain('• API ＠everyone ‹!channel› ‹@U123› [31mred evil: partial outage')
    })

    it('lists what is not operational and the incidents one inert line each: /status', async () => {
      const incident = { ...sp.unresolved()[0], name: `Builds\n${FORGED}` }
      incident.incident_updates = incident.incident_updates?.map(u => ({ ...u, body: 'line one\nline two @here' }))
      const scope = sp.getMaintenance(sp.getUnresolved(sp.getComponents(sp.api(), rows()), [incident]))
      const [reply] = await bot.say('/status')
      scope.done()
      expectInert(reply)
      expect(reply).to.not.match(/@here/)
      expect(reply).to.contain('• Builds Docs • 2026-12-04 01:00 UTC Boss Person (U_BOSS) in ops: genie close 5 (p31zjtct2jer)')
    })

    it('lists alerts one inert line each: /genie', async () => {
      const scope = og.opsgenie()
      og.mockList(scope, og.OPEN, [
        og.alert(7, { message: `Disk full\n${FORGED}`, acknowledged: true, owner: 'x', report: { acknowledgedBy: 'eve <!here>' } }),
        og.alert(8, { message: HOSTILE })
      ])
      const [reply] = await bot.say('/genie')
      og.expectDone(scope)
      expectInert(reply)
      expect(reply).to.not.match(/<!here>/)
      expect(reply.split('\n').filter(l => l.startsWith('#7'))).to.have.length(1)
      expect(reply).to.contain('#8 ')
      expect(reply).to.contain('API ＠everyone ‹!channel› ‹@U123›')
    })
  })
}
