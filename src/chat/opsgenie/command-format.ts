// Pure: the replies about a genie command itself: the list of commands, a command used wrong, one
// not known.

import { echo } from '../bounds'
import { OPSGENIE_HELP } from './help'

const usages = (prefix: string): string => OPSGENIE_HELP.map(h => `${prefix}${h.usage}`).join(', ')

export const formatHelp = (prefix: string): string => `genie commands: ${usages(prefix)}.`

/** What was wrong with the command, and its right form as the room must type it. */
export const formatInvalid = (command: { why: string, usage: string }, prefix: string): string =>
  `Usage: ${prefix}${command.usage} (${command.why}).`

export const formatUnknown = (text: string, prefix: string): string =>
  `I don't know "genie ${echo(text)}". Try: ${usages(prefix)}.`
