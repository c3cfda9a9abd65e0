// Pure: the components named after `on` in a maintenance command. Names contain commas ("SMS,
// Middle East & Africa"), so a comma alone cannot separate them: `;` always does, and between
// commas the longest run of pieces that is a component's whole name wins. A group stands for its
// components. Anything unknown or ambiguous is refused with the reply that says why.

import type { Component } from '../../../statuspage/types'
import { formatAmbiguous, formatUnknown } from '../format'
import { targetsOf } from '../groups'
import { matchComponent } from '../match'

export type ComponentListResult = { components: Component[] } | { reply: string }

/** `prefix`: what people type before `status`, for the hint in a refusal. */
export function resolveComponentList (text: string, all: readonly Component[], prefix = ''): ComponentListResult {
  const found: Component[] = []
  for (const chunk of text.split(';').map(c => c.trim()).filter(Boolean)) {
    const pieces = chunk.split(',').map(p => p.trim())
    let i = 0
    while (i < pieces.length) {
      if (pieces[i] === '') { i++; continue }
      const hit = longestExact(pieces, i, all)
      if (hit?.kind === 'ambiguous') return { reply: formatAmbiguous(hit.name, hit.candidates, all) }
      if (hit) { found.push(hit.component); i = hit.next; continue }
      // No whole name starts here: the friendly matcher (prefixes, suggestions) on the rest of the
      // chunk, then on this piece alone; when neither finds one, the rest of the chunk is what is refused.
      const run = pieces.slice(i).join(', ')
      const whole = matchComponent(run, all)
      if (whole.kind === 'found') { found.push(whole.component); break }
      const piece = matchComponent(pieces[i], all)
      if (piece.kind === 'found') { found.push(piece.component); i++; continue }
      const refused = i < pieces.length - 1 ? { text: run, match: whole } : { text: pieces[i], match: piece }
      return refused.match.kind === 'ambiguous'
        ? { reply: formatAmbiguous(refused.text, refused.match.candidates, all) }
        : { reply: formatUnknown(refused.text, refused.match.kind === 'unknown' ? refused.match.suggestions : [], all, prefix) }
    }
  }
  const expanded = found.flatMap(c => targetsOf(c, all))
  return { components: [...new Map(expanded.map(c => [c.id, c])).values()] }
}

type Exact =
  | { kind: 'found', component: Component, next: number }
  | { kind: 'ambiguous', name: string, candidates: Component[] }

/** The longest `pieces[i..j)` joined with ", " that is exactly a component's name (or several components'). */
function longestExact (pieces: readonly string[], i: number, all: readonly Component[]): Exact | undefined {
  for (let j = pieces.length; j > i; j--) {
    const name = pieces.slice(i, j).join(', ')
    const match = matchComponent(name, all, { exactOnly: true })
    if (match.kind === 'found') return { kind: 'found', component: match.component, next: j }
    if (match.kind === 'ambiguous') return { kind: 'ambiguous', name, candidates: match.candidates }
  }
  return undefined
}
