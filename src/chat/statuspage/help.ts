import { formatHelpList, type HelpEntry } from '../../util/help'

// Keep in the same order and words as the `// Commands:` header of src/scripts/statuspage.ts
// (a test compares them).
export const STATUSPAGE_HELP: HelpEntry[] = [
  { id: 'statuspage.summary', usage: 'status', description: 'What is not operational, and the unresolved incidents (also: status?)' },
  { id: 'statuspage.components', usage: 'status components', description: 'Every component with its state, grouped' },
  { id: 'statuspage.show', usage: 'status <component>?', description: 'One component\'s state and the incident affecting it' },
  { id: 'statuspage.set', usage: 'status <component> <state>', description: 'Set a component: operational|ok, degraded, partial, major|down, maintenance' },
  { id: 'statuspage.explain', usage: 'status <component> <state>: <message>', description: 'Set a component and explain it in its incident (opened if none)' },
  { id: 'statuspage.incidents', usage: 'status incidents', description: 'The unresolved incidents with their latest update' },
  { id: 'statuspage.open', usage: 'status open [<incident status>] <name>[: <message>]', description: 'Open an incident (investigating by default)' },
  { id: 'statuspage.update', usage: 'status update [<incident id>] [<incident status>]: <message>', description: 'Add an update to an incident' },
  { id: 'statuspage.resolve', usage: 'status resolve [<incident id>][: <message>]', description: 'Resolve an incident and set its components operational' },
  { id: 'statuspage.maintenance', usage: 'status maintenance', description: 'Maintenance in progress and upcoming, with windows (UTC)' },
  { id: 'statuspage.schedule', usage: 'status maintenance <name> from <time> for <duration> [on <components>]: <message>', description: 'Schedule maintenance (UTC unless a zone is given)' },
  { id: 'statuspage.transition', usage: 'status maintenance start|complete|cancel [<id>][: <message>]', description: 'Start, complete or call off a maintenance' },
  { id: 'statuspage.revise', usage: 'status maintenance update [<id>] [<status>]: <message>', description: 'Add an update to a maintenance' },
  { id: 'statuspage.help', usage: 'status help', description: 'The status commands, one a line' },
  { id: 'statuspage.log', usage: 'status log [<n>]', description: 'The last n changes made from chat (default 10): when, who, where, what, outcome' }
]

/** `status help`: every status command as the room types it, one a line. */
export const formatStatusHelp = (prefix: string): string => formatHelpList('status commands:', STATUSPAGE_HELP, prefix)
