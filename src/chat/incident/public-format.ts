// Pure: the replies of the incident's public side (incident public, update, resolve, the postmortem
// draft and its publishing; public.ts decides which one). Titles, component names and failure reasons
// from outside are made inert, as in format.ts.

import type { ActionOutcome } from '../../alerting/actions'
import { stateLabel } from '../../statuspage/labels'
import { inert } from '../../util/inert'
import { quoted } from './format'
import type { IncidentComponent, IncidentRecord } from './model'

/** A Statuspage shortlink after a space, only when it is an https link (else nothing). */
const link = (shortlink: string | null | undefined): string => (shortlink?.startsWith('https://') ? ` ${shortlink}` : '')

/**
 * What opening set, as Statuspage's answer shows it (`answered`, the incident's components there):
 * `: REST API major outage, Dashboard major outage` when it shows each as asked (nothing without
 * components). One it shows in another state is named in that state; one missing from the answer is
 * not called set.
 */
export function componentStates (
  asked: IncidentComponent[], status: string, answered: ReadonlyArray<{ id: string, status: string }> | undefined,
  prefix: string
): string {
  if (!asked.length) return ''
  const parts = asked.map(c => {
    const name = inert(c.name, 80)
    const shown = answered?.find(a => a.id === c.id)
    if (!shown) return `${name} not confirmed (not in Statuspage's answer: check ${prefix}status ${name})`
    if (shown.status !== status) return `${name} ${stateLabel(shown.status)} on Statuspage (asked: ${stateLabel(status)})`
    return `${name} ${stateLabel(status)}`
  })
  return `: ${parts.join(', ')}`
}

/** `, REST API, Dashboard operational` (nothing without components): what resolving set back. */
export const backToOperational = (components: IncidentComponent[]): string =>
  components.length ? `, ${components.map(c => inert(c.name, 80)).join(', ')} operational` : ''

export const alreadyPublicReply = (open: IncidentRecord, publicId: string, prefix: string): string =>
  `${quoted(open)} is already public (Statuspage incident ${publicId}). Nothing was changed. ` +
  `Use ${prefix}incident update: <message>.`

/** `states` as componentStates gives them. */
export const openedReply = (open: IncidentRecord, states: string, shortlink: string | null | undefined): string =>
  `Opened the Statuspage incident ${quoted(open)} (investigating${states.replace(/^:/, ';')}).${link(shortlink)}`

export const notPublicReply = (open: IncidentRecord, prefix: string): string =>
  `${quoted(open)} is not public yet: nothing to update. Open it with ${prefix}incident public: <message>.`

/** How one linked alert took the update as a note: `#12 (confirmed by OpsGenie)`. */
export const notedOn = (label: string, outcome: ActionOutcome, service: string): string =>
  `#${label} ${outcomeWords(outcome, service)}`

function outcomeWords (outcome: ActionOutcome, service: string): string {
  if (outcome.state === 'confirmed') return `(confirmed by ${service})`
  if (outcome.state === 'failed') return `failed${outcome.reason ? `: ${inert(outcome.reason, 120)}` : ''}`
  return `(not confirmed: it may have been added, check the alert in ${service})`
}

/** `noted`: notedOn for each linked open alert (none: no second line). */
export function updatedReply (open: IncidentRecord, status: string, noted: string[]): string {
  const lines = [`Updated ${quoted(open)} on Statuspage (${status}).`]
  if (noted.length) lines.push(`Noted on the linked alerts: ${noted.join('; ')}.`)
  return lines.join('\n')
}

/** `back` as backToOperational gives it. */
export const resolvedReply = (open: IncidentRecord, back: string): string =>
  `Resolved ${quoted(open)} on Statuspage${back}.`

export const endedNeverPublicReply = (open: IncidentRecord, prefix: string): string =>
  `Ended ${quoted(open)}. It was never public, so there is no postmortem draft on Statuspage; ` +
  `${prefix}incident history keeps it.`

