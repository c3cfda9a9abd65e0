// What a user of the published package sees besides the code: the license and where the project lives.
import fs from 'node:fs'
import path from 'node:path'
import { expect } from 'chai'

const ROOT = path.resolve(__dirname, '..')
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'))

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
})
