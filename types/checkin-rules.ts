/**
 * Check-in rules the pages and the server share, as plain constants (no zod here: imported at runtime by src/).
 */

/** Staff may 代签 (补签 from a paper list) until this many days after an activity ends. */
export const PROXY_LATE_DAYS = 3
export const PROXY_LATE_MS = PROXY_LATE_DAYS * 24 * 3600_000
