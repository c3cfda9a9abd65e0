// Pure: the short replies of the alert commands (the alert list, bulk reports and the close all
// prompt are in format.ts).

import { formatDuration } from '../../util/duration'
import { utc } from './format'

export const NOTHING_TO_ACK = 'No open alert is waiting to be acknowledged: there is nothing to acknowledge.'

export const NOTHING_TO_CLOSE = 'There is no open alert to close.'

/** Why `genie confirm <code>` closed nothing. */
export function formatNotConfirmed (why: 'none' | 'expired' | 'mismatch', ttlMs: number): string {
  switch (why) {
    case 'none': return 'No close all is waiting for your confirmation in this room (a restart of the bot cancels one). ' +
      'Nothing was closed.'
    case 'expired': return `Too late: the close all waited ${formatDuration(ttlMs)} and expired. Nothing was closed.`
    case 'mismatch': return 'That is not the code. Nothing was closed, and the close all is cancelled.'
  }
}

/** A note or snooze naming an alert that does not exist. */
export const formatUnknownAlert = (id: string): string =>
  `Unknown: ${/^\d+$/.test(id) ? `#${id}` : id} (no such alert). Nothing was changed.`

export const formatNoted = (label: string, service: string): string =>
  `Added your note to ${label} (confirmed by ${service}).`

export const formatSnoozed = (label: string, durationMs: number, until: number, service: string): string =>
  `Snoozed ${label} for ${formatDuration(durationMs)}, until ${utc(until)} (confirmed by ${service}).`
