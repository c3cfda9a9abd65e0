// npx tsx scripts/bench-long-message.ts: how long one long /status message holds the event loop
// while it is parsed and its component matched (the pure work, no HTTP), on a page of 100
// components. The inputs are the shapes that used to stall every room for seconds: a mistyped
// state followed by 20,000 characters, 20,000 colons, thousands of distinct words. Prints the
// slowest of 5 rounds per input; exits 1 when one is over the 50 ms target. A benchmark, not a test.

import { componentBeforeExtraWords, matchComponent } from '../src/chat/statuspage/match'
import { parseStatus } from '../src/chat/statuspage/parse'
import type { Component } from '../src/statuspage/types'

const TARGET_MS = 50
const REGIONS = ['EU', 'US', 'AP', 'Primary', 'Mirror']
const components: Component[] = Array.from({ length: 100 }, (_, i) => ({
  id: `cmp${String(i).padStart(9, '0')}`,
  page_id: 'page',
  group_id: null,
  group: false,
  name: `${['API', 'Web App', 'Build Processing', 'Zürich Builds', 'Docs'][i % 5]} ${REGIONS[i % 5]} ${i}`,
  description: null,
  position: i,
  status: 'operational'
}))

const inputs: Record<string, string> = {
  'mistyped state + 20,000 chars': ` Mirror 0 degarded: ${'a '.repeat(10_000)}`,
  '20,000 colons': ` API degarded ${':'.repeat(20_000)}`,
  '3,000 distinct words': ` ${Array.from({ length: 3000 }, (_, i) => `w${i}x`).join(' ')}`,
  '1,900-char unknown name': ` ${Array.from({ length: 380 }, (_, i) => `n${i % 90}q`).join(' ')}?`
}

/** Parse and match one message as the /status command does, before any API call. */
function work (text: string): string {
  const command = parseStatus(text)
  if (command.kind !== 'show' && command.kind !== 'set') return command.kind
  const match = matchComponent(command.component, components)
  if (match.kind === 'unknown') componentBeforeExtraWords(command.component, components)
  return `${command.kind}/${match.kind}`
}

let over = false
for (const [name, text] of Object.entries(inputs)) {
  let slowest = 0
  let outcome = ''
  for (let round = 0; round < 5; round++) {
    const started = performance.now()
    outcome = work(text)
    slowest = Math.max(slowest, performance.now() - started)
  }
  if (slowest > TARGET_MS) over = true
  console.log(`${name.padEnd(32)} ${outcome.padEnd(14)} slowest ${slowest.toFixed(1)} ms`)
}
console.log(over ? `Over the ${TARGET_MS} ms target.` : `Every input under the ${TARGET_MS} ms target.`)
process.exitCode = over ? 1 : 0
