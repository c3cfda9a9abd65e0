// What a user of the published package sees besides the code: the license and where the project lives.
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'chai'

const ROOT = path.resolve(__dirname, '..')
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))
const ADAPTER = path.join(ROOT, 'packages', 'hubot-once-campfire')
const adapter = JSON.parse(fs.readFileSync(path.join(ADAPTER, 'package.json'), 'utf8'))

describe('the package metadata', () => {
  it('ships the MIT license it declares', () => {
    expect(pkg.license).to.equal('MIT')
    const license = fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8')
    expect(license).to.match(/^MIT License\n\nCopyright \(c\) \d{4} hubot-statuspage-opsgenie contributors\n/)
  })

  it('says where the project lives: repository, homepage and bugs', () => {
    expect(pkg.repository.url).to.match(/^git\+https:\/\/github\.com\/[^/]+\/hubot-statuspage-opsgenie\.git$/)
    expect(pkg.homepage).to.match(/^https:\/\/github\.com\/[^/]+\/hubot-statuspage-opsgenie#readme$/)
    expect(pkg.bugs.url).to.match(/^https:\/\/github\.com\/[^/]+\/hubot-statuspage-opsgenie\/issues$/)
  })

  it('gives the adapter its own metadata, license and changelog, as a workspace of this repository', () => {
    // Besides the adapter, only private test workspaces (test/e2e/redis-brain puts hubot-redis-brain 3.x in the cache).
    expect(pkg.workspaces).to.deep.equal(['packages/hubot-once-campfire', 'test/e2e/redis-brain'])
    expect(JSON.parse(fs.readFileSync(path.join(ROOT, 'test/e2e/redis-brain/package.json'), 'utf8')).private).to.equal(true)
    expect(adapter.license).to.equal('MIT')
    expect(adapter.repository).to.deep.include({ url: pkg.repository.url, directory: 'packages/hubot-once-campfire' })
    expect(adapter.homepage).to.match(/^https:\/\/github\.com\/[^/]+\/hubot-statuspage-opsgenie\/tree\/main\/packages\/hubot-once-campfire#readme$/)
    expect(adapter.bugs.url).to.equal(pkg.bugs.url)
    expect(fs.readFileSync(path.join(ADAPTER, 'LICENSE'), 'utf8')).to.equal(fs.readFileSync(path.join(ROOT, 'LICENSE'), 'utf8'))
    expect(fs.readFileSync(path.join(ADAPTER, 'CHANGELOG.md'), 'utf8')).to.match(/^# Changelog\n[\s\S]*## \[Unreleased\]/)
    for (const manifest of [pkg, adapter]) expect(manifest.files).to.include.members(['CHANGELOG.md', 'LICENSE', 'README.md'])
  })

  it('ships declarations with both packages', () => {
    expect(pkg.types).to.equal('index.d.ts')
    expect(pkg.files).to.include('index.d.ts')
    expect(fs.readFileSync(path.join(ROOT, 'index.d.ts'), 'utf8')).to.match(/export = loadScripts/)
    expect(adapter.types).to.equal('dist/index.d.ts')
    expect(adapter.files).to.include('dist/**/*.d.ts')
  })

  it('has a release workflow: on a version tag, least permissions, both packages published with provenance', () => {
    const workflow = fs.readFileSync(path.join(ROOT, '.github', 'workflows', 'release.yml'), 'utf8')
    expect(workflow).to.match(/^on:\n {2}push:\n {4}tags: \['v\*\.\*\.\*'\]$/m)
    expect(workflow).to.match(/^permissions: \{\}$/m)
    expect(workflow).to.match(/permissions:\n {6}contents: read[^\n]*\n {6}id-token: write/)
    expect(workflow).not.to.match(/contents: write|packages: write/)
    expect(workflow).to.contain('npm publish -w packages/hubot-once-campfire --provenance --access public')
    expect(workflow).to.contain('npm publish --provenance --access public')
    expect(workflow.indexOf('run: npm test')).to.be.above(0).and.below(workflow.indexOf('run: npm publish'))
  })
})
