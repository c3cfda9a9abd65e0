// The incident parser: every form the issue names, and bad input as one `invalid` with what to type.
import { expect } from 'chai'
import { MAX_LINKS, parseIncident } from '../../../src/chat/incident/parse'

describe('parseIncident', () => {
  it('reads start with its title, severity and components', () => {
    expect(parseIncident(' start Checkout errors P1 on REST API, Dashboard')).to.deep.equal(
      { kind: 'start', title: 'Checkout errors', severity: 'P1', components: ['REST API', 'Dashboard'] })
    expect(parseIncident(' start Checkout errors')).to.deep.equal({ kind: 'start', title: 'Checkout errors', severity: 'P3', components: [] })
    expect(parseIncident(' start Login slow p2')).to.deep.equal({ kind: 'start', title: 'Login slow', severity: 'P2', components: [] })
    expect(parseIncident(' start P1')).to.include({ kind: 'invalid' })
    expect(parseIncident(` start ${'x'.repeat(256)}`)).to.include({ kind: 'invalid' })
  })

  it('reads the other commands', () => {
    expect(parseIncident(undefined)).to.deep.equal({ kind: 'show' })
    expect(parseIncident(' lead me')).to.deep.equal({ kind: 'role', role: 'lead', who: 'me' })
    expect(parseIncident(' comms @eve')).to.deep.equal({ kind: 'role', role: 'comms', who: 'eve' })
    expect(parseIncident(' note: rollback done')).to.deep.equal({ kind: 'note', text: 'rollback done' })
    expect(parseIncident(' link #12 13, #12')).to.deep.equal({ kind: 'link-alerts', tinyIds: ['12', '13'] })
    expect(parseIncident(' link p31zjtct2jer')).to.deep.equal({ kind: 'link-public', incidentId: 'p31zjtct2jer' })
    expect(parseIncident(' public')).to.deep.equal({ kind: 'public' })
    expect(parseIncident(' public: we are on it')).to.deep.equal({ kind: 'public', message: 'we are on it' })
    expect(parseIncident(' update identified: a bad deploy')).to.deep.equal({ kind: 'update', status: 'identified', message: 'a bad deploy' })
    expect(parseIncident(' update: still looking')).to.deep.equal({ kind: 'update', message: 'still looking' })
    expect(parseIncident(' resolve: all good')).to.deep.equal({ kind: 'resolve', message: 'all good' })
    expect(parseIncident(' postmortem publish')).to.deep.equal({ kind: 'publish' })
    expect(parseIncident(' confirm k7qx')).to.deep.equal({ kind: 'confirm', code: 'K7QX' })
    expect(parseIncident(' history')).to.deep.equal({ kind: 'history', count: 5 })
    expect(parseIncident(' history 500')).to.deep.equal({ kind: 'history', count: 50 })
  })

  it('makes bad input one invalid command', () => {
    for (const bad of [' lead', ' note', ' link', ' link #x', ' update identified:', ' postmortem', ' confirm', ' history none', ' scribe me']) {
      expect(parseIncident(bad), bad).to.include({ kind: 'invalid' })
    }
    const many = Array.from({ length: MAX_LINKS + 1 }, (_, i) => `#${i + 1}`).join(' ')
    expect(parseIncident(` link ${many}`)).to.deep.include({ kind: 'invalid', why: `at most ${MAX_LINKS} alerts in one message` })
  })
})
