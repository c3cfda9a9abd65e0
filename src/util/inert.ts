// Text from outside (webhook bodies, names and messages the services hold, chat names) made inert
// before it reaches a room or the audit log: it cannot break a line, hide or reorder text, ring a
// terminal, or notify a whole room. HTML is left alone: each adapter escapes what it sends.

/** C0 and C1 controls (tab, newlines and the rest), DEL, and the Unicode line and paragraph separators. */
// eslint-disable-next-line no-control-regex
const CONTROLS = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u0085]/g
/** Direction overrides, embeddings and isolates, direction marks, zero-width characters, and the BOM. */
const INVISIBLE = /[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b-\u200d\u2060\ufeff]/g
/** Whole-room mentions typed as text: @everyone, @here, @channel, @all, @room. */
const ROOM_MENTION = /(?<![\w.+-])@(everyone|here|channel|all|room)\b/gi
/** Slack's markup for mentions and broadcasts: <!channel>, <!here>, <!subteam^…>, <@U…>, <#C…>. */
const SLACK_MARKUP = /<([!@#][^<>\s]*)>/g

const DEFAULT_INERT_MAX = 300

/** Whole-room mentions and Slack mention markup shown, not acted on: `＠everyone`, `‹!channel›`. */
const defuse = (text: string): string => text.replace(ROOM_MENTION, '\uff20$1').replace(SLACK_MARKUP, '\u2039$1\u203a')

/**
 * `value` as one inert line: controls become spaces, invisible and direction characters go, spaces
 * collapse, mentions are defused (`＠everyone`, `‹!channel›`), and the result is cut to `max`
 * characters with an ellipsis. Anything that is not a string or a finite number gives ''.
 */
export function inert (value: unknown, max = DEFAULT_INERT_MAX): string {
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : ''
  if (typeof value !== 'string') return ''
  // Only a bounded prefix is looked at, however long the text.
  const spaced = value.slice(0, max * 4 + 16)
    .replace(CONTROLS, ' ')
    .replace(INVISIBLE, '')
    .replace(/\s+/g, ' ')
    .trim()
  const flat = defuse(spaced)
  return flat.length > max || value.length > max * 4 + 16 ? `${flat.slice(0, max - 1).trimEnd()}…` : flat
}

/** Controls other than the newline (which separates a reply's lines), and the Unicode line separators. */
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u0085]/g

/**
 * A whole message made safe to send, line breaks kept: what every text going to a room passes through
 * (the room port), behind the per-field `inert` of the format modules. Controls become spaces,
 * invisible and direction characters go, and mentions of a whole room and Slack markup are defused:
 * nothing this package says can ring a terminal, reorder text or notify everyone, whatever it quotes.
 */
export function inertMessage (text: string): string {
  return defuse(text.replace(CONTROLS_BUT_NEWLINE, ' ').replace(INVISIBLE, ''))
}
