// Types for the package's entry point (index.js), what Hubot loads from external-scripts.json:
// `["hubot-statuspage-opsgenie"]` loads every script, `{"hubot-statuspage-opsgenie": ["statuspage"]}` some.

/** The scripts this package holds, by the names external-scripts.json may list. */
type ScriptName = 'statuspage' | 'opsgenie' | 'webhooks' | (string & {})

/**
 * Loads the package's scripts into `robot` (all of them, or those named; `'*'` means all). Resolves once
 * they are loaded (Hubot 14 waits for it; Hubot 3.5 loads them synchronously).
 */
declare function loadScripts (robot: object, scripts?: ScriptName[]): Promise<unknown>

export = loadScripts
