// The genie help table: the same lines as the Commands header of the script, and ids the CommandBus keeps apart.
import { expect } from 'chai'
import path from 'node:path'
import { helpLine } from '../../../src/chat/help'
import { OPSGENIE_HELP } from '../../../src/chat/opsgenie/help'
import { PACKAGE_ROOT } from '../../support/bots'
import { fileLines, headerSection } from '../../support/help-header'

describe('the genie help table', () => {
  const header = (file: string): string[] => headerSection(fileLines(file), 'Commands')

  it('matches the Commands header of the script, line for line', () => {
    const expected = OPSGENIE_HELP.map(helpLine)
    expect(header(path.join(PACKAGE_ROOT, 'src', 'scripts', 'opsgenie.ts'))).to.deep.equal(expected)
  })

  it('gives every entry an id with a dot and a unique id', () => {
    const ids = OPSGENIE_HELP.map(e => e.id)
    expect(new Set(ids).size).to.equal(ids.length)
    for (const id of ids) expect(id).to.match(/^opsgenie\.[a-z_]+$/)
  })

  it('starts every usage with genie, so each line is a command as typed', () => {
    for (const entry of OPSGENIE_HELP) expect(entry.usage, entry.id).to.match(/^genie( |$)/)
  })
})
