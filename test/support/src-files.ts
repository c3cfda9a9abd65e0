// The package's own TypeScript sources, for the tests that hold every file in src to a rule
// (one clock, option objects): each as its path below src (with /) and its text.
import { readdirSync, readFileSync } from 'node:fs'
import { join, relative } from 'node:path'

export const SRC = join(__dirname, '..', '..', 'src')

const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap(e =>
  e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [])

/** Every .ts file below src: `{ file: 'util/clock.ts', text }`. */
export function srcFiles (): Array<{ file: string, text: string }> {
  return walk(SRC).map(path => ({ file: relative(SRC, path).split('\\').join('/'), text: readFileSync(path, 'utf8') }))
}
