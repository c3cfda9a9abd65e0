// `npm run docs`: regenerates what the docs show from the code, so a test can hold them to it:
// the configuration table (from the src/scripts headers) and the sandbox transcripts (replies of a
// real bot against the sandbox). Commit what it changes.

import fs from 'node:fs'
import path from 'node:path'
import { readSettings, renderTable, withTable } from './docs-config'
import { writeTranscripts } from './docs-transcripts'

const root = path.resolve(__dirname, '..')
const page = path.join(root, 'docs', 'configuration.md')
fs.writeFileSync(page, withTable(fs.readFileSync(page, 'utf8'), renderTable(readSettings(path.join(root, 'src', 'scripts')))))
console.log('docs/configuration.md: table regenerated')

writeTranscripts(root).then((files) => {
  for (const file of files) console.log(`${file}: regenerated`)
}, (err: unknown) => {
  console.error(err)
  process.exitCode = 1
})
