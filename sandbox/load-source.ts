// Loads this package's scripts straight from src/ (TypeScript, through tsx) into a robot, the way
// Hubot loads an external script's files: call the script with the robot, then read its help
// header. Used by the robot tests and `npm start`, so an edit is exercised at once without a build.
// Hubot 3.5's own loadFile refuses .ts files, hence this small loader.
import fs from 'node:fs'
import path from 'node:path'

const SOURCE_SCRIPTS = path.resolve(__dirname, '..', 'src', 'scripts')

export async function loadSourceScripts (robot: any, only?: string[]): Promise<void> {
  const files = fs.readdirSync(SOURCE_SCRIPTS)
    .filter(file => file.endsWith('.ts') && !file.endsWith('.d.ts'))
    .filter(file => only === undefined || only.includes(path.basename(file, '.ts')))
    .sort()
  for (const file of files) {
    const full = path.join(SOURCE_SCRIPTS, file)
    const script = require(full)
    await (typeof script === 'function' ? script : script.default)(robot)
    robot.parseHelp(full)
  }
}
