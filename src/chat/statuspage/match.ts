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

export interface MatchOptions {
  /** Steps 1 and 2 only (the whole name, or its letters and digits), no prefixes, no suggestions. */
  exactOnly?: boolean
  /** Counts the edit-distance cells computed, the matcher's costly part (tests bound it). */
  work?: { cells: number }
}

export function matchComponent (query: string, components: readonly Component[],
  { exactOnly = false, work }: MatchOptions = {}): MatchResult {
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

  return { kind: 'unknown', suggestions: suggest(f, names.map(n => ({ c: n.c, f: fold(n.plain) })), work) }
}

/**
 * For a name that matched nothing: the component named exactly by all but its last one or two
 * words, and those words ("Build Processing degarded" → Build Processing, "degarded"): a mistyped
 * state, not an unknown component.
 */
export function componentBeforeExtraWords (
  query: string, components: readonly Component[]
): { component: Component, extra: string } | undefined {
  const all = query.trim().split(/\s+/)
  for (let drop = 1; drop <= 2 && drop < all.length; drop++) {
    const match = matchComponent(all.slice(0, -drop).join(' '), components, { exactOnly: true })
    if (match.kind === 'found') return { component: match.component, extra: all.slice(-drop).join(' ') }
  }
  return undefined
}

/** Suggestions are names within this share of edits (distance / the longer length). */
const SUGGEST_SCORE = 0.5
/** How many distinct words typed are compared word by word with the names. */
const SUGGEST_WORDS = 16

/**
 * distance(a, b) / the longer length, or Infinity without computing it when the lengths alone put
 * it above SUGGEST_SCORE (the distance is at least the difference in length). That keeps the cost
 * of a long message to the words that could be near a name, not its length times every name.
 */
function score (a: string, b: string, work?: { cells: number }): number {
  const longer = Math.max(a.length, b.length, 1)
  if (Math.abs(a.length - b.length) / longer > SUGGEST_SCORE) return Infinity
  if (work) work.cells += a.length * b.length
  return distance(a, b) / longer
}

/** The closest names by edit distance (whole name or any word of it), best first. */
function suggest (query: string, names: Array<{ c: Component, f: string }>, work?: { cells: number }): Component[] {
  // A name is a few words: comparing more than the first few distinct words typed finds nothing more.
  const typed = [...new Set(query.split(' '))].slice(0, SUGGEST_WORDS)
  const scored = names.map(({ c, f }) => {
    const whole = score(query, f, work)
    const perWord = Math.min(...typed.flatMap(q => f.split(' ').map(w => score(q, w, work))))
    return { c, score: Math.min(whole, perWord) }
  })
  return scored
    .filter(s => s.score <= SUGGEST_SCORE)
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
