// Tests mirror src file for file: src/<path>.ts is tested by test/<path>.test.ts. A file may go
// without one only when it has no behaviour to test: types, interfaces and named constants, with no
// function of its own (checked with the TypeScript parser, so "no behaviour" cannot drift).
import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import ts from 'typescript'
import { srcFiles } from './support/src-files'

const TEST_ROOT = __dirname

/** The functions written in `text`: declarations, expressions, arrows, methods and accessors with a body. */
function functionsIn (file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true)
  const found: string[] = []
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && 'body' in node && node.body) {
      found.push(`${file}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`)
    }
    ts.forEachChild(node, visit)
  }
  visit(source)
  return found
}

const mirrorOf = (file: string): string => path.join(TEST_ROOT, file.replace(/\.ts$/, '.test.ts'))

describe('tests mirror src', () => {
  it('gives every src file with a function of its own a test at test/<same path>.test.ts', () => {
    const untested = srcFiles()
      .filter(({ file }) => !file.endsWith('.d.ts') && !fs.existsSync(mirrorOf(file)))
      .flatMap(({ file, text }) => functionsIn(file, text))
    expect(untested, 'functions in src files that have no test at the mirrored path').to.deep.equal([])
  })

  it('finds functions of every shape (a planted file)', () => {
    const planted = [
      'export function a () { return 1 }',
      'export const b = () => 2',
      'export const c = function () { return 3 }',
      'export class D { e () { return 4 } get f () { return 5 } }',
      'export interface G { h(): void }',
      'export type I = () => void',
      'export const J = { name: "x" }'
    ].join('\n')
    expect(functionsIn('planted.ts', planted)).to.deep.equal(['planted.ts:1', 'planted.ts:2', 'planted.ts:3', 'planted.ts:4', 'planted.ts:4'])
  })
})
