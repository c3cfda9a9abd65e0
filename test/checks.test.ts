// The static checks of `npm test` (lint, the type check, knip's unused files and exports, the layer
// check) run as tests: side by side in one mocha worker while the other workers run the rest, so
// they cost no wall time of their own, and a failing check is a failed test with its output.
import { expect } from 'chai'
import { execFile } from 'node:child_process'
import { PACKAGE_ROOT } from './support/bots'

const CHECKS = ['lint', 'typecheck', 'knip', 'layers'] as const
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'
/** What a failing check shows: its last lines, which name the file and the rule. */
const SHOWN_LINES = 80

interface Outcome { code: number, output: string }

function runScript (script: string): Promise<Outcome> {
  // c8 measures src through the test processes; a checker under its coverage switch only runs slower.
  const env = { ...process.env }
  delete env.NODE_V8_COVERAGE
  return new Promise(resolve => {
    execFile(NPM, ['run', '-s', script], { cwd: PACKAGE_ROOT, env, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
      const code = err ? Number((err as { code?: unknown }).code ?? 1) || 1 : 0
      resolve({ code, output: `${stdout}${stderr}`.trimEnd() })
    })
  })
}

describe('the static checks', function () {
  // Cold (a fresh clone, no caches) lint and the type check take about 15 s of CPU between them.
  this.timeout(240_000)
  const outcomes = new Map<string, Outcome>()

  before(async () => {
    const results = await Promise.all(CHECKS.map(runScript))
    CHECKS.forEach((check, i) => outcomes.set(check, results[i]))
  })

  for (const check of CHECKS) {
    it(`npm run ${check} passes`, () => {
      const { code, output } = outcomes.get(check)!
      expect(code, `npm run ${check} failed (exit ${code}):\n${output.split('\n').slice(-SHOWN_LINES).join('\n')}`).to.equal(0)
    })
  }
})
