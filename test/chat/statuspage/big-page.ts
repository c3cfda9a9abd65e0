// A generated status page as large and as awkward as real ones: 300 components in 10 groups, the
// same 30 names in every group, names with commas in them ("SMS, Middle East & Africa"), plus a
// placeholder component outside any group. Shaped as the API answers: group rows with
// `group: true` and `components: [child ids]`, children with `group_id`.
import type { Component, Incident } from '../../../src/statuspage/types'
import { componentRow } from '../../support/statuspage'

export const GROUPS = ['Messaging', 'Voice', 'Verify', 'Video', 'Email', 'Conversations', 'Flex', 'Studio', 'Sync', 'Lookup']
const PRODUCTS = ['SMS', 'MMS', 'WhatsApp']
const REGIONS = [
  'Middle East & Africa', 'North America', 'Latin America', 'Europe', 'Asia, Pacific',
  'India', 'Japan', 'Australia', 'Brazil', 'Canada'
]
export const PLACEHOLDER = 'Visit www.example-status.com for more information'

const id = (prefix: string, n: number): string => `${prefix}${String(n).padStart(12 - prefix.length, '0')}`
export const groupId = (g: number): string => id('grp', g)
export const childId = (g: number, i: number): string => id(`c${g}x`, i)

/** 10 group rows, 300 children (30 a group: every product in every region), and the placeholder. */
export function bigPage (): Component[] {
  const rows: Component[] = []
  let position = 1
  GROUPS.forEach((group, g) => {
    const children = PRODUCTS.flatMap(p => REGIONS.map(r => `${p}, ${r}`))
    const ids = children.map((_, i) => childId(g, i))
    rows.push(componentRow(groupId(g), group, { group: true, position: position++, components: ids }))
    children.forEach((name, i) => rows.push(componentRow(childId(g, i), name, { group_id: groupId(g), position: position++, description: `${name} in ${group}` })))
  })
  rows.push(componentRow('placeholder1', PLACEHOLDER, { position: position++ }))
  return rows
}

export const named = (rows: Component[], group: string, name: string): Component => {
  const g = rows.find(c => c.group && c.name === group)
  const found = rows.find(c => c.group_id === g?.id && c.name === name)
  if (!found) throw new Error(`no ${group} › ${name}`)
  return found
}

/** An unresolved incident shaped as the API answers it, linked to `components`. */
export function incidentOn (
  incidentId: string, name: string, components: Component[], fields: Partial<Incident> = {}
): Incident {
  return {
    id: incidentId,
    name,
    status: 'investigating',
    impact: 'major',
    impact_override: null,
    shortlink: `https://stspg.io/${incidentId.slice(0, 5)}`,
    created_at: '2026-11-24T20:00:00.000Z',
    started_at: '2026-11-24T19:45:00.000Z',
    updated_at: '2026-11-24T20:00:00.000Z',
    monitoring_at: null,
    resolved_at: null,
    scheduled_for: null,
    scheduled_until: null,
    components,
    incident_updates: [{
      id: `${incidentId.slice(0, 9)}upd`,
      incident_id: incidentId,
      status: 'investigating',
      body: 'We are investigating.',
      created_at: '2026-11-24T20:00:00.000Z',
      display_at: '2026-11-24T20:00:00.000Z',
      affected_components: []
    }],
    ...fields
  }
}
