// The time commands see. Replies and checks that depend on it ("starts in 2h", "that window starts
// in the past") read it here, so a test can fix it and be deterministic; nothing else changes it.

let current = (): Date => new Date()

export const clockNow = (): Date => current()

/** Fixes the clock (tests); with no argument, back to the real time. */
export function setClock (now?: () => Date): void {
  current = now ?? (() => new Date())
}
