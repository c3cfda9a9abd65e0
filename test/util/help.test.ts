import { expect } from 'chai'
import { formatHelpList, helpLine, type HelpEntry } from '../../src/util/help'

const ENTRIES: HelpEntry[] = [
  { id: 'x.list', usage: 'x', description: 'Everything' },
  { id: 'x.one', usage: 'x <id>', description: 'One of them' }
]

describe('help lines', () => {
  it('writes an entry as the script header spells it: hubot, the usage, a dash, the description', () => {
    expect(helpLine(ENTRIES[1])).to.equal('hubot x <id> - One of them')
  })

  it('lists a family as the room types it: the title, then one command a line behind the prefix', () => {
    expect(formatHelpList('X commands:', ENTRIES, '/')).to.equal('X commands:\n/x - Everything\n/x <id> - One of them')
    expect(formatHelpList('X commands:', ENTRIES, 'hubot ')).to.equal('X commands:\nhubot x - Everything\nhubot x <id> - One of them')
    expect(formatHelpList('Nothing here.', [], '/')).to.equal('Nothing here.')
  })
})
