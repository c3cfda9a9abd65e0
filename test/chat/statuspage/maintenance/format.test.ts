// The maintenance replies as pure functions: windows with their zone, bounded lists.
import { expect } from 'chai'
import {
  formatMaintenanceChoice, formatMaintenanceList, formatScheduled, maintenanceSummaryLines, windowOf
} from '../../../../src/chat/statuspage/maintenance/format'
import { bounded, componentLines } from '../../../../src/chat/statuspage/lists'
import { activeMaintenance, components, createdMaintenance, upcomingMaintenance } from '../../../support/statuspage'

const NOW = new Date('2026-11-24T21:00:00Z')

describe('maintenance replies', () => {
  it('shows a window in UTC, or says there is none', () => {
    expect(windowOf(upcomingMaintenance()[0])).to.equal('2026-12-03 22:00 → 2026-12-04 02:00 UTC (4h)')
    expect(windowOf({ ...upcomingMaintenance()[0], scheduled_until: null })).to.equal('no window set')
  })

  it('bounds the list at 10 maintenances a section', () => {
    const many = Array.from({ length: 14 }, (_, i) => ({ ...upcomingMaintenance()[0], id: `mnt${String(i).padStart(9, '0')}` }))
    const text = formatMaintenanceList({ active: [], upcoming: many }, components(), NOW, '/')
    expect(text).to.match(/^No maintenance in progress\.\nUpcoming \(14\):/)
    expect(text.endsWith('\n+4 more')).to.equal(true)
  })

  it('says in the summary when the maintenance could not be read', () => {
    expect(maintenanceSummaryLines({ active: [], upcoming: [], problem: 'Statuspage did not answer in time.' }, components(), NOW))
      .to.deep.equal(['(Could not read scheduled maintenance: Statuspage did not answer in time.)'])
    expect(maintenanceSummaryLines({ active: activeMaintenance(), upcoming: [] }, components(), NOW)[0]).to.equal('1 maintenance in progress:')
  })

  it('states the zone given and UTC after scheduling', () => {
    const text = formatScheduled(createdMaintenance(), { zone: { kind: 'offset', minutes: -300 }, components: [], all: components(), notify: true }, NOW)
    expect(text.split('\n')[0]).to.equal('Scheduled maintenance Database upgrade (mntnew000001): 2026-12-01 17:00 → 19:00 UTC-05:00 (2h), that is 2026-12-01 22:00 → 2026-12-02 00:00 UTC (2h), starts in 7d 1h. https://stspg.io/mnew1')
  })

  it('says there is nothing to start when nothing is upcoming', () => {
    expect(formatMaintenanceChoice([], 'start', '/', NOW)).to.equal('There is no maintenance upcoming to start. Nothing was changed. (/status maintenance lists them.)')
  })

  it('bounds any list with "+N more", and names components with their groups, one per line', () => {
    expect(bounded(['a', 'b', 'c'], 2)).to.deep.equal(['a', 'b', '+1 more'])
    expect(bounded(['a', 'b'], 2)).to.deep.equal(['a', 'b'])
    const all = components()
    expect(componentLines([all[1], all[3]], all)).to.deep.equal(['  • Core › API', '  • API (EU)'])
  })
})
