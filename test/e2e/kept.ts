// What the end-to-end files make and may keep between runs: a pack of the package and a bot folder
// installed from it. Packing builds with tsc and installing runs npm: seconds of CPU each, on every
// run, for the very same result while the sources are unchanged. Each is kept under
// node_modules/.cache named by a hash of everything that makes it (`npm ci` starts afresh), so a
// change to any input is a new name, hence made again.
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { PACKAGE_ROOT } from '../support/bots'

const CACHE = path.join(PACKAGE_ROOT, 'node_modules', '.cache')
/** How many of each kind are kept (a run makes two packs and about six bot folders). */
const KEEP = 12
/** A folder still being made after this long was left by a run that was cut off. */
const HALF_MADE_MS = 60 * 60_000

type Hash = ReturnType<typeof createHash>

/** Adds `rel` under `root` to `hash`: a file's name and bytes, a folder's files in order; nothing when absent. */
function hashInto (hash: Hash, root: string, rel: string): void {
  const full = path.join(root, rel)
  if (!fs.existsSync(full)) return
  if (fs.statSync(full).isDirectory()) {
    for (const name of fs.readdirSync(full).sort()) hashInto(hash, root, path.join(rel, name))
  } else {
    hash.update(`${rel}\0`).update(fs.readFileSync(full)).update('\0')
  }
}

/** The name of the pack of `root` as its sources are now: the manifest, the build's inputs (src,
 * tsconfig), the files shipped as they are and the TypeScript version. */
export function packKey (root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { files?: string[], main?: string }
  // npm always ships the README, the license and `main`, listed in `files` or not.
  const shippedAsIs = ['README.md', 'LICENSE', manifest.main ?? 'index.js', ...(manifest.files ?? []).filter(f => !/[*!]/.test(f))]
  const typescript = JSON.parse(fs.readFileSync(require.resolve('typescript/package.json'), 'utf8')) as { version: string }
  const hash = createHash('sha256').update(`typescript ${typescript.version}\0`)
  for (const rel of ['package.json', 'tsconfig.json', 'tsconfig.build.json', 'src', ...shippedAsIs]) hashInto(hash, root, rel)
  return `${path.basename(root)}-${hash.digest('hex').slice(0, 20)}`
}

/** A name made of `parts` and the bytes of `files`. */
export function keyOf (parts: unknown[], files: string[]): string {
  const hash = createHash('sha256').update(JSON.stringify(parts))
  for (const file of files) hash.update('\0').update(fs.readFileSync(file))
  return hash.digest('hex').slice(0, 20)
}

/**
 * The folder kept as `kind`/`key`: made by `make` (into a fresh folder) unless an earlier run made
 * it. Two processes making the same one at once both finish; the first to rename it into place wins.
 */
export async function kept (
  kind: string, key: string, make: (dir: string) => Promise<void>
): Promise<{ dir: string, made: boolean }> {
  const parent = path.join(CACHE, `e2e-${kind}`)
  const dir = path.join(parent, key)
  const done = path.join(dir, '.kept')
  if (fs.existsSync(done)) {
    const now = new Date()
    fs.utimesSync(dir, now, now) // newest use first when pruned
    return { dir, made: false }
  }
  const making = `${dir}.${process.pid}.making`
  fs.rmSync(making, { recursive: true, force: true })
  fs.mkdirSync(making, { recursive: true })
  try {
    await make(making)
    fs.writeFileSync(path.join(making, '.kept'), '')
    if (!fs.existsSync(done)) fs.rmSync(dir, { recursive: true, force: true }) // half made, by a run cut off
    fs.renameSync(making, dir)
  } catch (err) {
    fs.rmSync(making, { recursive: true, force: true })
    if (!fs.existsSync(done)) throw err // else another process kept the same folder first
  }
  prune(parent)
  return { dir, made: true }
}

/** Keeps the newest KEEP folders, and drops what a run cut off left half made over an hour ago. */
function prune (parent: string): void {
  const entries = fs.readdirSync(parent).map(name => ({ name, time: fs.statSync(path.join(parent, name)).mtimeMs }))
    .sort((a, b) => b.time - a.time)
  const making = entries.filter(e => e.name.endsWith('.making'))
  const stale = [
    ...entries.filter(e => !e.name.endsWith('.making')).slice(KEEP),
    ...making.filter(e => e.time < Date.now() - HALF_MADE_MS)
  ]
  for (const old of stale) fs.rmSync(path.join(parent, old.name), { recursive: true, force: true })
}
