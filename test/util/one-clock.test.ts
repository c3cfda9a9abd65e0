// The one clock (src/util/clock.ts) is the only place in src that reads the time or waits for real:
// everything else takes a Clock, so tests and the bench run on virtual time and no file sleeps by itself.
import { expect } from 'chai'
import { srcFiles } from '../support/src-files'

const ALLOWED = new Set(['util/clock.ts'])
const REAL_TIME = [
  /(?<![.\w])(setTimeout|setInterval|setImmediate)\s*\(/,
  /\bDate\.now\s*\(/,
  /\bperformance\.now\s*\(/,
  /\bnew Date\(\s*\)/
]

/** file:line of every real-time read or wait in a source text (line comments ignored). */
function realTimeUses (file: string, text: string): string[] {
  return text.split('\n').flatMap((line, n) => {
    const code = line.replace(/\/\/.*$/, '')
    return REAL_TIME.some(re => re.test(code)) ? [`${file}:${n + 1}: ${line.trim()}`] : []
  })
}

describe('one clock', () => {
  it('finds a bare timer, Date.now() and new Date() and ignores clock calls and comments', () => {
    const planted = [
      'await new Promise(resolve => setTimeout(resolve, 300))',
      'const at = Date.now()',
      'const today = new Date()',
      'clock.setTimeout(fn, 5) // setTimeout( in a comment',
      'new Date(ctx.now())'
    ].join('\n')
    expect(realTimeUses('x.ts', planted)).to.deep.equal([
      'x.ts:1: await new Promise(resolve => setTimeout(resolve, 300))',
      'x.ts:2: const at = Date.now()',
      'x.ts:3: const today = new Date()'
    ])
  })

  it('no file in src reads the time or waits for real except util/clock.ts', () => {
    const uses = srcFiles()
      .filter(({ file }) => !ALLOWED.has(file))
      .flatMap(({ file, text }) => realTimeUses(file, text))
    expect(uses).to.deep.equal([])
  })
})
