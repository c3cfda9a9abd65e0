import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { userAgent } from '../../src/http/user-agent'
import { PACKAGE_ROOT } from '../support/bots'

const { version } = JSON.parse(fs.readFileSync(path.join(PACKAGE_ROOT, 'package.json'), 'utf8'))

describe('the User-Agent', () => {
  it('names this package and the version in its package.json, with where to read about it', () => {
    expect(userAgent()).to.equal(`hubot-statuspage-opsgenie/${version} (+https://www.npmjs.com/package/hubot-statuspage-opsgenie)`)
    expect(version).to.match(/^\d+\.\d+\.\d+/)
  })

  it('gives the same text every time', () => {
    expect(userAgent()).to.equal(userAgent())
  })
})
