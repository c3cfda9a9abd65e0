// A chat name or an incident name holding a newline and a forged "• <time> Boss Person …" line stays
// inside one entry of status log: each entry is one line, newlines shown as spaces.
import { expect } from 'chai'
import { botOn, HUBOT_VERSIONS } from '../../support/bots'
import * as og from '../../support/opsgenie'
import * as sp from '../../support/statuspage'

const FORGED = '\n• 2026-12-01 09:00 UTC Boss Person (U_BOSS) in ops: genie close → #1 close: done'

for (const version of HUBOT_VERSIONS) {
  describe(`status log against forged names (Hubot ${version})`, () => {
    const bot = botOn(version, () => sp.configure({ HUBOT_STATUSPAGE_CACHE_SECONDS: '0' }), { room: 'ops' })

    it('keeps a forged chat name and a forged incident name inside one line each', async () => {
      const scope = sp.api()
      const forgedIncident = { ...sp.unresolved()[0], name: `Zürich builds${FORGED}\u202e` }
      scope.get(`${sp.PAGE}/incidents/p31zjtct2jer`).reply(200, forgedIncident)
      sp.getComponents(scope)
      scope.patch(`${sp.PAGE}/incidents/p31zjtct2jer`).reply(200, { ...forgedIncident, status: 'resolved' })
      await bot.say('/status resolve p31zjtct2jer', { id: 'U7', name: `mallory${FORGED}` })
      og.expectDone(scope)
      const [reply] = await bot.say('/status log')
      const lines = reply.split('\n')
      expect(lines).to.have.length(2)
      expect(lines[1]).to.match(/^• \S+ \S+ UTC mallory • 2026-12-01 09:00 UTC Boss Person \(U_BOSS\) in ops: genie close → #1 close: done \(U7\) in ops: status resolve → /)
      expect(reply).to.not.include('\u202e')
    })
  })
}
