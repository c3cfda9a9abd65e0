// What the end-to-end files keep between runs is reused only for the very same inputs: the pack's
// name (packKey) changes with anything that goes into the tarball and with nothing else, a bot
// folder's (keyOf) with its settings and the bytes of its files; a folder is kept only once made whole.
import { expect } from 'chai'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PACKAGE_ROOT } from '../support/bots'
import { kept, keyOf, packKey } from './kept'

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

describe('a kept folder', () => {
  const kind = `test-${process.pid}`
  const parent = path.join(PACKAGE_ROOT, 'node_modules', '.cache', `e2e-${kind}`)
  afterEach(() => fs.rmSync(parent, { recursive: true, force: true }))

  it('is made once, then found by later runs with the same key', async () => {
    let makes = 0
    const make = async (dir: string): Promise<void> => { makes++; fs.writeFileSync(path.join(dir, 'made'), 'x') }
    const first = await kept(kind, 'k1', make)
    const second = await kept(kind, 'k1', make)
    expect([first.made, second.made, makes]).to.deep.equal([true, false, 1])
    expect(fs.readFileSync(path.join(second.dir, 'made'), 'utf8')).to.equal('x')
  })

  it('is made again when an earlier run was cut off halfway, and left absent when making fails', async () => {
    fs.mkdirSync(path.join(parent, 'k2'), { recursive: true }) // no .kept: never finished
    const again = await kept(kind, 'k2', async dir => { fs.writeFileSync(path.join(dir, 'made'), 'y') })
    expect(again.made).to.equal(true)
    let error: unknown
    await kept(kind, 'k3', async () => { throw new Error('npm install failed') }).catch(err => { error = err })
    expect((error as Error).message).to.equal('npm install failed')
    expect(fs.readdirSync(parent).sort()).to.deep.equal(['k2'])
  })

  it('names a bot folder by its settings and the bytes of its files', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'key-of-')), 'bot.tgz')
    fs.writeFileSync(file, 'one')
    const before = keyOf(['14', { packages: [] }], [file])
    expect(keyOf(['14', { packages: [] }], [file])).to.equal(before)
    expect(keyOf(['3.5', { packages: [] }], [file])).to.not.equal(before)
    expect(keyOf(['14', { packages: ['hubot-redis-brain@3.0.1'] }], [file])).to.not.equal(before)
    fs.writeFileSync(file, 'two')
    expect(keyOf(['14', { packages: [] }], [file])).to.not.equal(before)
    fs.rmSync(path.dirname(file), { recursive: true, force: true })
  })
})
