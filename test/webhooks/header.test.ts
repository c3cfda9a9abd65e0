// The webhooks script's header is what Hubot 3.5's help reads and what operators read first: its
// commands match the table Hubot 14's help is registered from, and it documents every variable.
import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { helpLine } from '../../src/chat/help'
import { WEBHOOKS_HELP } from '../../src/webhooks/status'
import { PACKAGE_ROOT } from '../support/bots'
import { fileLines, headerSection } from '../support/help-header'

const SOURCE = path.join(PACKAGE_ROOT, 'src', 'scripts', 'webhooks.ts')

describe('the webhooks script header', () => {
  const lines = fileLines(SOURCE)

  it('lists exactly the commands of WEBHOOKS_HELP', () => {
    expect(headerSection(lines, 'Commands')).to.deep.equal(WEBHOOKS_HELP.map(helpLine))
  })

  it('documents every variable src/webhooks reads, and docs/webhooks.md does too', () => {
    const documented = headerSection(lines, 'Configuration').map(line => line.split(' ')[0])
    const folder = path.join(PACKAGE_ROOT, 'src', 'webhooks')
    const source = fs.readdirSync(folder).map(file => fs.readFileSync(path.join(folder, file), 'utf8')).join('\n')
    const read = [...new Set(source.match(/HUBOT_[A-Z_]+/g))].filter(name => !name.startsWith('HUBOT_JSM_')).sort()
    expect([...documented].sort()).to.deep.equal(read)
    const page = fs.readFileSync(path.join(PACKAGE_ROOT, 'docs', 'webhooks.md'), 'utf8')
    for (const name of read) expect(page, name).to.include(`\`${name}\``)
  })
})
