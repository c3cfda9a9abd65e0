// Bounds on the work and the text of one message, for both services: what a command accepts, how
// much of what people typed is echoed back, and how many items one line of a reply lists.

/** Names and short texts (a component, a schedule, an email): longer is refused before any matching. */
export const MAX_NAME_CHARS = 2_000
/** Messages and notes: the Statuspage incident body limit (OpsGenie's note limit is the same). */
export const MAX_MESSAGE_CHARS = 25_000
/** At most this much of what someone typed is quoted back in a reply. */
const ECHO_CHARS = 80
/** A list in one line of a reply shows this many items, then "+N more". */
const LIST_ITEMS = 30

/** What someone typed, on one line and cut to `max` characters with an ellipsis, to quote back. */
export function echo (text: string, max = ECHO_CHARS): string {
  // Only a bounded prefix is looked at, whatever the length of the message.
  const flat = text.slice(0, max + 1).replace(/\s+/g, ' ').trim()
  return flat.length > max || text.length > max + 1 ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** `a, b, c +12 more`: at most `limit` items, then how many were left out. */
export function boundedList (items: readonly string[], limit = LIST_ITEMS, separator = ', '): string {
  const shown = items.slice(0, limit).join(separator)
  return items.length > limit ? `${shown} +${items.length - limit} more` : shown
}

/** `1,500`: counts in replies. */
export const count = (n: number): string => n.toLocaleString('en-US')

/** The reply for a name or text over its bound; undefined when it fits. */
export function tooLong (what: string, text: string, max: number): string | undefined {
  return text.length > max
    ? `That ${what} is too long (${count(text.length)} characters; at most ${count(max)}). Nothing was changed.`
    : undefined
}
