import { expect } from 'chai'
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { parseFault } from '../../sandbox/faults'
import { alertingName, banner, describeFault, planLaunch, startFaults } from '../../sandbox/launch-plan'

const facts = { statuspageUrl: 'http://127.0.0.1:1/v1', pageId: 'sandboxpage1', opsgenieUrl: 'http://127.0.0.1:2' }

describe('npm start launch plan', () => {
  it('uses the sandbox for every service without a key', () => {
    expect(planLaunch({})).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'sandbox' })
    expect(planLaunch({ HUBOT_STATUSPAGE_API_KEY: '  ' })).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'sandbox' })
  })

  it('goes real per service: a real Statuspage with the OpsGenie sandbox is allowed', () => {
    expect(planLaunch({ HUBOT_STATUSPAGE_API_KEY: 'k' })).to.deep.equal({ statuspage: 'real', opsgenie: 'sandbox' })
    expect(planLaunch({ HUBOT_OPSGENIE_API_KEY: 'k' })).to.deep.equal({ statuspage: 'sandbox', opsgenie: 'real' })
    expect(planLaunch({ HUBOT_JSM_API_TOKEN: 't' }).opsgenie).to.equal('real')
  })

  it('says first that this is the sandbox, that nothing real is touched, and which variables switch to real accounts', () => {
    const lines = banner({ statuspage: 'sandbox', opsgenie: 'sandbox' }, facts)
    expect(lines[0]).to.match(/SANDBOX/).and.to.match(/Nothing real is touched/)
    const text = lines.join('\n')
    for (const name of ['HUBOT_STATUSPAGE_API_KEY', 'HUBOT_STATUSPAGE_PAGE_ID', 'HUBOT_OPSGENIE_API_KEY', 'SANDBOX_FAULT']) expect(text).to.contain(name)
    // Where help is: Hubot 14's built-in help answers "hubot help", not "/help".
    expect(text).to.contain('"hubot help"').and.to.contain('/status help')
  })

  it('says plainly when a service is real', () => {
    const mixed = banner({ statuspage: 'real', opsgenie: 'sandbox' }, { ...facts, statuspageUrl: 'https://api.statuspage.io/v1' })
    expect(mixed[0]).to.match(/MIXED: Statuspage is REAL/)
    expect(mixed[1]).to.contain('REAL https://api.statuspage.io/v1 page sandboxpage1')
    const live = banner({ statuspage: 'real', opsgenie: 'real' }, facts)
    expect(live[0]).to.match(/LIVE/)
    expect(live.join('\n')).to.not.contain('SANDBOX_FAULT')
  })
})

describe('npm start with a sandbox fault', () => {
  const sandboxOnly = { statuspage: 'sandbox', opsgenie: 'sandbox' } as const

  it('reads the faults for the stand-ins that start, the service\'s own variable first', () => {
    const chosen = startFaults({ SANDBOX_FAULT: '503', SANDBOX_OPSGENIE_FAULT: '429,retryAfter=2' }, sandboxOnly)
    expect(chosen).to.deep.equal({ ok: true, faults: { statuspage: { kind: '503' }, opsgenie: { kind: '429', retryAfter: 2 } } })
    expect(startFaults({ SANDBOX_FAULT: '503' }, { statuspage: 'real', opsgenie: 'sandbox' }))
      .to.deep.equal({ ok: true, faults: { opsgenie: { kind: '503' } } })
  })

  it('says in one line which variable is wrong and lists the valid faults', () => {
    const chosen = startFaults({ SANDBOX_FAULT: '418' }, sandboxOnly)
    expect(chosen.ok).to.equal(false)
    const message = (chosen as { message: string }).message
    expect(message).not.to.contain('\n')
    expect(message).to.match(/^npm start: SANDBOX_FAULT="418" is not a sandbox fault: unknown fault "418": use one of 401, 403, 420, 429, 500, 503, slow, html\./)
    const option = startFaults({ SANDBOX_OPSGENIE_FAULT: '429,soon' }, sandboxOnly) as { message: string }
    expect(option.message).to.contain('SANDBOX_OPSGENIE_FAULT="429,soon"').and.to.contain('Faults: 401, 403, 420, 429, 500, 503, slow, html.')
  })

  it('dies with that one line and no stack trace', function () {
    this.timeout(30_000)
    const root = path.resolve(__dirname, '..', '..')
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/start.mjs'], {
      cwd: root, env: { PATH: process.env.PATH, HOME: process.env.HOME, SANDBOX_FAULT: '418' }, encoding: 'utf8', timeout: 25_000
    })
    expect(run.status).to.equal(1)
    expect(run.stderr.trim().split('\n')).to.have.length(1)
    expect(run.stderr).to.match(/^npm start: SANDBOX_FAULT="418" is not a sandbox fault/)
    expect(run.stderr).not.to.match(/\n\s+at /)
  })

  it('names an active fault in the banner, with how to clear it', () => {
    const lines = banner(sandboxOnly, { ...facts, faults: { statuspage: parseFault('503,path=/incidents,times=3') } })
    expect(lines).to.include('  FAULT ON: the Statuspage stand-in answers with 503 on the next 3 requests (to paths containing /incidents).')
    expect(lines).to.include('    Clear it with: curl -X DELETE http://127.0.0.1:1/__sandbox/fault')
    expect(banner(sandboxOnly, facts).join('\n')).not.to.contain('FAULT ON')
  })

  it('describes each kind of fault', () => {
    expect(describeFault(parseFault('429,retryAfter=2'))).to.equal('429 (Retry-After 2 s) on every request')
    expect(describeFault(parseFault('slow,delayMs=1500,times=1'))).to.equal('a delay of 1500 ms before the next request')
    expect(describeFault(parseFault('html,method=post'))).to.equal('a 502 HTML error page on every request (POST only)')
  })
})

describe('npm start with SANDBOX_BACKEND=jsm', () => {
  it('names JSM Operations when its stand-in or its token is in use, and tells OpsGenie users how to try it', () => {
    expect(alertingName({ SANDBOX_BACKEND: 'jsm' })).to.equal('JSM Operations')
    expect(alertingName({ HUBOT_JSM_API_TOKEN: 't' })).to.equal('JSM Operations')
    expect(alertingName({})).to.equal('OpsGenie')
    const jsm = banner({ statuspage: 'sandbox', opsgenie: 'sandbox' }, { ...facts, alertingName: 'JSM Operations' })
    expect(jsm[0]).to.equal('hubot-statuspage-opsgenie SANDBOX: Statuspage and JSM Operations are local stand-ins on 127.0.0.1. Nothing real is touched.')
    expect(jsm.join('\n')).to.contain('JSM Operations: sandbox http://127.0.0.1:2').and.to.contain('SANDBOX_BACKEND=jsm')
    expect(banner({ statuspage: 'sandbox', opsgenie: 'sandbox' }, facts).join('\n')).to.contain('instead: SANDBOX_BACKEND=jsm npm start')
  })
})
