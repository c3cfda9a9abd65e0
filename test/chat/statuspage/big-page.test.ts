// Replies on a page as large and awkward as real ones (big-page.ts): 300 components
// in 10 groups, the same names in every group, commas inside names, a placeholder component.
import { expect } from 'chai'
import type nock from 'nock'
import { groupOf } from '../../../src/chat/statuspage/groups'
import { resolveComponentList } from '../../../src/chat/statuspage/maintenance/components'
import type { Component } from '../../../src/statuspage/types'
import { botOn } from '../../support/bots'
import { FakeClock } from '../../support/fake-clock'
import { bigPage, childId, groupId, GROUPS, incidentOn, named, PLACEHOLDER } from './big-page'
import { api, configure, createdMaintenance, getComponents, getMaintenance, getUnresolved, onlyReply, PAGE } from '../../support/statuspage'

const NOW = new Date('2026-11-24T21:00:00Z')

/** Every page of components, 100 at a time, as the API pages them. */
function getAll (scope: nock.Scope, rows: Component[]): nock.Scope {
  for (let page = 1; (page - 1) * 100 <= rows.length; page++) {
    getComponents(scope, rows.slice((page - 1) * 100, page * 100), page)
  }
  return scope
}

const lines = (text: string): string[] => text.split('\n')

