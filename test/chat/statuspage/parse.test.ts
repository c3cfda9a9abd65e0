import { expect } from 'chai'
import { isIncidentId, parseIncidentArgs, parseStatus, STATUS_PATTERN } from '../../../src/chat/statuspage/parse'

const parse = (text: string) => {
  const match = text.match(STATUS_PATTERN)
  if (!match || match.index !== 0) throw new Error(`the listener would not hear ${JSON.stringify(text)}`)
  return parseStatus(match[1])
}

describe('parseStatus', () => {
  it('reads "status" and "status?" as the summary', () => {
    expect(parse('status')).to.deep.equal({ kind: 'summary' })
    expect(parse('status?')).to.deep.equal({ kind: 'summary' })
    expect(parse('STATUS ?')).to.deep.equal({ kind: 'summary' })
  })

  it('reads only question marks as the summary, not as a component called "??"', () => {
    expect(parse('status ???')).to.deep.equal({ kind: 'summary' })
    expect(parse('status???')).to.deep.equal({ kind: 'summary' })
    expect(parse('status ? ?')).to.deep.equal({ kind: 'summary' })
    expect(parse('status API??')).to.deep.equal({ kind: 'show', component: 'API' })
    expect(parse('status incidents??')).to.deep.equal({ kind: 'incidents' })
  })

  it('does not hear words that merely begin with status', () => {
    expect('statuses'.match(STATUS_PATTERN)?.index).to.not.equal(0)
    expect('statusx API down'.match(STATUS_PATTERN)?.index).to.not.equal(0)
  })

  it('hears a colon straight after status, as people type after a name', () => {
    expect(parse('status: API down')).to.deep.equal(parse('status API down'))
    expect(parse('status:')).to.deep.equal({ kind: 'summary' })
    expect(parse('Status:?')).to.deep.equal({ kind: 'summary' })
    expect('status:x API down'.match(STATUS_PATTERN)?.index).to.not.equal(0)
  })

  it('reads the list commands', () => {
    expect(parse('status components')).to.deep.equal({ kind: 'components' })
    expect(parse('status incidents')).to.deep.equal({ kind: 'incidents' })
    expect(parse('status Incidents?')).to.deep.equal({ kind: 'incidents' })
  })

  it('refuses words after a list command instead of guessing', () => {
    expect(parse('status incidents please').kind).to.equal('invalid')
  })

  it('reads a question about a component, keeping its punctuation and letters', () => {
    expect(parse('status API (EU)?')).to.deep.equal({ kind: 'show', component: 'API (EU)' })
    expect(parse('status   Zürich    Builds ?')).to.deep.equal({ kind: 'show', component: 'Zürich Builds' })
  })

  it('reads a component name without a state as a question about it', () => {
    expect(parse('status Docs')).to.deep.equal({ kind: 'show', component: 'Docs' })
  })

  it('reads every state word and shortcut at the end of a set command', () => {
    const cases: Array<[string, string]> = [
      ['operational', 'operational'], ['ok', 'operational'], ['up', 'operational'], ['fixed', 'operational'],
      ['degraded', 'degraded_performance'], ['degraded performance', 'degraded_performance'],
      ['partial', 'partial_outage'], ['partial outage', 'partial_outage'],
      ['major', 'major_outage'], ['major outage', 'major_outage'], ['outage', 'major_outage'], ['down', 'major_outage'],
      ['maintenance', 'under_maintenance'], ['under maintenance', 'under_maintenance'], ['MAJOR_OUTAGE', 'major_outage']
    ]
    for (const [words, status] of cases) {
      expect(parse(`status Build Processing ${words}`), words).to.deep.equal({ kind: 'set', component: 'Build Processing', status })
    }
  })

  it('prefers the longest state phrase, so "major outage" is not the component "major"', () => {
    expect(parse('status API major outage')).to.deep.equal({ kind: 'set', component: 'API', status: 'major_outage' })
  })

  it('reads a message after the first colon that follows a state', () => {
    expect(parse('status API (EU) major: Errors: 50% of requests fail')).to.deep.equal({
      kind: 'set', component: 'API (EU)', status: 'major_outage', message: 'Errors: 50% of requests fail'
    })
  })

  it('keeps a colon that belongs to the component name', () => {
    expect(parse('status Region: EU down: all gone')).to.deep.equal({ kind: 'set', component: 'Region: EU', status: 'major_outage', message: 'all gone' })
  })

  it('keeps a multi-line message whole', () => {
    expect(parse('status Docs degraded: slow\nsecond line')).to.deep.equal({ kind: 'set', component: 'Docs', status: 'degraded_performance', message: 'slow\nsecond line' })
  })

  it('reads a question mark inside a message as part of the message', () => {
    expect(parse('status Docs down: is the CDN broken?')).to.deep.equal({ kind: 'set', component: 'Docs', status: 'major_outage', message: 'is the CDN broken?' })
  })

  it('opens an incident, and only that, for "status open investigating API major outage: ..."', () => {
    expect(parse('status open investigating API major outage: We are looking into it')).to.deep.equal({
      kind: 'open', name: 'API major outage', status: 'investigating', message: 'We are looking into it'
    })
  })

  it('opens an incident as investigating by default, with or without a message', () => {
    expect(parse('status open Checkout errors')).to.deep.equal({ kind: 'open', name: 'Checkout errors', status: 'investigating' })
    expect(parse('status open identified Checkout errors: card payments fail')).to.deep.equal({
      kind: 'open', name: 'Checkout errors', status: 'identified', message: 'card payments fail'
    })
  })

  it('asks for a name when "status open" has none, and refuses names Statuspage would refuse', () => {
    expect(parse('status open').kind).to.equal('invalid')
    expect(parse('status open monitoring').kind).to.equal('invalid')
    expect(parse(`status open ${'x'.repeat(256)}`).kind).to.equal('invalid')
  })

  it('treats the command words as commands, never as component names', () => {
    expect(parse('status update down').kind).to.equal('update')
    expect(parse('status resolve').kind).to.equal('resolve')
    expect(parse('status open down').kind).to.equal('open')
    expect(parse('status components down').kind).to.equal('invalid')
  })

  it('keeps the arguments of update and resolve for parseIncidentArgs', () => {
    expect(parse('status update p31zjtct2jer monitoring fix deployed')).to.deep.equal({ kind: 'update', args: 'p31zjtct2jer monitoring fix deployed' })
    expect(parse('status resolve all good')).to.deep.equal({ kind: 'resolve', args: 'all good' })
    expect(parse('status update').kind).to.equal('invalid')
  })
})

