// What the bot itself just changed on Statuspage from chat, per room, so the webhook that Statuspage
// sends back about that change is not announced a second time in the room that made it. One memory
// per robot (its runtime, chat/runtime.ts): the chat commands and the webhook endpoint share it.
// The chat side records through `rememberWrites` (a wrapper around the client); the webhook side asks
// `wasOwnChange` (which forgets the entry once used). Entries expire after a few minutes.

import type { StatuspageClient } from './client'
import type { Component, ComponentStatusMap, Incident } from './types'

const TTL_MS = 5 * 60_000
const MAX = 1000

export const componentKey = (id: string, status: string): string => `component|${id}|${status}`
export const incidentKey = (id: string, status: string): string => `incident|${id}|${status}`

export class OwnChanges {
  private readonly entries = new Map<string, number>()

  constructor (private readonly now: () => number) {}

  remember (room: string, key: string): void {
    const entry = `${room}\u0000${key}`
    this.entries.delete(entry)
    this.entries.set(entry, this.now())
    while (this.entries.size > MAX) this.entries.delete(this.entries.keys().next().value as string)
  }

  /** True once for a change this bot made from `room` in the last few minutes. */
  wasOwnChange (room: string, key: string): boolean {
    const entry = `${room}\u0000${key}`
    const at = this.entries.get(entry)
    if (at === undefined) return false
    this.entries.delete(entry)
    return this.now() - at < TTL_MS
  }
}

/** The same client, remembering each write that succeeded as made from `room`. */
export function rememberWrites (
  client: StatuspageClient, room: string, memory: OwnChanges
): StatuspageClient {
  const components = (map: ComponentStatusMap | undefined): void => {
    for (const [id, status] of Object.entries(map ?? {})) memory.remember(room, componentKey(id, status))
  }
  const incident = (result: Incident, map: ComponentStatusMap | undefined): Incident => {
    memory.remember(room, incidentKey(result.id, result.status))
    components(map)
    return result
  }
  return {
    listComponents: async (options) => await client.listComponents(options),
    listUnresolvedIncidents: async (options) => await client.listUnresolvedIncidents(options),
    getIncident: async (id) => await client.getIncident(id),
    updateComponentStatus: async (id, status) => {
      const result: Component = await client.updateComponentStatus(id, status)
      memory.remember(room, componentKey(id, status))
      return result
    },
    createIncident: async (input) => incident(await client.createIncident(input), input.components),
    updateIncident: async (id, change) => incident(await client.updateIncident(id, change), change.components),
    listActiveMaintenances: async () => await client.listActiveMaintenances(),
    listUpcomingMaintenances: async () => await client.listUpcomingMaintenances(),
    // A maintenance is an incident to the webhook too: its creation and its moves are this bot's own.
    createMaintenance: async (input) => incident(await client.createMaintenance(input), undefined),
    updateMaintenance: async (id, change) => incident(await client.updateMaintenance(id, change), change.components),
    getPostmortem: async (id) => await client.getPostmortem(id),
    putPostmortemDraft: async (id, draft) => await client.putPostmortemDraft(id, draft),
    // A published postmortem may come back as the incident in status `postmortem`: this room's own doing.
    publishPostmortem: async (id, options) => {
      const result = await client.publishPostmortem(id, options)
      memory.remember(room, incidentKey(id, 'postmortem'))
      return result
    }
  }
}
