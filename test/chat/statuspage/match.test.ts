import { expect } from 'chai'
import { distance, fold, matchComponent, normalize, targetsOf } from '../../../src/chat/statuspage/match'
import { parseStatus } from '../../../src/chat/statuspage/parse'
import { componentRow, components } from '../../support/statuspage'

const names = (list: Array<{ name: string }>): string[] => list.map(c => c.name)

describe('matchComponent', () => {
  const all = components()

  it('finds a component by its exact name, ignoring case and extra spaces', () => {
    const m = matchComponent('  build   PROCESSING ', all)
    expect(m.kind).to.equal('found')
    expect(m.kind === 'found' && m.component.id).to.equal('cmpbld000001')
  })

  it('finds names with punctuation and non-ASCII letters', () => {
    const eu = matchComponent('api (eu)', all)
    expect(eu.kind === 'found' && eu.component.id).to.equal('cmpapieu0001')
    const zurich = matchComponent('zürich builds', all)
    expect(zurich.kind === 'found' && zurich.component.id).to.equal('cmpzrh000001')
  })

  it('finds a name typed without its accents or punctuation', () => {
    const zurich = matchComponent('zurich builds', all)
    expect(zurich.kind === 'found' && zurich.component.id).to.equal('cmpzrh000001')
    const eu = matchComponent('API EU', all)
    expect(eu.kind === 'found' && eu.component.id).to.equal('cmpapieu0001')
  })

  it('prefers the exact name over a longer one that begins with it', () => {
    const api = matchComponent('API', all)
    expect(api.kind === 'found' && api.component.id).to.equal('cmpapi000001')
  })

  it('finds a component group by name', () => {
    const core = matchComponent('core', all)
    expect(core.kind === 'found' && core.component.group).to.equal(true)
  })

  it('finds a component by the beginning of its words when only one fits', () => {
    const docs = matchComponent('doc', all)
    expect(docs.kind === 'found' && docs.component.id).to.equal('cmpdoc000001')
  })

  it('reports every candidate when the words fit several components', () => {
    const m = matchComponent('build', all)
    expect(m.kind).to.equal('ambiguous')
    expect(m.kind === 'ambiguous' && names(m.candidates)).to.have.members(['Zürich Builds', 'Build Processing', 'Build Artifacts'])
  })

  it('reports two components with the same name as ambiguous, and tells them apart by group', () => {
    const twins = [
      componentRow('grpus0000001', 'US', { group: true, components: ['cmpdbus00001'] }),
      componentRow('grpeu0000001', 'EU', { group: true, components: ['cmpdbeu00001'] }),
      componentRow('cmpdbus00001', 'Database', { group_id: 'grpus0000001' }),
      componentRow('cmpdbeu00001', 'Database', { group_id: 'grpeu0000001' })
    ]
    const m = matchComponent('database', twins)
    expect(m.kind).to.equal('ambiguous')
    const eu = matchComponent('EU / Database', twins)
    expect(eu.kind === 'found' && eu.component.id).to.equal('cmpdbeu00001')
    const us = matchComponent('us/database', twins)
    expect(us.kind === 'found' && us.component.id).to.equal('cmpdbus00001')
  })

  it('suggests the closest names for an unknown one', () => {
    const m = matchComponent('Buld Procesing', all)
    expect(m.kind).to.equal('unknown')
    expect(m.kind === 'unknown' && names(m.suggestions)[0]).to.equal('Build Processing')
  })

  it('suggests nothing when nothing is close', () => {
    const m = matchComponent('quantum flux capacitor', all)
    expect(m).to.deep.equal({ kind: 'unknown', suggestions: [] })
  })

  it('finds nothing for a name of only punctuation', () => {
    expect(matchComponent('!!', all).kind).to.equal('unknown')
  })
})

describe('targetsOf', () => {
  it('gives a group\'s components in page order', () => {
    const all = components()
    const core = all.find(c => c.name === 'Core')!
    expect(names(targetsOf(core, all))).to.deep.equal(['API', 'Web App'])
  })

  it('gives a plain component itself', () => {
    const all = components()
    const docs = all.find(c => c.name === 'Docs')!
    expect(targetsOf(docs, all)).to.deep.equal([docs])
  })
})

describe('name helpers', () => {
  it('normalize keeps accents and punctuation but not case or spacing', () => {
    expect(normalize('  Zürich   Builds ')).to.equal('zürich builds')
    expect(normalize('EU/API')).to.equal('eu / api')
  })

  it('fold drops accents and punctuation', () => {
    expect(fold('API (EU)')).to.equal('api eu')
    expect(fold('Zürich Builds')).to.equal('zurich builds')
  })

  it('distance counts single-letter edits', () => {
    expect(distance('kitten', 'sitting')).to.equal(3)
    expect(distance('', 'abc')).to.equal(3)
    expect(distance('same', 'same')).to.equal(0)
  })
})

describe('the work of matching one message is bounded', () => {
  const all = components()
  const cellsFor = (query: string): number => {
    const work = { cells: 0 }
    matchComponent(query, all, { work })
    return work.cells
  }

  it('compares a bounded number of words typed with the names, however long the message', () => {
    const words = (n: number): string => Array.from({ length: n }, (_, i) => `w${i % 97}x`).join(' ')
    const short = cellsFor(words(20))
    const long = cellsFor(words(400))
    expect(short).to.be.greaterThan(0)
    // 20 words or 400 (2,000 characters, the longest name accepted): the same work.
    expect(long).to.equal(short)
    expect(long).to.be.below(50_000)
  })

  it('skips edit distances whose lengths alone rule out a suggestion', () => {
    expect(cellsFor('a'.repeat(2000))).to.equal(0)
  })

  it('refuses names and messages over their bound before any matching', () => {
    expect(parseStatus(` ${'x'.repeat(3000)} down`)).to.deep.equal({ kind: 'invalid', why: 'That component name is too long (3,000 characters; at most 2,000). Nothing was changed.' })
    expect(parseStatus(` ${'x'.repeat(30_000)}`)).to.deep.include({ kind: 'invalid' })
  })

  it('looks for the "<component> <state>:" colon only in a bounded prefix of the message', () => {
    // 20,000 colons cost one bounded scan; the colon after the longest possible name is message text.
    const colons = parseStatus(` API down: ${':'.repeat(20_000)}`)
    expect(colons).to.deep.include({ kind: 'set', component: 'API', status: 'major_outage' })
    const late = parseStatus(` ${'y '.repeat(1100)}API down: message`)
    expect(late.kind).to.equal('invalid')
    // A message too long to be a name: what comes before its first colon is the name meant.
    expect(parseStatus(` API degarded: ${'a '.repeat(10_000)}`)).to.deep.equal({ kind: 'show', component: 'API degarded' })
  })
})
