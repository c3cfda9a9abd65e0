// What one chat command did to a service, collected while it runs: every write request that reached
// (or may have reached) the service, with its target and how it ended. The service clients are
// wrapped (clients.ts) so handlers need not report anything: a write cannot escape the trail.

import { mayHaveHappened } from '../../http/errors'

/** A service's name as replies show it (`Statuspage`, `OpsGenie`): its descriptor's `name`. */
export type ServiceName = string

export type Outcome =
  /** The service said it was done. */
  | 'done'
  /** The service refused it, or processed it and says it failed. */
  | 'failed'
  /** The service accepted it but did not confirm it was carried out (OpsGenie's asynchronous actions). */
  | 'unconfirmed'
  /** No answer (timeout, reset after sending, 5xx, unreadable answer): it may or may not have happened. */
  | 'may-have-happened'

export interface AuditTarget {
  /** The service's id of what was changed (component, incident, alert, schedule). */
  id: string
  /** A readable name for it, when one is known (`#12`, `API`, the incident's name). */
  name?: string
  /** What was done to it: `major_outage`, `resolved`, `close`, `override`... never a message's text. */
  action: string
  outcome: Outcome
}

/** How a failed write ended, by the one rule on the error (http/errors.ts), the same replies use. */
export function outcomeOfError (err: unknown): Outcome {
  return mayHaveHappened(err) ? 'may-have-happened' : 'failed'
}

/** One write request as the trail names it: which service, what it changes, and what is done to it. */
export interface TrackedWrite {
  service: ServiceName
  id: string
  action: string
}

export class AuditTrail {
  private readonly recorded: AuditTarget[] = []
  private readonly names = new Map<string, string>()
  private readonly awaiting = new Map<string, AuditTarget>()
  private serviceName?: ServiceName

  get service (): ServiceName | undefined { return this.serviceName }
  get targets (): readonly AuditTarget[] { return this.recorded }

  /** Remembers a readable name for an id seen in a read, to name it if it is then changed. */
  learn (id: string, name: string | undefined): void {
    if (!name) return
    this.names.set(id, name)
    // A write recorded before its target had a name (a created alert, known by id once confirmed).
    for (const target of this.recorded) if (target.id === id && !target.name) target.name = name
  }

  add (service: ServiceName, target: Omit<AuditTarget, 'name'> & { name?: string }): AuditTarget {
    this.serviceName ??= service
    const name = target.name ?? this.names.get(target.id)
    const { id, action, outcome } = target
    const entry: AuditTarget = { id, ...(name ? { name } : {}), action, outcome }
    this.recorded.push(entry)
    return entry
  }

  /** Runs one write request and records how it ended; `made` names what it created or changed. */
  async track<T> (
    write: TrackedWrite, call: () => Promise<T>, made?: (result: T) => { id: string, name?: string }
  ): Promise<T> {
    const { service, id, action } = write
    try {
      const result = await call()
      this.add(service, { ...(made ? made(result) : { id }), action, outcome: 'done' })
      return result
    } catch (err) {
      this.add(service, { id, action, outcome: outcomeOfError(err) })
      throw err
    }
  }

  /** An asynchronous request was accepted: unconfirmed until `settle` hears how it ended. */
  accepted (service: ServiceName, requestId: string, id: string, action: string): void {
    this.awaiting.set(requestId, this.add(service, { id, action, outcome: 'unconfirmed' }))
  }

  /** How an accepted request ended; `id` is what it created, when it names it (a new alert's id). */
  settle (requestId: string, success: boolean, id?: string): void {
    const target = this.awaiting.get(requestId)
    if (!target) return
    target.outcome = success ? 'done' : 'failed'
    if (id && success) {
      target.id = id
      const name = this.names.get(id)
      if (name) target.name = name
    }
    this.awaiting.delete(requestId)
  }
}
