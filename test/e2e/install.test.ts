// The end-to-end pack is reused only for the very same sources: its name (packKey) changes with
// anything that goes into the tarball, and with nothing else.
import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { packKey } from './install'

describe('the end-to-end pack cache', () => {
  let root: string
  const write = (rel: string, text: string): void => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'pack-key-'))
    write('package.json', JSON.stringify({ name: 'p', files: ['index.js', 'dist/**/*.js', 'README.md', '!dist/**/*.map'] }))
    write('tsconfig.json', '{}')
    write('index.js', "module.exports = require('./dist')\n")
    write('README.md', '# p\n')
    write('src/scripts/status.ts', 'export const a = 1\n')
    write('test/status.test.ts', 'it("works")\n')
    write('docs/status.md', '# status\n')
  })

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

  it('names a new pack when a source, the build settings, the manifest or a shipped file changes', () => {
    const changes: Array<[string, string]> = [
      ['src/scripts/status.ts', 'export const a = 2\n'],
      ['src/scripts/new.ts', 'export const b = 1\n'],
      ['LICENSE', 'MIT\n'],
      ['tsconfig.json', '{"compilerOptions":{}}'],
      ['tsconfig.build.json', '{}'],
      ['package.json', JSON.stringify({ name: 'p', version: '2.0.0', files: ['index.js'] })],
      ['index.js', "module.exports = require('./dist/index')\n"],
      ['README.md', '# p, changed\n']
    ]
    const seen = new Set([packKey(root)])
    for (const [rel, text] of changes) {
      write(rel, text)
      const key = packKey(root)
      expect(seen.has(key), `${rel} changed, yet the key is one seen before`).to.equal(false)
      seen.add(key)
    }
  })

  it('keeps the name when only tests, docs or build output change', () => {
    const before = packKey(root)
    write('test/status.test.ts', 'it("works again")\n')
    write('docs/status.md', '# status, edited\n')
    write('dist/scripts/status.js', 'exports.a = 1\n')
    expect(packKey(root)).to.equal(before)
  })

  it('is named after the package folder, so two packages never share a pack', () => {
    expect(packKey(root)).to.match(new RegExp(`^${path.basename(root)}-[0-9a-f]{20}$`))
  })
})
