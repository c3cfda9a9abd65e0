// What the HTTP layer knows of a service is only what the service tells it. Each service module
// describes itself with a ServiceDescriptor and hands it to createHttpClient; http/ names no vendor,
// so a new backend is a new module and no edit here.

/** Words for turning this service's failures into sentences (used by the chat layer). */
export interface ServiceHints {
  /** The setting that holds the key, named when the key is rejected. */
  keyVariable: string
  /** Where to look instead while the API is unwell. */
  web: string
  /**
   * The chat commands that show the current state, to check after a write that may have happened;
   * written without the bot's name or alias, which the chat layer puts in front.
   */
  check: readonly string[]
  /**
   * The service's own sentence for a refusal (401 or 403), or undefined for the usual wording.
   * Receives what was asked and what the service said, so the advice fits the request.
   */
  explainRefusal?: (refusal: Refusal) => string | undefined
}

/** A request the service refused: the credentials (`auth`, 401) or what they may do (`forbidden`, 403). */
export interface Refusal {
  kind: 'auth' | 'forbidden'
  status?: number
  /** The service's own error code, when it gives one. */
  code?: number
  method: string
  path: string
  /** The service's own words, when it gave any. */
  apiMessage?: string
}

export interface ServiceDescriptor {
  /** How the service is named in messages and logs. */
  readonly name: string
  readonly hints: ServiceHints
  /** Response headers (lower case) worth keeping on an error, e.g. the service's own error type. */
  readonly errorHeaders?: readonly string[]
}
