// The room's side of an incident (handlers.ts) on real robots (Hubot 3.5 and 14) against the sandbox's
// stand-ins: bad input gets one clear answer and makes no write (the stand-ins' request logs are
// read), a second start is refused, roles, notes and links go on the timeline, and the incident
// survives a restart where the brain persists.
import { expect } from 'chai'
import { startBot, HUBOT_VERSIONS } from '../../support/bots'
import { sandboxBotForEachTest } from './sandbox-bot'

for (const version of HUBOT_VERSIONS) {
  describe(`incident handlers (Hubot ${version})`, () => {
    const t = sandboxBotForEachTest(version)
    const { requests, writes, say } = t

    it('answers bad input clearly and sends nothing', async () => {
      expect(await say('/incident')).to.match(/^No open incident in this room\. Declare one: \/incident start/)
      for (const typed of ['/incident note hello', '/incident public: x', '/incident resolve', '/incident lead me', '/incident timeline']) {
        expect(await say(typed), typed).to.match(/^No open incident in this room/)
      }
      expect(await say('/incident postmortem publish')).to.match(/^No postmortem draft to publish in this room.*Nothing was published\.$/)
      expect(await say('/incident postmortem draft')).to.equal('No ended incident in this room went public, so there is no ' +
        'postmortem draft to write. /incident resolve writes one when it ends a public incident. Nothing was written.')
      expect(await say('/incident postmortem edit')).to.match(/^the postmortem commands are: incident postmortem draft .*Try: \/incident postmortem publish$/)
      expect(await say('/incident confirm ABCD')).to.equal('Nothing was published: nothing is waiting for your confirmation here. ' +
        'Ask again with /incident postmortem publish.')
      expect(await say('/incident frobnicate')).to.equal('"frobnicate" is not an incident command. Try: /incident help')
      expect(await say('/incident link #abc')).to.match(/^alerts are given by their number, e\.g\. #12\. Try: \/incident link/)
      expect(requests()).to.deep.equal([])

      // An unknown component: refused with the closest names; only the page was read, nothing declared.
      expect(await say('/incident start Checkout errors P1 on REST APU')).to.match(/^No component is called "REST APU" \(did you mean: REST API\?\)\. Nothing was declared\./)
      expect(await say('/incident')).to.match(/^No open incident/)
      expect(writes()).to.deep.equal([])

      expect(await say('/incident start Checkout errors P1 on REST API')).to.match(/^Incident "Checkout errors" declared \(P1 on REST API\) by dana\. Nothing is public yet\./)
      expect(await say('/incident start Another one')).to.match(/^This room already has an open incident: "Checkout errors" \(P1, declared by dana .* ago\)\. Nothing new was declared\./)
      expect(await say('/incident lead bobb')).to.match(/^I know nobody in this chat called "bobb"\. Nothing was changed\./)
      expect(await say('/incident link #99999')).to.equal('No open or known alert #99999: not linked.')
      expect(await say('/incident update: no public incident yet')).to.match(/^"Checkout errors" is not public yet: nothing to update\./)
      expect(writes()).to.deep.equal([])
    })

    it('keeps roles, notes and links on the timeline and shows them', async () => {
      await say('/incident start Checkout errors P2 on REST API, Dashboard')
      expect(await say('/incident lead me')).to.equal('Lead of "Checkout errors": dana.')
      expect(await say('/incident comms dana')).to.equal('Communications of "Checkout errors": dana.')
      t.bot.robot.brain.userForId('U9', { name: 'eve', room: 'room1' })
      expect(await say('/incident comms Eve')).to.equal('Communications of "Checkout errors": eve.')
      const alert = t.sandbox.opsgenie!.state.alerts.find(a => a.status === 'open' && !a.acknowledged)!
      expect(await say(`/incident link #${alert.tinyId}`)).to.match(new RegExp(`^Linked to "Checkout errors": #${alert.tinyId} ${alert.priority} not acknowledged`))
      expect(await say(`/incident link #${alert.tinyId}`)).to.equal(`Already linked: #${alert.tinyId}.`)
      await say('/incident note <@here> check the <b>graphs</b>')
      const shown = await say('/incident')
      expect(shown).to.match(/^Incident "Checkout errors", P2, open .* declared by dana\. Lead: dana\. Comms: eve\./)
      expect(shown).to.contain('Components: REST API operational, Dashboard operational.')
      expect(shown).to.contain('Not public yet.')
      const timeline = await say('/incident timeline')
      expect(timeline.split('\n')).to.have.length(7)
      expect(timeline).to.match(/\d\d:\d\d UTC dana: declared the incident \(P2 on REST API, Dashboard\)/)
      expect(timeline).to.contain(`dana: linked #${alert.tinyId}`)
      // Outside text is inert: no room mention.
      expect(timeline).to.contain('check the')
      expect(timeline).not.to.contain('<@here>')
      expect(writes()).to.deep.equal([])
    })

    it('links an existing Statuspage incident, ends one that never went public, and lists the commands', async () => {
      expect(await say('/incident help')).to.match(/^incident commands:\n\/incident start <title> \[P1-P5\] \[on <components>\] - Declare/)
      await say('/incident start Webhooks late P4')
      expect(await say('/incident link zzzzzzzzzzzz')).to.equal('Statuspage has no incident zzzzzzzzzzzz. Nothing was linked.')
      const seeded = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Delayed GitHub webhook deliveries')!
      expect(await say(`/incident link ${seeded.id}`)).to.equal(
        'Linked Statuspage incident Delayed GitHub webhook deliveries (identified) to "Webhooks late".')
      expect(await say('/incident')).to.contain('Public: Statuspage incident Delayed GitHub webhook deliveries https://stspg.io/sbx01.')
      expect(await say(`/incident link ${seeded.id}`)).to.match(/is already public as Statuspage incident .* Nothing was changed\.$/)
      expect(await say('/incident history')).to.match(/"Webhooks late" P4: still open after .*, no linked alert acknowledged\.$/)
      expect(writes()).to.deep.equal([])
    })

    it('keeps the open incident across a restart where the brain persists (as hubot-redis-brain loads it)', async () => {
      await say('/incident start Checkout errors P2 on REST API')
      await say('/incident lead me')
      await say('/incident note before the restart')
      const saved = JSON.parse(JSON.stringify(t.bot.robot.brain.data._private))
      await t.bot.stop()
      t.bot = await startBot(version, { alias: '/' })
      expect(await say('/incident')).to.match(/^No open incident/)
      // What a persistent brain does once it has read its store: merge the saved data into the new robot's brain.
      t.bot.robot.brain.mergeData({ _private: saved })
      const shown = await say('/incident')
      expect(shown).to.match(/^Incident "Checkout errors", P2, open .* Lead: dana\./)
      expect(shown).to.contain('note: before the restart')
      expect(await say('/incident start Another')).to.match(/^This room already has an open incident: "Checkout errors"/)
    })

    it('links several alerts in one go: the new, the already linked and the unknown, in one reply and one timeline line', async () => {
      const [first, second] = t.sandbox.opsgenie!.state.alerts.filter(a => a.status === 'open' && !a.acknowledged)
      await say('/incident start Checkout errors P2')
      await say(`/incident link #${first.tinyId}`)
      const line = (a: typeof first): string => `#${a.tinyId} ${a.priority} not acknowledged: ${a.message}`
      expect(await say(`/incident link #${second.tinyId} #${first.tinyId} #99999`)).to.equal(
        `Linked to "Checkout errors": ${line(second)}. Already linked: #${first.tinyId}. No open or known alert #99999: not linked.`)
      const timeline = (await say('/incident timeline')).split('\n')
      expect(timeline.slice(-2).map(l => l.replace(/^\d\d:\d\d UTC /, ''))).to.deep.equal([
        `dana: linked #${first.tinyId}`, `dana: linked #${second.tinyId}`
      ])
      expect(writes()).to.deep.equal([])
    })

    it('takes a role for the person who asks by their own name, and shows the room\'s incidents newest first', async () => {
      await say('/incident start Builds slow P4')
      expect(await say('/incident lead Dana')).to.equal('Lead of "Builds slow": dana.')
      await say('/incident resolve')
      await say('/incident start Checkout errors P1')
      const history = (await say('/incident history 5')).split('\n')
      expect(history[0]).to.equal('The last 2 incidents in this room:')
      expect(history[1]).to.match(/ "Checkout errors" P1: still open after .*, no linked alert acknowledged\.$/)
      expect(history[2]).to.match(/ "Builds slow" P4: resolved after .*, no linked alert acknowledged\.$/)
      expect((await say('/incident history 1')).split('\n')).to.have.length(2)
    })
  })
}
