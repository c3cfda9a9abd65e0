// The components named after `on` in a maintenance command, as a pure function.
import { expect } from 'chai'
import { resolveComponentList } from '../../../../src/chat/statuspage/maintenance/components'
import type { Component } from '../../../../src/statuspage/types'
import { componentRow, components } from '../../../support/statuspage'

const names = (result: ReturnType<typeof resolveComponentList>): string[] | string =>
  'reply' in result ? result.reply : result.components.map(c => c.name)

describe('the component list of a maintenance', () => {
  const comma = componentRow('cmpsms000001', 'SMS, Middle East & Africa', { position: 20 })
  const all: Component[] = [...components(), comma]

  it('takes names separated by commas or semicolons, and a name that contains a comma whole', () => {
    expect(names(resolveComponentList('Docs, SMS, Middle East & Africa; Build Processing', all)))
      .to.deep.equal(['Docs', 'SMS, Middle East & Africa', 'Build Processing'])
  })

  it('takes the longest run of pieces that is a whole name, not a shorter name it starts with', () => {
    const flex = [...all, componentRow('cmpflx000001', 'Flex', { position: 21 }), componentRow('cmpflx000002', 'Flex, EU', { position: 22 })]
    expect(names(resolveComponentList('Flex, EU, Docs', flex))).to.deep.equal(['Flex, EU', 'Docs'])
    expect(names(resolveComponentList('Flex; Docs', flex))).to.deep.equal(['Flex', 'Docs'])
  })

  it('takes a group as its components, and each component once', () => {
    expect(names(resolveComponentList('Core; API; Docs, docs', all))).to.deep.equal(['API', 'Web App', 'Docs'])
  })

  it('takes a name the friendly matcher finds (any case, a unique prefix), skipping empty pieces', () => {
    expect(names(resolveComponentList('zürich builds,, build proc', all))).to.deep.equal(['Zürich Builds', 'Build Processing'])
  })

  it('refuses an unknown name with the reply that suggests names and how to list them', () => {
    expect(names(resolveComponentList('Docs, Dosc', all, '/')))
      .to.equal('No component is called "Dosc". Did you mean "Docs"? Nothing was changed. (/status components lists them all.)')
  })

  it('refuses an ambiguous name with the candidates', () => {
    expect(names(resolveComponentList('Build', all))).to.equal([
      '"Build" could be 3 components: which one? Nothing was changed.',
      '• Zürich Builds',
      '• Build Processing',
      '• Build Artifacts',
      'Say the whole name, with its group where two share a name: Group › Name (or Group / Name).'
    ].join('\n'))
  })
})
