import { expect } from 'chai'
import {
  effectiveStatus, formatAmbiguous, formatComponents, formatIncidentChoice, formatIncidents, formatShow,
  formatSummary, formatUnknown, latestUpdate
} from '../../../src/chat/statuspage/format'
import { age } from '../../../src/util/text'
import { parseState, stateLabel, trailingState } from '../../../src/chat/statuspage/states'
import { components, severalUnresolved, unresolved } from '../../support/statuspage'

const NOW = new Date('2025-11-20T10:00:00.000Z')

describe('states', () => {
  it('shows every component state by the name people know', () => {
    expect(['operational', 'degraded_performance', 'partial_outage', 'major_outage', 'under_maintenance'].map(stateLabel))
      .to.deep.equal(['operational', 'degraded performance', 'partial outage', 'major outage', 'under maintenance'])
    expect(stateLabel('')).to.equal('unknown')
  })

  it('reads state phrases in any case and spacing', () => {
    expect(parseState('  Under   MAINTENANCE ')).to.equal('under_maintenance')
    expect(parseState('broken')).to.equal(undefined)
  })

  it('finds a state only at the end of the words', () => {
    expect(trailingState(['down', 'detector'])).to.equal(undefined)
    expect(trailingState(['api', 'partial', 'outage'])).to.deep.equal({ status: 'partial_outage', length: 2 })
  })
})

describe('format', () => {
  it('says "All systems operational." when nothing is wrong', () => {
    const healthy = components().map(c => ({ ...c, status: 'operational' as const }))
    expect(formatSummary(healthy, [], NOW)).to.equal('All systems operational.')
  })

  it('lists what is not operational and the unresolved incidents in the summary', () => {
    const text = formatSummary(components(), unresolved(), NOW)
    expect(text).to.equal([
      'Not operational:',
      '• Core › Web App: degraded performance',
      '• Zürich Builds: major outage',
      '1 unresolved incident:',
      '• Zürich builds are failing (p31zjtct2jer): identified, major impact, opened 2 h ago https://stspg.io/zrh1'
    ].join('\n'))
  })

  it('says the components are fine when only an incident is open', () => {
    const healthy = components().map(c => ({ ...c, status: 'operational' as const }))
    expect(formatSummary(healthy, unresolved(), NOW)).to.match(/^All components are operational\.\n1 unresolved incident:/)
  })

  it('groups components under their group, with the group showing the worst of its components', () => {
    expect(formatComponents(components())).to.equal([
      '7 components:',
      'Core (group): degraded performance',
      '    • API: operational',
      '    • Web App: degraded performance',
      '• API (EU): operational',
      '• Zürich Builds: major outage',
      '• Build Processing: operational',
      '• Build Artifacts: operational',
      '• Docs: operational'
    ].join('\n'))
  })

  it('computes a group\'s state from its components rather than its own row', () => {
    const all = components()
    const core = { ...all[0], status: 'operational' as const }
    expect(effectiveStatus(core, all)).to.equal('degraded_performance')
  })

  it('lists each incident with id, status, impact, age, latest update, components and link', () => {
    expect(formatIncidents(unresolved(), NOW)).to.equal([
      '1 unresolved incident:',
      '• Zürich builds are failing (p31zjtct2jer): identified, major impact, opened 2 h ago',
      '  Latest (identified, 1 h ago): The build cache in Zürich is corrupt; we are rebuilding it.',
      '  Affects: Zürich Builds',
      '  https://stspg.io/zrh1'
    ].join('\n'))
    expect(formatIncidents([], NOW)).to.equal('No unresolved incidents.')
  })

  it('picks the newest update whatever order the API sends them in', () => {
    const incident = unresolved()[0]
    incident.incident_updates = [...(incident.incident_updates ?? [])].reverse()
    expect(latestUpdate(incident)?.id).to.equal('upd000000002')
  })

  it('shows a component with the incident affecting it, or says none does', () => {
    const all = components()
    const zurich = all.find(c => c.id === 'cmpzrh000001')!
    expect(formatShow({ component: zurich, all, incidents: unresolved(), now: NOW })).to.match(/^Zürich Builds: major outage\n• Zürich builds are failing \(p31zjtct2jer\)/)
    const docs = all.find(c => c.id === 'cmpdoc000001')!
    expect(formatShow({ component: docs, all, incidents: [], now: NOW })).to.equal('Docs: operational\nNo unresolved incident affects it.')
    // A major incident elsewhere on the page is never left out.
    expect(formatShow({ component: docs, all, incidents: unresolved(), now: NOW })).to.match(/^Docs: operational\nNo unresolved incident names it\.\nBut the page has a major or critical incident that may affect it:\n• Zürich builds are failing \(p31zjtct2jer\)/)
  })

  it('shows a group with its components and the incidents affecting any of them', () => {
    const all = components()
    const text = formatShow({ component: all[0], all, incidents: severalUnresolved(), now: NOW })
    expect(text).to.match(/^Core \(group\): degraded performance\n {4}• API: operational\n {4}• Web App: degraded performance\n• Slow web app \(k7bw4n2xq9vd\)/)
    // The major Zürich incident is not about Core, but is shown after it, as page-wide.
    expect(text.indexOf('p31zjtct2jer')).to.be.greaterThan(text.indexOf('But the page has a major or critical incident'))
  })

  it('names suggestions for an unknown component and says nothing changed', () => {
    const all = components()
    expect(formatUnknown('Dcos', [all[7]], all, '/')).to.equal('No component is called "Dcos". Did you mean "Docs"? Nothing was changed. (/status components lists them all.)')
    expect(formatUnknown('x', [], all, 'hubot ')).to.equal('No component is called "x". Nothing was changed. (hubot status components lists them all.)')
  })

  it('lists the candidates for an ambiguous name', () => {
    const all = components()
    expect(formatAmbiguous('api', [all[1], all[3]], all)).to.equal([
      '"api" could be 2 components: which one? Nothing was changed.',
      '• Core › API',
      '• API (EU)',
      'Say the whole name, with its group where two share a name: Group › Name (or Group / Name).'
    ].join('\n'))
  })

  it('asks which incident, with ids and an example', () => {
    expect(formatIncidentChoice(severalUnresolved(), '/', 'update')).to.equal([
      '2 unresolved incidents: which one? Nothing was changed.',
      '• p31zjtct2jer: Zürich builds are failing (identified)',
      '• k7bw4n2xq9vd: Slow web app (investigating)',
      'Say it with the id, e.g. /status update p31zjtct2jer <message>'
    ].join('\n'))
  })

  it('says how long ago something happened', () => {
    expect(age('2025-11-20T09:59:45.000Z', NOW, 'words')).to.equal('just now')
    expect(age('2025-11-20T09:15:00.000Z', NOW, 'words')).to.equal('45 min ago')
    expect(age('2025-11-17T10:00:00.000Z', NOW, 'words')).to.equal('3 days ago')
    expect(age(null, NOW, 'words')).to.equal('at an unknown time')
  })
})
