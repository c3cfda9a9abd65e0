// The layers of src/, checked by `npm test` (npm run layers): an import may only go down or stay
// within its layer, and no module may import itself back through others (a cycle), type-only
// imports included. See docs/architecture.md.
//
//   scripts  ->  chat | webhooks  ->  statuspage | alerting  ->  http  ->  util
//
// Siblings (chat and webhooks; statuspage and alerting; the OpsGenie and JSM backends) do not
// import each other: what both need lives one layer down.

/** `from` may import nothing in src/ except `allowed` (path patterns below src/). */
const only = (name, from, allowed) => ({
  name,
  severity: 'error',
  comment: `${from} may import only from ${allowed.join(', ')} within src/ (scripts -> chat|webhooks -> statuspage|alerting -> http -> util)`,
  from: { path: `^src/${from}/` },
  to: { path: '^src/', pathNot: allowed.map(a => `^src/${a}/`) }
})

module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'A module that imports itself back through others: split out what both need.',
      from: { path: '^src/' },
      to: { circular: true }
    },
    only('util', 'util', ['util']),
    only('http', 'http', ['http', 'util']),
    only('statuspage', 'statuspage', ['statuspage', 'http', 'util']),
    only('alerting', 'alerting', ['alerting', 'http', 'util']),
    only('chat', 'chat', ['chat', 'statuspage', 'alerting', 'http', 'util']),
    only('webhooks', 'webhooks', ['webhooks', 'statuspage', 'alerting', 'http', 'util']),
    {
      name: 'backends-apart',
      severity: 'error',
      comment: 'The OpsGenie and JSM backends share only what lives beside them in src/alerting/.',
      from: { path: '^src/alerting/jsm/' },
      to: { path: '^src/alerting/opsgenie[.]ts$' }
    },
    {
      name: 'backends-apart-back',
      severity: 'error',
      comment: 'The OpsGenie and JSM backends share only what lives beside them in src/alerting/.',
      from: { path: '^src/alerting/opsgenie[.]ts$' },
      to: { path: '^src/alerting/jsm/' }
    }
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle of types is still a cycle to read.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^src/.*[.]d[.]ts$' }
  }
}
