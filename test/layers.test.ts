// The layer check of `npm test` (npm run layers, .dependency-cruiser.cjs, run on src/ before the
// tests) really fails: run on a small tree that breaks each rule once, it names every break.
import { expect } from 'chai'
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PACKAGE_ROOT } from './support/bots'

const CONFIG = path.join(PACKAGE_ROOT, '.dependency-cruiser.cjs')
const DEPCRUISE = path.join(PACKAGE_ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs')

function cruise (cwd: string): Promise<{ code: number, out: string }> {
  return new Promise(resolve => {
    execFile(process.execPath, [DEPCRUISE, 'src', '--config', CONFIG], { cwd }, (err, stdout, stderr) => {
      resolve({ code: err ? Number((err as { code?: number }).code ?? 1) : 0, out: `${stdout}${stderr}` })
    })
  })
}

/** A tree of src/ files, each `path: source`, with the tsconfig the check reads. */
function tree (files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'layers-'))
  fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true }, include: ['src'] }))
  for (const [file, source] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true })
    fs.writeFileSync(path.join(dir, file), source)
  }
  return dir
}

describe('the layer check', function () {
  this.timeout(60_000)

  it('fails on an import going up a layer, across siblings, between the backends, and on a cycle (types too)', async () => {
    const dir = tree({
      'src/util/text.ts': "import { say } from '../chat/room'\nexport const t = say\n",
      'src/chat/room.ts': 'export const say = 1\n',
      'src/http/client.ts': "import { parse } from '../statuspage/parse'\nexport const c = parse\n",
      'src/statuspage/parse.ts': "import { jsm } from '../alerting/jsm/index'\nexport const parse = jsm\n",
      'src/webhooks/format.ts': "import { say } from '../chat/room'\nexport const f = say\n",
      'src/alerting/jsm/index.ts': "import { og } from '../opsgenie'\nexport const jsm = og\n",
      'src/alerting/opsgenie.ts': 'export const og = 1\n',
      'src/alerting/bulk.ts': "import { run } from './scheduler'\nexport interface Item { n: number }\nexport const b = run\n",
      'src/alerting/scheduler.ts': "import type { Item } from './bulk'\nexport const run = (i: Item): number => i.n\n"
    })
    try {
      const { code, out } = await cruise(dir)
      expect(code, out).not.to.equal(0)
      expect(out).to.match(/error util: src\/util\/text\.ts → src\/chat\/room\.ts/)
      expect(out).to.match(/error http: src\/http\/client\.ts → src\/statuspage\/parse\.ts/)
      expect(out).to.match(/error statuspage: src\/statuspage\/parse\.ts → src\/alerting\/jsm\/index\.ts/)
      expect(out).to.match(/error webhooks: src\/webhooks\/format\.ts → src\/chat\/room\.ts/)
      expect(out).to.match(/error backends-apart: src\/alerting\/jsm\/index\.ts → src\/alerting\/opsgenie\.ts/)
      expect(out).to.match(/error no-cycle: src\/alerting\/(bulk|scheduler)\.ts/)
    } finally {
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })
})