/** `failure`: the failure in words, as every reply says it. */
/** The draft PUT was refused, or never left: nothing is on Statuspage. */
export const draftNotWrittenReply = (failure: string, prefix: string): string =>
  `The incident is ended, but the postmortem draft was not written: ${failure}\n` +
  `To write it from the timeline again: ${prefix}incident postmortem draft.`

/** The draft PUT may have landed (no answer, a 5xx): neither written nor not written is known. */
export const draftUnconfirmedReply = (failure: string, prefix: string): string =>
  `The incident is ended, but Statuspage did not confirm the postmortem draft: ${failure}\n` +
  `To make sure it is there: ${prefix}incident postmortem draft (it reads Statuspage first and writes only when no ` +
  'draft is there).'

export const draftWrittenReply = (prefix: string): string =>
  'The postmortem draft is written on Statuspage from the timeline: edit it there (the incident\'s page, Postmortem), ' +
  `then ${prefix}incident postmortem publish.`

/** The linked alerts still open after a resolve, and how to close them (`labels`: `#12`, …). */
export function offerCloseReply (labels: string[], code: string, ttlMs: number, prefix: string): string {
  const one = labels.length === 1
  return `${one ? 'Its linked alert' : `Its ${labels.length} linked alerts`} ${labels.join(', ')} ` +
    `may still be open: to close ${one ? 'it' : 'them'}, say ${prefix}genie confirm ${code} ` +
    `within ${Math.round(ttlMs / 1000)} s.`
}

export const noEndedPublicReply = (prefix: string): string =>
  'No ended incident in this room went public, so there is no postmortem draft to write. ' +
  `${prefix}incident resolve writes one when it ends a public incident. Nothing was written.`

export const alreadyPublishedNotWrittenReply = (incident: IncidentRecord): string =>
  `The postmortem of ${quoted(incident)} is already published: edit it on Statuspage. Nothing was written.`

export const draftAlreadyThereReply = (incident: IncidentRecord, prefix: string): string =>
  `Statuspage already has a postmortem draft for ${quoted(incident)}: edit it there (the incident's page, ` +
  `Postmortem), then ${prefix}incident postmortem publish. Nothing was written, so no edit was lost.`

export const noDraftYetReply = (undrafted: IncidentRecord, prefix: string): string =>
  `${quoted(undrafted)} has no postmortem draft on Statuspage yet: write it from the timeline with ` +
  `${prefix}incident postmortem draft, then publish. Nothing was published.`

export const noDraftToPublishReply = (prefix: string): string =>
  `No postmortem draft to publish in this room: ${prefix}incident resolve writes one for an incident ` +
  'that went public. Nothing was published.'

export const alreadyPublishedReply = (incident: IncidentRecord): string =>
  `The postmortem of ${quoted(incident)} is already published. Nothing was changed.`

/** What `incident postmortem publish` asks before it publishes. */
export interface PublishPrompt { code: string, holdMs: number, notify: boolean, prefix: string }

export const publishPromptReply = (incident: IncidentRecord, { code, holdMs, notify, prefix }: PublishPrompt): string =>
  `This publishes the postmortem of ${quoted(incident)} on Statuspage ` +
  `(${notify ? 'subscribers are notified' : 'subscribers are not notified: HUBOT_STATUSPAGE_NOTIFY=false'}). ` +
  `To do it, say: ${prefix}incident confirm ${code} within ${holdMs / 1000} s.`

const NOT_CONFIRMED = {
  none: 'nothing is waiting for your confirmation here', expired: 'that code ran out', mismatch: 'that is not the code'
} as const

export const notPublishedReply = (why: keyof typeof NOT_CONFIRMED, prefix: string): string =>
  `Nothing was published: ${NOT_CONFIRMED[why]}. Ask again with ${prefix}incident postmortem publish.`

/** `shortlink`: the public incident's, shown when it is an https link. */
export const publishedReply = (incident: IncidentRecord, shortlink: string | undefined, notify: boolean): string =>
  `Published the postmortem of ${quoted(incident)} on Statuspage${notify ? '; subscribers are notified' : ''}.` +
  link(shortlink)