describe('parseIncidentArgs', () => {
  it('reads an id, a status and a message', () => {
    expect(parseIncidentArgs('p31zjtct2jer monitoring A fix is deployed')).to.deep.equal({ id: 'p31zjtct2jer', status: 'monitoring', message: 'A fix is deployed' })
  })

  it('reads a status and a message without an id', () => {
    expect(parseIncidentArgs('identified the cache is corrupt')).to.deep.equal({ status: 'identified', message: 'the cache is corrupt' })
  })

  it('does not take a twelve-letter word without digits for an id', () => {
    expect(parseIncidentArgs('intermittent errors continue')).to.deep.equal({ message: 'intermittent errors continue' })
    expect(isIncidentId('connectivity')).to.equal(false)
  })

  it('takes a digit-free word for an id when it is one of the unresolved incidents', () => {
    expect(parseIncidentArgs('abcdefghijkl fixed', ['abcdefghijkl'])).to.deep.equal({ id: 'abcdefghijkl', message: 'fixed' })
  })

  it('does not take a word of another length or with capitals for an id unless it is known', () => {
    expect(isIncidentId('p31zjtct2je')).to.equal(false)
    expect(isIncidentId('P31ZJTCT2JER')).to.equal(false)
    expect(isIncidentId('P31ZJTCT2JER', ['p31zjtct2jer'])).to.equal(true)
  })

  it('reads no status word when asked not to (resolve takes only an id and a message)', () => {
    expect(parseIncidentArgs('monitoring ended, all fine', [], { status: false })).to.deep.equal({ message: 'monitoring ended, all fine' })
  })

  it('returns nothing for nothing', () => {
    expect(parseIncidentArgs('')).to.deep.equal({})
  })
})
