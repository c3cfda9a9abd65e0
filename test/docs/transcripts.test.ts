// The transcripts in docs/ are what the bot answers today against the sandbox: each is recorded again
// here and compared with the page (links, ids, times, durations and numbers as placeholders, since
// they change on every run). A changed reply fails until `npm run docs` records the page again.
import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { normalize, record, TRANSCRIPTS, transcriptIn, withTranscript } from '../../scripts/docs-transcripts'
import { allowLoopback } from '../sandbox/http'
import { PACKAGE_ROOT } from '../support/bots'

describe('the transcripts in docs/', () => {
  allowLoopback()

  for (const transcript of TRANSCRIPTS) {
    const pages = [transcript.page, ...(transcript.alsoIn ?? [])]
    it(`${pages.join(', ')} (${transcript.name}) is what the bot says now (else: npm run docs)`, async () => {
      const now = normalize(await record(transcript))
      for (const shown of pages) {
        const page = fs.readFileSync(path.join(PACKAGE_ROOT, shown), 'utf8')
        expect(normalize(transcriptIn(page, transcript.name)), shown).to.equal(now)
      }
    })
  }

  it('keeps the wording and lets times, ids and durations differ (the check can fail)', () => {
    const a = 'hubot> Scheduled X (f41c16d7befa): 2026-12-04 22:00 → 23:30 UTC, starts in 1d 11h. https://stspg.io/e57'
    const b = 'hubot> Scheduled X (0a1b2c3d4e5f): 2027-01-09 07:15 → 2027-01-10 00:30 UTC, starts in 23h. https://stspg.io/1'
    expect(normalize(a)).to.equal(normalize(b))
    expect(normalize(a)).not.to.equal(normalize(a.replace('Scheduled', 'Planned')))
  })

  it('puts a recording between its markers and nowhere else', () => {
    const page = 'intro\n<!-- transcript:x -->\n```\nold\n```\n<!-- end transcript -->\nafter\n'
    const next = withTranscript(page, 'x', '```\nnew\n```')
    expect(next).to.equal('intro\n<!-- transcript:x -->\n```\nnew\n```\n<!-- end transcript -->\nafter\n')
    expect(() => transcriptIn('no markers', 'x')).to.throw(/no <!-- transcript:x -->/)
  })
})
