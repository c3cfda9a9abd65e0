// Pure: every list of names in a reply is bounded ("+N more") and every component in it is named
// with its group, one per line (names contain commas, so a comma-joined list is ambiguous).

import type { Component } from '../../statuspage/types'
import { qualifiedName } from './groups'

/** The most names one list in a reply shows. */
const LIST_LIMIT = 10

/** The first `limit` lines, then `+N more` (with `more`, e.g. "+3 more: status components lists them"). */
export function bounded (lines: readonly string[], limit = LIST_LIMIT, indent = '', more = ''): string[] {
  if (lines.length <= limit) return [...lines]
  return [...lines.slice(0, limit), `${indent}+${lines.length - limit} more${more}`]
}

/** One line per component, `Group › Name`, bounded. */
export function componentLines (components: readonly Component[], all: readonly Component[], indent = '  ', limit = LIST_LIMIT): string[] {
  return bounded(components.map(c => `${indent}• ${qualifiedName(c, all)}`), limit, indent)
}

/** `"A", "B" or "C"` for a short inline list (suggestions: at most 3), quoted so commas inside names read right. */
export const orList = (names: readonly string[]): string =>
  names.length <= 1
    ? names.map(n => `"${n}"`).join('')
    : `${names.slice(0, -1).map(n => `"${n}"`).join(', ')} or "${names[names.length - 1]}"`
