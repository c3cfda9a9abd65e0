// Every reply of the incident's public side, exact: open, update (and the notes on linked alerts),
// resolve, the postmortem draft and its publishing behind a code. Titles and reasons from outside inert.
import { expect } from 'chai'
import type { IncidentComponent, IncidentRecord } from '../../../src/chat/incident/model'
import {
  alreadyPublicReply, alreadyPublishedNotWrittenReply, alreadyPublishedReply, backToOperational, componentStates,
  draftAlreadyThereReply, draftNotWrittenReply, draftUnconfirmedReply, draftWrittenReply, endedNeverPublicReply,
  noDraftToPublishReply,
  noDraftYetReply, noEndedPublicReply, notedOn, notPublicReply, notPublishedReply, offerCloseReply, openedReply,
  publishedReply, publishPromptReply, resolvedReply, updatedReply
} from '../../../src/chat/incident/public-format'
import { incident } from './fixtures'

const components: IncidentComponent[] = [
  { id: 'c1', name: 'REST API', changes: [] },
  { id: 'c2', name: 'Dashboard', changes: [] }
]
const shouting = (): IncidentRecord => ({ ...incident(), title: 'Down <!channel>' })

describe('incident public-side replies (public-format.ts)', () => {
  it('opens the public incident, naming the states it set and the link when it is https', () => {
    expect(componentStates([], 'major_outage', [], '/')).to.equal('')
    const answered = [{ id: 'c1', status: 'major_outage' }, { id: 'c2', status: 'major_outage' }]
    const states = componentStates(components, 'major_outage', answered, '/')
    expect(states).to.equal(': REST API major outage, Dashboard major outage')
    expect(openedReply(incident(), states, 'https://stspg.io/x1')).to.equal(
      'Opened the Statuspage incident "Checkout errors" (investigating; REST API major outage, Dashboard major outage). https://stspg.io/x1')
    expect(openedReply(shouting(), '', 'http://stspg.io/x1')).to.equal('Opened the Statuspage incident "Down ‹!channel›" (investigating).')
    expect(openedReply(incident(), '', null)).to.equal('Opened the Statuspage incident "Checkout errors" (investigating).')
  })

  it('calls a component set only when Statuspage\'s answer shows it in that state', () => {
    const answered = [{ id: 'c1', status: 'major_outage' }, { id: 'c2', status: 'operational' }]
    expect(componentStates(components, 'major_outage', answered, '/')).to.equal(
      ': REST API major outage, Dashboard operational on Statuspage (asked: major outage)')
    expect(componentStates(components, 'major_outage', [answered[0]], '/')).to.equal(
      ': REST API major outage, Dashboard not confirmed (not in Statuspage\'s answer: check /status Dashboard)')
    expect(componentStates(components.slice(0, 1), 'major_outage', undefined, 'hubot ')).to.equal(
      ': REST API not confirmed (not in Statuspage\'s answer: check hubot status REST API)')
  })

  it('refuses to open it twice, and to update it before it is open', () => {
    expect(alreadyPublicReply(incident(), 'inc1', '/')).to.equal(
      '"Checkout errors" is already public (Statuspage incident inc1). Nothing was changed. Use /incident update: <message>.')
    expect(notPublicReply(incident(), 'hubot ')).to.equal(
      '"Checkout errors" is not public yet: nothing to update. Open it with hubot incident public: <message>.')
  })

  it('updates it, and says how each linked alert took the note', () => {
    const noted = [
      notedOn('12', { state: 'confirmed' }, 'OpsGenie'),
      notedOn('13', { state: 'failed', reason: 'Forbidden\n@everyone' }, 'OpsGenie'),
      notedOn('14', { state: 'failed' }, 'OpsGenie'),
      notedOn('a9', { state: 'unconfirmed', reason: 'timeout' }, 'JSM')
    ]
    expect(noted).to.deep.equal([
      '#12 (confirmed by OpsGenie)',
      '#13 failed: Forbidden ＠everyone',
      '#14 failed',
      '#a9 (not confirmed: it may have been added, check the alert in JSM)'
    ])
    expect(updatedReply(incident(), 'monitoring', [])).to.equal('Updated "Checkout errors" on Statuspage (monitoring).')
    expect(updatedReply(incident(), 'identified', noted.slice(0, 2))).to.equal('Updated "Checkout errors" on Statuspage (identified).\n' +
      'Noted on the linked alerts: #12 (confirmed by OpsGenie); #13 failed: Forbidden ＠everyone.')
  })

  it('resolves it, naming the components set back to operational', () => {
    expect(backToOperational([])).to.equal('')
    expect(resolvedReply(incident(), backToOperational(components))).to.equal(
      'Resolved "Checkout errors" on Statuspage, REST API, Dashboard operational.')
    expect(resolvedReply(incident(), '')).to.equal('Resolved "Checkout errors" on Statuspage.')
    // A component name from Statuspage is outside text: one line, no mention of the whole room.
    const odd = [{ id: 'c3', name: 'API\n• 01:00 UTC boss: all clear @here', changes: [] }]
    expect(backToOperational(odd)).to.equal(', API • 01:00 UTC boss: all clear ＠here operational')
    expect(componentStates(odd, 'major_outage', [{ id: 'c3', status: 'major_outage' }], '/')).to.equal(': API • 01:00 UTC boss: all clear ＠here major outage')
    expect(endedNeverPublicReply(incident(), '/')).to.equal(
      'Ended "Checkout errors". It was never public, so there is no postmortem draft on Statuspage; /incident history keeps it.')
  })

  it('says whether the draft was written, and how to write it again when it was not', () => {
    expect(draftWrittenReply('/')).to.equal('The postmortem draft is written on Statuspage from the timeline: edit it there ' +
      '(the incident\'s page, Postmortem), then /incident postmortem publish.')
    expect(draftNotWrittenReply('Statuspage refused (403): this key is not allowed to do that.', '/')).to.equal(
      'The incident is ended, but the postmortem draft was not written: Statuspage refused (403): this key is not allowed to do that.\n' +
      'To write it from the timeline again: /incident postmortem draft.')
    // A draft PUT that may have landed is neither written nor not written: check with the command that reads first.
    expect(draftUnconfirmedReply('Statuspage did not answer in time.', '/')).to.equal(
      'The incident is ended, but Statuspage did not confirm the postmortem draft: Statuspage did not answer in time.\n' +
      'To make sure it is there: /incident postmortem draft (it reads Statuspage first and writes only when no draft is there).')
  })

  it('offers to close the linked alerts still open, one or many, the time in seconds', () => {
    expect(offerCloseReply(['#12'], 'K7QX', 60_000, '/')).to.equal(
      'Its linked alert #12 may still be open: to close it, say /genie confirm K7QX within 60 s.')
    expect(offerCloseReply(['#12', '#13'], 'K7QX', 90_400, 'hubot ')).to.equal(
      'Its 2 linked alerts #12, #13 may still be open: to close them, say hubot genie confirm K7QX within 90 s.')
  })

  it('never writes a draft over one on Statuspage or over a published postmortem, and says so', () => {
    expect(noEndedPublicReply('/')).to.equal('No ended incident in this room went public, so there is no postmortem draft to write. ' +
      '/incident resolve writes one when it ends a public incident. Nothing was written.')
    expect(alreadyPublishedNotWrittenReply(incident())).to.equal(
      'The postmortem of "Checkout errors" is already published: edit it on Statuspage. Nothing was written.')
    expect(draftAlreadyThereReply(incident(), '/')).to.equal('Statuspage already has a postmortem draft for "Checkout errors": ' +
      'edit it there (the incident\'s page, Postmortem), then /incident postmortem publish. Nothing was written, so no edit was lost.')
  })

  it('asks for the code before publishing, saying whether subscribers hear of it', () => {
    expect(noDraftYetReply(incident(), '/')).to.equal('"Checkout errors" has no postmortem draft on Statuspage yet: write it ' +
      'from the timeline with /incident postmortem draft, then publish. Nothing was published.')
    expect(noDraftToPublishReply('/')).to.equal('No postmortem draft to publish in this room: /incident resolve writes one for an ' +
      'incident that went public. Nothing was published.')
    expect(alreadyPublishedReply(incident())).to.equal('The postmortem of "Checkout errors" is already published. Nothing was changed.')
    expect(publishPromptReply(incident(), { code: 'K7QX', holdMs: 120_000, notify: true, prefix: '/' })).to.equal(
      'This publishes the postmortem of "Checkout errors" on Statuspage (subscribers are notified). ' +
      'To do it, say: /incident confirm K7QX within 120 s.')
    expect(publishPromptReply(shouting(), { code: 'K7QX', holdMs: 120_000, notify: false, prefix: '/' })).to.equal(
      'This publishes the postmortem of "Down ‹!channel›" on Statuspage (subscribers are not notified: ' +
      'HUBOT_STATUSPAGE_NOTIFY=false). To do it, say: /incident confirm K7QX within 120 s.')
  })

  it('publishes only on the right code, and says why not otherwise', () => {
    expect(notPublishedReply('none', '/')).to.equal(
      'Nothing was published: nothing is waiting for your confirmation here. Ask again with /incident postmortem publish.')
    expect(notPublishedReply('expired', '/')).to.equal(
      'Nothing was published: that code ran out. Ask again with /incident postmortem publish.')
    expect(notPublishedReply('mismatch', '/')).to.equal(
      'Nothing was published: that is not the code. Ask again with /incident postmortem publish.')
    expect(publishedReply(incident(), 'https://stspg.io/x1', true)).to.equal(
      'Published the postmortem of "Checkout errors" on Statuspage; subscribers are notified. https://stspg.io/x1')
    expect(publishedReply(incident(), undefined, false)).to.equal('Published the postmortem of "Checkout errors" on Statuspage.')
  })
})
