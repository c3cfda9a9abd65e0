// Every list of names in a reply is bounded, and components are named with their group, one per line.
import { expect } from 'chai'
import { bounded, componentLines, orList } from '../../../src/chat/statuspage/lists'
import { components } from '../../support/statuspage'

describe('the lists in replies', () => {
  it('shows at most ten lines, then how many more, indented like the list and with the hint given', () => {
    const lines = Array.from({ length: 12 }, (_, i) => `line ${i + 1}`)
    expect(bounded(lines)).to.deep.equal([...lines.slice(0, 10), '+2 more'])
    expect(bounded(lines.slice(0, 10))).to.deep.equal(lines.slice(0, 10))
    expect(bounded(lines, 3, '  ', ': status components lists them')).to.deep.equal(['line 1', 'line 2', 'line 3', '  +9 more: status components lists them'])
  })

  it('never hands back the list it was given', () => {
    const lines = ['a']
    expect(bounded(lines)).not.to.equal(lines)
  })

  it('names each component with its group, one per line, and bounds them', () => {
    const all = components()
    const [core, api, web, eu] = all
    expect(componentLines([api, web, eu, core], all)).to.deep.equal(['  • Core › API', '  • Core › Web App', '  • API (EU)', '  • Core'])
    expect(componentLines(all, all, '', 2)).to.deep.equal(['• Core', '• Core › API', '+6 more'])
  })

  it('quotes each name of a short inline list, with "or" before the last', () => {
    expect(orList([])).to.equal('')
    expect(orList(['Docs'])).to.equal('"Docs"')
    expect(orList(['Docs', 'API'])).to.equal('"Docs" or "API"')
    expect(orList(['SMS, India', 'API', 'Docs'])).to.equal('"SMS, India", "API" or "Docs"')
  })
})
