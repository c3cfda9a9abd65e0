// Pure: which group a component belongs to, read ONE way everywhere. The source of truth is each
// child's `group_id`, not the group row's `components` list, because:
// - every component row carries it, including the copies embedded in incidents and maintenances,
//   so a component seen anywhere can be placed in its group with the same lookup;
// - it names exactly one group, so a component can never appear under two groups when a group's
//   list is stale or partial (the list lives on another row, read at another moment);
// - it is what Statuspage derives a group's status from (and what the sandbox does too).
// A `group_id` naming no group row on the page is treated as no group (shown at the top level).

import { inert } from '../../util/inert'
import type { Component } from '../../statuspage/types'

/** Between a group and a component's name: never a comma, so lists of names stay readable. */
export const GROUP_SEPARATOR = ' › '

/** The group row a component belongs to, if the page has it. */
export function groupOf (component: Component, all: readonly Component[]): Component | undefined {
  if (!component.group_id) return undefined
  return all.find(c => c.id === component.group_id && c.group)
}

/** A group's components, in page order. */
function childrenOf (group: Component, all: readonly Component[]): Component[] {
  return all.filter(c => !c.group && c.group_id === group.id).sort((a, b) => a.position - b.position)
}

/** The components a change to `component` applies to: a group's children, or itself. */
export function targetsOf (component: Component, all: readonly Component[]): Component[] {
  return component.group ? childrenOf(component, all) : [component]
}

/** `Group › Name` for a component in a group, else its name: for replies, each name one inert line. */
export function qualifiedName (component: Component, all: readonly Component[]): string {
  const group = groupOf(component, all)
  return group ? `${inert(group.name)}${GROUP_SEPARATOR}${inert(component.name)}` : inert(component.name)
}

/** Shown at the top level of the page: groups, and components in no (known) group. */
export const isTopLevel = (component: Component, all: readonly Component[]): boolean =>
  component.group || groupOf(component, all) === undefined
