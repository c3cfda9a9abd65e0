// Small wording helpers shared by every service's replies.

/** `1 alert`, `3 alerts`, `2 unresolved incidents`. */
export const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`
