import { sortForRedrive } from './ordering.js';
import { parseQuarantineKey, type QuarantineKeyParts } from './quarantine-key.js';

/** The listed keys, sorted out before any object is read. */
export interface KeySelection {
  /** Keys to read, in re-drive order. */
  readonly candidates: QuarantineKeyParts[];
  /** Keys without the quarantine layout: they are skipped and kept. */
  readonly unrecognised: string[];
  /** Keys of records that arrived before `since`. */
  readonly beforeSince: number;
}

/**
 * Parses the listed keys, drops those before `since` (the key holds the arrival day, so no
 * object needs reading for that) and sorts the rest into re-drive order.
 *
 * @example
 * ```ts
 * const { candidates, unrecognised, beforeSince } = selectKeys(keys, { since: '2026-11-01' });
 * ```
 */
export function selectKeys(keys: readonly string[], filters: { readonly since: string | undefined }): KeySelection {
  const parsed: QuarantineKeyParts[] = [];
  const unrecognised: string[] = [];
  let beforeSince = 0;
  for (const key of keys) {
    const parts = parseQuarantineKey(key);
    if (parts === undefined) unrecognised.push(key);
    else if (filters.since !== undefined && parts.day < filters.since) beforeSince++;
    else parsed.push(parts);
  }
  return { candidates: sortForRedrive(parsed), unrecognised, beforeSince };
}
