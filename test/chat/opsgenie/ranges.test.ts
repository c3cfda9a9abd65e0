import { expect } from 'chai'
import { compressLabels } from '../../../src/chat/opsgenie/ranges'

describe('compressLabels', () => {
  it('compresses ids to ranges in numeric order, whatever order they came in', () => {
    expect(compressLabels(['#10', '#9', '#100', '#8', '#12', '#2'])).to.equal('#2, #8–#10, #12, #100')
    expect(compressLabels(['#3', '#4'])).to.equal('#3, #4')
    expect(compressLabels(['#5', '#5', 'abc-id', '#6', '#7'])).to.equal('#5–#7, abc-id')
  })

  it('keeps a number too long for a tinyId as the text it is, never #1e+26', () => {
    expect(compressLabels(['#99999999999999999999999999', '#2'])).to.equal('#2, #99999999999999999999999999')
  })

  it('shows at most `limit` parts and counts every alert it leaves out', () => {
    expect(compressLabels(['#1', '#2', '#3', '#7', '#9', 'x', 'y'], 2)).to.equal('#1–#3, #7 +3 more')
    expect(compressLabels(['#1', '#2', '#3', '#5'], 1)).to.equal('#1–#3 +1 more')
  })

  it('says nothing for no labels', () => {
    expect(compressLabels([])).to.equal('')
  })
})
