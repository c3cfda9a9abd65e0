import fs from 'node:fs'
import path from 'node:path'

let cached: string | undefined

/** `hubot-statuspage-opsgenie/<version>`, read once from this package's package.json. */
export function userAgent (): string {
  if (cached) return cached
  let version = 'unknown'
  try {
    // Two levels up from both src/http (tests) and dist/http (the package).
    const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', 'package.json'), 'utf8'))
    version = pkg.version
  } catch { /* keep 'unknown': a User-Agent is no reason to fail */ }
  cached = `hubot-statuspage-opsgenie/${version} (+https://www.npmjs.com/package/hubot-statuspage-opsgenie)`
  return cached
}