describe('a 300-component page on Hubot 3.5', () => {
  const bot = botOn('3.5', configure, { clock: () => new FakeClock(NOW.getTime(), { sleepsAdvance: true }) })
  const ask = async (text: string): Promise<string> => await onlyReply(bot, text)

  it('is shaped as described: 10 groups of 30, one placeholder, names repeated and holding commas', () => {
    const rows = bigPage()
    expect(rows.filter(c => c.group)).to.have.length(10)
    expect(rows.filter(c => !c.group)).to.have.length(301)
    expect(rows.filter(c => c.name === 'SMS, Middle East & Africa')).to.have.length(10)
  })

  it('reads group membership from group_id only, even where a group row\'s components list is stale', () => {
    const rows = bigPage()
    // The Voice group's list wrongly claims a Messaging child and forgets one of its own.
    const voice = rows.find(c => c.id === groupId(1)) as Component
    voice.components = [childId(0, 0), ...(voice.components ?? []).slice(1)]
    expect(groupOf(rows.find(c => c.id === childId(0, 0)) as Component, rows)?.name).to.equal('Messaging')
    expect(groupOf(rows.find(c => c.id === childId(1, 0)) as Component, rows)?.name).to.equal('Voice')
  })

  it('asks "which one?" for a name in every group with a bounded, group-qualified list, one per line', async () => {
    const scope = getMaintenance(getUnresolved(getAll(api(), bigPage()), []))
    const reply = await ask('/status SMS, Middle East & Africa?')
    expect(lines(reply)).to.deep.equal([
      '"SMS, Middle East & Africa" could be 10 components: which one? Nothing was changed.',
      ...GROUPS.map(g => `• ${g} › SMS, Middle East & Africa`),
      'Say the whole name, with its group where two share a name: Group › Name (or Group / Name).'
    ])
    scope.done()
  })

  it('bounds a "which one?" list of 100 candidates with "+N more"', async () => {
    const scope = getMaintenance(getUnresolved(getAll(api(), bigPage()), []))
    const reply = lines(await ask('/status sms?'))
    expect(reply[0]).to.equal('"sms" could be 100 components: which one? Nothing was changed.')
    expect(reply).to.have.length(13)
    expect(reply[11]).to.equal('+90 more')
    scope.done()
  })

  it('finds one component by "Group › Name", "Group / Name" or "Group > Name", commas and all', async () => {
    process.env.HUBOT_STATUSPAGE_CACHE_SECONDS = '0' // each ask reads afresh: the subject is the parsing, not the cache
    for (const typed of ['Voice › SMS, Asia, Pacific', 'voice / sms, asia, pacific', 'Voice > SMS, Asia, Pacific']) {
      const scope = getMaintenance(getUnresolved(getAll(api(), bigPage()), []))
      const reply = await ask(`/status ${typed}?`)
      expect(lines(reply).slice(0, 2), typed).to.deep.equal(['Voice › SMS, Asia, Pacific: operational', '  (SMS, Asia, Pacific in Voice)'])
      scope.done()
    }
  })

  it('lists an incident\'s components one per line with their groups, so commas cannot mislead', async () => {
    const rows = bigPage()
    const affected = [named(rows, 'Messaging', 'SMS, North America'), named(rows, 'Messaging', 'MMS, Europe'), named(rows, 'Voice', 'SMS, North America'), named(rows, 'Flex', 'WhatsApp, Asia, Pacific')]
    const scope = getUnresolved(getAll(api(), rows), [incidentOn('inc000000001', 'Carrier delays', affected, { impact: 'minor' })])
    const reply = await ask('/status incidents')
    expect(reply).to.contain([
      '  Affects 4 components:',
      '    • Messaging › SMS, North America',
      '    • Messaging › MMS, Europe',
      '    • Voice › SMS, North America',
      '    • Flex › WhatsApp, Asia, Pacific'
    ].join('\n'))
    scope.done()
  })

  it('bounds "Affects" at 10 names with "+N more"', async () => {
    const rows = bigPage()
    const affected = rows.filter(c => c.group_id === groupId(0))
    const scope = getUnresolved(getAll(api(), rows), [incidentOn('inc000000002', 'Messaging outage', affected)])
    const reply = lines(await ask('/status incidents'))
    expect(reply).to.include('  Affects 30 components:')
    expect(reply).to.include('    +20 more')
    expect(reply.filter(l => l.startsWith('    • Messaging › '))).to.have.length(10)
    scope.done()
  })

  it('bounds the summary: the first 10 components not operational, then "+N more", all group-qualified', async () => {
    const rows = bigPage().map(c => (c.group_id === groupId(2) ? { ...c, status: 'partial_outage' as const } : c))
    const scope = getMaintenance(getUnresolved(getAll(api(), rows), []))
    const reply = lines(await ask('/status'))
    expect(reply[0]).to.equal('Not operational:')
    expect(reply[1]).to.equal('• Verify › SMS, Middle East & Africa: partial outage')
    expect(reply[11]).to.equal('+20 more')
    scope.done()
  })

  it('bounds "status components": at most 10 components a group, those in trouble first', async () => {
    const rows = bigPage()
    const broken = rows.find(c => c.id === childId(4, 29)) as Component
    broken.status = 'major_outage'
    const scope = getAll(api(), rows)
    const reply = lines(await ask('/status components'))
    expect(reply[0]).to.equal('301 components:')
    const email = reply.indexOf('Email (group): major outage')
    expect(reply[email + 1]).to.equal('    • WhatsApp, Canada: major outage')
    expect(reply[email + 11]).to.equal('    +20 more, all operational')
    expect(reply.length).to.be.below(130)
    scope.done()
  })

  it('mentions a major incident linked only to the placeholder component when asked about any component', async () => {
    const rows = bigPage()
    const placeholder = rows.find(c => c.name === PLACEHOLDER) as Component
    const outage = incidentOn('inc000000003', 'Disruption with some services', [placeholder], { impact: 'none', impact_override: 'critical' })
    const scope = getMaintenance(getUnresolved(getAll(api(), rows), [outage]))
    const reply = await ask('/status Voice › SMS, Japan?')
    expect(reply).to.match(/^Voice › SMS, Japan: operational\n {2}\(SMS, Japan in Voice\)\nNo unresolved incident names it\.\nBut the page has a major or critical incident that may affect it:\n• Disruption with some services \(inc000000003\): investigating, critical impact, started 1 h ago/)
    expect(reply).to.contain(`Affects: ${PLACEHOLDER}`)
    expect(reply).not.to.contain('No unresolved incident affects it')
    scope.done()
  })

  it('schedules maintenance on components whose names hold commas, told apart by their groups', async () => {
    const rows = bigPage()
    const ids = [named(rows, 'Messaging', 'SMS, Middle East & Africa').id, named(rows, 'Voice', 'SMS, Asia, Pacific').id]
    const scope = getAll(api(), rows)
      .post(`${PAGE}/incidents`, (body: { incident: { component_ids: string[] } }) => JSON.stringify(body.incident.component_ids) === JSON.stringify(ids))
      .reply(201, { ...createdMaintenance(), name: 'Carrier switch' })
    const reply = await ask('/status maintenance Carrier switch from 2026-12-01 22:00 for 2h on Messaging › SMS, Middle East & Africa, Voice › SMS, Asia, Pacific: brief delays')
    expect(reply).to.contain('2 components go to under maintenance when it starts and back to operational when it ends:\n  • Messaging › SMS, Middle East & Africa\n  • Voice › SMS, Asia, Pacific')
    scope.done()
  })

  it('refuses a maintenance on a name found in several groups, with the bounded candidates, and no POST', async () => {
    const scope = getAll(api(), bigPage())
    const reply = lines(await ask('/status maintenance Carrier switch from 2026-12-01 22:00 for 2h on SMS, Middle East & Africa'))
    expect(reply[0]).to.equal('"SMS, Middle East & Africa" could be 10 components: which one? Nothing was scheduled.')
    expect(reply).to.have.length(12)
    scope.done()
  })
})

describe('the component list of a maintenance', () => {
  const rows = bigPage()
  const names = (text: string): string[] | string => {
    const result = resolveComponentList(text, rows)
    return 'reply' in result ? result.reply : result.components.map(c => `${groupOf(c, rows)?.name ?? ''} › ${c.name}`)
  }

  it('takes the longest run of comma-separated pieces that is a whole name', () => {
    expect(names('Flex › SMS, Asia, Pacific, Flex › MMS, India')).to.deep.equal(['Flex › SMS, Asia, Pacific', 'Flex › MMS, India'])
  })

  it('takes ";" as a separator that never belongs to a name, and a group as all its components', () => {
    const group = names('Lookup; Flex › SMS, India')
    expect(group).to.have.length(31)
    expect((group as string[])[30]).to.equal('Flex › SMS, India')
  })

  it('refuses an unknown piece with suggestions', () => {
    expect(names('Flex › SMS, Atlantis')).to.match(/^No component is called "Flex › SMS, Atlantis"\./)
    expect(names('Flex › SMS, India, Atlantis')).to.match(/^No component is called "Atlantis"\./)
  })

  it('lists each component once', () => {
    expect(names('Flex › SMS, India; flex / sms, india')).to.deep.equal(['Flex › SMS, India'])
  })
})
