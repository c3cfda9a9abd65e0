import { expect } from 'chai'
import { boundedList, echo, tooLong } from '../../src/chat/bounds'

describe('bounds', () => {
  it('echoes at most a bounded prefix, on one line, with an ellipsis', () => {
    expect(echo('short  name')).to.equal('short name')
    const long = echo('x'.repeat(3000))
    expect(long).to.have.length(80)
    expect(long.endsWith('…')).to.equal(true)
  })

  it('lists a bounded number of items, then how many more', () => {
    expect(boundedList(['#1', '#2', '#3'], 2)).to.equal('#1, #2 +1 more')
    expect(boundedList(['#1'], 2)).to.equal('#1')
  })

  it('says how long a text is and what is allowed', () => {
    expect(tooLong('note', 'x'.repeat(2001), 2000)).to.equal('That note is too long (2,001 characters; at most 2,000). Nothing was changed.')
    expect(tooLong('note', 'x', 2000)).to.equal(undefined)
  })
})
