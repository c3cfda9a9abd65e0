// Pure: finds the component a person named. Case and extra spaces never matter; accents and
// punctuation matter only when they tell two components apart. An unknown name gets the closest
// names as suggestions, an ambiguous one the candidates: neither changes anything.

import type { Component } from '../../statuspage/types'
import { qualifiedName } from './groups'

// One source of group membership (groups.ts); re-exported for the modules that found them here.
export { qualifiedName, targetsOf } from './groups'

export type MatchResult =
  | { kind: 'found', component: Component }
  | { kind: 'ambiguous', candidates: Component[] }
  | { kind: 'unknown', suggestions: Component[] }

const MAX_SUGGESTIONS = 3

/** Lower case, NFC, single spaces; `/`, `›` or `>` between a group and a name all read as ` / `. */
export const normalize = (name: string): string =>
  name.normalize('NFC').toLowerCase().trim().replace(/\s*[/›>]\s*/g, ' / ').replace(/\s+/g, ' ')

/** Looser: accents dropped, and only letters and digits kept, as space-separated tokens. */
export const fold = (name: string): string =>
  name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean).join(' ')

/** `exactOnly`: steps 1 and 2 only (the whole name, or its letters and digits), no prefixes, no suggestions. */
export function matchComponent (query: string, components: readonly Component[], { exactOnly = false } = {}): MatchResult {
  const names = components.map(c => ({ c, plain: c.name, qualified: qualifiedName(c, components) }))
  const decide = (hits: Component[]): MatchResult | undefined =>
    hits.length === 1 ? { kind: 'found', component: hits[0] } : hits.length > 1 ? { kind: 'ambiguous', candidates: hits } : undefined

  // 1. The exact name (or `Group / Name`), ignoring case and spacing.
  const q = normalize(query)
  const exact = decide(names.filter(n => normalize(n.plain) === q).map(n => n.c)) ??
    decide(names.filter(n => normalize(n.qualified) === q).map(n => n.c))
  if (exact) return exact

  // 2. The same letters and digits, ignoring accents and punctuation ("zurich builds", "api eu").
  const f = fold(query)
  if (f === '') return { kind: 'unknown', suggestions: [] }
  const folded = decide(names.filter(n => fold(n.plain) === f || fold(n.qualified) === f).map(n => n.c))
  if (folded) return folded
  if (exactOnly) return { kind: 'unknown', suggestions: [] }

  // 3. Every word typed begins a word of the name ("build" → "Build Processing").
  const typed = f.split(' ')
  const partial = decide(names.filter(n => {
    const tokens = fold(n.qualified).split(' ')
    return typed.every(t => tokens.some(token => token.startsWith(t)))
  }).map(n => n.c))
  if (partial) return partial

  return { kind: 'unknown', suggestions: suggest(f, names.map(n => ({ c: n.c, f: fold(n.plain) }))) }
}

/**
 * For a name that matched nothing: the component named exactly by all but its last one or two
 * words, and those words ("Build Processing degarded" → Build Processing, "degarded"): a mistyped
 * state, not an unknown component.
 */
export function componentBeforeExtraWords (query: string, components: readonly Component[]): { component: Component, extra: string } | undefined {
  const all = query.trim().split(/\s+/)
  for (let drop = 1; drop <= 2 && drop < all.length; drop++) {
    const match = matchComponent(all.slice(0, -drop).join(' '), components, { exactOnly: true })
    if (match.kind === 'found') return { component: match.component, extra: all.slice(-drop).join(' ') }
  }
  return undefined
}

/** The closest names by edit distance (whole name or any word of it), best first. */
function suggest (query: string, names: Array<{ c: Component, f: string }>): Component[] {
  const scored = names.map(({ c, f }) => {
    const whole = distance(query, f) / Math.max(query.length, f.length, 1)
    const perWord = Math.min(...query.split(' ').flatMap(q => f.split(' ').map(w => distance(q, w) / Math.max(q.length, w.length, 1))))
    return { c, score: Math.min(whole, perWord) }
  })
  return scored
    .filter(s => s.score <= 0.5)
    .sort((a, b) => a.score - b.score || a.c.position - b.c.position)
    .slice(0, MAX_SUGGESTIONS)
    .map(s => s.c)
}

/** Levenshtein distance. */
export function distance (a: string, b: string): number {
  if (a === b) return 0
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j)
  for (let i = 1; i <= a.length; i++) {
    const row = [i]
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1))
    }
    prev = row
  }
  return prev[b.length]
}
