// The README is the way in: every page in docs/ is linked from it, and every relative link in the
// README, in docs/ and in the adapter's README points at a file that exists (and, for #anchors, at a
// heading that exists in that file).

import { expect } from 'chai'
import fs from 'node:fs'
import path from 'node:path'
import { PACKAGE_ROOT } from '../support/bots'

const DOCS = path.join(PACKAGE_ROOT, 'docs')

function docPages (): string[] {
  return fs.readdirSync(DOCS).filter(f => f.endsWith('.md')).sort()
}

/** Markdown links outside code fences and code spans: [text](target). */
function linksIn (markdown: string): string[] {
  const links: string[] = []
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) { fenced = !fenced; continue }
    if (fenced) continue
    const text = line.replace(/`[^`]*`/g, '')
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) links.push(m[1])
  }
  return links
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
function anchorsOf (markdown: string): Set<string> {
  const anchors = new Set<string>()
  let fenced = false
  for (const line of markdown.split('\n')) {
    if (line.startsWith('```')) { fenced = !fenced; continue }
    const m = !fenced && /^#{1,6}\s+(.*)$/.exec(line)
    if (!m) continue
    anchors.add(m[1].trim().toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-'))
  }
  return anchors
}

function brokenLinks (file: string): string[] {
  const markdown = fs.readFileSync(file, 'utf8')
  const broken: string[] = []
  for (const link of linksIn(markdown)) {
    if (/^[a-z]+:/i.test(link)) continue
    const [target, anchor] = link.split('#')
    const resolved = target ? path.resolve(path.dirname(file), target) : file
    if (!fs.existsSync(resolved)) { broken.push(link); continue }
    if (anchor && resolved.endsWith('.md') && !anchorsOf(fs.readFileSync(resolved, 'utf8')).has(anchor)) broken.push(link)
  }
  return broken
}

describe('documentation links', () => {
  const readme = path.join(PACKAGE_ROOT, 'README.md')

  it('links every docs/ page from the README', () => {
    const linked = new Set(linksIn(fs.readFileSync(readme, 'utf8')).map(l => l.split('#')[0]))
    const missing = docPages().filter(page => !linked.has(`docs/${page}`))
    expect(missing, 'docs/ pages the README does not link').to.deep.equal([])
  })

  it('has no relative link that points nowhere', () => {
    const files = [readme, path.join(PACKAGE_ROOT, 'packages', 'hubot-once-campfire', 'README.md'),
      ...docPages().map(page => path.join(DOCS, page))]
    const broken = files.flatMap(file => brokenLinks(file).map(link => `${path.relative(PACKAGE_ROOT, file)}: ${link}`))
    expect(broken).to.deep.equal([])
  })

  it('keeps the README under 250 lines', () => {
    expect(fs.readFileSync(readme, 'utf8').split('\n').length).to.be.below(250)
  })

  it('finds a broken link and a missing anchor (the check can fail)', () => {
    const dir = fs.mkdtempSync(path.join(PACKAGE_ROOT, 'node_modules', '.links-'))
    try {
      fs.writeFileSync(path.join(dir, 'a.md'), '# Title here\n[ok](a.md#title-here) [no](b.md) [gone](a.md#nothing)\n`[x](y.md)`\n')
      expect(brokenLinks(path.join(dir, 'a.md'))).to.deep.equal(['b.md', 'a.md#nothing'])
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
