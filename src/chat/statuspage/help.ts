import type { HelpEntry } from '../help'

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
  { id: 'statuspage.update', usage: 'status update [<incident id>] [<incident status>] <message>', description: 'Add an update to an incident' },
  { id: 'statuspage.resolve', usage: 'status resolve [<incident id>] [<message>]', description: 'Resolve an incident and set its components operational' },
  { id: 'statuspage.log', usage: 'status log [<n>]', description: 'The last n changes made from chat (default 10): when, who, where, what, outcome' }
]
