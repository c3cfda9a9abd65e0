// One line of a script's help, as a table the script keeps (its `// Commands:` header is checked
// against it by a test, and Hubot 14 registers it): shared by the chat and webhook scripts.

export interface HelpEntry {
  /** CommandBus id, e.g. `statuspage.set`. */
  id: string
  /** What the user types after the bot's name, e.g. `status <component> <state>`. */
  usage: string
  description: string
}

/** The `hubot <usage> - <description>` line as it appears in the script's header. */
export const helpLine = (entry: HelpEntry): string => `hubot ${entry.usage} - ${entry.description}`

/** `<family> help` in the room: a title, then every command as the room types it, one a line. */
export const formatHelpList = (title: string, entries: readonly HelpEntry[], prefix: string): string =>
  [title, ...entries.map(h => `${prefix}${h.usage} - ${h.description}`)].join('\n')
