// Hubot's TextMessage class, from the Hubot that is running. Hubot 3.5 matches listeners with
// `instanceof TextMessage`, so it must be its own class (hubot/src/message, CommonJS). Hubot 14
// is an ES module (import('hubot')) and only needs something with `match()`; the small class at
// the end serves if neither can be loaded.

import type { User } from './hubot-types'

/** @public Part of the adapter's typings: what a MessageClass makes. */
export interface HubotTextMessage {
  user: User
  text: string
  id: string
  room?: string
}

export type MessageClass = new (user: User, text: string, id: string) => HubotTextMessage

// Named TextMessage: Hubot 14 checks `message.constructor.name` before it looks for commands.
class TextMessage implements HubotTextMessage {
  room?: string
  done = false
  constructor (readonly user: User, readonly text: string, readonly id: string) {
    this.room = user.room
  }

  match (regex: RegExp): RegExpMatchArray | null { return this.text.match(regex) }
  finish (): void { this.done = true }
  toString (): string { return this.text }
}

export async function loadTextMessage (): Promise<MessageClass> {
  try {
    // Hubot 3.5 (CommonJS). Hubot 14 has no such file.
    const legacy = require('hubot/src/message') as { TextMessage?: MessageClass }
    if (typeof legacy.TextMessage === 'function') return legacy.TextMessage
  } catch { /* not Hubot 3.5 */ }
  try {
    const specifier = 'hubot' // a variable: the peer dependency has no types to check against
    const modern = await import(specifier) as { TextMessage?: MessageClass, default?: { TextMessage?: MessageClass } }
    const found = modern.TextMessage ?? modern.default?.TextMessage
    if (typeof found === 'function') return found
  } catch { /* not resolvable from here */ }
  return TextMessage
}
