// The help says what the parser takes: each update/resolve/maintenance form in `status help`, with its
// placeholders filled in, with and without the optional id, reads as that command with its message,
// never as a stray word (which changes nothing) and never with the colon in the message.
import { expect } from 'chai'
import { STATUSPAGE_HELP } from '../../../src/chat/statuspage/help'
import { parseMaintenanceArgs } from '../../../src/chat/statuspage/maintenance/parse'
import { parseIncidentArgs, parseStatus, strayWord } from '../../../src/chat/statuspage/parse'

const usage = (id: string): string => STATUSPAGE_HELP.find(h => h.id === id)!.usage

/** The usage with its placeholders filled: optional parts given or left out. */
function fill (text: string, values: { id?: string, status?: string, message: string, action?: string }): string {
  return text
    .replace(/\[<(incident )?id>\]/, values.id ?? '')
    .replace(/\[<(incident )?status>\]/, values.status ?? '')
    .replace('start|complete|cancel', values.action ?? 'start')
    .replace(/\[: <message>\]|<message>/, m => (m.startsWith('[') ? `: ${values.message}` : values.message))
    .replace(/\s+/g, ' ').replace(/ :/g, ':').trim()
}

describe('status help forms parse as what they describe', () => {
  const ids = [undefined, 'p31zjtct2jer']
  for (const entry of ['statuspage.update', 'statuspage.resolve']) {
    for (const id of ids) {
      for (const status of entry === 'statuspage.update' ? [undefined, 'monitoring'] : [undefined]) {
        const typed = fill(usage(entry), { id, status, message: 'fix is out' })
        it(`"${typed}"`, () => {
          const command = parseStatus(typed.replace(/^status /, ''))
          expect(command.kind).to.equal(entry === 'statuspage.update' ? 'update' : 'resolve')
          const args = (command as { args: string }).args
          const parsed = parseIncidentArgs(args, [], { status: entry === 'statuspage.update' })
          expect(parsed).to.deep.equal({ ...(id ? { id } : {}), ...(status ? { status } : {}), message: 'fix is out' })
          expect(strayWord(args, parsed)).to.equal(undefined)
        })
      }
    }
  }

  for (const entry of ['statuspage.transition', 'statuspage.revise']) {
    for (const id of [undefined, 'mnt0docs0001']) {
      const status = entry === 'statuspage.revise' ? 'verifying' : undefined
      const typed = fill(usage(entry), { id, status, message: 'all done', action: 'complete' })
      it(`"${typed}"`, () => {
        const command = parseStatus(typed.replace(/^status /, ''))
        expect(command.kind).to.equal(entry === 'statuspage.revise' ? 'maintenance-update' : 'maintenance-transition')
        const args = (command as { args: string }).args
        const parsed = parseMaintenanceArgs(args, [], { status: entry === 'statuspage.revise' })
        expect(parsed).to.deep.equal({ ...(id ? { id } : {}), ...(status ? { status } : {}), message: 'all done' })
        expect(strayWord(args, parsed)).to.equal(undefined)
      })
    }
  }
})
