// The incident's public side (public.ts) on real robots (Hubot 3.5 and 14) against the sandbox's
// stand-ins: a failure halfway (the incident resolved, the draft refused) is reported as exactly that,
// a draft on Statuspage is never written over, the postmortem is published only behind its code, in
// its time on the robot's clock, and the incident's writes are on the audit trail.
import { expect } from 'chai'
import { PUBLISH_HOLD_MS } from '../../../src/chat/incident/publish-hold'
import { startBot, HUBOT_VERSIONS } from '../../support/bots'
import { FakeClock } from '../../support/fake-clock'
import { sandboxBotForEachTest } from './sandbox-bot'

for (const version of HUBOT_VERSIONS) {
  describe(`the incident's public side (Hubot ${version})`, () => {
    const t = sandboxBotForEachTest(version)
    const { writes, say } = t

    it('reports a failure halfway as exactly that: resolved on Statuspage, the draft not confirmed', async () => {
      await say('/incident start Checkout errors P2 on REST API')
      expect(await say('/incident public')).to.match(/^Opened the Statuspage incident "Checkout errors" \(investigating; REST API partial outage\)\./)
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      expect(t.sandbox.statuspage!.state.components.find(c => c.name === 'REST API')!.status).to.equal('partial_outage')
      expect(await say('/incident public')).to.match(/is already public .* Nothing was changed\./)

      t.sandbox.statuspage!.faults.set({ kind: '500', path: '/postmortem' })
      const resolved = await say('/incident resolve: fixed')
      // A 500 on a write may have been carried out: the reply says neither "written" nor "not written".
      expect(resolved).to.match(/^Resolved "Checkout errors" on Statuspage, REST API operational\.\nThe incident is ended, but Statuspage did not confirm the postmortem draft: /)
      expect(resolved).to.not.contain('not written')
      expect(resolved.split('\n')).to.include('To make sure it is there: /incident postmortem draft (it reads Statuspage first and writes only when no draft is there).')
      expect(incident.status).to.equal('resolved')
      expect(t.sandbox.statuspage!.state.postmortems[incident.id]).to.equal(undefined)
      t.sandbox.statuspage!.faults.clear()
      expect(await say('/incident postmortem publish')).to.equal('"Checkout errors" has no postmortem draft on Statuspage yet: write it ' +
        'from the timeline with /incident postmortem draft, then publish. Nothing was published.')
      expect(writes().filter(r => r.path.includes('/postmortem') && !r.path.endsWith('/postmortem'))).to.deep.equal([])

      // The way back: the draft written again from the stored timeline, then published behind its code.
      expect(await say('/incident postmortem draft')).to.equal('The postmortem draft is written on Statuspage from the timeline: ' +
        'edit it there (the incident\'s page, Postmortem), then /incident postmortem publish.')
      const draft = t.sandbox.statuspage!.state.postmortems[incident.id].body_draft
      expect(draft).to.contain('Checkout errors')
      expect(draft).to.match(/resolved the public incident, REST API operational: fixed/)
      const asked = await say('/incident postmortem publish')
      const code = /incident confirm ([A-Z0-9]{4})\b/.exec(asked)?.[1]
      expect(code, asked).to.be.a('string')
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.equal(null)
      expect(await say(`/incident confirm ${code!}`)).to.match(/^Published the postmortem of "Checkout errors" on Statuspage/)
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.be.a('string')
      const before = writes().length
      expect(await say('/incident postmortem draft')).to.equal(
        'The postmortem of "Checkout errors" is already published: edit it on Statuspage. Nothing was written.')
      expect(writes().length).to.equal(before)
      expect(await say('/incident')).to.match(/^No open incident/)
      expect(await say('/incident history')).to.match(/^The last 1 incident in this room:\n.* "Checkout errors" P2: resolved after .*, no linked alert acknowledged\.$/)

      // On Statuspage's audit trail, like every write.
      const log = await say('/status log')
      expect(log).to.contain('incident public')
      expect(log).to.contain('incident resolve')
    })

    it('never writes a draft over one on Statuspage (people\'s edits) or over a postmortem published on the web', async () => {
      await say('/incident start Checkout errors P2 on REST API')
      await say('/incident public')
      expect(await say('/incident resolve: fixed')).to.contain('The postmortem draft is written on Statuspage')
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      const postmortem = t.sandbox.statuspage!.state.postmortems[incident.id]
      postmortem.body_draft = 'Edited by hand on Statuspage: root cause was the cache.'
      const before = writes().length
      expect(await say('/incident postmortem draft')).to.equal('Statuspage already has a postmortem draft for "Checkout errors": ' +
        'edit it there (the incident\'s page, Postmortem), then /incident postmortem publish. Nothing was written, so no edit was lost.')
      expect(postmortem.body_draft).to.equal('Edited by hand on Statuspage: root cause was the cache.')
      postmortem.published_at = new Date().toISOString() // published on the web, not from chat
      expect(await say('/incident postmortem draft')).to.equal(
        'The postmortem of "Checkout errors" is already published: edit it on Statuspage. Nothing was written.')
      expect(writes().length).to.equal(before)
    })

    it('publishes a draft that reached Statuspage though the resolve PUT failed (found by incident postmortem draft)', async () => {
      await say('/incident start Checkout errors P2 on REST API')
      await say('/incident public')
      t.sandbox.statuspage!.faults.set({ kind: '500', path: '/postmortem' })
      expect(await say('/incident resolve: fixed')).to.contain('Statuspage did not confirm the postmortem draft')
      t.sandbox.statuspage!.faults.clear()
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      // The PUT landed after all (answer lost), or someone wrote the draft on the web.
      t.sandbox.statuspage!.state.postmortems[incident.id] = { ...t.sandbox.statuspage!.state.postmortems[incident.id], body_draft: 'written on the web', published_at: null }
      expect(await say('/incident postmortem draft')).to.contain('Statuspage already has a postmortem draft')
      expect(await say('/incident postmortem publish')).to.match(/incident confirm [A-Z0-9]{4}\b/)
    })

    it('says a refused draft was not written, and asks for it again', async () => {
      await say('/incident start Checkout errors P2 on REST API')
      await say('/incident public')
      t.sandbox.statuspage!.faults.set({ kind: '403', path: '/postmortem' })
      const resolved = await say('/incident resolve: fixed')
      expect(resolved).to.match(/\nThe incident is ended, but the postmortem draft was not written: Statuspage refused \(403\)/)
      expect(resolved.split('\n')).to.include('To write it from the timeline again: /incident postmortem draft.')
    })

    it('publishes a draft whose PUT timed out but landed: publish finds it on Statuspage itself', async () => {
      process.env.HUBOT_STATUSPAGE_TIMEOUT_MS = '300'
      await say('/incident start Checkout errors P2 on REST API')
      await say('/incident public')
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      // Statuspage takes the draft, but answers only after the bot has stopped waiting.
      t.sandbox.statuspage!.faults.set({ kind: 'slow', delayMs: 1500, path: '/postmortem', method: 'PUT' })
      const resolved = await say('/incident resolve: fixed')
      expect(resolved).to.contain('Statuspage did not confirm the postmortem draft: Statuspage did not answer in time.')
      expect(resolved).to.not.contain('not written')
      for (let tries = 0; tries < 100 && !t.sandbox.statuspage!.state.postmortems[incident.id]?.body_draft; tries++) {
        await new Promise(resolve => setTimeout(resolve, 50)) // the stand-in finishing the PUT it was slow to answer
      }
      t.sandbox.statuspage!.faults.clear()
      expect(t.sandbox.statuspage!.state.postmortems[incident.id]?.body_draft).to.contain('Checkout errors')
      const asked = await say('/incident postmortem publish')
      const code = /incident confirm ([A-Z0-9]{4})\b/.exec(asked)?.[1]
      expect(code, asked).to.be.a('string')
      expect(await say(`/incident confirm ${code!}`)).to.match(/^Published the postmortem of "Checkout errors" on Statuspage/)
    })

    it('ends an incident that never went public without a draft', async () => {
      await say('/incident start Builds slow P3')
      expect(await say('/incident resolve')).to.equal('Ended "Builds slow". It was never public, so there is no postmortem draft on Statuspage; ' +
        '/incident history keeps it.')
      expect(writes()).to.deep.equal([])
    })

    it('says which linked alert did not get the update\'s note', async () => {
      const alert = t.sandbox.opsgenie!.state.alerts.find(a => a.status === 'open')!
      await say('/incident start Checkout errors P2')
      await say(`/incident link #${alert.tinyId}`)
      await say('/incident public')
      t.sandbox.opsgenie!.faults.set({ kind: '403', path: '/notes' })
      const reply = await say('/incident update monitoring: a fix is out')
      expect(reply).to.match(new RegExp(`^Updated "Checkout errors" on Statuspage \\(monitoring\\)\\.\nNoted on the linked alerts: #${alert.tinyId} failed`))
      expect(alert.notes.some(n => n.note === 'a fix is out')).to.equal(false)
    })

    it('publishes only with the right code from the same person', async () => {
      await say('/incident start Checkout errors P3 on REST API')
      await say('/incident public: looking')
      await say('/incident resolve')
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].body_draft).to.contain('# Postmortem: Checkout errors')
      const code = /confirm ([A-Z0-9]{4})/.exec(await say('/incident postmortem publish'))![1]
      expect((await t.bot.say(`/incident confirm ${code}`, { name: 'eve', id: 'U9' })).join('\n')).to.match(/^Nothing was published: nothing is waiting/)
      expect(await say(`/incident confirm ${code === 'ZZZZ' ? 'YYYY' : 'ZZZZ'}`)).to.match(/^Nothing was published: that is not the code\./)
      expect(await say(`/incident confirm ${code}`)).to.match(/^Nothing was published: nothing is waiting/)
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.equal(null)
      const again = /confirm ([A-Z0-9]{4})/.exec(await say('/incident postmortem publish'))![1]
      expect(await say(`/incident confirm ${again.toLowerCase()}`)).to.match(/^Published the postmortem of "Checkout errors" on Statuspage; subscribers are notified\./)
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.be.a('string')
      expect(await say('/incident postmortem publish')).to.match(/already published\. Nothing was changed\.$/)
    })

    it('holds the postmortem publish for its time on the robot\'s clock, and not a moment longer', async () => {
      await t.bot.stop()
      const clock = new FakeClock(Date.now(), { sleepsAdvance: true })
      t.bot = await startBot(version, { alias: '/', clock })
      await say('/incident start Checkout errors P3 on REST API')
      await say('/incident public: looking')
      await say('/incident resolve')
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      const asked = await say('/incident postmortem publish')
      const code = /confirm ([A-Z0-9]{4}) /.exec(asked)![1]
      expect(asked).to.equal('This publishes the postmortem of "Checkout errors" on Statuspage (subscribers are notified). ' +
        `To do it, say: /incident confirm ${code} within 120 s.`)
      await clock.advance(PUBLISH_HOLD_MS + 1)
      expect(await say(`/incident confirm ${code}`)).to.equal('Nothing was published: that code ran out. Ask again with /incident postmortem publish.')
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.equal(null)
      const again = /confirm ([A-Z0-9]{4}) /.exec(await say('/incident postmortem publish'))![1]
      await clock.advance(PUBLISH_HOLD_MS)
      expect(await say(`/incident confirm ${again}`)).to.match(/^Published the postmortem of "Checkout errors" on Statuspage; subscribers are notified\. https:\/\//)
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.be.a('string')
    })

    it('forgets a held publish on a restart: the code then publishes nothing', async () => {
      await say('/incident start Checkout errors P3')
      await say('/incident public')
      await say('/incident resolve')
      const code = /confirm ([A-Z0-9]{4}) /.exec(await say('/incident postmortem publish'))![1]
      const saved = JSON.parse(JSON.stringify(t.bot.robot.brain.data._private))
      await t.bot.stop()
      t.bot = await startBot(version, { alias: '/' })
      t.bot.robot.brain.mergeData({ _private: saved })
      expect(await say(`/incident confirm ${code}`)).to.equal(
        'Nothing was published: nothing is waiting for your confirmation here. Ask again with /incident postmortem publish.')
      const incident = t.sandbox.statuspage!.state.incidents.find(i => i.name === 'Checkout errors')!
      expect(t.sandbox.statuspage!.state.postmortems[incident.id].published_at).to.equal(null)
    })

    it('offers to close the linked alerts still open after a resolve, behind genie confirm, in its time on the robot\'s clock', async () => {
      await t.bot.stop()
      const clock = new FakeClock(Date.now(), { sleepsAdvance: true })
      t.bot = await startBot(version, { alias: '/', clock })
      const [first, second] = t.sandbox.opsgenie!.state.alerts.filter(a => a.status === 'open')
      await say('/incident start Checkout errors P2')
      await say(`/incident link #${first.tinyId} #${second.tinyId}`)
      const ended = (await say('/incident resolve')).split('\n')
      const code = /genie confirm ([A-Z0-9]{4}) /.exec(ended[1])![1]
      expect(ended).to.deep.equal([
        'Ended "Checkout errors". It was never public, so there is no postmortem draft on Statuspage; /incident history keeps it.',
        `Its 2 linked alerts #${first.tinyId}, #${second.tinyId} may still be open: to close them, say /genie confirm ${code} within 60 s.`
      ])
      await clock.advance(60_001)
      expect(await say(`/genie confirm ${code}`)).to.equal('Too late: the close all waited 1m and expired. Nothing was closed.')
      expect(writes().filter(r => r.path.includes('/close'))).to.deep.equal([])

      await say('/incident start Checkout errors again P2')
      await say(`/incident link #${first.tinyId}`)
      const offer = (await say('/incident resolve')).split('\n')[1]
      const again = /genie confirm ([A-Z0-9]{4}) /.exec(offer)![1]
      expect(offer).to.equal(`Its linked alert #${first.tinyId} may still be open: to close it, say /genie confirm ${again} within 60 s.`)
      await clock.advance(60_000)
      expect(await say(`/genie confirm ${again}`)).to.match(new RegExp(`^Closed 1 alert.*#${first.tinyId}`))
      expect(first.status).to.equal('closed')
      expect(second.status).to.equal('open')
    })
  })
}
