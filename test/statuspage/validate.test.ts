// The shapes the /status commands rely on (src/statuspage/validate.ts): the contract fixtures fit,
// and a row missing what a reply or a request path would read is named by its first such field.
import { expect } from 'chai'
import type { Check } from '../../src/http/validate'
import * as shapes from '../../src/statuspage/validate'
import { componentRow, components, createdIncident, unresolved } from '../support/statuspage'

const fits = (check: Check, body: unknown): string | undefined => check(body, '')

describe('statuspage: response shapes', () => {
  it('takes the contract fixtures as they are', () => {
    expect(fits(shapes.components, components())).to.equal(undefined)
    expect(fits(shapes.incidents, unresolved())).to.equal(undefined)
    expect(fits(shapes.incident, createdIncident())).to.equal(undefined)
    expect(fits(shapes.component, componentRow('c1', 'API'))).to.equal(undefined)
  })

  it('names what a component lacks that a reply or a PATCH path would read', () => {
    expect(fits(shapes.component, { ...componentRow('c1', 'API'), id: '' })).to.equal('id is empty, not a non-empty text')
    expect(fits(shapes.component, { ...componentRow('c1', 'API'), status: null })).to.equal('status is null, not text')
    expect(fits(shapes.component, { id: 'c1', name: 'API' })).to.equal('status is undefined, not text')
    expect(fits(shapes.component, { ...componentRow('c1', 'API'), components: ['c2', 3] })).to.equal('components[1] is a number, not a non-empty text')
    expect(fits(shapes.components, [componentRow('c1', 'API'), { ...componentRow('c2', 'Web'), group: 'no' }])).to.equal('[1].group is text, not true or false')
    expect(fits(shapes.components, { components: [] })).to.equal('the answer is an object, not a list')
  })

  it('names what an incident lacks, its components and updates included', () => {
    const incident = { id: 'i1', name: 'Checkout errors', status: 'investigating' }
    expect(fits(shapes.incident, incident)).to.equal(undefined)
    expect(fits(shapes.incident, { ...incident, name: undefined })).to.equal('name is undefined, not text')
    expect(fits(shapes.incident, { ...incident, components: [{ id: 'c1' }] })).to.equal('components[0].name is undefined, not text')
    expect(fits(shapes.incident, { ...incident, incident_updates: [{ body: 'x' }] })).to.equal('incident_updates[0].status is undefined, not text')
    expect(fits(shapes.incidents, [incident, { ...incident, id: 7 }])).to.equal('[1].id is a number, not a non-empty text')
  })

  it('takes an empty postmortem, and text where a postmortem has text', () => {
    expect(fits(shapes.postmortem, null)).to.equal(undefined)
    expect(fits(shapes.postmortem, undefined)).to.equal(undefined)
    expect(fits(shapes.postmortem, {})).to.equal(undefined)
    expect(fits(shapes.postmortem, { body_draft: 'Draft', body: null, published_at: null })).to.equal(undefined)
    expect(fits(shapes.postmortem, { body_draft: ['Draft'] })).to.equal('body_draft is a list, not text')
  })
})
