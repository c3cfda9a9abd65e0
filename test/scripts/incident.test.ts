// The incident script's `// Commands:` header is what Hubot 3.5's help reads: it must match the table
// Hubot 14's help is registered from, line for line.
import { expect } from 'chai'
import path from 'node:path'
import { helpLine } from '../../src/chat/help'
import { INCIDENT_HELP } from '../../src/chat/incident/help'
import { PACKAGE_ROOT } from '../support/bots'
import { fileLines, headerSection } from '../support/help-header'

describe('the incident script header', () => {
  const lines = fileLines(path.join(PACKAGE_ROOT, 'src', 'scripts', 'incident.ts'))

  it('lists exactly the commands of INCIDENT_HELP, in order, with dotted ids', () => {
    expect(headerSection(lines, 'Commands')).to.deep.equal(INCIDENT_HELP.map(helpLine))
    for (const entry of INCIDENT_HELP) expect(entry.id).to.match(/^incident\.[a-z]+$/)
  })
})
