'use strict'
// Entry point for Hubot's external-scripts.json (Hubot 3.5 requires it, Hubot 14 imports it).
// Loads the compiled scripts in dist/scripts. List `{"hubot-statuspage-opsgenie": ["statuspage"]}`
// in external-scripts.json to load only some of them.

const fs = require('fs')
const path = require('path')

const SCRIPTS = path.join(__dirname, 'dist', 'scripts')

module.exports = (robot, scripts) => {
  if (!fs.existsSync(SCRIPTS)) {
    throw new Error(`hubot-statuspage-opsgenie is not built: ${SCRIPTS} is missing (run npm run build)`)
  }
  const wanted = Array.isArray(scripts) && !scripts.includes('*') ? scripts : null
  const files = fs.readdirSync(SCRIPTS)
    .filter(file => file.endsWith('.js'))
    .filter(file => !wanted || wanted.includes(path.basename(file, '.js')))
    .sort()
  // Hubot 3.5's loadFile returns nothing; Hubot 14's returns a promise it can await.
  return Promise.all(files.map(file => robot.loadFile(SCRIPTS, file)))
}
