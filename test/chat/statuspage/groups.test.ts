import { expect } from 'chai'
import { groupOf, isTopLevel, qualifiedName, targetsOf } from '../../../src/chat/statuspage/groups'
import type { Component } from '../../../src/statuspage/types'
import { components } from '../../support/statuspage'

describe('component groups (by each child\'s group_id)', () => {
  const all = components()
  const byId = (id: string): Component => all.find(c => c.id === id)!

  it('places a component in its group and names it Group › Name', () => {
    expect(groupOf(byId('cmpapi000001'), all)?.id).to.equal('core00000001')
    expect(qualifiedName(byId('cmpapi000001'), all)).to.equal('Core › API')
    expect(qualifiedName(byId('cmpdoc000001'), all)).to.equal('Docs')
  })

  it('changes a group\'s children in page order, and a component itself', () => {
    expect(targetsOf(byId('core00000001'), all).map(c => c.id)).to.deep.equal(['cmpapi000001', 'cmpweb000001'])
    expect(targetsOf(byId('cmpdoc000001'), all).map(c => c.id)).to.deep.equal(['cmpdoc000001'])
  })

  it('treats a group_id naming no group on the page as no group: shown at the top level', () => {
    const orphan = { ...byId('cmpdoc000001'), group_id: 'gone00000001' }
    expect(groupOf(orphan, all)).to.equal(undefined)
    expect(isTopLevel(orphan, all)).to.equal(true)
    expect(isTopLevel(byId('cmpapi000001'), all)).to.equal(false)
    expect(isTopLevel(byId('core00000001'), all)).to.equal(true)
  })
})
