// Replies that never contradict themselves, and writes that never rest on a stale read.
import { expect } from 'chai'
import { botForEachTest } from '../../support/bots'
import { api, configure, getComponents, onlyReply, PAGE, patched } from '../../support/statuspage'

describe('Statuspage replies after a change (Hubot 3.5)', () => {
  const bot = botForEachTest(() => configure())

  for (const status of [401, 403]) {
    it(`never says "Nothing was changed" when the incident check after a done PATCH is refused (${status})`, async () => {
      const scope = getComponents(api())
      scope.get(`${PAGE}/incidents/unresolved`).query(true).reply(status, { error: 'Could not authenticate' })
      scope.patch(`${PAGE}/components/cmpdoc000001`, { component: { status: 'major_outage' } }).reply(200, patched('cmpdoc000001', 'major_outage'))
      const reply = await onlyReply(bot, '/status Docs down')
      scope.done()
      expect(reply).to.match(/^Docs: operational → major outage\./)
      expect(reply.split('\n')[1]).to.match(/^\(Could not check for an incident explaining it: /)
      expect(reply).to.not.match(/Nothing was changed|nothing was changed/)
    })
  }
})
