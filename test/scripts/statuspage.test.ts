// The script's `// Commands:` header is what Hubot 3.5's help reads: it must match the table that
// Hubot 14's help is registered from, line for line. (That the build keeps it at the top of the
// compiled file is checked on the packed tarball, in test/e2e.)
import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { helpLine } from '../../src/chat/help'
import { STATUSPAGE_HELP } from '../../src/chat/statuspage/help'
import { PACKAGE_ROOT } from '../support/bots'
import { fileLines, headerSection } from '../support/help-header'

const SOURCE = path.join(PACKAGE_ROOT, 'src', 'scripts', 'statuspage.ts')

describe('the statuspage script header', () => {
  const lines = fileLines(SOURCE)

  it('lists exactly the commands of STATUSPAGE_HELP, in order', () => {
    expect(headerSection(lines, 'Commands')).to.deep.equal(STATUSPAGE_HELP.map(helpLine))
  })

  it('documents every HUBOT_STATUSPAGE_ variable the code reads', () => {
    const documented = headerSection(lines, 'Configuration').map(line => line.split(' ')[0])
      .filter(name => name.startsWith('HUBOT_STATUSPAGE_'))
    // The commands (src/chat/statuspage) and the settings beside the client (src/statuspage).
    const dirs = [path.join(PACKAGE_ROOT, 'src', 'chat', 'statuspage'), path.join(PACKAGE_ROOT, 'src', 'statuspage')]
    const source = dirs.flatMap(dir => fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(file => file.endsWith('.ts'))
      .map(file => fs.readFileSync(path.join(dir, file), 'utf8'))).join('\n')
    const read = [...new Set(source.match(/HUBOT_STATUSPAGE_[A-Z_]+/g))].sort()
    expect([...documented].sort()).to.deep.equal(read)
  })

  it('gives every help entry a dotted id, so Hubot 14\'s CommandBus never takes a message away', () => {
    for (const entry of STATUSPAGE_HELP) expect(entry.id).to.match(/^statuspage\.[a-z]+$/)
  })
})
