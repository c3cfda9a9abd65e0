// No function in src takes five or more positional parameters: a long tail of positional values is
// where two arguments get swapped unnoticed. Past four, the values travel in an option object.
import { expect } from 'chai'
import ts from 'typescript'
import { srcFiles } from '../support/src-files'
const MOST = 4

/** file:line name(count) of every function, method, arrow or function type with more than MOST parameters. */
function longTails (file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && node.parameters.length > MOST) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1
      const name = node.name?.getText(source) ?? '(anonymous)'
      found.push(`${file}:${line} ${name}(${node.parameters.length})`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

describe('option objects', () => {
  it('finds five positional parameters in a function, a method, an arrow and a function type, and not four', () => {
    const planted = [
      'function a (v: string, w: string, x: number, y: number, z?: boolean) {}',
      'class K { hold (room: string, user: string, targets: string[], ttl: number, f?: string) {} }',
      'const write = async (m: string, p: string, b: unknown, c: unknown, i?: boolean) => {}',
      'type F = (a: 1, b: 2, c: 3, d: 4, e: 5) => void',
      'function ok (a: 1, b: 2, c: 3, d: 4) {}',
      'function fine (a: 1, { b, c, d, e }: { b: 2, c: 3, d: 4, e: 5 }) {}'
    ].join('\n')
    expect(longTails('x.ts', planted)).to.deep.equal([
      'x.ts:1 a(5)', 'x.ts:2 hold(5)', 'x.ts:3 (anonymous)(5)', 'x.ts:4 (anonymous)(5)'
    ])
  })

  it('no function in src takes more than four positional parameters', () => {
    const tails = srcFiles().flatMap(({ file, text }) => longTails(file, text))
    expect(tails).to.deep.equal([])
  })
})
