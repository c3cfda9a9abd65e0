// The static checks of `npm test` side by side (lint, type check, unused exports, layers): each is
// one npm script; their output is shown in order once they end, and the run fails if any did.
// Usage: node scripts/checks.mjs lint typecheck knip layers
import { spawn } from 'node:child_process'

const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

const run = (script) => new Promise(resolve => {
  const child = spawn(NPM, ['run', '-s', script], { stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  child.stdout.on('data', chunk => { output += chunk })
  child.stderr.on('data', chunk => { output += chunk })
  child.on('close', code => resolve({ script, code, output }))
})

const results = await Promise.all(process.argv.slice(2).map(run))
for (const { script, code, output } of results) {
  if (output.trim()) process.stdout.write(`> ${script}\n${output.trimEnd()}\n`)
  if (code !== 0) process.stdout.write(`npm run ${script} failed (exit ${code})\n`)
}
process.exitCode = results.some(r => r.code !== 0) ? 1 : 0
